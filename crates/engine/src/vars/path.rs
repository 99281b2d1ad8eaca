//! Variable paths (`a.b[0]['k'].c`): parsing, iterator variants, lookup in a namespace,
//! and the base64 form-field names docassemble uses.

use lang::value::Key;
use lang::{Namespace, Value};

/// One step of a path after its root name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Seg {
    /// `.name`
    Attr(String),
    /// `[text]` — the subscript's source text (normalised quotes).
    Index(String),
}

/// A parsed variable path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Path {
    /// The top-level name.
    pub root: String,
    /// Attribute and subscript steps.
    pub segs: Vec<Seg>,
}

fn is_ident_start(c: char) -> bool {
    c == '_' || c.is_alphabetic()
}

fn is_ident(c: char) -> bool {
    c == '_' || c.is_alphanumeric()
}

/// Parses a variable path; `None` if it is not a plain `name(.attr|[subscript])*` form.
pub fn parse(source: &str) -> Option<Path> {
    let trimmed = source.trim();
    // most paths are a bare name: no character vector for those
    let mut chars = trimmed.chars();
    if chars.next().is_some_and(is_ident_start) && chars.all(is_ident) {
        return Some(Path { root: trimmed.to_string(), segs: Vec::new() });
    }
    let s: Vec<char> = trimmed.chars().collect();
    let mut pos = 0;
    let ident = |pos: &mut usize| -> Option<String> {
        let start = *pos;
        if *pos < s.len() && is_ident_start(s[*pos]) {
            *pos += 1;
            while *pos < s.len() && is_ident(s[*pos]) {
                *pos += 1;
            }
            Some(s[start..*pos].iter().collect())
        } else {
            None
        }
    };
    let root = ident(&mut pos)?;
    let mut segs = Vec::new();
    while pos < s.len() {
        match s[pos] {
            '.' => {
                pos += 1;
                let name = ident(&mut pos)?;
                segs.push(Seg::Attr(name));
            }
            '[' => {
                pos += 1;
                let start = pos;
                let mut depth = 0usize;
                let mut quote: Option<char> = None;
                loop {
                    if pos >= s.len() {
                        return None;
                    }
                    let c = s[pos];
                    if let Some(q) = quote {
                        if c == '\\' {
                            pos += 1;
                        } else if c == q {
                            quote = None;
                        }
                    } else if c == '\'' || c == '"' {
                        quote = Some(c);
                    } else if c == '[' || c == '(' {
                        depth += 1;
                    } else if c == ')' {
                        depth = depth.saturating_sub(1);
                    } else if c == ']' {
                        if depth == 0 {
                            break;
                        }
                        depth -= 1;
                    }
                    pos += 1;
                }
                let text: String = s[start..pos].iter().collect();
                pos += 1;
                segs.push(Seg::Index(normalize_subscript(text.trim())));
            }
            _ => return None,
        }
    }
    Some(Path { root, segs })
}

/// `"k"` → `'k'` (docassemble's normalisation of quoted subscripts).
pub fn normalize_subscript(text: &str) -> String {
    if let Some(lit) = literal(text) {
        if let Value::Str(s) = &lit {
            return quote_str(s);
        }
    }
    text.to_string()
}

/// Python repr-like single-quoted string.
pub fn quote_str(s: &str) -> String {
    let mut out = String::from("'");
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\'' => out.push_str("\\'"),
            '\n' => out.push_str("\\n"),
            _ => out.push(c),
        }
    }
    out.push('\'');
    out
}

/// A literal subscript (int, quoted string, True/False/None) as a value.
pub fn literal(text: &str) -> Option<Value> {
    let t = text.trim();
    if let Ok(i) = t.parse::<i64>() {
        return Some(Value::Int(i));
    }
    match t {
        "True" => return Some(Value::Bool(true)),
        "False" => return Some(Value::Bool(false)),
        "None" => return Some(Value::None),
        _ => {}
    }
    let mut chars = t.chars();
    let q = chars.next()?;
    let (prefix_skip, q) = if (q == 'u' || q == 'r') && t.len() > 1 {
        (1, t[1..].chars().next()?)
    } else {
        (0, q)
    };
    if q != '\'' && q != '"' {
        return None;
    }
    let body = &t[prefix_skip..];
    if body.len() < 2 || !body.ends_with(q) {
        return None;
    }
    let inner = &body[1..body.len() - 1];
    let mut out = String::new();
    let mut it = inner.chars();
    while let Some(c) = it.next() {
        if c == '\\' {
            match it.next() {
                Some('n') => out.push('\n'),
                Some('t') => out.push('\t'),
                Some(o) => out.push(o),
                None => return None,
            }
        } else if c == q {
            return None;
        } else {
            out.push(c);
        }
    }
    Some(Value::from_str(&out))
}

