//! The user dictionary as JSON, preserving aliasing (and cycles) between containers.
//!
//! Plain JSON for None/bool/int/float/str/list and string-keyed dicts; tagged objects for the
//! rest (the same tags as the engine's first format): `{"__tuple__": […]}`, `{"__set__": […]}`,
//! `{"__dict__": [[k, v], …]}`, `{"__date__": "2024-01-31"}`, `{"__datetime__": "…"}`,
//! `{"__time__": "…"}`, `{"__float__": "nan"}`, `{"__object__": "Class", "name": "…",
//! "attrs": {…}}`. A list, dict, set or object reachable more than once is written in full at
//! its first occurrence with `"__id__": n` (lists as `{"__list__": […], "__id__": n}`) and as
//! `{"__ref__": n}` afterwards, so two names bound to the same list share it again after a
//! round trip. Functions, classes, modules and iterators are not stored (as in docassemble,
//! they cannot be pickled): top-level names bound to them are skipped, nested ones become null.

use std::collections::HashMap;
use std::rc::Rc;

use serde_json::{Map, Value as Json};

use crate::value::{Class, Dict, Key, Namespace, Value};

const MAX_DEPTH: u32 = 200;

/// Resolves a class name to a class when reading objects back.
pub type ClassResolver<'r> = &'r dyn Fn(&str) -> Option<Rc<Class>>;

fn is_shared_kind(v: &Value) -> bool {
    match v {
        Value::List(_) | Value::Dict(_) | Value::Set(_) => true,
        Value::Object(o) => &*o.borrow().class.name != "module",
        _ => false,
    }
}

fn storable(v: &Value) -> bool {
    !matches!(
        v,
        Value::Function(_) | Value::Method(_) | Value::Native(_) | Value::Class(_) | Value::Iter(_)
    ) && !matches!(v, Value::Object(o) if &*o.borrow().class.name == "module")
}

/// Counts how often each container is reached.
fn count(v: &Value, counts: &mut HashMap<usize, u32>, depth: u32) {
    if depth > MAX_DEPTH {
        return;
    }
    if is_shared_kind(v) {
        let c = counts.entry(v.identity()).or_insert(0);
        *c += 1;
        if *c > 1 {
            return;
        }
    }
    match v {
        Value::List(l) => {
            let items = l.borrow().clone();
            items.iter().for_each(|x| count(x, counts, depth + 1));
        }
        Value::Tuple(t) => t.iter().for_each(|x| count(x, counts, depth + 1)),
        Value::Dict(d) | Value::Set(d) => {
            let items: Vec<(Value, Value)> = d
                .borrow()
                .iter()
                .map(|(k, v)| (k.to_value(), v.clone()))
                .collect();
            for (k, x) in items {
                count(&k, counts, depth + 1);
                count(&x, counts, depth + 1);
            }
        }
        Value::Object(o) => {
            let items: Vec<Value> = o.borrow().attrs.values().cloned().collect();
            items.iter().for_each(|x| count(x, counts, depth + 1));
        }
        _ => {}
    }
}

struct Writer {
    counts: HashMap<usize, u32>,
    ids: HashMap<usize, u64>,
}

fn tagged(tag: &str, v: Json) -> Json {
    let mut m = Map::new();
    m.insert(tag.to_string(), v);
    Json::Object(m)
}

