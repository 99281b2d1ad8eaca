//! Unit tests of the evaluator.

use super::*;
use std::rc::Rc;

fn run(src: &str) -> String {
    let mut out = String::new();
    match run_source(src, Origin::anonymous(), Limits::default(), &mut out) {
        Ok(()) => out,
        Err(e) => format!("{out}!{e}"),
    }
}

#[test]
fn basics() {
    assert_eq!(run("x = 1 + 2\nprint(x)"), "3\n");
    assert_eq!(run("for i in range(3):\n    print(i, end=' ')"), "0 1 2 ");
    assert_eq!(
        run("if 1 < 2:\n    print('yes')\nelse:\n    print('no')"),
        "yes\n"
    );
}

#[test]
fn iterable_objects_slice_as_the_list_of_their_items() {
    let src = "class C:\n    def __iter__(self):\n        return iter([1, 2, 3, 4])\nprint(C()[1:3], C()[::-2])\nclass D:\n    pass\nprint(D()[1:])";
    let out = run(src);
    assert!(out.starts_with("[2, 3] [4, 2]\n!"), "{out}");
    assert!(out.contains("not subscriptable by a slice"), "{out}");
}

#[test]
fn compiled_code_is_send_and_sync() {
    fn check<T: Send + Sync>() {}
    check::<Program>();
    check::<Expression>();
    check::<Target>();
    check::<Error>();
    check::<RunError>();
}

/// Runs `src` in a fresh Vm that borrows `random`, returning what it printed.
fn run_with_random(src: &str, random: &mut Random) -> String {
    let program = Program::compile(src, Origin::anonymous()).unwrap();
    let mut out = String::new();
    let ns = Namespace::new();
    Vm::new(Limits::default(), &mut out).with_random(random).exec(&program, &ns).unwrap();
    out
}

#[test]
fn the_random_module_draws_from_the_generator_the_host_lends() {
    let src = "import random\nprint(random.randint(1, 1000000), random.random())";
    let (mut a, mut b, mut c) = (Random::from_seed(7), Random::from_seed(7), Random::from_seed(8));
    let first = run_with_random(src, &mut a);
    assert_eq!(first, run_with_random(src, &mut b), "same seed, same draws");
    assert_ne!(first, run_with_random(src, &mut c), "another seed, other draws");
    // the lent generator carries on across evaluations instead of starting over
    assert_ne!(first, run_with_random(src, &mut a));
    // random.seed() inside the program still makes the draws deterministic
    let seeded = "import random\nrandom.seed(42)\nprint(random.random())";
    assert_eq!(run_with_random(seeded, &mut a), run_with_random(seeded, &mut c));
}

fn run_with_stack(src: &str, limits: Limits, stack: usize) -> Option<String> {
    let src = src.to_string();
    std::thread::Builder::new()
        .stack_size(stack)
        .spawn(move || {
            let mut out = String::new();
            match run_source(&src, Origin::anonymous(), limits, &mut out) {
                Ok(()) => out,
                Err(e) => format!("{out}!{e}"),
            }
        })
        .ok()?
        .join()
        .ok()
}

#[test]
fn deep_recursion_is_a_limit_not_a_crash() {
    let src = "def f(n):\n    return f(n + 1) + 1\nf(0)";
    let r = run_with_stack(src, Limits::default(), 8 << 20);
    assert_eq!(r.as_deref(), Some("!limit: recursion"));
}

#[test]
#[ignore]
fn measure_drop_depth() {
    for n in [10_000usize, 20_000, 50_000, 100_000, 200_000] {
        let ok = std::thread::Builder::new()
            .stack_size(8 << 20)
            .spawn(move || {
                let mut x = Value::list(vec![]);
                for _ in 0..n {
                    x = Value::list(vec![x]);
                }
                drop(x);
            })
            .unwrap()
            .join()
            .is_ok();
        println!("{n} {ok}");
    }
}

