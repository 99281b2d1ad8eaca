//! `str.format` / `str.format_map`: parsing `{field!conv:spec}` strings and resolving fields.

use super::*;

pub(super) enum Piece {
    Lit(String),
    Error(Error),
    Field {
        name: String,
        conv: Option<char>,
        spec: String,
    },
}

/// Splits a format string into literal text and replacement fields, as CPython's
/// `MarkupIterator` does. A syntax error becomes the last piece, so that the fields
/// before it are evaluated first (CPython parses lazily).
pub(super) fn parse_format_string(fmt: &str) -> Vec<Piece> {
    let chars: Vec<char> = fmt.chars().collect();
    let mut pieces = Vec::new();
    let mut pos = 0;
    let n = chars.len();
    while pos < n {
        // literal text up to a brace
        let start = pos;
        let mut c = '\0';
        let mut markup = false;
        while pos < n {
            c = chars[pos];
            pos += 1;
            if c == '{' || c == '}' {
                markup = true;
                break;
            }
        }
        let at_end = pos >= n;
        let mut len = pos - start;
        if markup && c == '}' && (at_end || chars[pos] != '}') {
            pieces.push(Piece::Error(Error::value_error(
                "Single '}' encountered in format string",
            )));
            return pieces;
        }
        if markup && at_end && c == '{' {
            pieces.push(Piece::Error(Error::value_error(
                "Single '{' encountered in format string",
            )));
            return pieces;
        }
        if markup && !at_end {
            if chars[pos] == c {
                // an escaped brace: literal text only
                pos += 1;
                markup = false;
            } else {
                len -= 1;
            }
        }
        let lit: String = chars[start..start + len].iter().collect();
        if !lit.is_empty() {
            pieces.push(Piece::Lit(lit));
        }
        if !markup {
            continue;
        }
        // the field name ends at '}', ':' or '!'
        let name_start = pos;
        let mut c = '\0';
        while pos < n {
            c = chars[pos];
            pos += 1;
            match c {
                '{' => {
                    pieces.push(Piece::Error(Error::value_error("unexpected '{' in field name")));
                    return pieces;
                }
                '[' => {
                    while pos < n && chars[pos] != ']' {
                        pos += 1;
                    }
                    continue;
                }
                '}' | ':' | '!' => break,
                _ => continue,
            }
        }
        let name_end = if matches!(c, '}' | ':' | '!') {
            pos - 1
        } else {
            pos
        };
        let name: String = chars[name_start..name_end].iter().collect();
        let mut conv = None;
        let mut spec = String::new();
        if c == '!' || c == ':' {
            if c == '!' {
                if pos >= n {
                    pieces.push(Piece::Error(Error::value_error(
                        "end of string while looking for conversion specifier",
                    )));
                    return pieces;
                }
                conv = Some(chars[pos]);
                pos += 1;
                if pos < n {
                    let d = chars[pos];
                    pos += 1;
                    if d == '}' {
                        pieces.push(Piece::Field { name, conv, spec });
                        continue;
                    }
                    if d != ':' {
                        pieces.push(Piece::Error(Error::value_error(
                            "expected ':' after conversion specifier",
                        )));
                        return pieces;
                    }
                }
            }
            let spec_start = pos;
            let mut count = 1;
            let mut closed = false;
            while pos < n {
                let d = chars[pos];
                pos += 1;
                match d {
                    '{' => count += 1,
                    '}' => {
                        count -= 1;
                        if count == 0 {
                            closed = true;
                            break;
                        }
                    }
                    _ => {}
                }
            }
            if !closed {
                pieces.push(Piece::Error(Error::value_error("unmatched '{' in format spec")));
                return pieces;
            }
            spec = chars[spec_start..pos - 1].iter().collect();
        } else if c != '}' {
            pieces.push(Piece::Error(Error::value_error(
                "expected '}' before end of string",
            )));
            return pieces;
        }
        pieces.push(Piece::Field { name, conv, spec });
    }
    pieces
}

pub(super) fn forbid_underscore(name: &str) -> Result<(), Error> {
    if name.starts_with('_') {
        Err(Error::Forbidden(format!("attribute {name}")))
    } else {
        Ok(())
    }
}

