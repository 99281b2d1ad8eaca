//! The user dictionary as JSON: `lang` values ↔ `serde_json` values.
//!
//! Plain JSON for None/bool/int/float/str/list and string-keyed dicts; tagged objects for
//! the rest: `{"__tuple__": […]}`, `{"__set__": […]}`, `{"__dict__": [[k, v], …]}`,
//! `{"__date__": "2024-01-31"}`, `{"__datetime__": "…"}`, `{"__time__": "…"}`,
//! `{"__float__": "nan"}`, `{"__object__": "Class", "name": "instance name", "attrs": {…}}`.
//! Functions, classes and iterators are not stored (as in docassemble, they cannot be pickled).

use std::rc::Rc;

use lang::value::{Dict, Key};
use lang::{Namespace, Value};
use serde_json::{Map, Value as Json};

/// Where the codec finds the classes of stored objects (the function library's, or stand-ins
/// for classes it does not know).
pub trait ClassResolver {
    /// The class named `name`.
    fn class(&self, name: &str) -> Rc<lang::Class>;
}

const MAX_DEPTH: u32 = 200;

/// The most values one variable may write: lists shared many times over (`b = [a, a]`,
/// `c = [b, b]`, …) would otherwise be written exponentially often.
const MAX_NODES: usize = 1_000_000;

/// A value as JSON (`None` when it cannot be stored).
pub fn to_json(v: &Value) -> Json {
    let mut cx = Out::new();
    cx.count(v, 0);
    to_json_depth(v, 0, &mut cx).unwrap_or(Json::Null)
}

/// Identity while writing: objects met more than once are written once with an `__id__` and
/// referred to elsewhere as `{"__ref__": id}` (docassemble interviews do `spouse = people[0]`).
#[derive(Default)]
///
/// The tables are keyed by address (foldhash: no key comes from outside the process).
struct Out {
    /// Times each object is reachable.
    seen: foldhash::HashMap<usize, u32>,
    /// Ids given to shared objects already written.
    ids: foldhash::HashMap<usize, u64>,
    next: u64,
    /// Plain containers (lists, dicts, sets) already counted: each is walked once.
    containers: foldhash::HashSet<usize>,
    /// Plain containers being written (a container inside itself is written as `null`).
    path: foldhash::HashSet<usize>,
    /// Values that may still be written.
    budget: usize,
}

fn container_key(v: &Value) -> Option<usize> {
    match v {
        Value::List(l) => Some(Rc::as_ptr(l) as *const () as usize),
        Value::Dict(d) | Value::Set(d) => Some(Rc::as_ptr(d) as *const () as usize),
        _ => None,
    }
}

impl Out {
    /// A writer with the full node budget (shared by all variables of one state).
    fn new() -> Out {
        Out { budget: MAX_NODES, ..Out::default() }
    }

    fn count(&mut self, v: &Value, depth: u32) {
        if depth > MAX_DEPTH {
            return;
        }
        if let Some(k) = container_key(v) {
            if !self.containers.insert(k) {
                return;
            }
        }
        match v {
            Value::Object(o) => {
                let k = Rc::as_ptr(o) as *const () as usize;
                let n = self.seen.entry(k).or_insert(0);
                *n += 1;
                if *n > 1 {
                    return;
                }
                // borrowed while the walk goes on: counting only reads
                for a in o.borrow().attrs.values() {
                    self.count(a, depth + 1);
                }
            }
            Value::List(l) => {
                for x in l.borrow().iter() {
                    self.count(x, depth + 1);
                }
            }
            Value::Tuple(t) => {
                for x in t.iter() {
                    self.count(x, depth + 1);
                }
            }
            Value::Dict(d) => {
                for x in d.borrow().values() {
                    self.count(x, depth + 1);
                }
            }
            _ => {}
        }
    }
}

fn tagged(tag: &str, v: Json) -> Json {
    let mut m = Map::new();
    m.insert(tag.to_string(), v);
    Json::Object(m)
}

