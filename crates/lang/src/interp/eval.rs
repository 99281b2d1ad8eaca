//! Expressions: evaluation, f-strings, arguments, comprehensions, generators, iteration and `str`/`repr`.

use super::*;

impl<'a> Vm<'a> {
    pub(crate) fn eval_expr(&mut self, e: &Expr, frame: &Frame) -> R<Value> {
        match e {
            Expr::Lit(_) | Expr::Name(_) => self.eval_inner(e, frame),
            // Deep recursion grows the stack on the heap instead of overflowing it.
            _ => stacker::maybe_grow(RED_ZONE, STACK_SEGMENT, || self.eval_inner(e, frame)),
        }
    }

    pub(super) fn eval_inner(&mut self, e: &Expr, frame: &Frame) -> R<Value> {
        match e {
            Expr::Lit(l) => Ok(match l {
                Lit::None => Value::None,
                Lit::Bool(b) => Value::Bool(*b),
                Lit::Int(i) => Value::Int(*i),
                Lit::Float(f) => Value::Float(*f),
                Lit::Str(s) => Value::Str(Rc::from(&**s)),
                Lit::BigInt => return Err(overflow()),
                Lit::Complex => {
                    return Err(Error::exception(
                        "ValueError",
                        "complex numbers are not supported",
                    ))
                }
            }),
            Expr::Name(n) => self.lookup_name(n, frame),
            Expr::Attr(obj, name) => {
                let o = self.eval_expr(obj, frame)?;
                if let Some(v) = readable_dunder(&o, name) {
                    return Ok(v);
                }
                let r = self.get_attr(&o, name, Some(obj), frame);
                crate::value::drop_value(o);
                r
            }
            Expr::SuperAttr(name) => self.super_attr(name, frame),
            Expr::Subscript(obj, idx) => {
                let o = self.eval_expr(obj, frame)?;
                if let Expr::Slice(lo, hi, st) = &**idx {
                    return self.get_slice(&o, lo, hi, st, frame);
                }
                let i = self.eval_expr(idx, frame)?;
                let r = self.get_item(&o, &i, Some(obj), frame);
                crate::value::drop_value(o);
                r
            }
            Expr::Slice(..) => Err(Error::exception(
                "TypeError",
                "slices are only supported inside [ ]",
            )),
            Expr::Call(f, args) => {
                let fv = match &**f {
                    Expr::Name(n) if &**n == "super" => {
                        return Err(Error::exception(
                            "RuntimeError",
                            "super() is only supported as super().name",
                        ))
                    }
                    _ => self.eval_expr(f, frame)?,
                };
                let args = self.eval_args(args, frame)?;
                self.call(&fv, args)
            }
            Expr::Bin(op, a, b) => {
                let a = self.eval_expr(a, frame)?;
                let b = self.eval_expr(b, frame)?;
                let r = self.binop(*op, &a, &b);
                // Operands may be the last reference to deep data: free it without recursion.
                crate::value::drop_value(a);
                crate::value::drop_value(b);
                r
            }
            Expr::BinChain(first, rest) => {
                let mut acc = self.eval_expr(first, frame)?;
                for (op, e) in rest {
                    let b = self.eval_expr(e, frame)?;
                    acc = self.binop(*op, &acc, &b)?;
                }
                Ok(acc)
            }
            Expr::Unary(op, a) => {
                let v = self.eval_expr(a, frame)?;
                self.unary(*op, v)
            }
            Expr::BoolOp(is_and, values) => {
                let mut last = Value::None;
                for (i, v) in values.iter().enumerate() {
                    last = self.eval_expr(v, frame)?;
                    if i + 1 == values.len() {
                        break;
                    }
                    let t = self.truthy(&last)?;
                    if *is_and != t {
                        return Ok(last);
                    }
                }
                Ok(last)
            }
            Expr::Compare(left, rest) => {
                let mut l = self.eval_expr(left, frame)?;
                for (op, re) in rest {
                    let r = self.eval_expr(re, frame)?;
                    let ok = self.compare(*op, &l, &r);
                    crate::value::drop_value(std::mem::replace(&mut l, r));
                    if !ok? {
                        crate::value::drop_value(l);
                        return Ok(Value::Bool(false));
                    }
                }
                crate::value::drop_value(l);
                Ok(Value::Bool(true))
            }
            Expr::IfExp(test, body, orelse) => {
                let t = self.eval_expr(test, frame)?;
                if self.truthy(&t)? {
                    self.eval_expr(body, frame)
                } else {
                    self.eval_expr(orelse, frame)
                }
            }
            Expr::List(elts) => {
                let items = self.eval_elts(elts, frame)?;
                Ok(Value::list(items))
            }
            Expr::Tuple(elts) => {
                let items = self.eval_elts(elts, frame)?;
                Ok(Value::tuple(items))
            }
            Expr::Set(elts) => {
                let items = self.eval_elts(elts, frame)?;
                let mut d = Dict::with_capacity_and_hasher(items.len(), Default::default());
                for v in items {
                    let k = self.key_of(&v)?;
                    d.insert(k, Value::None);
                }
                Ok(Value::set(d))
            }
            Expr::Dict(items) => self.eval_dict(items, frame),
            Expr::Comp(kind, elt, key, gens) => {
                self.eval_comp(*kind, elt, key.as_deref(), gens, frame)
            }
            Expr::Gen(code) => self.make_gen(code, frame),
            Expr::Lambda(def) => self.make_function(def, frame),
            Expr::FString(parts) => {
                let s = self.eval_fstring(parts, frame)?;
                Ok(Value::Str(Rc::from(s)))
            }
            Expr::Named(name, value) => self.eval_named(name, value, frame),
        }
    }