/// Reads attribute `name` of `v` for a format field (`{0.name}`).
pub(super) fn field_attribute(v: &Value, name: &str) -> Result<Value, Error> {
    forbid_underscore(name)?;
    if let Value::Object(o) = v {
        let o = o.borrow();
        if let Some(x) = o.attrs.get(name) {
            return Ok(x.clone());
        }
        let mut class = Some(o.class.clone());
        while let Some(c) = class {
            if let Some(x) = c.own_attr(name) {
                return Ok(x);
            }
            class = c.bases.first().cloned();
        }
    }
    if let Some(x) = crate::methods::attribute(v, name) {
        return Ok(x);
    }
    Err(Error::exception(
        "AttributeError",
        format!("'{}' object has no attribute '{name}'", v.class_name()),
    ))
}

/// Reads index `key` of `v` for a format field (`{0[1]}`, `{0[name]}`).
pub(super) fn field_index(vm: &mut Vm<'_>, v: &Value, key: &str) -> Result<Value, Error> {
    let int_key = if !key.is_empty() && key.chars().all(|c| c.is_ascii_digit()) {
        key.parse::<i64>().ok()
    } else {
        None
    };
    match v {
        Value::List(l) => {
            let Some(i) = int_key else {
                return Err(Error::type_error(
                    "list indices must be integers or slices, not str",
                ));
            };
            l.borrow()
                .get(i as usize)
                .cloned()
                .ok_or_else(|| Error::exception("IndexError", "list index out of range"))
        }
        Value::Tuple(t) => {
            let Some(i) = int_key else {
                return Err(Error::type_error(
                    "tuple indices must be integers or slices, not str",
                ));
            };
            t.get(i as usize)
                .cloned()
                .ok_or_else(|| Error::exception("IndexError", "tuple index out of range"))
        }
        Value::Str(s) => {
            let Some(i) = int_key else {
                return Err(Error::type_error("string indices must be integers, not 'str'"));
            };
            s.chars()
                .nth(i as usize)
                .map(|c| Value::Str(Rc::from(c.to_string().as_str())))
                .ok_or_else(|| Error::exception("IndexError", "string index out of range"))
        }
        Value::Dict(d) => {
            if key.starts_with('_') {
                return Err(Error::Forbidden(format!("key {key}")));
            }
            let k = match int_key {
                Some(i) => Key::Int(i),
                None => Key::Str(Rc::from(key)),
            };
            let found = d.borrow().get(&k).cloned();
            match found {
                Some(x) => Ok(x),
                None => Err(vm.key_error(&k.to_value())),
            }
        }
        other => Err(Error::type_error(format!(
            "'{}' object is not subscriptable",
            other.type_name()
        ))),
    }
}

/// Resolves a field name (`0`, `name`, `0.attr[1]`) against the call's arguments.
pub(super) fn resolve_field(
    vm: &mut Vm<'_>,
    name: &str,
    args: &Args,
    mapping: Option<&Value>,
    auto: &mut Option<bool>,
    next: &mut usize,
) -> Result<Value, Error> {
    let first_end = name.find(['.', '[']).unwrap_or(name.len());
    let first = &name[..first_end];
    if mapping.is_some() && first.chars().all(|c| c.is_ascii_digit()) {
        return Err(Error::value_error("Format string contains positional fields"));
    }
    let mut v = if first.is_empty() {
        if *auto == Some(false) {
            return Err(Error::value_error(
                "cannot switch from manual field specification to automatic field numbering",
            ));
        }
        *auto = Some(true);
        let i = *next;
        *next += 1;
        args.positional.get(i).cloned().ok_or_else(|| {
            Error::exception(
                "IndexError",
                format!("Replacement index {i} out of range for positional args tuple"),
            )
        })?
    } else if first.chars().all(|c| c.is_ascii_digit()) {
        if *auto == Some(true) {
            return Err(Error::value_error(
                "cannot switch from automatic field numbering to manual field specification",
            ));
        }
        *auto = Some(false);
        let i: usize = first
            .parse()
            .map_err(|_| Error::value_error("Too many decimal digits in format string"))?;
        args.positional.get(i).cloned().ok_or_else(|| {
            Error::exception(
                "IndexError",
                format!("Replacement index {i} out of range for positional args tuple"),
            )
        })?
    } else {
        let found = args
            .keyword
            .iter()
            .find(|(k, _)| &**k == first)
            .map(|(_, v)| v.clone());
        match (found, mapping) {
            (Some(v), _) => v,
            (None, Some(m @ Value::Object(_))) => match vm.special_method(m, "__getitem__") {
                Some(getitem) => vm.call(&getitem, Args::new(vec![Value::Str(Rc::from(first))]))?,
                None => return Err(vm.key_error(&Value::Str(Rc::from(first)))),
            },
            (None, _) => return Err(vm.key_error(&Value::Str(Rc::from(first)))),
        }
    };
    let rest: Vec<char> = name[first_end..].chars().collect();
    let mut i = 0;
    while i < rest.len() {
        match rest[i] {
            '.' => {
                let start = i + 1;
                let mut j = start;
                while j < rest.len() && rest[j] != '.' && rest[j] != '[' {
                    j += 1;
                }
                let attr: String = rest[start..j].iter().collect();
                if attr.is_empty() {
                    return Err(Error::value_error("Empty attribute in format string"));
                }
                v = field_attribute(&v, &attr)?;
                i = j;
            }
            '[' => {
                let start = i + 1;
                let mut j = start;
                while j < rest.len() && rest[j] != ']' {
                    j += 1;
                }
                if j >= rest.len() {
                    return Err(Error::value_error("Missing ']' in format string"));
                }
                let key: String = rest[start..j].iter().collect();
                if key.is_empty() {
                    return Err(Error::value_error("Empty attribute in format string"));
                }
                v = field_index(vm, &v, &key)?;
                i = j + 1;
                if i < rest.len() && rest[i] != '.' && rest[i] != '[' {
                    return Err(Error::value_error(
                        "Only '.' or '[' may follow ']' in format field specifier",
                    ));
                }
            }
            _ => {
                return Err(Error::value_error(
                    "Only '.' or '[' may follow ']' in format field specifier",
                ))
            }
        }
    }
    Ok(v)
}

