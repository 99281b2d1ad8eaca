//! `%`-formatting (`fmt % args`).

use super::*;

/// `fmt % args`: `args` is a tuple (one value per conversion), a dict (for
/// `%(name)s`), or any single value.
pub fn percent_format(vm: &mut Vm<'_>, fmt: &str, args: &Value) -> Result<String, Error> {
    let chars: Vec<char> = fmt.chars().collect();
    let (items, mapping): (Vec<Value>, Option<Value>) = match args {
        Value::Tuple(t) => (t.to_vec(), None),
        Value::Dict(_) => (vec![args.clone()], Some(args.clone())),
        // an object with __getitem__ (DADict …) is a mapping too
        Value::Object(_) if vm.special_method(args, "__getitem__").is_some() => {
            (vec![args.clone()], Some(args.clone()))
        }
        other => (vec![other.clone()], None),
    };
    let mut next = 0usize;
    let mut out = String::new();
    let mut i = 0;
    let mut used_key = false;
    let take = |next: &mut usize| -> Result<Value, Error> {
        let v = items
            .get(*next)
            .cloned()
            .ok_or_else(|| Error::type_error("not enough arguments for format string"))?;
        *next += 1;
        Ok(v)
    };
    while i < chars.len() {
        let c = chars[i];
        if c != '%' {
            out.push(c);
            i += 1;
            continue;
        }
        i += 1;
        let spec_start = i;
        let incomplete = || Error::value_error("incomplete format");
        // mapping key
        let mut value: Option<Value> = None;
        if chars.get(i) == Some(&'(') {
            let Some(map) = &mapping else {
                return Err(Error::type_error("format requires a mapping"));
            };
            value = Some(mapping_value(vm, map, &chars, &mut i)?);
            used_key = true;
        }
        // flags
        let (mut left, sign, alt, zero) = conversion_flags(&chars, &mut i);
        // width
        let mut width: Option<usize> = None;
        if chars.get(i) == Some(&'*') {
            i += 1;
            let w = take(&mut next)?;
            let Value::Int(w) = w else {
                return Err(Error::type_error("* wants int"));
            };
            if w < 0 {
                left = true;
            }
            let w = w.unsigned_abs() as usize;
            if w > MAX_FORMAT_WIDTH {
                return Err(Error::Limit(LimitKind::Length));
            }
            width = Some(w);
        } else {
            width = get_integer(&chars, &mut i)
                .map_err(|e| match e {
                    Error::Exception { .. } => Error::value_error("width too big"),
                    e => e,
                })?
                .or(width);
        }
        // precision
        let mut precision: Option<usize> = None;
        if chars.get(i) == Some(&'.') {
            i += 1;
            if chars.get(i) == Some(&'*') {
                i += 1;
                let p = take(&mut next)?;
                let Value::Int(p) = p else {
                    return Err(Error::type_error("* wants int"));
                };
                let p = p.max(0) as usize;
                if p > MAX_FORMAT_WIDTH {
                    return Err(Error::Limit(LimitKind::Length));
                }
                precision = Some(p);
            } else {
                precision = Some(
                    get_integer(&chars, &mut i)
                        .map_err(|e| match e {
                            Error::Exception { .. } => Error::value_error("precision too big"),
                            e => e,
                        })?
                        .unwrap_or(0),
                );
            }
        }
        // length modifiers
        while matches!(chars.get(i), Some('h' | 'l' | 'L')) {
            i += 1;
        }
        let Some(&conv) = chars.get(i) else {
            return Err(incomplete());
        };
        i += 1;
        if conv == '%' && i - 1 == spec_start {
            out.push('%');
            continue;
        }
        let v = match value {
            Some(v) => v,
            // after a %(key) conversion the mapping has no positional items left
            None if used_key => return Err(Error::type_error("not enough arguments for format string")),
            None => take(&mut next)?,
        };
        let spec = Spec {
            fill: if zero && !left { '0' } else { ' ' },
            align: Some(if left {
                '<'
            } else if zero {
                '='
            } else {
                '>'
            }),
            sign,
            no_neg_0: false,
            alt,
            width,
            grouping: None,
            precision,
            ty: None,
            group4: false,
        };
        let text = convert(vm, conv, v, spec, i - 1)?;
        out.push_str(&text);
    }
    if next < items.len() && mapping.is_none() && !matches!(args, Value::List(_)) {
        return Err(Error::type_error(
            "not all arguments converted during string formatting",
        ));
    }
    Ok(out)
}

/// The flags `-+ #0` of a conversion: (left, sign, alt, zero).
fn conversion_flags(chars: &[char], i: &mut usize) -> (bool, Option<char>, bool, bool) {
    let (mut left, mut sign, mut alt, mut zero) = (false, None, false, false);
    while let Some(&f) = chars.get(*i) {
        match f {
            '-' => left = true,
            '+' => sign = Some('+'),
            ' ' => {
                if sign.is_none() {
                    sign = Some(' ')
                }
            }
            '#' => alt = true,
            '0' => zero = true,
            _ => break,
        }
        *i += 1;
    }
    (left, sign, alt, zero)
}