    /// A dict display `{k: v, **other}`.
    fn eval_dict(&mut self, items: &[(Option<Expr>, Expr)], frame: &Frame) -> R<Value> {
        self.new_items(items.len())?;
        let mut d = Dict::with_capacity_and_hasher(items.len(), Default::default());
        for (k, v) in items {
            match k {
                Some(k) => {
                    let kv = self.eval_expr(k, frame)?;
                    let key = self.key_of(&kv)?;
                    let vv = self.eval_expr(v, frame)?;
                    d.insert(key, vv);
                }
                None => {
                    let other = self.eval_expr(v, frame)?;
                    match &other {
                        Value::Dict(o) => {
                            for (k, v) in o.borrow().iter() {
                                d.insert(k.clone(), v.clone());
                            }
                        }
                        _ => {
                            return Err(Error::exception(
                                "TypeError",
                                format!("'{}' object is not a mapping", other.type_name()),
                            ))
                        }
                    }
                }
            }
        }
        Ok(Value::dict(d))
    }

    /// An assignment expression `name := value`.
    fn eval_named(&mut self, name: &ir::Name, value: &Expr, frame: &Frame) -> R<Value> {
        let v = self.eval_expr(value, frame)?;
        // The walrus binds in the enclosing function scope, not the comprehension's.
        let mut target = frame.locals.clone();
        while let Some(sc) = &target {
            if sc.is_comp {
                target = sc.parent.clone();
            } else {
                break;
            }
        }
        let outer = Frame {
            locals: target,
            ..frame.clone()
        };
        self.store_name(name, v.clone(), &outer)?;
        Ok(v)
    }

    pub(super) fn eval_fstring(&mut self, parts: &[FPart], frame: &Frame) -> R<String> {
        let mut out = String::new();
        for p in parts {
            match p {
                FPart::Lit(s) => out.push_str(s),
                FPart::Value {
                    expr,
                    conv,
                    spec,
                    debug,
                } => {
                    if let Some(d) = debug {
                        out.push_str(d);
                    }
                    let v = self.eval_expr(expr, frame)?;
                    let v = match conv {
                        Some('r') | Some('a') => Value::Str(Rc::from(self.repr_of(&v)?)),
                        Some(_) => Value::Str(Rc::from(self.str_of(&v)?)),
                        None => v,
                    };
                    match spec {
                        Some(spec) => {
                            let spec = self.eval_fstring(spec, frame)?;
                            let s = crate::format::format_value(self, &v, &spec)?;
                            out.push_str(&s);
                        }
                        None => {
                            let s = self.str_of(&v)?;
                            out.push_str(&s);
                        }
                    }
                    self.new_str(out.len())?;
                }
            }
        }
        self.new_str(out.len())?;
        Ok(out)
    }

