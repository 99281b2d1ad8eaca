//! The `json` module: `dumps` and `loads` with CPython's spellings and errors.

use super::*;

pub(super) fn json_module() -> Value {
    module(
        "json",
        vec![
            ("dumps", native("dumps", json_dumps)),
            ("loads", native("loads", w_json_loads)),
            ("JSONDecodeError", Value::Class(json_error_class())),
        ],
    )
}

pub(super) struct JsonOpts {
    indent: Option<String>,
    item_sep: String,
    key_sep: String,
    sort_keys: bool,
    ensure_ascii: bool,
    allow_nan: bool,
    default: Option<Value>,
}

pub(super) fn json_dumps(vm: &mut Vm<'_>, args: Args) -> R {
    if args.positional.len() > 1 {
        return Err(Error::type_error(format!(
            "dumps() takes 1 positional argument but {} were given",
            args.positional.len()
        )));
    }
    let v = params(
        args,
        "dumps",
        &[
            "obj",
            "skipkeys",
            "ensure_ascii",
            "check_circular",
            "allow_nan",
            "cls",
            "indent",
            "separators",
            "default",
            "sort_keys",
        ],
        1,
    )?;
    let indent = match v[6].as_ref() {
        None | Some(Value::None) => None,
        Some(Value::Int(n)) => {
            let n = (*n).max(0) as usize;
            vm.check_len(n)?;
            Some(" ".repeat(n))
        }
        Some(Value::Str(x)) => Some(x.to_string()),
        Some(other) => {
            return Err(Error::type_error(format!(
                "indent must be int or str, not {}",
                other.type_name()
            )))
        }
    };
    let (item_sep, key_sep) = match v[7].as_ref() {
        None | Some(Value::None) => (
            if indent.is_some() { "," } else { ", " }.to_string(),
            ": ".to_string(),
        ),
        Some(Value::Tuple(t)) if t.len() == 2 => (
            str_arg(&t[0], "separator")?.to_string(),
            str_arg(&t[1], "separator")?.to_string(),
        ),
        Some(Value::List(l)) if l.borrow().len() == 2 => {
            let l = l.borrow();
            (
                str_arg(&l[0], "separator")?.to_string(),
                str_arg(&l[1], "separator")?.to_string(),
            )
        }
        Some(_) => {
            return Err(Error::value_error(
                "separators must be a (item_separator, key_separator) pair",
            ))
        }
    };
    let opts = JsonOpts {
        indent,
        item_sep,
        key_sep,
        sort_keys: v[9].as_ref().is_some_and(Value::truthy),
        ensure_ascii: v[2].as_ref().is_none_or(Value::truthy),
        allow_nan: v[4].as_ref().is_none_or(Value::truthy),
        default: v[8].clone().filter(|d| !matches!(d, Value::None)),
    };
    let mut out = String::new();
    let mut stack = Vec::new();
    json_encode(vm, &arg(&v, 0), &opts, 0, &mut stack, &mut out)?;
    Ok(ss(out))
}