impl Path {
    /// The path's text, docassemble spelling.
    pub fn text(&self) -> String {
        let mut out = self.root.clone();
        for s in &self.segs {
            match s {
                Seg::Attr(a) => {
                    out.push('.');
                    out.push_str(a);
                }
                Seg::Index(t) => {
                    out.push('[');
                    out.push_str(t);
                    out.push(']');
                }
            }
        }
        out
    }

    /// The path without its last step (None for a bare name).
    pub fn parent(&self) -> Option<Path> {
        if self.segs.is_empty() {
            None
        } else {
            Some(Path { root: self.root.clone(), segs: self.segs[..self.segs.len() - 1].to_vec() })
        }
    }

    /// Number of `[` subscripts.
    pub fn index_count(&self) -> usize {
        self.segs.iter().filter(|s| matches!(s, Seg::Index(_))).count()
    }
}

/// Iterator names in the order docassemble assigns them.
pub const ITERATORS: [&str; 6] = ["i", "j", "k", "l", "m", "n"];

/// A variant of a sought name: the name to look up and the iterator bindings it implies.
#[derive(Debug, Clone)]
pub struct Variant {
    /// The name as registered by blocks (`a[i].b`).
    pub name: String,
    /// `(iterator, subscript text)` pairs, e.g. `("i", "0")`.
    pub bindings: Vec<(String, String)>,
}

/// The literal name first, then versions with subscripts replaced by iterators
/// (fewer substitutions first).
pub fn variants(source: &str) -> Vec<Variant> {
    let mut out = vec![Variant { name: source.to_string(), bindings: Vec::new() }];
    let Some(path) = parse(source) else { return out };
    let positions: Vec<usize> = path
        .segs
        .iter()
        .enumerate()
        .filter(|(_, s)| matches!(s, Seg::Index(t) if !ITERATORS.contains(&t.as_str())))
        .map(|(n, _)| n)
        .collect();
    if positions.is_empty() || positions.len() > ITERATORS.len() {
        return out;
    }
    let mut more: Vec<Variant> = Vec::new();
    for mask in 1u32..(1 << positions.len()) {
        let mut p = path.clone();
        let mut bindings = Vec::new();
        let mut next = 0;
        for (bit, &pos) in positions.iter().enumerate() {
            if mask & (1 << bit) != 0 {
                if let Seg::Index(t) = &p.segs[pos] {
                    bindings.push((ITERATORS[next].to_string(), t.clone()));
                }
                p.segs[pos] = Seg::Index(ITERATORS[next].to_string());
                next += 1;
            }
        }
        more.push(Variant { name: p.text(), bindings });
    }
    more.sort_by_key(|v| v.bindings.len());
    out.extend(more);
    out
}

/// Looks a path up in a namespace; `None` when any step is undefined. Subscripts that are
/// not literals are resolved as names in the namespace (iterators).
pub fn lookup(ns: &Namespace, path: &Path) -> Option<Value> {
    let mut cur = ns.get(&path.root)?;
    for seg in &path.segs {
        cur = step(ns, &cur, seg)?;
    }
    Some(cur)
}

/// One lookup step.
pub fn step(ns: &Namespace, cur: &Value, seg: &Seg) -> Option<Value> {
    match seg {
        Seg::Attr(a) => match cur {
            Value::Object(o) => o.borrow().attrs.get(a.as_str()).cloned(),
            _ => None,
        },
        Seg::Index(t) => {
            let key = subscript_value(ns, t)?;
            index(cur, &key)
        }
    }
}

/// Evaluates a subscript's text: a literal, or a name in the namespace.
pub fn subscript_value(ns: &Namespace, text: &str) -> Option<Value> {
    if let Some(v) = literal(text) {
        return Some(v);
    }
    let p = parse(text)?;
    lookup(ns, &p)
}