    pub(super) fn eval_elts(&mut self, elts: &[Elt], frame: &Frame) -> R<Vec<Value>> {
        let mut out = Vec::with_capacity(elts.len());
        for e in elts {
            match e {
                Elt::One(e) => out.push(self.eval_expr(e, frame)?),
                Elt::Star(e) => {
                    let v = self.eval_expr(e, frame)?;
                    out.extend(self.iterate(&v)?);
                }
            }
        }
        self.new_items(out.len())?;
        Ok(out)
    }

    pub(super) fn eval_args(&mut self, args: &[Arg], frame: &Frame) -> R<Args> {
        let mut out = Args {
            positional: Vec::with_capacity(args.len()),
            keyword: Vec::new(),
        };
        for a in args {
            match a {
                Arg::Pos(e) => out.positional.push(self.eval_expr(e, frame)?),
                Arg::Star(e) => {
                    let v = self.eval_expr(e, frame)?;
                    out.positional.extend(self.iterate(&v)?);
                }
                Arg::Kw(n, e) => {
                    let v = self.eval_expr(e, frame)?;
                    out.keyword.push((Rc::from(&**n), v));
                }
                Arg::StarStar(e) => {
                    let v = self.eval_expr(e, frame)?;
                    match &v {
                        Value::Dict(d) => {
                            for (k, v) in d.borrow().iter() {
                                match k {
                                    Key::Str(s) => out.keyword.push((s.clone(), v.clone())),
                                    _ => {
                                        return Err(Error::exception(
                                            "TypeError",
                                            "keywords must be strings",
                                        ))
                                    }
                                }
                            }
                        }
                        other => {
                            return Err(Error::exception(
                                "TypeError",
                                format!(
                                    "argument after ** must be a mapping, not {}",
                                    other.type_name()
                                ),
                            ))
                        }
                    }
                }
            }
        }
        Ok(out)
    }

    pub(super) fn eval_comp(
        &mut self,
        kind: CompKind,
        elt: &Expr,
        key: Option<&Expr>,
        gens: &[ir::CompFor],
        frame: &Frame,
    ) -> R<Value> {
        let scope = Rc::new(Scope {
            vars: RefCell::default(),
            parent: frame.locals.clone(),
            is_class: false,
            is_comp: true,
        });
        let inner = Frame {
            locals: Some(scope),
            func: frame.func.clone(),
            self_: frame.self_.clone(),
            class_ctx: None,
        };
        let mut list = Vec::new();
        let mut dict = Dict::default();
        // The first iterable is evaluated in the enclosing scope.
        let Some(g0) = gens.first() else {
            return Ok(Value::list(Vec::new()));
        };
        let first = self.eval_expr(&g0.iter, frame)?;
        self.comp_level(kind, elt, key, gens, 0, first, &inner, &mut list, &mut dict)?;
        Ok(match kind {
            CompKind::List => Value::list(list),
            CompKind::Gen => Value::Iter(Rc::new(RefCell::new(IterState {
                items: list,
                pos: 0,
                ..Default::default()
            }))),
            CompKind::Set | CompKind::Dict => {
                if kind == CompKind::Set {
                    Value::set(dict)
                } else {
                    Value::dict(dict)
                }
            }
        })
    }

    /// Creates a lazy generator: the first iterable is evaluated now, in the enclosing scope.
    pub(super) fn make_gen(&mut self, code: &Arc<ir::GenCode>, frame: &Frame) -> R<Value> {
        let Some(g0) = code.gens.first() else {
            return Ok(Value::Iter(Rc::default()));
        };
        let first = self.eval_expr(&g0.iter, frame)?;
        let cursor = self.cursor(first)?;
        let scope = Rc::new(Scope {
            vars: RefCell::default(),
            parent: frame.locals.clone(),
            is_class: false,
            is_comp: true,
        });
        self.alloc(64)?;
        Ok(Value::Iter(Rc::new(RefCell::new(IterState {
            items: Vec::new(),
            pos: 0,
            gen: Some(Box::new(GenState {
                code: code.clone(),
                scope,
                func: frame.func.clone(),
                self_: frame.self_.clone(),
                levels: vec![cursor],
            })),
            running: false,
        }))))
    }