fn to_json_depth(v: &Value, depth: u32, cx: &mut Out) -> Option<Json> {
    if depth > MAX_DEPTH || cx.budget == 0 {
        return None;
    }
    cx.budget -= 1;
    if let Some(k) = container_key(v) {
        if !cx.path.insert(k) {
            // a list/dict inside itself: JSON has no references for plain containers
            return Some(Json::Null);
        }
        let out = to_json_value(v, depth, cx);
        cx.path.remove(&k);
        return out;
    }
    to_json_value(v, depth, cx)
}

fn to_json_value(v: &Value, depth: u32, cx: &mut Out) -> Option<Json> {
    Some(match v {
        Value::None => Json::Null,
        Value::Bool(b) => Json::Bool(*b),
        Value::Int(i) => Json::from(*i),
        Value::Float(f) => match serde_json::Number::from_f64(*f) {
            Some(n) => Json::Number(n),
            None => tagged("__float__", Json::String(f.to_string())),
        },
        Value::Str(s) => Json::String(String::from(&**s)),
        Value::List(l) => Json::Array(l.borrow().iter().filter_map(|x| to_json_depth(x, depth + 1, cx)).collect()),
        Value::Tuple(t) => tagged("__tuple__", Json::Array(t.iter().filter_map(|x| to_json_depth(x, depth + 1, cx)).collect())),
        Value::Set(s) => tagged(
            "__set__",
            Json::Array(s.borrow().keys().filter_map(|k| to_json_depth(&k.to_value(), depth + 1, cx)).collect()),
        ),
        Value::Dict(d) => {
            let d = d.borrow();
            let plain = d.keys().all(|k| matches!(k.to_value(), Value::Str(ref s) if !s.starts_with("__")));
            if plain {
                let mut m = Map::with_capacity(d.len());
                for (k, val) in d.iter() {
                    if let Some(j) = to_json_depth(val, depth + 1, cx) {
                        m.insert(k.to_value().str(), j);
                    }
                }
                Json::Object(m)
            } else {
                let mut items = Vec::new();
                for (k, val) in d.iter() {
                    if let (Some(kj), Some(vj)) = (to_json_depth(&k.to_value(), depth + 1, cx), to_json_depth(val, depth + 1, cx)) {
                        items.push(Json::Array(vec![kj, vj]));
                    }
                }
                tagged("__dict__", Json::Array(items))
            }
        }
        Value::Date(d) => tagged("__date__", Json::String(d.format("%Y-%m-%d").to_string())),
        Value::DateTime(d) => tagged("__datetime__", Json::String(d.format("%Y-%m-%dT%H:%M:%S%.f").to_string())),
        Value::Time(t) => tagged("__time__", Json::String(t.format("%H:%M:%S%.f").to_string())),
        Value::Class(c) => tagged("__class__", Json::String(c.name.to_string())),
        Value::Object(orc) => {
            let key = Rc::as_ptr(orc) as *const () as usize;
            if let Some(id) = cx.ids.get(&key) {
                return Some(tagged("__ref__", Json::from(*id)));
            }
            let shared = cx.seen.get(&key).is_some_and(|n| *n > 1);
            let my_id = if shared {
                cx.next += 1;
                cx.ids.insert(key, cx.next);
                Some(cx.next)
            } else {
                None
            };
            let o = orc.borrow();
            if &*o.class.name == "module" {
                return None;
            }
            let mut attrs = Map::with_capacity(o.attrs.len());
            for (k, val) in o.attrs.iter() {
                if let Some(j) = to_json_depth(val, depth + 1, cx) {
                    attrs.insert(k.to_string(), j);
                }
            }
            let mut m = Map::with_capacity(4);
            m.insert("__object__".into(), Json::String(o.class.name.to_string()));
            if let Some(n) = &o.instance_name {
                m.insert("name".into(), Json::String(n.to_string()));
            }
            m.insert("attrs".into(), Json::Object(attrs));
            if let Some(id) = my_id {
                m.insert("__id__".into(), Json::from(id));
            }
            Json::Object(m)
        }
        _ => return None,
    })
}

/// A JSON value back as a `lang` value; classes come from `host`.
pub fn from_json(j: &Json, host: &dyn ClassResolver) -> Value {
    let mut cx = In::default();
    cx.scan(j, 0);
    from_json_depth(j, host, 0, &mut cx)
}