/// `container[key]` for lists, tuples, dicts and objects holding `elements`.
pub fn index(cur: &Value, key: &Value) -> Option<Value> {
    match cur {
        Value::List(l) => {
            let l = l.borrow();
            let i = int_index(key, l.len())?;
            l.get(i).cloned()
        }
        Value::Tuple(t) => {
            let i = int_index(key, t.len())?;
            t.get(i).cloned()
        }
        Value::Dict(d) => {
            let k: Key = key.to_key().ok()?;
            d.borrow().get(&k).cloned()
        }
        Value::Object(o) => {
            let el = o.borrow().attrs.get("elements").cloned()?;
            index(&el, key)
        }
        _ => None,
    }
}

fn int_index(key: &Value, len: usize) -> Option<usize> {
    let i = match key {
        Value::Int(i) => *i,
        Value::Bool(b) => i64::from(*b),
        _ => return None,
    };
    let len = i64::try_from(len).ok()?;
    let i = if i < 0 { i + len } else { i };
    if i < 0 || i >= len {
        None
    } else {
        usize::try_from(i).ok()
    }
}

/// The `elements` of a DAList/DADict object.
pub fn index_elements(v: &Value) -> Option<Value> {
    match v {
        Value::Object(o) => o.borrow().attrs.get("elements").cloned(),
        _ => None,
    }
}

/// Whether a path is defined in the namespace.
pub fn defined(ns: &Namespace, source: &str) -> bool {
    match parse(source) {
        Some(p) => lookup(ns, &p).is_some(),
        None => false,
    }
}

/// Removes the variable at `path` (no error if it is not there). True if something was removed.
pub fn remove(ns: &Namespace, path: &Path) -> bool {
    let Some(parent) = path.parent() else {
        return ns.remove(&path.root).is_some();
    };
    let Some(container) = lookup(ns, &parent) else { return false };
    let Some(last) = path.segs.last() else { return false };
    match (last, &container) {
        (Seg::Attr(a), Value::Object(o)) => o.borrow_mut().attrs.shift_remove(a.as_str()).is_some(),
        (Seg::Index(t), _) => {
            let Some(key) = subscript_value(ns, t) else { return false };
            remove_index(&container, &key)
        }
        _ => false,
    }
}

fn remove_index(container: &Value, key: &Value) -> bool {
    match container {
        Value::Dict(d) => match key.to_key() {
            Ok(k) => d.borrow_mut().shift_remove(&k).is_some(),
            Err(_) => false,
        },
        Value::List(l) => {
            let len = l.borrow().len();
            match int_index(key, len) {
                Some(i) => {
                    l.borrow_mut().remove(i);
                    true
                }
                None => false,
            }
        }
        Value::Object(o) => {
            let el = o.borrow().attrs.get("elements").cloned();
            match el {
                Some(el) => remove_index(&el, key),
                None => false,
            }
        }
        _ => false,
    }
}

/// Sets the variable at `path` (containers must exist; dict keys are created, list
/// indexes may append at `len`).
pub fn set(ns: &Namespace, path: &Path, value: Value) -> Result<(), String> {
    let Some(parent) = path.parent() else {
        ns.set(&path.root, value);
        return Ok(());
    };
    let container = lookup(ns, &parent).ok_or_else(|| parent.text())?;
    let Some(last) = path.segs.last() else { return Err(path.text()) };
    match last {
        Seg::Attr(a) => match &container {
            Value::Object(o) => {
                o.borrow_mut().attrs.insert(a.as_str().into(), value);
                Ok(())
            }
            _ => Err(format!("cannot set attribute {a} of {}", parent.text())),
        },
        Seg::Index(t) => {
            let key = subscript_value(ns, t).ok_or_else(|| t.clone())?;
            set_index(&container, key, value).map_err(|_| path.text())
        }
    }
}

fn set_index(container: &Value, key: Value, value: Value) -> Result<(), ()> {
    match container {
        Value::Dict(d) => {
            let k = key.to_key().map_err(|_| ())?;
            d.borrow_mut().insert(k, value);
            Ok(())
        }
        Value::List(l) => {
            let len = l.borrow().len();
            if let Value::Int(i) = key {
                if usize::try_from(i).ok() == Some(len) {
                    l.borrow_mut().push(value);
                    return Ok(());
                }
            }
            let i = int_index(&key, len).ok_or(())?;
            l.borrow_mut()[i] = value;
            Ok(())
        }
        Value::Object(o) => {
            let el = o.borrow().attrs.get("elements").cloned().ok_or(())?;
            set_index(&el, key, value)
        }
        _ => Err(()),
    }
}