/// `fmt.format(*args, **kwargs)`. Attribute and key access inside a field refuse
/// names starting with `_` (`Error::Forbidden`), closing `'{0.__class__}'` escapes.
pub fn str_format(vm: &mut Vm<'_>, fmt: &str, args: Args) -> Result<String, Error> {
    let mut auto = None;
    let mut next = 0;
    format_pieces(vm, fmt, &args, None, &mut auto, &mut next, 2)
}

/// `fmt.format_map(mapping)`: names are looked up in a dict, or through the
/// `__getitem__` of an object (DADict …).
pub fn str_format_map(vm: &mut Vm<'_>, fmt: &str, mapping: &Value) -> Result<String, Error> {
    let mut auto = None;
    let mut next = 0;
    let args = match mapping {
        Value::Dict(d) => Args {
            positional: Vec::new(),
            keyword: d
                .borrow()
                .iter()
                .filter_map(|(k, v)| match k {
                    Key::Str(name) => Some((name.clone(), v.clone())),
                    _ => None,
                })
                .collect(),
        },
        Value::Object(_) if vm.special_method(mapping, "__getitem__").is_some() => Args::default(),
        other => {
            return Err(Error::type_error(format!(
                "'{}' object is not subscriptable",
                other.type_name()
            )))
        }
    };
    format_pieces(vm, fmt, &args, Some(mapping), &mut auto, &mut next, 2)
}

#[allow(clippy::too_many_arguments)]
pub(super) fn format_pieces(
    vm: &mut Vm<'_>,
    fmt: &str,
    args: &Args,
    mapping: Option<&Value>,
    auto: &mut Option<bool>,
    next: &mut usize,
    depth: u32,
) -> Result<String, Error> {
    if depth == 0 {
        return Err(Error::value_error("Max string recursion exceeded"));
    }
    let mut out = String::new();
    for piece in parse_format_string(fmt) {
        match piece {
            Piece::Lit(s) => out.push_str(&s),
            Piece::Error(e) => return Err(e),
            Piece::Field { name, conv, spec } => {
                let v = resolve_field(vm, &name, args, mapping, auto, next)?;
                let spec = if spec.contains('{') {
                    format_pieces(vm, &spec, args, mapping, auto, next, depth - 1)?
                } else {
                    spec
                };
                let v = match conv {
                    None => v,
                    Some('s') => Value::Str(Rc::from(to_str(vm, &v)?.as_str())),
                    Some('r') => Value::Str(Rc::from(to_repr(vm, &v)?.as_str())),
                    Some('a') => Value::Str(Rc::from(ascii_escape(&to_repr(vm, &v)?).as_str())),
                    Some(c) => {
                        return Err(Error::value_error(format!("Unknown conversion specifier {c}")))
                    }
                };
                out.push_str(&format_value(vm, &v, &spec)?);
                if out.len() > MAX_FORMAT_WIDTH {
                    return Err(Error::Limit(LimitKind::Length));
                }
            }
        }
    }
    Ok(out)
}