/// Identity while reading: the written form of each shared object (by `__id__`) and the objects
/// already rebuilt, so every `{"__ref__": id}` becomes the same object.
#[derive(Default)]
struct In<'j> {
    defs: std::collections::HashMap<u64, &'j Json>,
    built: std::collections::HashMap<u64, Value>,
}

impl<'j> In<'j> {
    fn scan(&mut self, j: &'j Json, depth: u32) {
        if depth > MAX_DEPTH {
            return;
        }
        match j {
            Json::Array(a) => {
                for x in a {
                    self.scan(x, depth + 1);
                }
            }
            Json::Object(m) => {
                if m.contains_key("__object__") {
                    if let Some(id) = m.get("__id__").and_then(Json::as_u64) {
                        self.defs.insert(id, j);
                    }
                }
                for v in m.values() {
                    self.scan(v, depth + 1);
                }
            }
            _ => {}
        }
    }
}

fn from_json_depth<'j>(j: &'j Json, host: &dyn ClassResolver, depth: u32, cx: &mut In<'j>) -> Value {
    if depth > MAX_DEPTH {
        return Value::None;
    }
    match j {
        Json::Null => Value::None,
        Json::Bool(b) => Value::Bool(*b),
        Json::Number(n) => {
            if let Some(i) = n.as_i64() {
                Value::Int(i)
            } else {
                Value::Float(n.as_f64().unwrap_or(0.0))
            }
        }
        Json::String(s) => Value::from_str(s),
        Json::Array(a) => Value::list(a.iter().map(|x| from_json_depth(x, host, depth + 1, cx)).collect()),
        Json::Object(m) => {
            if m.len() == 1 {
                let (tag, inner) = m.iter().next().map(|(k, v)| (k.as_str(), v)).unwrap_or(("", &Json::Null));
                match (tag, inner) {
                    ("__tuple__", Json::Array(a)) => {
                        return Value::tuple(a.iter().map(|x| from_json_depth(x, host, depth + 1, cx)).collect())
                    }
                    ("__set__", Json::Array(a)) => {
                        let mut d = Dict::default();
                        for x in a {
                            if let Ok(k) = from_json_depth(x, host, depth + 1, cx).to_key() {
                                d.insert(k, Value::None);
                            }
                        }
                        return Value::Set(Rc::new(std::cell::RefCell::new(d)));
                    }
                    ("__dict__", Json::Array(a)) => {
                        let mut d = Dict::default();
                        for pair in a {
                            if let Json::Array(kv) = pair {
                                if kv.len() == 2 {
                                    if let Ok(k) = from_json_depth(&kv[0], host, depth + 1, cx).to_key() {
                                        d.insert(k, from_json_depth(&kv[1], host, depth + 1, cx));
                                    }
                                }
                            }
                        }
                        return Value::dict(d);
                    }
                    ("__date__", Json::String(s)) => {
                        if let Ok(d) = chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d") {
                            return Value::Date(d);
                        }
                    }
                    ("__datetime__", Json::String(s)) => {
                        if let Ok(d) = chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S%.f") {
                            return Value::DateTime(d);
                        }
                    }
                    ("__time__", Json::String(s)) => {
                        if let Ok(t) = chrono::NaiveTime::parse_from_str(s, "%H:%M:%S%.f") {
                            return Value::Time(t);
                        }
                    }
                    ("__float__", Json::String(s)) => return Value::Float(s.parse().unwrap_or(f64::NAN)),
                    ("__class__", Json::String(s)) => return Value::Class(host.class(s)),
                    ("__ref__", Json::Number(n)) => {
                        let id = n.as_u64().unwrap_or(0);
                        if let Some(v) = cx.built.get(&id) {
                            return v.clone();
                        }
                        if let Some(def) = cx.defs.get(&id).copied() {
                            return from_json_depth(def, host, depth + 1, cx);
                        }
                        return Value::None;
                    }
                    _ => {}
                }
            }
            if let Some(Json::String(class)) = m.get("__object__") {
                let id = m.get("__id__").and_then(Json::as_u64);
                if let Some(v) = id.and_then(|i| cx.built.get(&i)) {
                    return v.clone();
                }
                let cls = host.class(class);
                let name = m.get("name").and_then(Json::as_str);
                let obj = Value::new_object(cls, name);
                if let Some(i) = id {
                    cx.built.insert(i, obj.clone());
                }
                if let (Value::Object(o), Some(Json::Object(attrs))) = (&obj, m.get("attrs")) {
                    let mut o = o.borrow_mut();
                    for (k, v) in attrs {
                        o.attrs.insert(Rc::from(k.as_str()), from_json_depth(v, host, depth + 1, cx));
                    }
                }
                return obj;
            }
            let mut d = Dict::default();
            for (k, v) in m {
                d.insert(Key::str(k), from_json_depth(v, host, depth + 1, cx));
            }
            Value::dict(d)
        }
    }
}