/// Standard base64 without `=` padding, lenient on decoding (padding optional, stray low bits
/// ignored), as docassemble's `safeid`/`from_safeid` accept.
const B64: base64::engine::GeneralPurpose = base64::engine::GeneralPurpose::new(
    &base64::alphabet::STANDARD,
    base64::engine::GeneralPurposeConfig::new()
        .with_encode_padding(false)
        .with_decode_padding_mode(base64::engine::DecodePaddingMode::Indifferent)
        .with_decode_allow_trailing_bits(true),
);

/// Standard base64 without `=` padding (docassemble's `safeid`).
pub fn b64_encode(text: &str) -> String {
    base64::Engine::encode(&B64, text.as_bytes())
}

/// Whether `name` is [`b64_encode`]`(text)`, without making the encoding (a screen's
/// kept form asks this of every field).
pub fn is_b64_of(name: &str, text: &str) -> bool {
    let mut buf = [0u8; 256];
    match base64::Engine::encode_slice(&B64, text.as_bytes(), &mut buf) {
        Ok(n) => buf.get(..n) == Some(name.as_bytes()),
        Err(_) => name == b64_encode(text),
    }
}

/// Decodes [`b64_encode`] output (padding optional, anything after a `=` ignored); `None` if
/// not valid UTF-8 base64.
pub fn b64_decode(text: &str) -> Option<String> {
    let body = text.split('=').next().unwrap_or_default();
    // a lone sixth-bit character at the end carries no byte: it is dropped, not an error
    let body = if body.len() % 4 == 1 { body.get(..body.len() - 1)? } else { body };
    let bytes = base64::Engine::decode(&B64, body).ok()?;
    String::from_utf8(bytes).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn b64_round_trip() {
        for s in ["a", "ab", "abc", "likes_fruit['apple']", "x.y[0]", "é"] {
            assert_eq!(b64_decode(&b64_encode(s)).as_deref(), Some(s));
        }
        assert_eq!(b64_encode("fruit"), "ZnJ1aXQ");
        let long = "x".repeat(400);
        for (text, name, yes) in [
            ("fruit", "ZnJ1aXQ", true),
            ("fruit", "ZnJ1aXQ=", false),
            ("fruits", "ZnJ1aXQ", false),
            ("", "", true),
            (long.as_str(), b64_encode(&long).as_str(), true),
            (long.as_str(), "eHh4", false),
        ] {
            assert_eq!(is_b64_of(name, text), yes, "{text:.10} {name:.10}");
        }
        assert_eq!(b64_decode("ZnJ1aXQ=").as_deref(), Some("fruit"));
        assert_eq!(b64_decode("ZnJ1aXQ=junk").as_deref(), Some("fruit"));
        assert_eq!(b64_decode("ZnJ1aXQx").as_deref(), Some("fruit1"));
        assert_eq!(b64_decode("ZnJ1aXQxZ").as_deref(), Some("fruit1"));
        assert_eq!(b64_decode("Zn*1"), None);
        assert_eq!(b64_decode("/w"), None);
    }

    #[test]
    fn parse_paths() {
        let p = parse("a.b[0][\"k\"].c").unwrap();
        assert_eq!(p.text(), "a.b[0]['k'].c");
        assert!(parse("a(1)").is_none());
        // bare names (the fast path) and what is not one
        assert_eq!(parse("  user_name ").unwrap(), Path { root: "user_name".into(), segs: Vec::new() });
        assert_eq!(parse("Straße2").unwrap().root, "Straße2");
        for bad in ["", "2x", "a b", "a-b", "a."] {
            assert!(parse(bad).is_none(), "{bad:?}");
        }
        let v = variants("a[0].b[1].c");
        assert_eq!(v[0].name, "a[0].b[1].c");
        assert!(v.iter().any(|v| v.name == "a[i].b[j].c"));
        assert!(v.iter().any(|v| v.name == "a[i].b[1].c"));
        assert!(v.iter().any(|v| v.name == "a[0].b[i].c"));
    }
}