pub(super) fn json_str(text: &str, ascii: bool, out: &mut String) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 || (ascii && c as u32 >= 0x7f) => {
                let n = c as u32;
                if n >= 0x10000 {
                    let v = n - 0x10000;
                    out.push_str(&format!(
                        "\\u{:04x}\\u{:04x}",
                        0xd800 + (v >> 10),
                        0xdc00 + (v & 0x3ff)
                    ));
                } else {
                    out.push_str(&format!("\\u{n:04x}"));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

pub(super) fn json_float(f: f64, opts: &JsonOpts) -> Result<String, Error> {
    if f.is_finite() {
        return Ok(float_repr(f));
    }
    if !opts.allow_nan {
        return Err(Error::value_error(format!(
            "Out of range float values are not JSON compliant: {}",
            float_repr(f)
        )));
    }
    Ok(if f.is_nan() {
        "NaN"
    } else if f > 0.0 {
        "Infinity"
    } else {
        "-Infinity"
    }
    .into())
}

pub(super) fn json_newline(opts: &JsonOpts, level: usize, out: &mut String) {
    if let Some(ind) = &opts.indent {
        out.push('\n');
        for _ in 0..level {
            out.push_str(ind);
        }
    }
}

pub(super) fn json_encode(
    vm: &mut Vm<'_>,
    v: &Value,
    opts: &JsonOpts,
    level: usize,
    stack: &mut Vec<usize>,
    out: &mut String,
) -> Result<(), Error> {
    if level > 200 {
        return Err(Error::Limit(LimitKind::Depth));
    }
    vm.charge(1)?;
    vm.check_len(out.len())?;
    match v {
        Value::None => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Int(i) => out.push_str(&i.to_string()),
        Value::Float(f) => out.push_str(&json_float(*f, opts)?),
        Value::Str(x) => json_str(x, opts.ensure_ascii, out),
        Value::List(_) | Value::Tuple(_) => {
            let items = match v {
                Value::List(l) => l.borrow().clone(),
                Value::Tuple(t) => t.to_vec(),
                _ => Vec::new(),
            };
            let id = v.identity();
            if stack.contains(&id) {
                return Err(Error::value_error("Circular reference detected"));
            }
            if items.is_empty() {
                out.push_str("[]");
                return Ok(());
            }
            stack.push(id);
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(&opts.item_sep);
                }
                json_newline(opts, level + 1, out);
                json_encode(vm, item, opts, level + 1, stack, out)?;
            }
            json_newline(opts, level, out);
            out.push(']');
            stack.pop();
        }
        Value::Dict(d) => {
            let id = v.identity();
            if stack.contains(&id) {
                return Err(Error::value_error("Circular reference detected"));
            }
            let mut entries: Vec<(Value, Value)> = d
                .borrow()
                .iter()
                .map(|(k, v)| (k.to_value(), v.clone()))
                .collect();
            if entries.is_empty() {
                out.push_str("{}");
                return Ok(());
            }
            if opts.sort_keys {
                crate::builtins::sort_values(vm, &mut entries, false)?;
            }
            stack.push(id);
            out.push('{');
            for (i, (k, item)) in entries.iter().enumerate() {
                if i > 0 {
                    out.push_str(&opts.item_sep);
                }
                json_newline(opts, level + 1, out);
                let key = match k {
                    Value::Str(x) => x.to_string(),
                    Value::Int(n) => n.to_string(),
                    Value::Float(f) => json_float(*f, opts)?,
                    Value::Bool(b) => if *b { "true" } else { "false" }.to_string(),
                    Value::None => "null".to_string(),
                    other => {
                        return Err(Error::type_error(format!(
                            "keys must be str, int, float, bool or None, not {}",
                            other.type_name()
                        )))
                    }
                };
                json_str(&key, opts.ensure_ascii, out);
                out.push_str(&opts.key_sep);
                json_encode(vm, item, opts, level + 1, stack, out)?;
            }
            json_newline(opts, level, out);
            out.push('}');
            stack.pop();
        }
        other => match &opts.default {
            Some(f) => {
                let f = f.clone();
                let converted = vm.call(&f, Args::new(vec![other.clone()]))?;
                json_encode(vm, &converted, opts, level + 1, stack, out)?;
            }
            None => {
                return Err(Error::type_error(format!(
                    "Object of type {} is not JSON serializable",
                    other.class_name()
                )))
            }
        },
    }
    Ok(())
}

pub(super) fn json_loads(vm: &mut Vm<'_>, args: Args) -> R {
    if args.positional.len() > 1 {
        return Err(Error::type_error(format!(
            "loads() takes 1 positional argument but {} were given",
            args.positional.len()
        )));
    }
    let v = params(args, "loads", &["s"], 1)?;
    let text = match arg(&v, 0) {
        Value::Str(x) => x.to_string(),
        other => {
            return Err(Error::type_error(format!(
                "the JSON object must be str, bytes or bytearray, not {}",
                other.type_name()
            )))
        }
    };
    vm.charge_bytes(text.len())?;
    let chars: Vec<char> = text.chars().collect();
    let mut p = Parser {
        chars: &chars,
        pos: 0,
    };
    p.ws();
    let value = p.value(vm, 0)?;
    p.ws();
    if p.pos < chars.len() {
        return Err(p.err("Extra data", p.pos));
    }
    Ok(value)
}