    /// A cursor over an iterable.
    pub(super) fn cursor(&mut self, v: Value) -> R<Cursor> {
        Ok(match v {
            Value::List(l) => Cursor::List(l, 0),
            Value::Range(a, b, s) => {
                let n = crate::value::range_len(a, b, s);
                if n < 0 {
                    return Err(Error::exception(
                        "OverflowError",
                        "Python int too large to convert to C ssize_t",
                    ));
                }
                Cursor::Range(a, n, s)
            }
            Value::Iter(i) => Cursor::Iter(i),
            other => Cursor::Items(self.iterate(&other)?, 0),
        })
    }

    /// The next item of a cursor.
    pub(super) fn cursor_next(&mut self, c: &mut Cursor) -> R<Option<Value>> {
        Ok(match c {
            Cursor::Items(items, pos) => {
                let v = items.get(*pos).cloned();
                *pos += 1;
                v
            }
            Cursor::List(l, pos) => {
                let v = l.borrow().get(*pos).cloned();
                *pos += 1;
                v
            }
            Cursor::Range(next, left, step) => {
                if *left <= 0 {
                    None
                } else {
                    let v = *next;
                    *left -= 1;
                    *next = next.wrapping_add(*step);
                    Some(Value::Int(v))
                }
            }
            Cursor::Iter(i) => {
                let i = i.clone();
                self.iter_next(&i)?
            }
        })
    }

    /// The next item of an iterator value (computing it when the iterator is a generator
    /// expression); `None` when it is exhausted.
    pub(crate) fn iter_next(&mut self, it: &Rc<RefCell<IterState>>) -> R<Option<Value>> {
        let mut gen = {
            let mut st = it.borrow_mut();
            if st.running {
                return Err(Error::exception(
                    "ValueError",
                    "generator already executing",
                ));
            }
            match st.gen.take() {
                Some(g) => {
                    st.running = true;
                    g
                }
                None => {
                    let v = st.items.get(st.pos).cloned();
                    if v.is_some() {
                        st.pos += 1;
                    }
                    return Ok(v);
                }
            }
        };
        let r = self.gen_next(&mut gen);
        let mut st = it.borrow_mut();
        st.running = false;
        match r {
            Ok(Some(v)) => {
                st.gen = Some(gen);
                Ok(Some(v))
            }
            // Exhausted, or an exception went through it: the generator is finished.
            other => {
                drop(st);
                crate::value::drop_values(gen.into_values());
                other
            }
        }
    }

    pub(super) fn gen_next(&mut self, g: &mut GenState) -> R<Option<Value>> {
        // A generator made inside a function runs in that function's namespace, even when
        // it is consumed from another one (as calls do).
        let defining = g
            .func
            .as_ref()
            .and_then(|f| f.globals.as_ref())
            .and_then(std::rc::Weak::upgrade);
        let swapped = match defining {
            Some(ns) if !Rc::ptr_eq(&ns, &self.globals.0) => {
                Some(std::mem::replace(&mut self.globals, Namespace(ns)))
            }
            _ => None,
        };
        let r = self.gen_step(g);
        if let Some(saved) = swapped {
            self.globals = saved;
        }
        r
    }