/// Builds the namespace from the stored variables.
pub fn namespace_from_state(vars: &Map<String, Json>, host: &dyn ClassResolver) -> Namespace {
    let ns = Namespace::new();
    let mut cx = In::default();
    for v in vars.values() {
        cx.scan(v, 0);
    }
    for (k, v) in vars {
        ns.set(k, from_json_depth(v, host, 0, &mut cx));
    }
    ns
}

/// Stores the namespace's variables (what can be stored).
pub fn namespace_to_state(ns: &Namespace) -> Map<String, Json> {
    // read in place: writing only reads values (no name is bound or unbound meanwhile)
    let vars = ns.0.borrow();
    let stored = || vars.iter().filter(|(name, _)| !name.starts_with("__"));
    let mut cx = Out::new();
    for (_, v) in stored() {
        cx.count(v, 0);
    }
    let mut m = Map::with_capacity(vars.len());
    for (name, v) in stored() {
        if let Some(j) = to_json_depth(v, 0, &mut cx) {
            m.insert(name.to_string(), j);
        }
    }
    m
}

/// A YAML mapping as a JSON object (action arguments).
pub fn node_to_json(node: &crate::yaml::Node) -> Map<String, Json> {
    let mut m = Map::new();
    if let Some(entries) = node.as_map() {
        for (k, v) in entries {
            m.insert(k.scalar_text().unwrap_or_default(), node_json(v));
        }
    }
    m
}

fn node_json(node: &crate::yaml::Node) -> Json {
    use crate::yaml::Value as Y;
    match &node.value {
        Y::Null => Json::Null,
        Y::Bool(b) => Json::Bool(*b),
        Y::Int(i) => Json::from(*i),
        Y::Float(f) => serde_json::Number::from_f64(*f).map(Json::Number).unwrap_or(Json::Null),
        Y::Str(s) => Json::String(s.clone()),
        Y::Seq(items) => Json::Array(items.iter().map(node_json).collect()),
        Y::Map(_) => Json::Object(node_to_json(node)),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use std::cell::RefCell;

    use super::*;

    fn list(items: Vec<Value>) -> Value {
        Value::List(Rc::new(RefCell::new(items)))
    }

    #[test]
    fn a_list_inside_itself_is_written_once_with_null_for_the_cycle() {
        let a = list(vec![Value::Int(1)]);
        if let Value::List(l) = &a {
            l.borrow_mut().push(a.clone());
            l.borrow_mut().push(a.clone());
        }
        assert_eq!(to_json(&a), serde_json::json!([1, null, null]));
        if let Value::List(l) = &a {
            l.borrow_mut().clear(); // break the cycle so the test does not leak
        }
    }

    #[test]
    fn widely_shared_lists_stop_at_the_node_budget() {
        // 2^60 paths through 60 lists: without the budget this would never finish
        let mut x = Value::Int(7);
        for _ in 0..60 {
            x = list(vec![x.clone(), x.clone()]);
        }
        let j = to_json(&x);
        assert!(j.is_array());
        let shared = list(vec![Value::Int(1)]);
        assert_eq!(to_json(&list(vec![shared.clone(), shared])), serde_json::json!([[1], [1]]));
    }
}