pub(super) struct Parser<'c> {
    chars: &'c [char],
    pos: usize,
}

impl Parser<'_> {
    fn err(&self, msg: &str, at: usize) -> Error {
        let line = self.chars[..at].iter().filter(|c| **c == '\n').count() + 1;
        let col = match self.chars[..at].iter().rposition(|c| *c == '\n') {
            Some(nl) => at - nl,
            None => at + 1,
        };
        exc(
            JSON_ERROR,
            format!("{msg}: line {line} column {col} (char {at})"),
        )
    }

    fn ws(&mut self) {
        while self.pos < self.chars.len()
            && matches!(self.chars[self.pos], ' ' | '\t' | '\n' | '\r')
        {
            self.pos += 1;
        }
    }

    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }

    fn starts(&self, word: &str) -> bool {
        word.chars()
            .enumerate()
            .all(|(i, c)| self.chars.get(self.pos + i) == Some(&c))
    }

    fn value(&mut self, vm: &mut Vm<'_>, depth: u32) -> R {
        if depth > 200 {
            return Err(Error::Limit(LimitKind::Depth));
        }
        vm.charge(1)?;
        let Some(c) = self.peek() else {
            return Err(self.err("Expecting value", self.pos));
        };
        match c {
            '{' => {
                self.pos += 1;
                let mut d: Dict = IndexMap::default();
                self.ws();
                if self.peek() == Some('}') {
                    self.pos += 1;
                    return Ok(Value::dict(d));
                }
                loop {
                    if self.peek() != Some('"') {
                        return Err(self.err(
                            "Expecting property name enclosed in double quotes",
                            self.pos,
                        ));
                    }
                    let k = self.string()?;
                    self.ws();
                    if self.peek() != Some(':') {
                        return Err(self.err("Expecting ':' delimiter", self.pos));
                    }
                    self.pos += 1;
                    self.ws();
                    let v = self.value(vm, depth + 1)?;
                    d.insert(Key::Str(Rc::from(k.as_str())), v);
                    vm.check_len(d.len())?;
                    self.ws();
                    match self.peek() {
                        Some(',') => {
                            self.pos += 1;
                            self.ws();
                        }
                        Some('}') => {
                            self.pos += 1;
                            return Ok(Value::dict(d));
                        }
                        _ => return Err(self.err("Expecting ',' delimiter", self.pos)),
                    }
                }
            }
            '[' => {
                self.pos += 1;
                let mut items = Vec::new();
                self.ws();
                if self.peek() == Some(']') {
                    self.pos += 1;
                    return Ok(Value::list(items));
                }
                loop {
                    self.ws();
                    items.push(self.value(vm, depth + 1)?);
                    vm.check_len(items.len())?;
                    self.ws();
                    match self.peek() {
                        Some(',') => self.pos += 1,
                        Some(']') => {
                            self.pos += 1;
                            return Ok(Value::list(items));
                        }
                        _ => return Err(self.err("Expecting ',' delimiter", self.pos)),
                    }
                }
            }
            '"' => Ok(ss(self.string()?)),
            'n' if self.starts("null") => {
                self.pos += 4;
                Ok(Value::None)
            }
            't' if self.starts("true") => {
                self.pos += 4;
                Ok(Value::Bool(true))
            }
            'f' if self.starts("false") => {
                self.pos += 5;
                Ok(Value::Bool(false))
            }
            'N' if self.starts("NaN") => {
                self.pos += 3;
                Ok(Value::Float(f64::NAN))
            }
            'I' if self.starts("Infinity") => {
                self.pos += 8;
                Ok(Value::Float(f64::INFINITY))
            }
            '-' if self.starts("-Infinity") => {
                self.pos += 9;
                Ok(Value::Float(f64::NEG_INFINITY))
            }
            '-' | '0'..='9' => self.number(),
            _ => Err(self.err("Expecting value", self.pos)),
        }
    }

    fn number(&mut self) -> R {
        let start = self.pos;
        let digits = |p: &mut Self| {
            let s = p.pos;
            while p.peek().is_some_and(|c| c.is_ascii_digit()) {
                p.pos += 1;
            }
            p.pos - s
        };
        if self.peek() == Some('-') {
            self.pos += 1;
        }
        if self.peek() == Some('0') {
            self.pos += 1;
        } else if digits(self) == 0 {
            return Err(self.err("Expecting value", start));
        }
        let mut is_float = false;
        if self.peek() == Some('.')
            && self
                .chars
                .get(self.pos + 1)
                .is_some_and(|c| c.is_ascii_digit())
        {
            self.pos += 1;
            digits(self);
            is_float = true;
        }
        if matches!(self.peek(), Some('e' | 'E')) {
            let save = self.pos;
            self.pos += 1;
            if matches!(self.peek(), Some('+' | '-')) {
                self.pos += 1;
            }
            if digits(self) == 0 {
                self.pos = save;
            } else {
                is_float = true;
            }
        }
        let text: String = self.chars[start..self.pos].iter().collect();
        if is_float {
            Ok(Value::Float(text.parse::<f64>().unwrap_or(f64::NAN)))
        } else {
            text.parse::<i64>().map(Value::Int).map_err(|_| {
                exc(
                    "OverflowError",
                    "integer too large (Colloquy ints are 64-bit)",
                )
            })
        }
    }

    fn string(&mut self) -> Result<String, Error> {
        let start = self.pos;
        self.pos += 1;
        let mut out = String::new();
        loop {
            let Some(c) = self.peek() else {
                return Err(self.err("Unterminated string starting at", start));
            };
            match c {
                '"' => {
                    self.pos += 1;
                    return Ok(out);
                }
                '\\' => {
                    let esc_at = self.pos;
                    self.pos += 1;
                    let Some(e) = self.peek() else {
                        return Err(self.err("Unterminated string starting at", start));
                    };
                    self.pos += 1;
                    match e {
                        '"' => out.push('"'),
                        '\\' => out.push('\\'),
                        '/' => out.push('/'),
                        'b' => out.push('\u{8}'),
                        'f' => out.push('\u{c}'),
                        'n' => out.push('\n'),
                        'r' => out.push('\r'),
                        't' => out.push('\t'),
                        'u' => {
                            let hi = self.hex4(esc_at)?;
                            if (0xd800..0xdc00).contains(&hi) && self.starts("\\u") {
                                let save = self.pos;
                                self.pos += 2;
                                let lo = self.hex4(esc_at)?;
                                if (0xdc00..0xe000).contains(&lo) {
                                    let cp = 0x10000 + ((hi - 0xd800) << 10) + (lo - 0xdc00);
                                    out.push(char::from_u32(cp).unwrap_or('\u{fffd}'));
                                    continue;
                                }
                                self.pos = save;
                            }
                            out.push(char::from_u32(hi).unwrap_or('\u{fffd}'));
                        }
                        _ => return Err(self.err("Invalid \\escape", esc_at)),
                    }
                }
                c if (c as u32) < 0x20 => {
                    return Err(self.err("Invalid control character at", self.pos))
                }
                c => {
                    out.push(c);
                    self.pos += 1;
                }
            }
        }
    }

    fn hex4(&mut self, esc_at: usize) -> Result<u32, Error> {
        let text: String = self
            .chars
            .get(self.pos..self.pos + 4)
            .unwrap_or(&[])
            .iter()
            .collect();
        if text.len() != 4 || !text.chars().all(|c| c.is_ascii_hexdigit()) {
            return Err(self.err("Invalid \\uXXXX escape", esc_at));
        }
        self.pos += 4;
        u32::from_str_radix(&text, 16).map_err(|_| self.err("Invalid \\uXXXX escape", esc_at))
    }
}