    pub(super) fn gen_step(&mut self, g: &mut GenState) -> R<Option<Value>> {
        let code = g.code.clone();
        let frame = Frame {
            locals: Some(g.scope.clone()),
            func: g.func.clone(),
            self_: g.self_.clone(),
            class_ctx: None,
        };
        'next: loop {
            let depth = g.levels.len();
            let Some(top) = g.levels.last_mut() else {
                return Ok(None);
            };
            let item = self.cursor_next(top)?;
            let Some(item) = item else {
                g.levels.pop();
                continue;
            };
            self.step()?;
            let clause = &code.gens[depth - 1];
            self.assign_target(&clause.target, item, &frame)?;
            for cond in &clause.ifs {
                let c = self.eval_expr(cond, &frame)?;
                if !self.truthy(&c)? {
                    continue 'next;
                }
            }
            if depth < code.gens.len() {
                let next = self.eval_expr(&code.gens[depth].iter, &frame)?;
                let c = self.cursor(next)?;
                g.levels.push(c);
                continue;
            }
            return self.eval_expr(&code.elt, &frame).map(Some);
        }
    }

    #[allow(clippy::too_many_arguments)]
    pub(super) fn comp_level(
        &mut self,
        kind: CompKind,
        elt: &Expr,
        key: Option<&Expr>,
        gens: &[ir::CompFor],
        level: usize,
        iterable: Value,
        frame: &Frame,
        list: &mut Vec<Value>,
        dict: &mut Dict,
    ) -> R<()> {
        let g = &gens[level];
        let items = self.iterate(&iterable)?;
        'items: for item in items {
            self.step()?;
            self.assign_target(&g.target, item, frame)?;
            for cond in &g.ifs {
                let c = self.eval_expr(cond, frame)?;
                if !self.truthy(&c)? {
                    continue 'items;
                }
            }
            if level + 1 < gens.len() {
                let next = self.eval_expr(&gens[level + 1].iter, frame)?;
                self.comp_level(kind, elt, key, gens, level + 1, next, frame, list, dict)?;
            } else {
                match kind {
                    CompKind::List | CompKind::Gen => {
                        let v = self.eval_expr(elt, frame)?;
                        self.check_len(list.len() + 1)?;
                        self.alloc(16)?;
                        list.push(v);
                    }
                    CompKind::Set => {
                        let v = self.eval_expr(elt, frame)?;
                        let k = self.key_of(&v)?;
                        self.check_len(dict.len() + 1)?;
                        self.alloc(48)?;
                        dict.insert(k, Value::None);
                    }
                    CompKind::Dict => {
                        let kv = match key {
                            Some(k) => self.eval_expr(k, frame)?,
                            None => Value::None,
                        };
                        let k = self.key_of(&kv)?;
                        let v = self.eval_expr(elt, frame)?;
                        self.check_len(dict.len() + 1)?;
                        self.alloc(48)?;
                        dict.insert(k, v);
                    }
                }
            }
        }
        Ok(())
    }

    /// Python `str(v)` (calls `__str__` of objects).
    pub fn str_of(&mut self, v: &Value) -> R<String> {
        match v {
            Value::Str(s) => Ok(s.to_string()),
            Value::Object(_) => {
                if let Some(m) = self.special_method(v, "__str__") {
                    let r = self.call(&m, Args::default())?;
                    return match r {
                        Value::Str(s) => Ok(s.to_string()),
                        other => Err(Error::exception(
                            "TypeError",
                            format!("__str__ returned non-string (type {})", other.type_name()),
                        )),
                    };
                }
                if let Some(m) = self.special_method(v, "__repr__") {
                    let r = self.call(&m, Args::default())?;
                    return Ok(r.str());
                }
                Ok(v.str())
            }
            Value::List(_) | Value::Tuple(_) | Value::Dict(_) | Value::Set(_) => self.repr_of(v),
            other => Ok(other.str()),
        }
    }

    /// Python `repr(v)` (calls `__repr__` of objects, also inside containers).
    pub fn repr_of(&mut self, v: &Value) -> R<String> {
        if !self.walk(|| contains_objects(v, 0))? {
            crate::value::take_nest_overflow();
            let s = self.walk(|| v.repr())?;
            if crate::value::take_nest_overflow() {
                return Err(recursion_error("while getting the repr of an object"));
            }
            self.new_str(s.len())?;
            return Ok(s);
        }
        let mut out = String::new();
        self.repr_rec(v, &mut out, 0)?;
        Ok(out)
    }

    pub(super) fn repr_rec(&mut self, v: &Value, out: &mut String, depth: u32) -> R<()> {
        self.charge(1)?;
        if depth > crate::value::MAX_NEST {
            out.push_str("...");
            return Ok(());
        }
        self.check_len(out.len())?;
        match v {
            Value::Object(_) => {
                if let Some(m) = self.special_method(v, "__repr__") {
                    let r = self.call(&m, Args::default())?;
                    out.push_str(&r.str());
                } else {
                    v.repr_into(out, depth);
                }
            }
            Value::List(l) => {
                out.push('[');
                let items = l.borrow().clone();
                for (i, x) in items.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    self.repr_rec(x, out, depth + 1)?;
                }
                out.push(']');
            }
            Value::Tuple(t) => {
                out.push('(');
                for (i, x) in t.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    self.repr_rec(x, out, depth + 1)?;
                }
                if t.len() == 1 {
                    out.push(',');
                }
                out.push(')');
            }
            Value::Dict(d) => {
                out.push('{');
                let items: Vec<(Key, Value)> = d
                    .borrow()
                    .iter()
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect();
                for (i, (k, x)) in items.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    self.repr_rec(&k.to_value(), out, depth + 1)?;
                    out.push_str(": ");
                    self.repr_rec(x, out, depth + 1)?;
                }
                out.push('}');
            }
            other => other.repr_into(out, depth),
        }
        Ok(())
    }

    /// The items of an iterable.
    pub fn iterate(&mut self, v: &Value) -> R<Vec<Value>> {
        if let Value::List(_) | Value::Tuple(_) | Value::Dict(_) | Value::Set(_) = v {
            self.charge(crate::builtins::len_hint(v))?;
        }
        Ok(match v {
            Value::List(l) => l.borrow().clone(),
            Value::Tuple(t) => t.to_vec(),
            Value::Str(s) => {
                let mut out = Vec::with_capacity(s.len());
                for c in s.chars() {
                    out.push(Value::from_str(c.encode_utf8(&mut [0; 4])));
                }
                self.new_items(out.len())?;
                out
            }
            Value::Dict(d) | Value::Set(d) => d.borrow().keys().map(Key::to_value).collect(),
            Value::Range(a, b, s) => {
                let n = crate::value::range_len(*a, *b, *s);
                self.new_items(n as usize)?;
                let mut out = Vec::with_capacity(n as usize);
                let mut i = *a;
                for _ in 0..n {
                    out.push(Value::Int(i));
                    i = i.wrapping_add(*s);
                }
                out
            }
            Value::Iter(st) => {
                if st.borrow().gen.is_some() || st.borrow().running {
                    let mut out = Vec::new();
                    while let Some(v) = self.iter_next(st)? {
                        self.check_len(out.len() + 1)?;
                        self.alloc(16)?;
                        out.push(v);
                    }
                    return Ok(out);
                }
                let mut st = st.borrow_mut();
                let pos = st.pos.min(st.items.len());
                let rest = st.items[pos..].to_vec();
                st.pos = st.items.len();
                rest
            }
            Value::Object(_) => {
                if let Some(m) = self.special_method(v, "__iter__") {
                    let r = self.call(&m, Args::default())?;
                    if let Value::Object(_) = r {
                        return Err(Error::exception("TypeError", "iter() returned an object"));
                    }
                    return self.iterate(&r);
                }
                return Err(Error::exception(
                    "TypeError",
                    format!("'{}' object is not iterable", v.class_name()),
                ));
            }
            other => {
                return Err(Error::exception(
                    "TypeError",
                    format!("'{}' object is not iterable", other.type_name()),
                ))
            }
        })
    }

    // ---- operators ----------------------------------------------------------------------------
}

pub(super) fn contains_objects(v: &Value, depth: u32) -> bool {
    if depth > 50 || !crate::value::walk_tick(1) {
        return false;
    }
    match v {
        Value::Object(_) => true,
        Value::List(l) => l.borrow().iter().any(|x| contains_objects(x, depth + 1)),
        Value::Tuple(t) => t.iter().any(|x| contains_objects(x, depth + 1)),
        Value::Dict(d) => d.borrow().values().any(|x| contains_objects(x, depth + 1)),
        _ => false,
    }
}

pub(super) fn is_pure(e: &Expr) -> bool {
    match e {
        Expr::Lit(_) | Expr::Name(_) => true,
        Expr::Attr(v, _) => is_pure(v),
        Expr::Subscript(v, i) => is_pure(v) && is_pure(i),
        Expr::Bin(_, a, b) => is_pure(a) && is_pure(b),
        Expr::BinChain(a, rest) => is_pure(a) && rest.iter().all(|(_, e)| is_pure(e)),
        Expr::Unary(_, a) => is_pure(a),
        _ => false,
    }
}