impl Writer {
    fn write(&mut self, v: &Value, depth: u32) -> Json {
        if depth > MAX_DEPTH || !storable(v) {
            return Json::Null;
        }
        let mut id = None;
        if is_shared_kind(v) && self.counts.get(&v.identity()).copied().unwrap_or(0) > 1 {
            if let Some(n) = self.ids.get(&v.identity()) {
                return tagged("__ref__", Json::from(*n));
            }
            let n = self.ids.len() as u64;
            self.ids.insert(v.identity(), n);
            id = Some(n);
        }
        let mut out = match v {
            Value::None => Json::Null,
            Value::Bool(b) => Json::Bool(*b),
            Value::Int(i) => Json::from(*i),
            Value::Float(f) => match serde_json::Number::from_f64(*f) {
                Some(n) => Json::Number(n),
                None => tagged("__float__", Json::String(crate::ext::float_repr(*f))),
            },
            Value::Str(s) => Json::String(s.to_string()),
            Value::List(l) => {
                let items = l.borrow().clone();
                let arr = Json::Array(items.iter().map(|x| self.write(x, depth + 1)).collect());
                if id.is_some() {
                    tagged("__list__", arr)
                } else {
                    arr
                }
            }
            Value::Tuple(t) => tagged(
                "__tuple__",
                Json::Array(t.iter().map(|x| self.write(x, depth + 1)).collect()),
            ),
            Value::Set(s) => {
                let keys: Vec<Value> = s.borrow().keys().map(Key::to_value).collect();
                tagged(
                    "__set__",
                    Json::Array(keys.iter().map(|x| self.write(x, depth + 1)).collect()),
                )
            }
            Value::Dict(d) => {
                let items: Vec<(Value, Value)> = d
                    .borrow()
                    .iter()
                    .map(|(k, v)| (k.to_value(), v.clone()))
                    .collect();
                let plain = id.is_none()
                    && items
                        .iter()
                        .all(|(k, _)| matches!(k, Value::Str(s) if !s.starts_with("__")));
                if plain {
                    let mut m = Map::new();
                    for (k, x) in &items {
                        m.insert(k.str(), self.write(x, depth + 1));
                    }
                    Json::Object(m)
                } else {
                    let mut arr = Vec::new();
                    for (k, x) in &items {
                        let kj = self.write(k, depth + 1);
                        arr.push(Json::Array(vec![kj, self.write(x, depth + 1)]));
                    }
                    tagged("__dict__", Json::Array(arr))
                }
            }
            Value::Date(d) => tagged("__date__", Json::String(d.format("%Y-%m-%d").to_string())),
            Value::DateTime(d) => tagged(
                "__datetime__",
                Json::String(d.format("%Y-%m-%dT%H:%M:%S%.f").to_string()),
            ),
            Value::Time(t) => tagged(
                "__time__",
                Json::String(t.format("%H:%M:%S%.f").to_string()),
            ),
            Value::Range(a, b, s) => tagged(
                "__range__",
                Json::Array(vec![Json::from(*a), Json::from(*b), Json::from(*s)]),
            ),
            Value::Object(o) => {
                let (class, name, attrs) = {
                    let o = o.borrow();
                    let attrs: Vec<(Rc<str>, Value)> = o
                        .attrs
                        .iter()
                        .map(|(k, v)| (k.clone(), v.clone()))
                        .collect();
                    (o.class.name.to_string(), o.instance_name.clone(), attrs)
                };
                let mut m = Map::new();
                m.insert("__object__".into(), Json::String(class));
                if let Some(n) = name {
                    m.insert("name".into(), Json::String(n.to_string()));
                }
                let mut am = Map::new();
                for (k, x) in &attrs {
                    if storable(x) {
                        am.insert(k.to_string(), self.write(x, depth + 1));
                    }
                }
                m.insert("attrs".into(), Json::Object(am));
                Json::Object(m)
            }
            _ => Json::Null,
        };
        if let (Some(n), Json::Object(m)) = (id, &mut out) {
            m.insert("__id__".into(), Json::from(n));
        }
        out
    }
}

/// The namespace's storable variables as a JSON object (aliasing preserved across names).
pub fn namespace_to_json(ns: &Namespace) -> Map<String, Json> {
    let vars: Vec<(Rc<str>, Value)> =
        ns.0.borrow()
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
    let mut counts = HashMap::new();
    for (_, v) in &vars {
        count(v, &mut counts, 0);
    }
    let mut w = Writer {
        counts,
        ids: HashMap::new(),
    };
    let mut out = Map::new();
    for (k, v) in &vars {
        if storable(v) {
            out.insert(k.to_string(), w.write(v, 0));
        }
    }
    out
}

/// One value as JSON (aliasing preserved inside it).
pub fn value_to_json(v: &Value) -> Json {
    let mut counts = HashMap::new();
    count(v, &mut counts, 0);
    Writer {
        counts,
        ids: HashMap::new(),
    }
    .write(v, 0)
}