#[test]
fn deep_structures_do_not_overflow_the_stack() {
    let cases = [
        "x = []\nfor i in range(100000):\n    x = [x]\nx = None\nprint('ok')",
        "x = ()\nfor i in range(100000):\n    x = (x,)\nprint('ok')",
        "x = {}\nfor i in range(100000):\n    x = {'a': x}\nprint('ok')",
        "def f():\n    x = []\n    for i in range(100000):\n        x = [x]\n    return 1\nprint('ok' if f() else '')",
        "def f():\n    x = []\n    for i in range(100000):\n        x = [x]\n    return x\nlen(f())\nprint('ok')",
        "x = []\nfor i in range(100000):\n    y = []\n    y.append(x)\n    x = y\ndel x\nprint('ok')",
        "x = []\nfor i in range(100000):\n    x = [x]\nprint(len(str(x)))",
    ];
    for src in cases {
        let r = run_with_stack(src, Limits::default(), 8 << 20);
        let r = r.unwrap_or_else(|| panic!("crashed: {src}"));
        assert!(r == "ok\n" || r.contains("RecursionError"), "{src}: {r}");
    }
}

fn run_ns(src: &str, ns: &Namespace) -> Result<String, (String, Error)> {
    let mut out = String::new();
    let p = Program::compile(src, Origin::anonymous()).unwrap();
    let mut vm = Vm::new(Limits::default(), &mut out);
    let r = vm.exec(&p, ns);
    drop(vm);
    match r {
        Ok(()) => Ok(out),
        Err(e) => Err((out, e)),
    }
}

fn undefined(src: &str) -> String {
    match run_ns(src, &Namespace::new()) {
        Err((_, Error::Undefined(p))) => p,
        other => panic!("{src}: expected Undefined, got {other:?}"),
    }
}

#[test]
fn undefined_paths_are_spelled_like_docassemble() {
    assert_eq!(undefined("print(x)"), "x");
    assert_eq!(
        undefined("class O:\n    pass\nuser = O()\nprint(user.name)"),
        "user.name"
    );
    assert_eq!(
        undefined("class O:\n    pass\nuser = O()\nuser.name = O()\nprint(user.name.first)"),
        "user.name.first"
    );
    assert_eq!(undefined("fruit = ['a']\nprint(fruit[1])"), "fruit[1]");
    assert_eq!(
        undefined("prices = {'pear': 1}\nprint(prices['apple'])"),
        "prices['apple']"
    );
    assert_eq!(
        undefined("class O:\n    pass\npeople = [O()]\npeople[0].name = O()\ni = 0\nprint(people[i].name.first)"),
        "people[0].name.first"
    );
    // An object keeps the name it was first assigned to, even when reached another way.
    assert_eq!(
        undefined("class O:\n    pass\nuser = O()\nu = user\nprint(u.age)"),
        "user.age"
    );
    // Objects created inside containers get their path as instance name.
    assert_eq!(
        undefined("class O:\n    pass\nkids = [None]\nkids[0] = O()\nk = kids[0]\nprint(k.age)"),
        "kids[0].age"
    );
    // Inside functions.
    assert_eq!(
        undefined("def f():\n    return missing + 1\nf()"),
        "missing"
    );
}

#[test]
fn undefined_inside_try_is_a_normal_exception() {
    let cases = [
        ("try:\n    x\nexcept NameError as e:\n    print(str(e))", "name 'x' is not defined\n"),
        (
            "class O:\n    pass\no = O()\ntry:\n    o.y\nexcept AttributeError as e:\n    print(e)",
            "'O' object has no attribute 'y'\n",
        ),
        ("d = {}\ntry:\n    d['k']\nexcept KeyError as e:\n    print(repr(e), str(e))", "KeyError('k') 'k'\n"),
        ("l = []\ntry:\n    l[3]\nexcept IndexError as e:\n    print(e)", "list index out of range\n"),
        ("l = []\ntry:\n    l[3]\nexcept LookupError as e:\n    print(type(e) == IndexError)", "True\n"),
        ("try:\n    x\nexcept Exception:\n    print('caught')", "caught\n"),
        ("try:\n    x\nexcept:\n    print('bare')", "bare\n"),
        ("try:\n    try:\n        x\n    except KeyError:\n        print('no')\nexcept NameError:\n    print('outer')", "outer\n"),
    ];
    for (src, want) in cases {
        assert_eq!(
            run_ns(src, &Namespace::new()).map_err(|e| e.1.to_string()),
            Ok(want.to_string()),
            "{src}"
        );
    }
    // A handler that does not match lets the Undefined through.
    match run_ns("try:\n    x\nexcept KeyError:\n    pass", &Namespace::new()) {
        Err((_, Error::Undefined(p))) => assert_eq!(p, "x"),
        other => panic!("{other:?}"),
    }
    // hasattr / getattr with a default do not escape.
    assert_eq!(
        run_ns(
            "class O:\n    pass\no = O()\nprint(hasattr(o, 'a'), getattr(o, 'a', 5))",
            &Namespace::new()
        )
        .unwrap(),
        "False 5\n"
    );
}