/// The value for the `%(key)` starting at `chars[*i] == '('`; leaves `*i` after the `)`.
fn mapping_value(vm: &mut Vm<'_>, map: &Value, chars: &[char], i: &mut usize) -> Result<Value, Error> {
    let mut depth = 1;
    let start = *i + 1;
    *i += 1;
    while *i < chars.len() && depth > 0 {
        match chars[*i] {
            '(' => depth += 1,
            ')' => depth -= 1,
            _ => {}
        }
        *i += 1;
    }
    if depth > 0 {
        return Err(Error::value_error("incomplete format key"));
    }
    let key: String = chars[start..*i - 1].iter().collect();
    let key_value = Value::Str(Rc::from(key.as_str()));
    let found = match map {
        Value::Dict(d) => d.borrow().get(&Key::Str(Rc::from(key.as_str()))).cloned(),
        other => match vm.special_method(other, "__getitem__") {
            Some(getitem) => Some(vm.call(&getitem, Args::new(vec![key_value.clone()]))?),
            None => None,
        },
    };
    match found {
        Some(v) => Ok(v),
        None => Err(vm.key_error(&key_value)),
    }
}

/// Converts one value for the conversion character `conv` (at index `at` of the format).
fn convert(vm: &mut Vm<'_>, conv: char, v: Value, spec: Spec, at: usize) -> Result<String, Error> {
    let left = spec.align == Some('<');
    let (precision, alt) = (spec.precision, spec.alt);
    Ok(match conv {
        's' | 'r' | 'a' => {
            let s = if conv == 's' {
                to_str(vm, &v)?
            } else {
                to_repr(vm, &v)?
            };
            let s = if conv == 'a' { ascii_escape(&s) } else { s };
            let s: String = match precision {
                Some(p) => s.chars().take(p).collect(),
                None => s,
            };
            pad(
                &s,
                &Spec {
                    fill: ' ',
                    align: Some(if left { '<' } else { '>' }),
                    ..spec
                },
                '>',
            )
        }
        'd' | 'i' | 'u' | 'x' | 'X' | 'o' => {
            // (negative, decimal or radix digits)
            let (neg, a): (bool, Result<u64, String>) = match &v {
                Value::Int(n) => (*n < 0, Ok(n.unsigned_abs())),
                Value::Bool(b) => (false, Ok(*b as u64)),
                Value::Float(f) if matches!(conv, 'd' | 'i' | 'u') => {
                    if !f.is_finite() {
                        return Err(Error::exception(
                            if f.is_nan() {
                                "ValueError"
                            } else {
                                "OverflowError"
                            },
                            if f.is_nan() {
                                "cannot convert float NaN to integer"
                            } else {
                                "cannot convert float infinity to integer"
                            },
                        ));
                    }
                    let t = f.trunc();
                    if t.abs() >= 1.8e19 {
                        // beyond u64: the float's exact integer digits
                        (t < 0.0, Err(format!("{:.0}", t.abs())))
                    } else {
                        (t < 0.0, Ok(t.abs() as u64))
                    }
                }
                other => {
                    return Err(Error::type_error(if matches!(conv, 'd' | 'i' | 'u') {
                        format!(
                            "%{conv} format: a real number is required, not {}",
                            other.type_name()
                        )
                    } else {
                        format!(
                            "%{conv} format: an integer is required, not {}",
                            other.type_name()
                        )
                    }))
                }
            };
            let mut digits = match (a, conv) {
                (Err(text), _) => text,
                (Ok(a), 'x') => format!("{a:x}"),
                (Ok(a), 'X') => format!("{a:X}"),
                (Ok(a), 'o') => format!("{a:o}"),
                (Ok(a), _) => a.to_string(),
            };
            if let Some(p) = precision {
                if digits.len() < p {
                    digits = format!("{}{digits}", "0".repeat(p - digits.len()));
                }
            }
            let prefix = match (alt, conv) {
                (true, 'x') => "0x",
                (true, 'X') => "0X",
                (true, 'o') => "0o",
                _ => "",
            };
            let spec = Spec {
                precision: None,
                ..spec
            };
            assemble_number(sign_str(neg, &spec), prefix, &digits, "", &spec)
        }
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
            let f = match &v {
                Value::Int(n) => *n as f64,
                Value::Bool(b) => *b as i64 as f64,
                Value::Float(f) => *f,
                other => {
                    return Err(Error::type_error(format!(
                        "must be real number, not {}",
                        other.type_name()
                    )))
                }
            };
            let spec = Spec {
                ty: Some(conv),
                precision: Some(precision.unwrap_or(6)),
                ..spec
            };
            format_float(f, &spec)?
        }
        'c' => {
            let v = match v {
                Value::Bool(b) => Value::Int(b as i64),
                other => other,
            };
            let ch =
                match &v {
                    Value::Int(n) => u32::try_from(*n)
                        .ok()
                        .and_then(char::from_u32)
                        .ok_or_else(|| {
                            Error::exception("OverflowError", "%c arg not in range(0x110000)")
                        })?,
                    Value::Str(s) if s.chars().count() == 1 => s.chars().next().unwrap_or(' '),
                    _ => return Err(Error::type_error("%c requires int or char")),
                };
            pad(
                &ch.to_string(),
                &Spec {
                    fill: ' ',
                    align: Some(if left { '<' } else { '>' }),
                    ..spec
                },
                '>',
            )
        }
        other => {
            return Err(Error::value_error(format!(
                "unsupported format character '{other}' ({:#x}) at index {}",
                other as u32,
                at
            )))
        }
    })
}

/// `ascii()` of a repr: non-ASCII characters as `\xNN`, `\uNNNN`, `\UNNNNNNNN`.
pub fn ascii_escape(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        let n = c as u32;
        if n < 0x80 {
            out.push(c);
        } else if n < 0x100 {
            out.push_str(&format!("\\x{n:02x}"));
        } else if n < 0x10000 {
            out.push_str(&format!("\\u{n:04x}"));
        } else {
            out.push_str(&format!("\\U{n:08x}"));
        }
    }
    out
}