struct Reader<'r> {
    resolve: ClassResolver<'r>,
    ids: HashMap<u64, Value>,
}

impl Reader<'_> {
    fn class(&self, name: &str) -> Rc<Class> {
        if let Some(c) = (self.resolve)(name) {
            return c;
        }
        if name == "timedelta" {
            return crate::methods::timedelta_class();
        }
        if let Some(c) = crate::builtins::exception_class(name) {
            return c;
        }
        Class::new(name, vec![])
    }

    fn read(&mut self, j: &Json, depth: u32) -> Value {
        if depth > MAX_DEPTH {
            return Value::None;
        }
        match j {
            Json::Null => Value::None,
            Json::Bool(b) => Value::Bool(*b),
            Json::Number(n) => match n.as_i64() {
                Some(i) => Value::Int(i),
                None => Value::Float(n.as_f64().unwrap_or(0.0)),
            },
            Json::String(s) => Value::from_str(s),
            Json::Array(a) => Value::list(a.iter().map(|x| self.read(x, depth + 1)).collect()),
            Json::Object(m) => self.read_object(m, depth),
        }
    }

    fn register(&mut self, m: &Map<String, Json>, v: &Value) {
        if let Some(n) = m.get("__id__").and_then(Json::as_u64) {
            self.ids.insert(n, v.clone());
        }
    }

    fn read_object(&mut self, m: &Map<String, Json>, depth: u32) -> Value {
        if let Some(n) = m.get("__ref__").and_then(Json::as_u64) {
            return self.ids.get(&n).cloned().unwrap_or(Value::None);
        }
        if let Some(Json::Array(a)) = m.get("__list__") {
            let v = Value::list(Vec::new());
            self.register(m, &v);
            let items: Vec<Value> = a.iter().map(|x| self.read(x, depth + 1)).collect();
            if let Value::List(l) = &v {
                *l.borrow_mut() = items;
            }
            return v;
        }
        if let Some(Json::Array(a)) = m.get("__tuple__") {
            return Value::tuple(a.iter().map(|x| self.read(x, depth + 1)).collect());
        }
        if let Some(Json::Array(a)) = m.get("__set__") {
            let v = Value::set(Dict::new());
            self.register(m, &v);
            let mut d = Dict::new();
            for x in a {
                if let Ok(k) = self.read(x, depth + 1).to_key() {
                    d.insert(k, Value::None);
                }
            }
            if let Value::Set(s) = &v {
                *s.borrow_mut() = d;
            }
            return v;
        }
        if let Some(Json::Array(a)) = m.get("__dict__") {
            let v = Value::dict(Dict::new());
            self.register(m, &v);
            let mut d = Dict::new();
            for pair in a {
                if let Json::Array(kv) = pair {
                    if kv.len() == 2 {
                        let k = self.read(&kv[0], depth + 1);
                        let x = self.read(&kv[1], depth + 1);
                        if let Ok(k) = k.to_key() {
                            d.insert(k, x);
                        }
                    }
                }
            }
            if let Value::Dict(dd) = &v {
                *dd.borrow_mut() = d;
            }
            return v;
        }
        if m.len() == 1 {
            let (tag, inner) = m
                .iter()
                .next()
                .map(|(k, v)| (k.as_str(), v))
                .unwrap_or(("", &Json::Null));
            match (tag, inner) {
                ("__date__", Json::String(s)) => {
                    if let Ok(d) = chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d") {
                        return Value::Date(d);
                    }
                }
                ("__datetime__", Json::String(s)) => {
                    if let Ok(d) = chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S%.f")
                    {
                        return Value::DateTime(d);
                    }
                }
                ("__time__", Json::String(s)) => {
                    if let Ok(t) = chrono::NaiveTime::parse_from_str(s, "%H:%M:%S%.f") {
                        return Value::Time(t);
                    }
                }
                ("__float__", Json::String(s)) => {
                    return Value::Float(crate::builtins::parse_float(s).unwrap_or(f64::NAN))
                }
                ("__range__", Json::Array(a)) if a.len() == 3 => {
                    let n: Vec<i64> = a.iter().map(|x| x.as_i64().unwrap_or(1)).collect();
                    if n[2] != 0 {
                        return Value::Range(n[0], n[1], n[2]);
                    }
                }
                _ => {}
            }
        }
        if let Some(Json::String(class)) = m.get("__object__") {
            let cls = self.class(class);
            let name = m.get("name").and_then(Json::as_str);
            let obj = Value::new_object(cls, name);
            self.register(m, &obj);
            if let Some(Json::Object(attrs)) = m.get("attrs") {
                let mut read = Vec::with_capacity(attrs.len());
                for (k, x) in attrs {
                    read.push((Rc::from(k.as_str()), self.read(x, depth + 1)));
                }
                if let Value::Object(o) = &obj {
                    o.borrow_mut().attrs.extend(read);
                }
            }
            return obj;
        }
        let mut d = Dict::new();
        for (k, x) in m {
            d.insert(Key::str(k), self.read(x, depth + 1));
        }
        Value::dict(d)
    }
}