#[test]
fn exceptions_behave_like_python() {
    let cases = [
        ("try:\n    1/0\nexcept ZeroDivisionError as e:\n    print(e)", "division by zero\n"),
        ("try:\n    raise ValueError('bad')\nexcept Exception as e:\n    print(type(e) == ValueError, e)", "True bad\n"),
        ("class E(ValueError):\n    pass\ntry:\n    raise E('x')\nexcept ValueError as e:\n    print('got', e)", "got x\n"),
        (
            "class E(Exception):\n    def __init__(self, msg, code):\n        super().__init__(msg)\n        self.code = code\ntry:\n    raise E('m', 3)\nexcept E as e:\n    print(e, e.code)",
            "m 3\n",
        ),
        ("try:\n    raise KeyError\nexcept KeyError as e:\n    print(repr(e))", "KeyError()\n"),
        (
            "def f():\n    try:\n        return 1\n    finally:\n        print('fin')\nprint(f())",
            "fin\n1\n",
        ),
        (
            "try:\n    pass\nexcept Exception:\n    pass\nelse:\n    print('else')\nfinally:\n    print('finally')",
            "else\nfinally\n",
        ),
        ("try:\n    try:\n        raise ValueError('a')\n    except ValueError:\n        raise\nexcept ValueError as e:\n    print('re', e)", "re a\n"),
        ("try:\n    assert 1 == 2, 'nope'\nexcept AssertionError as e:\n    print(e)", "nope\n"),
        ("try:\n    int('x')\nexcept (TypeError, ValueError) as e:\n    print(e)", "invalid literal for int() with base 10: 'x'\n"),
    ];
    for (src, want) in cases {
        assert_eq!(
            run_ns(src, &Namespace::new()).map_err(|e| e.1.to_string()),
            Ok(want.to_string()),
            "{src}"
        );
    }
    match run_ns("x = 1\ny = 2\nraise ValueError('boom')", &Namespace::new()) {
        Err((
            _,
            Error::Exception {
                kind,
                message,
                line,
            },
        )) => {
            assert_eq!(
                (kind.as_str(), message.as_str(), line),
                ("ValueError", "boom", 3)
            )
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn sandbox_refusals() {
    for src in [
        "open('x')",
        "eval('1')",
        "exec('1')",
        "__import__('os')",
        "globals()",
        "import os",
        "from os import path",
        "x = (1).__class__",
        "getattr(1, '__class__')",
        "class A:\n    pass\nsetattr(A(), '_x', 1)",
        "class A:\n    pass\nA()._x",
        "print(__builtins__)",
    ] {
        match run_ns(src, &Namespace::new()) {
            Err((_, Error::Forbidden(_))) => {}
            other => panic!("{src}: {other:?}"),
        }
    }
    // The engine's `_internal` is an ordinary name.
    let ns = Namespace::new();
    ns.set("_internal", Value::dict(value::Dict::default()));
    assert_eq!(
        run_ns("_internal['a'] = 1\nprint(_internal)", &ns).unwrap(),
        "{'a': 1}\n"
    );
}

#[test]
fn limits_are_enforced_quickly() {
    let t = std::time::Instant::now();
    let mut out = String::new();
    let r = run_source(
        "while True:\n    pass",
        Origin::anonymous(),
        Limits::default(),
        &mut out,
    );
    assert!(matches!(
        r,
        Err(RunError::Eval(Error::Limit(LimitKind::Steps)))
    ));
    assert!(t.elapsed().as_secs() < 10);
    for (src, kind) in [
        ("x = 'a' * 10**10", LimitKind::Length),
        ("x = [1] * 10**9", LimitKind::Length),
        ("x = list(range(10**10))", LimitKind::Length),
    ] {
        let t = std::time::Instant::now();
        let r = run_source(src, Origin::anonymous(), Limits::default(), &mut out);
        assert!(
            matches!(r, Err(RunError::Eval(Error::Limit(k))) if k == kind),
            "{src}: {r:?}"
        );
        assert!(t.elapsed().as_millis() < 500, "{src}");
    }
}

struct TestHost {
    calls: u32,
}

impl Host for TestHost {
    fn global(&self, name: &str) -> Option<Value> {
        match name {
            "bump" => Some(Value::native("bump", |vm, _| {
                let h = vm
                    .host()
                    .and_then(|h| h.as_any().downcast_mut::<TestHost>());
                match h {
                    Some(h) => {
                        h.calls += 1;
                        Ok(Value::Int(h.calls as i64))
                    }
                    None => Ok(Value::None),
                }
            })),
            "stop" => Some(Value::native("stop", |_, _| {
                Err(Error::Interrupt(Box::new("stopped")))
            })),
            _ => None,
        }
    }
    fn as_any(&mut self) -> &mut dyn std::any::Any {
        self
    }
}

#[test]
fn host_globals_assign_eval_and_interrupts() {
    let mut host = TestHost { calls: 0 };
    let mut out = String::new();
    let ns = Namespace::new();
    {
        let mut vm = Vm::new(Limits::default(), &mut out).with_host(&mut host);
        let p = Program::compile(
            "print(bump(), bump())\ntry:\n    stop()\nexcept Exception:\n    print('no')",
            Origin::anonymous(),
        )
        .unwrap();
        match vm.exec(&p, &ns) {
            Err(Error::Interrupt(b)) => assert_eq!(b.downcast_ref::<&str>(), Some(&"stopped")),
            other => panic!("{other:?}"),
        }
        let class = Class::new("Individual", vec![]);
        ns.set("user", Value::new_object(class, Some("user")));
        let t = Target::compile("user.name.first", Origin::anonymous()).unwrap();
        assert!(
            matches!(vm.assign(&t, &ns, Value::from_str("Ann")), Err(Error::Undefined(p)) if p == "user.name")
        );
        let t = Target::compile("user.age", Origin::anonymous()).unwrap();
        vm.assign(&t, &ns, Value::Int(41)).unwrap();
        let e = Expression::compile("  user.age + 1", Origin::new("f.yml", 10, 4)).unwrap();
        assert_eq!(vm.eval(&e, &ns).unwrap().repr(), "42");
        let e = Expression::compile("user.name", Origin::anonymous()).unwrap();
        assert!(matches!(vm.eval(&e, &ns), Err(Error::Undefined(p)) if p == "user.name"));
        let t = Target::compile("fruit['apple']", Origin::anonymous()).unwrap();
        ns.set("fruit", Value::dict(value::Dict::default()));
        vm.assign(&t, &ns, Value::Int(3)).unwrap();
    }
    assert_eq!(out, "1 2\n");
    assert_eq!(host.calls, 2);
    assert_eq!(ns.get("fruit").unwrap().repr(), "{'apple': 3}");
}

#[test]
fn syntax_errors_carry_positions() {
    let e = Program::compile("x = 1\ny = (\n", Origin::new("f.yml", 10, 0)).unwrap_err();
    assert_eq!(&*e.file, "f.yml");
    assert!(e.line >= 11, "{e}");
    let e = Expression::compile("1 +", Origin::new("g.yml", 5, 8)).unwrap_err();
    assert_eq!(e.line, 5);
    assert!(e.column > 8, "{e}");
}

#[test]
fn functions_defined_by_exec_can_be_called_afterwards() {
    let mut out = String::new();
    let ns = Namespace::new();
    let mut vm = Vm::new(Limits::default(), &mut out);
    let p = Program::compile(
        "rate = 2\ndef double(x):\n    return x * rate",
        Origin::anonymous(),
    )
    .unwrap();
    vm.exec(&p, &ns).unwrap();
    let f = ns.get("double").unwrap();
    let r = vm.call(&f, Args::new(vec![Value::Int(21)])).unwrap();
    assert_eq!(r.repr(), "42");
}

#[test]
fn stale_exception_objects_are_not_reused() {
    let src = "class O:\n    pass\no = O()\nprint(hasattr(o, 'x'))\ntry:\n    raise ValueError('first')\nexcept ValueError:\n    pass\ntry:\n    int('zz')\nexcept ValueError as e:\n    print(e)";
    assert_eq!(
        run(src),
        "False\ninvalid literal for int() with base 10: 'zz'\n"
    );
}

#[test]
fn functions_keep_their_globals_in_a_fresh_vm() {
    let ns = Namespace::new();
    let mut out = String::new();
    {
        let mut vm = Vm::new(Limits::default(), &mut out);
        let p = Program::compile(
            "rate = 3\ndef triple(x):\n    return x * rate",
            Origin::anonymous(),
        )
        .unwrap();
        vm.exec(&p, &ns).unwrap();
    }
    let f = ns.get("triple").unwrap();
    let mut vm = Vm::new(Limits::default(), &mut out);
    assert_eq!(
        vm.call(&f, Args::new(vec![Value::Int(5)])).unwrap().repr(),
        "15"
    );
}

#[test]
fn worst_case_nesting_fits_an_8mib_stack() {
    // 100 nested calls, each inside an expression nested ~190 deep.
    let open = "(1 + ".repeat(190);
    let close = ")".repeat(190);
    let src = format!("def f(n):\n    return 0 if n == 0 else {open}f(n - 1){close}\nprint(f(95))");
    let r = run_with_stack(&src, Limits::default(), 8 << 20);
    assert!(r.is_some(), "stack overflow");
    let nested_lists = format!("x = {}1{}\nprint(x)", "[".repeat(199), "]".repeat(199));
    assert!(run_with_stack(&nested_lists, Limits::default(), 8 << 20).is_some());
}

#[test]
fn expression_sources_from_yaml_compile() {
    let ns = Namespace::new();
    ns.set("x", Value::Int(1));
    let mut out = String::new();
    let mut vm = Vm::new(Limits::default(), &mut out);
    for src in [
        " x == 1 ",
        "x == 1\n",
        "(x\n  + 0) == 1",
        "x == 1  # comment",
        "\n  x == 1\n",
        "x ==\\\n 1",
        "x == 1 and\n  True",
    ] {
        let e = Expression::compile(src, Origin::new("f.yml", 3, 6))
            .unwrap_or_else(|e| panic!("{src:?}: {e}"));
        assert!(vm.eval(&e, &ns).unwrap().truthy(), "{src:?}");
    }
    let e = Expression::compile("\n  x +", Origin::new("f.yml", 3, 6)).unwrap_err();
    assert_eq!(e.line, 4, "{e}");
}

#[test]
fn containers_mutated_while_indexing_do_not_panic() {
    let src = "x = [1, 2, 3]\ndef f():\n    x.clear()\n    return 3\nprint(x[:f()])\nx = [1, 2, 3]\nx[0:f()] = [9]\nprint(x)\nx = [1, 2, 3]\nx[::2] = [f(), 5] if False else [7, 8]\nprint(x)\nr = range(-9223372036854775807 - 1, 9223372036854775807, 4611686018427387904)\nprint(r[3], 0 in r)";
    assert_eq!(run(src), "[]\n[9]\n[7, 2, 8]\n4611686018427387904 True\n");
}

#[test]
fn reference_cycles_are_freed() {
    // A class with methods, a self-referential list and dict, an object cycle.
    let ns = Namespace::new();
    run_ns(
        "class C:\n    def m(self):\n        return 1\na = []\na.append(a)\nd = {}\nd['d'] = d\no = C()\no.me = o\np = C()\nq = C()\np.q = q\nq.p = p",
        &ns,
    )
    .unwrap();
    let weak_class = match ns.get("C") {
        Some(Value::Class(c)) => Rc::downgrade(&c),
        other => panic!("{other:?}"),
    };
    let weak_list = match ns.get("a") {
        Some(Value::List(l)) => Rc::downgrade(&l),
        other => panic!("{other:?}"),
    };
    let weak_obj = match ns.get("p") {
        Some(Value::Object(o)) => Rc::downgrade(&o),
        other => panic!("{other:?}"),
    };
    drop(ns);
    assert!(weak_class.upgrade().is_none(), "class leaked");
    assert!(weak_list.upgrade().is_none(), "list leaked");
    assert!(weak_obj.upgrade().is_none(), "object cycle leaked");

    // A closure stored in the scope it captures, on every call.
    let ns = Namespace::new();
    run_ns(
        "def outer(n):\n    def helper(k):\n        return k + n\n    return helper(1)\nfor i in range(10):\n    outer(i)\ndef counter():\n    c = [0]\n    def inc():\n        c[0] += 1\n        return c[0]\n    return inc\nf = counter()\nf()\nprint(f())",
        &ns,
    )
    .map(|out| assert_eq!(out, "2\n"))
    .unwrap();
    let weak_scope = match ns.get("f") {
        Some(Value::Function(f)) => Rc::downgrade(f.closure.as_ref().unwrap()),
        other => panic!("{other:?}"),
    };
    drop(ns);
    assert!(
        weak_scope.upgrade().is_none(),
        "escaped closure scope leaked"
    );
}

#[test]
fn shared_values_survive_collection() {
    // Values still referenced from outside the namespace are not emptied.
    let ns = Namespace::new();
    run_ns("a = []\na.append(a)\na.append(1)", &ns).unwrap();
    let kept = ns.get("a").unwrap();
    drop(ns);
    assert_eq!(kept.repr(), "[[...], 1]");
}

#[test]
fn known_corpus_edge_cases() {
    assert_eq!(
        run("print({1.0: 2.0}, {1: 'a', 1.0: 'b'}, 1.0 in {1}, {True: 1, 1: 2})"),
        "{1.0: 2.0} {1: 'b'} True {True: 2}\n"
    );
    assert_eq!(
        run("print(range(5).index(3), range(0, 10, 2).count(4), range(3).count(7))"),
        "3 1 0\n"
    );
    assert_eq!(
        run("d = {'a': 1}\ntry:\n    for k in d:\n        d['new'] = 2\nexcept RuntimeError as e:\n    print(e)"),
        "dictionary changed size during iteration\n"
    );
}

#[test]
#[ignore]
fn perf_breakdown() {
    let code = include_str!("../benches/eval.rs");
    let start = code.find("r#\"").unwrap() + 3;
    let end = code[start..].find("\"#").unwrap() + start;
    let src = &code[start..end];
    let p = Program::compile(src, Origin::anonymous()).unwrap();
    let n = 20_000;
    let mut out = String::new();
    let mut keep = Vec::with_capacity(n);
    let t = std::time::Instant::now();
    for _ in 0..n {
        let ns = Namespace::new();
        let mut vm = Vm::new(Limits::default(), &mut out);
        vm.exec(&p, &ns).unwrap();
        drop(vm);
        keep.push(ns);
    }
    let exec = t.elapsed();
    let t = std::time::Instant::now();
    drop(keep);
    let dropping = t.elapsed();
    println!(
        "exec {:?}/iter, drop {:?}/iter",
        exec / n as u32,
        dropping / n as u32
    );
}

#[test]
#[ignore]
fn perf_loop() {
    let code = include_str!("../benches/eval.rs");
    let start = code.find("r#\"").unwrap() + 3;
    let end = code[start..].find("\"#").unwrap() + start;
    let p = Program::compile(&code[start..end], Origin::anonymous()).unwrap();
    let n = 50_000;
    let mut out = String::new();
    let t = std::time::Instant::now();
    for _ in 0..n {
        let ns = Namespace::new();
        let mut vm = Vm::new(Limits::default(), &mut out);
        vm.exec(&p, &ns).unwrap();
    }
    println!("exec+drop {:?}/iter", t.elapsed() / n as u32);
}

#[test]
fn temporary_deep_values_are_freed_without_recursion() {
    let src = "def deep():\n    x = []\n    for i in range(100000):\n        x = [x]\n    return x\nprint(deep() == 1, len(deep()[0]) == 1, deep() is None)\nx = deep()\ndel x[:]\nprint('ok')";
    let r = run_with_stack(src, Limits::default(), 8 << 20);
    assert_eq!(r.as_deref(), Some("False True False\nok\n"));
}

/// Compiles every `.py` file of `$LANG_COMPILE_DIR` and lists those that do not compile.
#[test]
#[ignore]
fn compile_directory() {
    let Ok(dir) = std::env::var("LANG_COMPILE_DIR") else {
        return;
    };
    let mut bad = 0;
    let mut total = 0;
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    entries.sort();
    for p in entries {
        let ext = p.extension().and_then(|e| e.to_str()).unwrap_or("");
        if ext != "py" && ext != "expr" {
            continue;
        }
        total += 1;
        let src = std::fs::read_to_string(&p).unwrap();
        let origin = Origin::new(&p.display().to_string(), 1, 0);
        let r = if ext == "py" {
            Program::compile(&src, origin).map(|_| ())
        } else {
            Expression::compile(&src, origin).map(|_| ())
        };
        if let Err(e) = r {
            bad += 1;
            println!("{}: {e}", src.lines().next().unwrap_or(""));
        }
    }
    println!("{bad} of {total} do not compile");
}

#[test]
fn with_statements_run_and_open_is_refused() {
    let src = "class M:\n    def __enter__(self):\n        print('enter')\n        return 5\n    def __exit__(self, a, b, c):\n        print('exit')\nwith M() as v, M():\n    print(v)";
    assert_eq!(run(src), "enter\nenter\n5\nexit\nexit\n");
    assert_eq!(
        run("with open('/etc/passwd') as f:\n    print(f.read())"),
        "!forbidden: open"
    );
}

#[test]
fn methods_that_discard_deep_items_do_not_overflow() {
    for src in [
        "x = []\nfor i in range(100000):\n    x = [x]\ny = [x]\nx = None\ny.clear()\nprint('ok')",
        "x = []\nfor i in range(100000):\n    x = [x]\nd = {'a': x}\nx = None\nd.clear()\nprint('ok')",
        "x = []\nfor i in range(100000):\n    x = [x]\nd = {'a': x}\nx = None\nd.pop('a')\nprint('ok')",
        "x = []\nfor i in range(100000):\n    x = [x]\ny = [x]\nx = None\ny.remove(y[0])\nprint('ok')",
    ] {
        let r = run_with_stack(src, Limits::default(), 8 << 20);
        assert_eq!(r.as_deref(), Some("ok\n"), "{src}");
    }
}

#[test]
fn walrus_in_comprehension_binds_outside() {
    assert_eq!(
        run("ys = [y for x in [1, 2, 3] if (y := x * 2) > 2]\nprint(ys, y)"),
        "[4, 6] 6\n"
    );
    assert_eq!(
        run("def f():\n    [z := i for i in range(3)]\n    return z\nprint(f())"),
        "2\n"
    );
}

#[test]
fn undefined_keeps_its_exception_kind_through_unmatched_handlers() {
    let src = "d = {}\ntry:\n    try:\n        d['k']\n    except AttributeError:\n        print('no')\nexcept KeyError as e:\n    print('key', e)";
    assert_eq!(run(src), "key 'k'\n");
}

#[test]
fn generator_expressions_are_lazy_and_limited() {
    assert_eq!(
        run("print(any(True for _ in range(10**12)), next(x for x in range(10**12) if x > 5))"),
        "True 6\n"
    );
    // A runaway generator ends at the step limit, quickly.
    for src in [
        "print(sum(1 for _ in range(10**12)))",
        "print(any(False for _ in range(10**12)))",
        "for x in (y for y in range(10**12)):\n    pass",
        "print(max(a * b for a in range(10**6) for b in range(10**6)))",
    ] {
        let t = std::time::Instant::now();
        let mut out = String::new();
        let r = run_source(src, Origin::anonymous(), Limits::default(), &mut out);
        assert!(
            // the step budget, or the deadline on a slow (debug, shared) machine
            matches!(r, Err(RunError::Eval(Error::Limit(LimitKind::Steps | LimitKind::Time)))),
            "{src}: {r:?}"
        );
        assert!(t.elapsed().as_secs() < 20, "{src}");
    }
    let mut out = String::new();
    let r = run_source(
        "x = list(y for y in range(10**12))",
        Origin::anonymous(),
        Limits::default(),
        &mut out,
    );
    assert!(
        matches!(
            r,
            Err(RunError::Eval(Error::Limit(
                LimitKind::Steps | LimitKind::Length | LimitKind::Memory
            )))
        ),
        "{r:?}"
    );
    // Re-entry is an error, not a panic.
    assert!(run("g = (next(g) for _ in range(3))\nnext(g)").contains("ValueError"));
}

#[test]
fn generator_cycles_are_freed() {
    // A generator stored in the scope its comprehension scope refers to (on every call),
    // and one stored in a list it iterates.
    let ns = Namespace::new();
    run_ns(
        "def mk(n):\n    g = (x + n for x in range(3))\n    h = [g]\n    return next(g)\nfor i in range(5):\n    mk(i)\ndef keep():\n    g = (x for x in range(2))\n    return g\nk = keep()\nlst = [1]\ngl = (v for v in lst)\nlst.append(gl)\nprint(next(gl))",
        &ns,
    )
    .map(|out| assert_eq!(out, "1\n"))
    .unwrap();
    let weak_gen = match ns.get("gl") {
        Some(Value::Iter(i)) => Rc::downgrade(&i),
        other => panic!("{other:?}"),
    };
    let weak_k = match ns.get("k") {
        Some(Value::Iter(i)) => Rc::downgrade(&i),
        other => panic!("{other:?}"),
    };
    drop(ns);
    assert!(weak_gen.upgrade().is_none(), "generator cycle leaked");
    assert!(weak_k.upgrade().is_none(), "generator leaked");
}

#[test]
fn generator_in_function_scope_is_collected_after_the_call() {
    // The call's scope holds the generator, whose comprehension scope refers back to the
    // call's scope: a cycle per call. Each leaked generator would keep a reference to `lst`.
    let ns = Namespace::new();
    run_ns(
        "lst = [1, 2]\ndef mk():\n    g = (x for x in lst)\n    h = (y for y in g)\n    return next(h)\nfor i in range(5):\n    mk()",
        &ns,
    )
    .unwrap();
    match ns.get("lst") {
        Some(Value::List(l)) => assert_eq!(Rc::strong_count(&l), 2, "generators leaked"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn generator_runs_in_the_namespace_of_its_function() {
    let mut out = String::new();
    let ns = Namespace::new();
    let other = Namespace::new();
    {
        let mut vm = Vm::new(Limits::default(), &mut out);
        let p = Program::compile(
            "rate = 2\ndef gen():\n    return (x * rate for x in range(3))",
            Origin::anonymous(),
        )
        .unwrap();
        vm.exec(&p, &ns).unwrap();
        let f = ns.get("gen").unwrap();
        let g = vm.call(&f, Args::default()).unwrap();
        other.set("g", g);
        let p = Program::compile("print(list(g))", Origin::anonymous()).unwrap();
        vm.exec(&p, &other).unwrap();
    }
    assert_eq!(out, "[0, 2, 4]\n");
}

#[test]
fn class_and_name_readable_on_objects() {
    let src = concat!(
        "class Fish:\n    pass\n",
        "f = Fish()\n",
        "print(f.__class__.__name__)\n",
        "print(f.__class__ is Fish)\n",
        "def g():\n    pass\n",
        "print(g.__name__)\n",
        "try:\n    int('x')\nexcept Exception as err:\n    print(err.__class__.__name__)\n",
    );
    assert_eq!(run(src), "Fish\nTrue\ng\nValueError\n");
    // still refused: builtin values, other dunders, the class's internals, getattr
    assert!(run("print((1).__class__)").contains("forbidden"));
    assert!(run("print(type(1).__name__)").contains("forbidden"));
    assert!(run("class A:\n    pass\nprint(A().__class__.__mro__)").contains("forbidden"));
    assert!(run("class A:\n    pass\nprint(A().__class__.__subclasses__())").contains("forbidden"));
    assert!(run("def g():\n    pass\nprint(g.__globals__)").contains("forbidden"));
    assert!(run("class A:\n    pass\nprint(getattr(A(), '__class__'))").contains("forbidden"));
    assert!(run("class A:\n    pass\na = A()\na.__class__ = int").contains("forbidden"));
    assert!(run("import json\nprint(json.__class__)").contains("forbidden"));
}

#[test]
fn walks_over_shared_structure_stop_at_the_step_limit() {
    for src in [
        "t = ()\nfor i in range(100):\n    t = (t, t)\nd = {t: 1}",
        "t = ()\nfor i in range(100):\n    t = (t, t)\nprint(hash(t))",
    ] {
        let start = std::time::Instant::now();
        let out = run(src);
        assert!(out.contains("!limit: "), "{src}: {out}");
        assert!(start.elapsed() < std::time::Duration::from_secs(20), "{src}: {:?}", start.elapsed());
    }
}

#[test]
fn decorators_property_classmethod_and_staticmethod() {
    let out = run(concat!(
        "def twice(f):\n",
        "    def g(x):\n",
        "        return f(f(x))\n",
        "    return g\n",
        "@twice\n",
        "def inc(x):\n",
        "    return x + 1\n",
        "class Fish:\n",
        "    count = 3\n",
        "    def init(self, name):\n",
        "        self.name = name\n",
        "    @property\n",
        "    def title(self):\n",
        "        return self.name.upper()\n",
        "    @classmethod\n",
        "    def many(cls, n):\n",
        "        return cls.count * n\n",
        "    @staticmethod\n",
        "    def plain(x):\n",
        "        return x * 10\n",
        "f = Fish()\n",
        "f.init('cod')\n",
        "print(inc(1), f.title, f.many(2), Fish.many(1), f.plain(2), Fish.plain(3))\n",
    ));
    assert_eq!(out.trim(), "3 COD 6 3 20 30");
}
