//! Criterion benchmarks: (a) a typical docassemble `code:` block run against an
//! already-compiled Program and a fresh Namespace; (b) a question text with five `${ }`
//! and a `% if`, compiled once and rendered.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may unwrap

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use lang::template::Template;
use lang::{Limits, Namespace, Origin, Program, Vm};

/// A typical 20-line code block: assignments, if/else, a loop over a list of dicts,
/// string formatting.
const CODE_BLOCK: &str = r#"incomes = [
    {'source': 'job', 'amount': 2500.0, 'period': 12},
    {'source': 'rent', 'amount': 400.0, 'period': 12},
    {'source': 'gift', 'amount': 1000.0, 'period': 1},
]
household_size = 3
total_income = 0
for item in incomes:
    total_income += item['amount'] * item['period']
if household_size > 2:
    threshold = 20000 + 5000 * (household_size - 2)
else:
    threshold = 20000
eligible = total_income < threshold * 2
sources = ', '.join(sorted(i['source'] for i in incomes))
summary = 'Income of $%s from %s' % ('{:,.2f}'.format(total_income), sources)
if eligible:
    status = 'eligible'
else:
    status = 'not eligible'
message = f'{summary}: {status} (limit {threshold * 2:,})'
"#;

/// A question text with five `${ }` and a `% if`.
const QUESTION: &str = r#"Hello, ${ user_name }.

Your household has ${ household_size } members and an annual income of
${ '${:,.2f}'.format(total_income) }.
% if eligible:
You appear to be **eligible** for ${ program_name }.
% else:
You do not appear to be eligible for ${ program_name }.
% endif
Your reference number is ${ reference.upper() }.
"#;

/// A namespace with the variables the question text reads.
fn question_namespace() -> Namespace {
    let ns = Namespace::new();
    let setup = Program::compile(
        "user_name = 'Ann Smith'\nhousehold_size = 3\ntotal_income = 35800.0\neligible = True\n\
         program_name = 'Legal Aid'\nreference = 'abc-123'\n",
        Origin::anonymous(),
    )
    .unwrap();
    let mut out = String::new();
    Vm::new(Limits::default(), &mut out)
        .exec(&setup, &ns)
        .unwrap();
    ns
}

fn bench_code_block(c: &mut Criterion) {
    let program = Program::compile(CODE_BLOCK, Origin::new("bench.yml", 10, 2)).unwrap();
    // Sanity: the block runs and computes what we think.
    {
        let ns = Namespace::new();
        let mut out = String::new();
        Vm::new(Limits::default(), &mut out)
            .exec(&program, &ns)
            .unwrap();
        assert_eq!(
            ns.get("message").map(|v| v.str()),
            Some("Income of $35,800.00 from gift, job, rent: eligible (limit 50,000)".to_string())
        );
    }
    c.bench_function("exec 20-line code block (compiled, fresh namespace)", |b| {
        b.iter(|| {
            let ns = Namespace::new();
            let mut out = String::new();
            let mut vm = Vm::new(Limits::default(), &mut out);
            vm.exec(black_box(&program), &ns).unwrap();
            black_box(ns)
        })
    });
    c.bench_function("compile 20-line code block", |b| {
        b.iter(|| Program::compile(black_box(CODE_BLOCK), Origin::anonymous()).unwrap())
    });
}

fn bench_template(c: &mut Criterion) {
    let template = Template::compile(QUESTION, Origin::new("bench.yml", 40, 0)).unwrap();
    let ns = question_namespace();
    let escape = |s: &str| s.to_string();
    {
        let mut out = String::new();
        let mut vm = Vm::new(Limits::default(), &mut out);
        let text = template.render(&mut vm, &ns, &escape).unwrap();
        assert!(
            text.contains("$35,800.00")
                && text.contains("**eligible**")
                && text.contains("ABC-123"),
            "{text}"
        );
    }
    c.bench_function("render question text (5 ${ }, % if)", |b| {
        b.iter(|| {
            let mut out = String::new();
            let mut vm = Vm::new(Limits::default(), &mut out);
            black_box(template.render(&mut vm, black_box(&ns), &escape).unwrap())
        })
    });
}

/// How long `while True: pass` takes to hit the default step limit (must be well under 1 s).
fn bench_runaway(c: &mut Criterion) {
    let program = Program::compile("while True:\n    pass\n", Origin::anonymous()).unwrap();
    let calls = Program::compile(
        "def f(n):\n    return f(n - 1) + f(n - 1) if n else 1\nf(40)\n",
        Origin::anonymous(),
    )
    .unwrap();
    let mut group = c.benchmark_group("runaway code, default limits");
    group.sample_size(10);
    group.bench_function("while True: pass until limit: steps", |b| {
        b.iter(|| {
            let ns = Namespace::new();
            let mut out = String::new();
            let r = Vm::new(Limits::default(), &mut out).exec(&program, &ns);
            assert!(matches!(r, Err(lang::Error::Limit(lang::LimitKind::Steps))));
        })
    });
    group.bench_function("exponential recursion until limit: steps", |b| {
        b.iter(|| {
            let ns = Namespace::new();
            let mut out = String::new();
            let r = Vm::new(Limits::default(), &mut out).exec(&calls, &ns);
            assert!(matches!(r, Err(lang::Error::Limit(_))));
        })
    });
    let loops = Template::compile(
        "% for i in range(10**4):\n% for j in range(10**4):\n${ i * j }\n% endfor\n% endfor\n",
        Origin::anonymous(),
    )
    .unwrap();
    group.bench_function("template nested loops until limit", |b| {
        b.iter(|| {
            let ns = Namespace::new();
            let mut out = String::new();
            let mut vm = Vm::new(Limits::default(), &mut out);
            let r = loops.render(&mut vm, &ns, &|s: &str| s.to_string());
            assert!(matches!(r, Err(lang::Error::Limit(_))));
        })
    });
    group.finish();
}

criterion_group!(benches, bench_code_block, bench_template, bench_runaway);
criterion_main!(benches);