/// Rebuilds a namespace from [`namespace_to_json`]'s output; classes of objects come from
/// `resolve` (then the builtin exceptions and `timedelta`; unknown names get an empty class).
pub fn namespace_from_json(vars: &Map<String, Json>, resolve: ClassResolver<'_>) -> Namespace {
    let mut r = Reader {
        resolve,
        ids: HashMap::new(),
    };
    let ns = Namespace::new();
    for (k, v) in vars {
        let v = r.read(v, 0);
        ns.0.borrow_mut().insert(Rc::from(k.as_str()), v);
    }
    ns
}

/// Reads one value written by [`value_to_json`].
pub fn value_from_json(j: &Json, resolve: ClassResolver<'_>) -> Value {
    Reader {
        resolve,
        ids: HashMap::new(),
    }
    .read(j, 0)
}

impl Namespace {
    /// The storable variables as JSON (see [`namespace_to_json`]).
    pub fn to_json(&self) -> Map<String, Json> {
        namespace_to_json(self)
    }

    /// A namespace from [`Namespace::to_json`]'s output.
    pub fn from_json(vars: &Map<String, Json>, resolve: ClassResolver<'_>) -> Namespace {
        namespace_from_json(vars, resolve)
    }
}

impl Value {
    /// The value as JSON (see [`value_to_json`]).
    pub fn to_json(&self) -> Json {
        value_to_json(self)
    }

    /// A value from [`Value::to_json`]'s output.
    pub fn from_json(j: &Json, resolve: ClassResolver<'_>) -> Value {
        value_from_json(j, resolve)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Limits, Origin, Program, Vm};

    fn run(src: &str, ns: &Namespace) -> String {
        let mut out = String::new();
        let p = Program::compile(src, Origin::anonymous()).unwrap();
        let mut vm = Vm::new(Limits::default(), &mut out);
        vm.exec(&p, ns).unwrap();
        drop(vm);
        out
    }

    #[test]
    fn round_trip_preserves_aliasing_and_types() {
        let ns = Namespace::new();
        run(
            "import datetime\nclass P:\n    pass\na = [1, 2.0, 'x', None, True, (1, 2), {3}, {'k': 1}, {1: 'one'}]\nb = a\np = P()\np.friends = [p]\np.when = datetime.date(2024, 1, 31)\nq = p\nd = {}\nd['self'] = d\nf = lambda: 0\nnan = float('nan')",
            &ns,
        );
        let json = ns.to_json();
        let text = serde_json::to_string(&json).unwrap();
        let back: Map<String, Json> = serde_json::from_str(&text).unwrap();
        let ns2 = Namespace::from_json(&back, &|_| None);
        assert!(!ns2.contains("f"));
        let out = run(
            "b.append(99)\nprint(a[-1], a[:9])\nprint(q is p, p.friends[0] is p, p.when, type(p).__name__ if False else 'P')\nprint(d['self'] is d, nan != nan)",
            &ns2,
        );
        assert_eq!(
            out,
            "99 [1, 2.0, 'x', None, True, (1, 2), {3}, {'k': 1}, {1: 'one'}]\nTrue True 2024-01-31 P\nTrue True\n"
        );
        // Instance names survive.
        assert_eq!(run("print(p.friends)", &ns2).is_empty(), false);
    }
}
