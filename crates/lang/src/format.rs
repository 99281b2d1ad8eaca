//! Python's text formatting: `repr(float)`, the format-spec mini-language
//! (`format()`, f-strings, `str.format`), `%`-formatting and `strftime`.
//!
//! The pure parts ([`float_repr`], [`format_primitive`], [`strftime`]) need no
//! evaluator; [`format_value`], [`percent_format`] and [`str_format`] take the
//! [`Vm`] because `str()` of an object may run user code.

use std::rc::Rc;

use chrono::{Datelike, NaiveDate, NaiveTime, Timelike};

use crate::error::LimitKind;
use crate::value::{Args, Key, Value};
use crate::{Error, Vm};

/// The longest width or precision a format spec may ask for (the default length limit).
pub const MAX_FORMAT_WIDTH: usize = 10_000_000;

fn value_error(msg: impl Into<String>) -> Error {
    Error::exception("ValueError", msg)
}

fn type_error(msg: impl Into<String>) -> Error {
    Error::exception("TypeError", msg)
}

// ---------------------------------------------------------------------------
// float repr
// ---------------------------------------------------------------------------

/// Shortest round-trip decimal digits of a finite, non-negative, non-zero `a`,
/// with the exponent of the first digit (`a = 0.d1d2d3… × 10^(exp+1)`).
/// With `sig = Some(n)` the value is rounded to `n` significant digits instead.
fn sci_digits(a: f64, sig: Option<usize>) -> (String, i32) {
    let s = match sig {
        Some(n) => format!("{:.*e}", n.saturating_sub(1), a),
        None => format!("{a:e}"),
    };
    let (mant, exp) = s.split_once('e').unwrap_or((s.as_str(), "0"));
    let digits: String = mant.chars().filter(|c| c.is_ascii_digit()).collect();
    let exp = exp.parse::<i32>().unwrap_or(0);
    (digits, exp)
}

fn exp_suffix(exp: i32, upper: bool) -> String {
    let e = if upper { 'E' } else { 'e' };
    let sign = if exp < 0 { '-' } else { '+' };
    format!("{e}{sign}{:02}", exp.unsigned_abs())
}

/// Python's `repr(float)` (and `str(float)`): shortest round-trip digits, fixed
/// notation for exponents in `-4 <= exp < 16`, otherwise `1e+16` style.
pub fn float_repr(f: f64) -> String {
    if f.is_nan() {
        return "nan".into();
    }
    if f.is_infinite() {
        return if f < 0.0 { "-inf".into() } else { "inf".into() };
    }
    let mut out = String::new();
    if f.is_sign_negative() {
        out.push('-');
    }
    out.push_str(&repr_body(f.abs(), true));
    out
}

/// repr of a non-negative finite float; `dot0` adds `.0` to integral fixed output.
fn repr_body(a: f64, dot0: bool) -> String {
    if a == 0.0 {
        return if dot0 { "0.0".into() } else { "0".into() };
    }
    let (digits, exp) = sci_digits(a, None);
    let decpt = exp + 1;
    if !(-4 < decpt && decpt <= 16) {
        sci_from_digits(&digits, exp, false, false)
    } else {
        fixed_from_digits(&digits, decpt, dot0, false)
    }
}

/// `d.ddd e±XX` from digits; trailing zeros are kept as given.
fn sci_from_digits(digits: &str, exp: i32, alt: bool, upper: bool) -> String {
    let mut out = String::new();
    let mut chars = digits.chars();
    out.push(chars.next().unwrap_or('0'));
    let rest: String = chars.collect();
    if !rest.is_empty() {
        out.push('.');
        out.push_str(&rest);
    } else if alt {
        out.push('.');
    }
    out.push_str(&exp_suffix(exp, upper));
    out
}

/// Fixed notation from digits with the decimal point after `decpt` digits.
fn fixed_from_digits(digits: &str, decpt: i32, dot0: bool, alt: bool) -> String {
    let n = digits.len() as i32;
    let mut out = String::new();
    if decpt <= 0 {
        out.push_str("0.");
        out.extend(std::iter::repeat_n('0', (-decpt) as usize));
        out.push_str(digits);
    } else if decpt >= n {
        out.push_str(digits);
        out.extend(std::iter::repeat_n('0', (decpt - n) as usize));
        if dot0 {
            out.push_str(".0");
        } else if alt {
            out.push('.');
        }
    } else {
        out.push_str(&digits[..decpt as usize]);
        out.push('.');
        out.push_str(&digits[decpt as usize..]);
    }
    out
}

// ---------------------------------------------------------------------------
// format spec mini-language
// ---------------------------------------------------------------------------

/// A parsed standard format specifier.
#[derive(Clone, Debug, PartialEq)]
pub struct Spec {
    /// Fill character.
    pub fill: char,
    /// `<`, `>`, `^`, `=` or none (type default).
    pub align: Option<char>,
    /// `+`, `-`, ` ` or none.
    pub sign: Option<char>,
    /// `z`: coerce negative zero.
    pub no_neg_0: bool,
    /// `#`: alternate form.
    pub alt: bool,
    /// Minimum width.
    pub width: Option<usize>,
    /// `,` or `_` grouping.
    pub grouping: Option<char>,
    /// Precision.
    pub precision: Option<usize>,
    /// Presentation type.
    pub ty: Option<char>,
    /// `_` grouping every four digits (b, o, x, X).
    group4: bool,
}

fn is_align(c: char) -> bool {
    matches!(c, '<' | '>' | '^' | '=')
}

fn get_integer(chars: &[char], pos: &mut usize) -> Result<Option<usize>, Error> {
    let start = *pos;
    let mut n: usize = 0;
    while *pos < chars.len() && chars[*pos].is_ascii_digit() {
        let d = chars[*pos] as usize - '0' as usize;
        n = n
            .checked_mul(10)
            .and_then(|n| n.checked_add(d))
            .filter(|n| *n <= isize::MAX as usize)
            .ok_or_else(|| value_error("Too many decimal digits in format string"))?;
        *pos += 1;
    }
    if *pos == start {
        return Ok(None);
    }
    if n > MAX_FORMAT_WIDTH {
        return Err(Error::Limit(LimitKind::Length));
    }
    Ok(Some(n))
}

/// Parses `spec` as CPython does; `type_name` is used in error messages and
/// `numeric` selects the default alignment (`>` for numbers, `<` otherwise).
pub fn parse_spec(spec: &str, type_name: &str, numeric: bool) -> Result<Spec, Error> {
    let chars: Vec<char> = spec.chars().collect();
    let default_align = if numeric { '>' } else { '<' };
    let mut s = Spec {
        fill: ' ',
        align: None,
        sign: None,
        no_neg_0: false,
        alt: false,
        width: None,
        grouping: None,
        precision: None,
        ty: None,
        group4: false,
    };
    let mut pos = 0;
    let mut fill_specified = false;
    if chars.len() >= 2 && is_align(chars[1]) {
        s.fill = chars[0];
        s.align = Some(chars[1]);
        fill_specified = true;
        pos = 2;
    } else if !chars.is_empty() && is_align(chars[0]) {
        s.align = Some(chars[0]);
        pos = 1;
    }
    if pos < chars.len() && matches!(chars[pos], '+' | '-' | ' ') {
        s.sign = Some(chars[pos]);
        pos += 1;
    }
    if pos < chars.len() && chars[pos] == 'z' {
        s.no_neg_0 = true;
        pos += 1;
    }
    if pos < chars.len() && chars[pos] == '#' {
        s.alt = true;
        pos += 1;
    }
    if !fill_specified && pos < chars.len() && chars[pos] == '0' {
        s.fill = '0';
        if s.align.is_none() && default_align == '>' {
            s.align = Some('=');
        }
        pos += 1;
    }
    s.width = get_integer(&chars, &mut pos)?;
    if pos < chars.len() && chars[pos] == ',' {
        s.grouping = Some(',');
        pos += 1;
    }
    if pos < chars.len() && chars[pos] == '_' {
        if s.grouping.is_some() {
            return Err(value_error("Cannot specify both ',' and '_'."));
        }
        s.grouping = Some('_');
        pos += 1;
    }
    if pos < chars.len() && chars[pos] == ',' && s.grouping == Some('_') {
        return Err(value_error("Cannot specify both ',' and '_'."));
    }
    if pos < chars.len() && chars[pos] == '.' {
        pos += 1;
        s.precision = get_integer(&chars, &mut pos)?;
        if s.precision.is_none() {
            return Err(value_error("Format specifier missing precision"));
        }
    }
    if chars.len() - pos > 1 {
        return Err(value_error(format!(
            "Invalid format specifier '{spec}' for object of type '{type_name}'"
        )));
    }
    if pos < chars.len() {
        s.ty = Some(chars[pos]);
    }
    if let Some(g) = s.grouping {
        let ty = s.ty.unwrap_or(if numeric { '\0' } else { 's' });
        match ty {
            'd' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F' | '\0' => {}
            'b' | 'o' | 'x' | 'X' if g == '_' => s.group4 = true,
            other => {
                return Err(value_error(format!("Cannot specify '{g}' with '{other}'.")));
            }
        }
    }
    Ok(s)
}

/// Groups the ASCII digit string `digits` with `sep` every `every` digits,
/// zero-padding to at least `min_width` characters (CPython's rule: never start
/// with a separator).
fn group_digits(digits: &str, sep: char, every: usize, min_width: usize) -> String {
    let mut rev: Vec<char> = Vec::with_capacity(digits.len() * 2);
    let mut count = 0;
    let mut ds = digits.chars().rev();
    loop {
        let d = ds.next();
        let need_more = rev.len() < min_width;
        let c = match d {
            Some(c) => c,
            None if need_more => '0',
            None => break,
        };
        if count == every {
            rev.push(sep);
            count = 0;
            if d.is_none() && rev.len() >= min_width {
                rev.push('0');
                break;
            }
        }
        rev.push(c);
        count += 1;
    }
    rev.into_iter().rev().collect()
}

/// Pads `text` (already complete) to the spec's width with its fill and alignment.
fn pad(text: &str, spec: &Spec, default_align: char) -> String {
    let len = text.chars().count();
    let width = spec.width.unwrap_or(0);
    if len >= width {
        return text.to_string();
    }
    let n = width - len;
    let fill = |k: usize| std::iter::repeat_n(spec.fill, k).collect::<String>();
    match spec.align.unwrap_or(default_align) {
        '>' => format!("{}{text}", fill(n)),
        '^' => format!("{}{text}{}", fill(n / 2), fill(n - n / 2)),
        _ => format!("{text}{}", fill(n)),
    }
}

/// Assembles a number: sign, prefix, digits (grouped per spec), remainder, padding.
fn assemble_number(sign: &str, prefix: &str, int_digits: &str, rest: &str, spec: &Spec) -> String {
    let align = spec.align.unwrap_or('>');
    let width = spec.width.unwrap_or(0);
    let zero_pad = spec.fill == '0' && align == '=';
    let grouped = match spec.grouping {
        Some(sep) if !int_digits.is_empty() => {
            let every = if spec.group4 { 4 } else { 3 };
            let min = if zero_pad {
                width.saturating_sub(sign.len() + prefix.len() + rest.chars().count())
            } else {
                0
            };
            if int_digits.chars().all(|c| c.is_ascii_hexdigit()) {
                group_digits(int_digits, sep, every, min)
            } else {
                int_digits.to_string()
            }
        }
        _ => int_digits.to_string(),
    };
    let body = format!("{grouped}{rest}");
    let total = sign.len() + prefix.len() + body.chars().count();
    if align == '=' {
        let n = width.saturating_sub(total);
        let fill: String = std::iter::repeat_n(spec.fill, n).collect();
        format!("{sign}{prefix}{fill}{body}")
    } else {
        pad(&format!("{sign}{prefix}{body}"), spec, '>')
    }
}

fn sign_str(negative: bool, spec: &Spec) -> &'static str {
    if negative {
        "-"
    } else {
        match spec.sign {
            Some('+') => "+",
            Some(' ') => " ",
            _ => "",
        }
    }
}

/// Formats an int with a parsed spec (`int.__format__`).
pub fn format_int(i: i64, spec: &Spec, type_name: &str) -> Result<String, Error> {
    let ty = spec.ty.unwrap_or('d');
    match ty {
        'd' | 'n' | 'b' | 'o' | 'x' | 'X' | 'c' => {}
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => return format_float(i as f64, spec),
        other => {
            return Err(value_error(format!(
                "Unknown format code '{other}' for object of type '{type_name}'"
            )))
        }
    }
    if spec.precision.is_some() {
        return Err(value_error(
            "Precision not allowed in integer format specifier",
        ));
    }
    if spec.no_neg_0 {
        return Err(value_error(
            "Negative zero coercion (z) not allowed in integer format specifier",
        ));
    }
    if ty == 'c' {
        if spec.sign.is_some() {
            return Err(value_error(
                "Sign not allowed with integer format specifier 'c'",
            ));
        }
        if spec.alt {
            return Err(value_error(
                "Alternate form (#) not allowed with integer format specifier 'c'",
            ));
        }
        let c = u32::try_from(i)
            .ok()
            .and_then(char::from_u32)
            .ok_or_else(|| Error::exception("OverflowError", "%c arg not in range(0x110000)"))?;
        return Ok(pad(&c.to_string(), spec, '>'));
    }
    let a = i.unsigned_abs();
    let (digits, prefix) = match ty {
        'b' => (format!("{a:b}"), "0b"),
        'o' => (format!("{a:o}"), "0o"),
        'x' => (format!("{a:x}"), "0x"),
        'X' => (format!("{a:X}"), "0X"),
        _ => (a.to_string(), ""),
    };
    let prefix = if spec.alt { prefix } else { "" };
    Ok(assemble_number(
        sign_str(i < 0, spec),
        prefix,
        &digits,
        "",
        spec,
    ))
}

/// Formats a float with a parsed spec (`float.__format__`).
pub fn format_float(f: f64, spec: &Spec) -> Result<String, Error> {
    let ty = spec.ty.unwrap_or('\0');
    match ty {
        '\0' | 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%' => {}
        other => {
            return Err(value_error(format!(
                "Unknown format code '{other}' for object of type 'float'"
            )))
        }
    }
    let upper = matches!(ty, 'E' | 'F' | 'G');
    let (val, pct) = if ty == '%' {
        (f * 100.0, true)
    } else {
        (f, false)
    };
    let mut negative = val.is_sign_negative() && !val.is_nan();
    let a = val.abs();
    let body = if a.is_nan() {
        if upper { "NAN" } else { "nan" }.to_string()
    } else if a.is_infinite() {
        if upper { "INF" } else { "inf" }.to_string()
    } else {
        let prec = spec.precision;
        match ty {
            '\0' => match prec {
                None => {
                    let mut s = repr_body(a, true);
                    if spec.alt && !s.contains('.') {
                        // '#' on an exponent repr keeps a point: 1.e+16
                        if let Some(p) = s.find('e') {
                            s.insert(p, '.');
                        }
                    }
                    s
                }
                Some(p) => general(a, p, spec.alt, true, false),
            },
            'f' | 'F' | '%' => {
                let p = prec.unwrap_or(6);
                let mut s = format!("{a:.p$}");
                if spec.alt && p == 0 {
                    s.push('.');
                }
                s
            }
            'e' | 'E' => {
                let p = prec.unwrap_or(6);
                let (digits, exp) = sci_digits(a, Some(p + 1));
                sci_from_digits(&digits, exp, spec.alt, upper)
            }
            _ => general(a, prec.unwrap_or(6), spec.alt, false, upper),
        }
    };
    if spec.no_neg_0 && negative && body.chars().all(|c| !c.is_ascii_digit() || c == '0') {
        negative = false;
    }
    let split = body
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(body.len());
    let (int_digits, rest) = body.split_at(split);
    let rest = if pct {
        format!("{rest}%")
    } else {
        rest.to_string()
    };
    let spec_for_group = if ty == 'n' {
        Spec {
            grouping: None,
            ..spec.clone()
        }
    } else {
        spec.clone()
    };
    Ok(assemble_number(
        sign_str(negative, spec),
        "",
        int_digits,
        &rest,
        &spec_for_group,
    ))
}

/// The `g` presentation of a non-negative finite `a` with precision `p`.
/// `add_dot0` is CPython's flag for the no-type-with-precision case.
fn general(a: f64, p: usize, alt: bool, add_dot0: bool, upper: bool) -> String {
    let p = p.max(1);
    if a == 0.0 {
        let (digits, exp) = ("0".repeat(p), 0);
        return general_from(&digits, exp, p, alt, add_dot0, upper);
    }
    let (digits, exp) = sci_digits(a, Some(p));
    general_from(&digits, exp, p, alt, add_dot0, upper)
}

fn general_from(
    digits: &str,
    exp: i32,
    p: usize,
    alt: bool,
    add_dot0: bool,
    upper: bool,
) -> String {
    let decpt = exp + 1;
    let threshold = if add_dot0 { p as i32 - 1 } else { p as i32 };
    let digits = if alt {
        digits.to_string()
    } else {
        strip_zeros(digits)
    };
    if decpt <= -4 || decpt > threshold {
        sci_from_digits(&digits, exp, alt, upper)
    } else {
        let s = fixed_from_digits(&digits, decpt, add_dot0, alt);
        if alt && !s.contains('.') {
            format!("{s}.")
        } else {
            s
        }
    }
}

fn strip_zeros(digits: &str) -> String {
    let t = digits.trim_end_matches('0');
    if t.is_empty() {
        "0".into()
    } else {
        t.to_string()
    }
}

/// Formats a string with a parsed spec (`str.__format__`).
pub fn format_str(s: &str, spec: &Spec) -> Result<String, Error> {
    match spec.ty {
        None | Some('s') => {}
        Some(other) => {
            return Err(value_error(format!(
                "Unknown format code '{other}' for object of type 'str'"
            )))
        }
    }
    if spec.sign.is_some() {
        return Err(value_error("Sign not allowed in string format specifier"));
    }
    if spec.no_neg_0 {
        return Err(value_error(
            "Negative zero coercion (z) not allowed in string format specifier",
        ));
    }
    if spec.alt {
        return Err(value_error(
            "Alternate form (#) not allowed in string format specifier",
        ));
    }
    if spec.align == Some('=') {
        return Err(value_error(
            "'=' alignment not allowed in string format specifier",
        ));
    }
    let truncated: String = match spec.precision {
        Some(p) => s.chars().take(p).collect(),
        None => s.to_string(),
    };
    Ok(pad(&truncated, spec, '<'))
}

/// `format(v, spec)` for values that need no evaluator: None, bool, int, float, str,
/// date, datetime, time. Returns `None` for other values (objects, containers).
pub fn format_primitive(v: &Value, spec: &str) -> Option<Result<String, Error>> {
    Some(match v {
        Value::None => {
            if spec.is_empty() {
                Ok("None".into())
            } else {
                Err(type_error(
                    "unsupported format string passed to NoneType.__format__",
                ))
            }
        }
        Value::Bool(b) => {
            if spec.is_empty() {
                Ok(if *b { "True" } else { "False" }.into())
            } else {
                parse_spec(spec, "bool", true).and_then(|s| format_int(*b as i64, &s, "bool"))
            }
        }
        Value::Int(i) => {
            if spec.is_empty() {
                Ok(i.to_string())
            } else {
                parse_spec(spec, "int", true).and_then(|s| format_int(*i, &s, "int"))
            }
        }
        Value::Float(f) => {
            if spec.is_empty() {
                Ok(float_repr(*f))
            } else {
                parse_spec(spec, "float", true).and_then(|s| format_float(*f, &s))
            }
        }
        Value::Str(s) => {
            if spec.is_empty() {
                Ok(s.to_string())
            } else {
                parse_spec(spec, "str", false).and_then(|sp| format_str(s, &sp))
            }
        }
        Value::Date(d) => {
            if spec.is_empty() {
                Ok(d.format("%Y-%m-%d").to_string())
            } else {
                Ok(strftime_date(*d, spec))
            }
        }
        Value::DateTime(dt) => {
            if spec.is_empty() {
                Ok(datetime_str(dt, ' '))
            } else {
                Ok(strftime(dt.date(), dt.time(), spec))
            }
        }
        Value::Time(t) => {
            if spec.is_empty() {
                Ok(time_str(t))
            } else {
                Ok(strftime(
                    NaiveDate::from_ymd_opt(1900, 1, 1).unwrap_or_default(),
                    *t,
                    spec,
                ))
            }
        }
        _ => return None,
    })
}

/// Python's `str(time)`: `HH:MM:SS` plus `.ffffff` when microseconds are non-zero.
pub fn time_str(t: &NaiveTime) -> String {
    let us = t.nanosecond() / 1000;
    if us == 0 {
        format!("{:02}:{:02}:{:02}", t.hour(), t.minute(), t.second())
    } else {
        format!(
            "{:02}:{:02}:{:02}.{:06}",
            t.hour(),
            t.minute(),
            t.second(),
            us
        )
    }
}

/// Python's `str(datetime)` (`sep = ' '`) and `isoformat()` (`sep = 'T'`).
pub fn datetime_str(dt: &chrono::NaiveDateTime, sep: char) -> String {
    format!(
        "{}{sep}{}",
        dt.date().format("%Y-%m-%d"),
        time_str(&dt.time())
    )
}

/// `date.strftime(fmt)`: time fields are zero.
pub fn strftime_date(d: NaiveDate, fmt: &str) -> String {
    strftime(d, NaiveTime::MIN, fmt)
}

const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// `strftime` as CPython on glibc does it (C locale), including the glibc flags
/// `-` (no padding), `_` (space padding) and `0`. Unknown directives are copied.
pub fn strftime(d: NaiveDate, t: NaiveTime, fmt: &str) -> String {
    let mut out = String::new();
    let chars: Vec<char> = fmt.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c != '%' {
            out.push(c);
            i += 1;
            continue;
        }
        let start = i;
        i += 1;
        let mut flag = None;
        if i < chars.len() && matches!(chars[i], '-' | '_' | '0' | '^') {
            flag = Some(chars[i]);
            i += 1;
        }
        let Some(&dir) = chars.get(i) else {
            out.extend(&chars[start..]);
            break;
        };
        i += 1;
        let wd = d.weekday().num_days_from_monday() as usize;
        let month = d.month0() as usize;
        let hour12 = match t.hour() % 12 {
            0 => 12,
            h => h,
        };
        // (number, natural width, natural pad char)
        let num = |n: i64, w: usize, p: char| -> String {
            let (w, p) = match flag {
                Some('-') => (0, p),
                Some('_') => (w, ' '),
                Some('0') => (w, '0'),
                _ => (w, p),
            };
            let s = n.unsigned_abs().to_string();
            let sign = if n < 0 { "-" } else { "" };
            let padn = w.saturating_sub(s.len() + sign.len());
            let padding: String = std::iter::repeat_n(p, padn).collect();
            format!("{sign}{padding}{s}")
        };
        let text = |s: &str| -> String {
            if flag == Some('^') {
                s.to_uppercase()
            } else {
                s.to_string()
            }
        };
        let piece = match dir {
            'a' => text(&WEEKDAYS[wd][..3]),
            'A' => text(WEEKDAYS[wd]),
            'b' | 'h' => text(&MONTHS[month][..3]),
            'B' => text(MONTHS[month]),
            'c' => format!(
                "{} {} {:>2} {:02}:{:02}:{:02} {}",
                &WEEKDAYS[wd][..3],
                &MONTHS[month][..3],
                d.day(),
                t.hour(),
                t.minute(),
                t.second(),
                d.year()
            ),
            'C' => num(i64::from(d.year()) / 100, 1, '0'),
            'd' => num(d.day().into(), 2, '0'),
            'D' => format!(
                "{:02}/{:02}/{:02}",
                d.month(),
                d.day(),
                d.year().rem_euclid(100)
            ),
            'e' => num(d.day().into(), 2, ' '),
            'f' if flag.is_none() => format!("{:06}", t.nanosecond() / 1000),
            'F' => format!("{}-{:02}-{:02}", d.year(), d.month(), d.day()),
            'G' => num(d.iso_week().year().into(), 1, '0'),
            'g' => num(i64::from(d.iso_week().year()).rem_euclid(100), 2, '0'),
            'H' => num(t.hour().into(), 2, '0'),
            'I' => num(hour12.into(), 2, '0'),
            'j' => num(d.ordinal().into(), 3, '0'),
            'k' => num(t.hour().into(), 2, ' '),
            'l' => num(hour12.into(), 2, ' '),
            'm' => num(d.month().into(), 2, '0'),
            'M' => num(t.minute().into(), 2, '0'),
            'n' => "\n".into(),
            'p' => if t.hour() < 12 { "AM" } else { "PM" }.into(),
            'P' => if t.hour() < 12 { "am" } else { "pm" }.into(),
            'r' => format!(
                "{:02}:{:02}:{:02} {}",
                hour12,
                t.minute(),
                t.second(),
                if t.hour() < 12 { "AM" } else { "PM" }
            ),
            'R' => format!("{:02}:{:02}", t.hour(), t.minute()),
            'S' => num(t.second().into(), 2, '0'),
            't' => "\t".into(),
            'T' => format!("{:02}:{:02}:{:02}", t.hour(), t.minute(), t.second()),
            'u' => num(wd as i64 + 1, 1, '0'),
            'U' => {
                let sunday_based = d.weekday().num_days_from_sunday() as i64;
                num((i64::from(d.ordinal0()) + 7 - sunday_based) / 7, 2, '0')
            }
            'V' => num(d.iso_week().week().into(), 2, '0'),
            'w' => num(d.weekday().num_days_from_sunday().into(), 1, '0'),
            'W' => num((i64::from(d.ordinal0()) + 7 - wd as i64) / 7, 2, '0'),
            'x' => format!(
                "{:02}/{:02}/{:02}",
                d.month(),
                d.day(),
                d.year().rem_euclid(100)
            ),
            'X' => format!("{:02}:{:02}:{:02}", t.hour(), t.minute(), t.second()),
            'y' => num(i64::from(d.year()).rem_euclid(100), 2, '0'),
            'Y' => num(d.year().into(), 1, '0'),
            'z' | 'Z' => String::new(),
            '%' => "%".into(),
            _ => chars[start..i].iter().collect(),
        };
        out.push_str(&piece);
    }
    out
}

// ---------------------------------------------------------------------------
// entry points that need the evaluator
// ---------------------------------------------------------------------------

/// `str(v)` through the evaluator (objects may define `__str__`).
pub(crate) fn to_str(vm: &mut Vm<'_>, v: &Value) -> Result<String, Error> {
    vm.str_of(v)
}

/// `repr(v)` through the evaluator.
pub(crate) fn to_repr(vm: &mut Vm<'_>, v: &Value) -> Result<String, Error> {
    vm.repr_of(v)
}

/// `format(v, spec)`: the format-spec mini-language for int, float, str, bool and None;
/// strftime for date, datetime and time. Other values format their `str()` as a string
/// (CPython would refuse a non-empty spec for plain objects; we are lenient).
pub fn format_value(vm: &mut Vm<'_>, v: &Value, spec: &str) -> Result<String, Error> {
    if let Some(r) = format_primitive(v, spec) {
        return r;
    }
    if let Some(m) = vm.special_method(v, "__format__") {
        return match vm.call(&m, Args::new(vec![Value::Str(Rc::from(spec))]))? {
            Value::Str(s) => Ok(s.to_string()),
            other => Err(type_error(format!(
                "__format__ must return a str, not {}",
                other.type_name()
            ))),
        };
    }
    let s = to_str(vm, v)?;
    if spec.is_empty() {
        return Ok(s);
    }
    if !matches!(v, Value::Object(_)) {
        return Err(type_error(format!(
            "unsupported format string passed to {}.__format__",
            v.type_name()
        )));
    }
    let sp = parse_spec(spec, v.type_name(), false)?;
    format_str(&s, &sp)
}

// ---------------------------------------------------------------------------
// %-formatting
// ---------------------------------------------------------------------------

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
            .ok_or_else(|| type_error("not enough arguments for format string"))?;
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
        let incomplete = || value_error("incomplete format");
        // mapping key
        let mut value: Option<Value> = None;
        if chars.get(i) == Some(&'(') {
            let Some(map) = &mapping else {
                return Err(type_error("format requires a mapping"));
            };
            let mut depth = 1;
            let start = i + 1;
            i += 1;
            while i < chars.len() && depth > 0 {
                match chars[i] {
                    '(' => depth += 1,
                    ')' => depth -= 1,
                    _ => {}
                }
                i += 1;
            }
            if depth > 0 {
                return Err(value_error("incomplete format key"));
            }
            let key: String = chars[start..i - 1].iter().collect();
            let key_value = Value::Str(Rc::from(key.as_str()));
            let found = match map {
                Value::Dict(d) => d.borrow().get(&Key::Str(Rc::from(key.as_str()))).cloned(),
                other => match vm.special_method(other, "__getitem__") {
                    Some(getitem) => Some(vm.call(&getitem, Args::new(vec![key_value.clone()]))?),
                    None => None,
                },
            };
            value = match found {
                Some(v) => Some(v),
                None => return Err(vm.key_error(&Value::Str(Rc::from(key.as_str())))),
            };
            used_key = true;
        }
        // flags
        let mut left = false;
        let mut sign = None;
        let mut alt = false;
        let mut zero = false;
        while let Some(&f) = chars.get(i) {
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
            i += 1;
        }
        // width
        let mut width: Option<usize> = None;
        if chars.get(i) == Some(&'*') {
            i += 1;
            let w = take(&mut next)?;
            let Value::Int(w) = w else {
                return Err(type_error("* wants int"));
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
                    Error::Exception { .. } => value_error("width too big"),
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
                    return Err(type_error("* wants int"));
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
                            Error::Exception { .. } => value_error("precision too big"),
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
            None if used_key => return Err(type_error("not enough arguments for format string")),
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
        let text = match conv {
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
                        return Err(type_error(if matches!(conv, 'd' | 'i' | 'u') {
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
                        return Err(type_error(format!(
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
                        _ => return Err(type_error("%c requires int or char")),
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
                return Err(value_error(format!(
                    "unsupported format character '{other}' ({:#x}) at index {}",
                    other as u32,
                    i - 1
                )))
            }
        };
        out.push_str(&text);
    }
    if next < items.len() && mapping.is_none() && !matches!(args, Value::List(_)) {
        return Err(type_error(
            "not all arguments converted during string formatting",
        ));
    }
    Ok(out)
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

// ---------------------------------------------------------------------------
// str.format
// ---------------------------------------------------------------------------

enum Piece {
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
fn parse_format_string(fmt: &str) -> Vec<Piece> {
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
            pieces.push(Piece::Error(value_error(
                "Single '}' encountered in format string",
            )));
            return pieces;
        }
        if markup && at_end && c == '{' {
            pieces.push(Piece::Error(value_error(
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
                    pieces.push(Piece::Error(value_error("unexpected '{' in field name")));
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
                    pieces.push(Piece::Error(value_error(
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
                        pieces.push(Piece::Error(value_error(
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
                pieces.push(Piece::Error(value_error("unmatched '{' in format spec")));
                return pieces;
            }
            spec = chars[spec_start..pos - 1].iter().collect();
        } else if c != '}' {
            pieces.push(Piece::Error(value_error(
                "expected '}' before end of string",
            )));
            return pieces;
        }
        pieces.push(Piece::Field { name, conv, spec });
    }
    pieces
}

fn forbid_underscore(name: &str) -> Result<(), Error> {
    if name.starts_with('_') {
        Err(Error::Forbidden(format!("attribute {name}")))
    } else {
        Ok(())
    }
}

/// Reads attribute `name` of `v` for a format field (`{0.name}`).
fn field_attribute(v: &Value, name: &str) -> Result<Value, Error> {
    forbid_underscore(name)?;
    if let Value::Object(o) = v {
        let o = o.borrow();
        if let Some(x) = o.attrs.get(name) {
            return Ok(x.clone());
        }
        let mut class = Some(o.class.clone());
        while let Some(c) = class {
            if let Some(x) = c.attrs.borrow().get(name) {
                return Ok(x.clone());
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
fn field_index(vm: &mut Vm<'_>, v: &Value, key: &str) -> Result<Value, Error> {
    let int_key = if !key.is_empty() && key.chars().all(|c| c.is_ascii_digit()) {
        key.parse::<i64>().ok()
    } else {
        None
    };
    match v {
        Value::List(l) => {
            let Some(i) = int_key else {
                return Err(type_error(
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
                return Err(type_error(
                    "tuple indices must be integers or slices, not str",
                ));
            };
            t.get(i as usize)
                .cloned()
                .ok_or_else(|| Error::exception("IndexError", "tuple index out of range"))
        }
        Value::Str(s) => {
            let Some(i) = int_key else {
                return Err(type_error("string indices must be integers, not 'str'"));
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
        other => Err(type_error(format!(
            "'{}' object is not subscriptable",
            other.type_name()
        ))),
    }
}

/// Resolves a field name (`0`, `name`, `0.attr[1]`) against the call's arguments.
fn resolve_field(
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
        return Err(value_error("Format string contains positional fields"));
    }
    let mut v = if first.is_empty() {
        if *auto == Some(false) {
            return Err(value_error(
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
            return Err(value_error(
                "cannot switch from automatic field numbering to manual field specification",
            ));
        }
        *auto = Some(false);
        let i: usize = first
            .parse()
            .map_err(|_| value_error("Too many decimal digits in format string"))?;
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
                    return Err(value_error("Empty attribute in format string"));
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
                    return Err(value_error("Missing ']' in format string"));
                }
                let key: String = rest[start..j].iter().collect();
                if key.is_empty() {
                    return Err(value_error("Empty attribute in format string"));
                }
                v = field_index(vm, &v, &key)?;
                i = j + 1;
                if i < rest.len() && rest[i] != '.' && rest[i] != '[' {
                    return Err(value_error(
                        "Only '.' or '[' may follow ']' in format field specifier",
                    ));
                }
            }
            _ => {
                return Err(value_error(
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
            return Err(type_error(format!(
                "'{}' object is not subscriptable",
                other.type_name()
            )))
        }
    };
    format_pieces(vm, fmt, &args, Some(mapping), &mut auto, &mut next, 2)
}

#[allow(clippy::too_many_arguments)]
fn format_pieces(
    vm: &mut Vm<'_>,
    fmt: &str,
    args: &Args,
    mapping: Option<&Value>,
    auto: &mut Option<bool>,
    next: &mut usize,
    depth: u32,
) -> Result<String, Error> {
    if depth == 0 {
        return Err(value_error("Max string recursion exceeded"));
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
                        return Err(value_error(format!("Unknown conversion specifier {c}")))
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

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    fn f(v: Value, spec: &str) -> String {
        match format_primitive(&v, spec) {
            Some(Ok(s)) => s,
            Some(Err(e)) => format!("!! {e}"),
            None => "none".into(),
        }
    }

    #[test]
    fn repr_of_floats() {
        let cases = [
            (0.1, "0.1"),
            (10.0, "10.0"),
            (1e16, "1e+16"),
            (1.5e-7, "1.5e-07"),
            (f64::INFINITY, "inf"),
            (f64::NEG_INFINITY, "-inf"),
            (f64::NAN, "nan"),
            (-0.0, "-0.0"),
            (0.0, "0.0"),
            (1e15, "1000000000000000.0"),
            (123456789012345680.0, "1.2345678901234568e+17"),
            (0.0001, "0.0001"),
            (0.00001, "1e-05"),
            (1.7976931348623157e308, "1.7976931348623157e+308"),
            (5e-324, "5e-324"),
            (2.675, "2.675"),
            (1.0 / 3.0, "0.3333333333333333"),
            (-1.5, "-1.5"),
            (1e100, "1e+100"),
            (9999999999999998.0, "9999999999999998.0"),
        ];
        for (x, want) in cases {
            assert_eq!(float_repr(x), want, "{x:e}");
        }
    }

    #[test]
    fn format_spec_matches_cpython() {
        use Value::*;
        let s = |x: &str| Str(Rc::from(x));
        let cases: Vec<(Value, &str, &str)> = vec![
            (
                Int(1),
                "abc",
                "!! ValueError: Invalid format specifier 'abc' for object of type 'int'",
            ),
            (
                Int(1),
                ".2",
                "!! ValueError: Precision not allowed in integer format specifier",
            ),
            (
                Int(1),
                "s",
                "!! ValueError: Unknown format code 's' for object of type 'int'",
            ),
            (
                s("a"),
                "+",
                "!! ValueError: Sign not allowed in string format specifier",
            ),
            (
                s("a"),
                "=5",
                "!! ValueError: '=' alignment not allowed in string format specifier",
            ),
            (
                s("a"),
                "#",
                "!! ValueError: Alternate form (#) not allowed in string format specifier",
            ),
            (s("a"), ",", "!! ValueError: Cannot specify ',' with 's'."),
            (Int(1), ",x", "!! ValueError: Cannot specify ',' with 'x'."),
            (Int(1), "_x", "1"),
            (Int(123456789), "_x", "75b_cd15"),
            (Int(1234), "010,", "00,001,234"),
            (Int(1234), "0=10,", "00,001,234"),
            (Int(1234), "x=10,", "xxxxx1,234"),
            (Int(1234), "08,", "0,001,234"),
            (Int(1234), "012,", "0,000,001,234"),
            (Int(0x1234), "#07_x", "0x0_1234"),
            (Bool(true), "", "True"),
            (Bool(true), ">5", "    1"),
            (Bool(true), "d", "1"),
            (None, "", "None"),
            (
                None,
                ">5",
                "!! TypeError: unsupported format string passed to NoneType.__format__",
            ),
            (
                Float(1.5),
                "d",
                "!! ValueError: Unknown format code 'd' for object of type 'float'",
            ),
            (Int(65), "c", "A"),
            (
                Int(65),
                "#c",
                "!! ValueError: Alternate form (#) not allowed with integer format specifier 'c'",
            ),
            (
                Int(-1),
                "c",
                "!! OverflowError: %c arg not in range(0x110000)",
            ),
            (Float(1.0), ".3", "1.0"),
            (Float(123.0), ".3", "1.23e+02"),
            (Float(1234.5), ".2", "1.2e+03"),
            (Float(1e16), "", "1e+16"),
            (Float(1e16), ">10", "     1e+16"),
            (Float(0.1), "%", "10.000000%"),
            (Float(0.5), ".0%", "50%"),
            (Float(1234567.891), ",.2f", "1,234,567.89"),
            (Float(1234567.891), "_", "1_234_567.891"),
            (Float(-0.0), "", "-0.0"),
            (Float(-0.0), "z.1f", "0.0"),
            (Float(f64::INFINITY), "F", "INF"),
            (Float(f64::NAN), "E", "NAN"),
            (Float(f64::NEG_INFINITY), "010", "-000000inf"),
            (Float(1e-5), "g", "1e-05"),
            (Float(1e-5), "#g", "1.00000e-05"),
            (Float(123456789.0), "g", "1.23457e+08"),
            (Float(1.0), "#.0f", "1."),
            (Float(1.0), "#", "1.0"),
            (Int(100), "#x", "0x64"),
            (Int(-100), "#010x", "-0x0000064"),
            (Int(255), "#X", "0XFF"),
            (Int(5), "b", "101"),
            (Int(5), "#o", "0o5"),
            (Int(12345), "n", "12345"),
            (Float(1234.5), "n", "1234.5"),
            (s("abc"), ".2", "ab"),
            (s("abc"), "^7", "  abc  "),
            (s("abc"), "*^8", "**abc***"),
            (s("abc"), "x<2", "abc"),
            (Int(12), "05", "00012"),
            (Int(-12), "05", "-0012"),
            (Int(-12), "<05", "-1200"),
            (Int(12), " ", " 12"),
            (Int(12), "+", "+12"),
            (Float(1.5), " ", " 1.5"),
            (Float(2.5), ".0f", "2"),
            (Float(1.23e-10), "", "1.23e-10"),
            (Float(123456.0), "e", "1.234560e+05"),
            (Float(1.0), ".0e", "1e+00"),
            (Float(1.0), "#.0e", "1.e+00"),
            (Int(12), "%", "1200.000000%"),
            (Int(12), "e", "1.200000e+01"),
            (Int(12), "g", "12"),
            (
                Int(1),
                "z",
                "!! ValueError: Negative zero coercion (z) not allowed in integer format specifier",
            ),
            (Float(1.5), ",", "1.5"),
            (Float(1234.5), "010,.1f", "0,001,234.5"),
            (
                Int(1),
                "10000000000000000000000",
                "!! ValueError: Too many decimal digits in format string",
            ),
            (
                Int(1),
                ".1,",
                "!! ValueError: Unknown format code ',' for object of type 'int'",
            ),
            (
                Float(1.5),
                ".1,f",
                "!! ValueError: Invalid format specifier '.1,f' for object of type 'float'",
            ),
            (
                Int(1),
                ",_",
                "!! ValueError: Cannot specify both ',' and '_'.",
            ),
            (Int(1), "__", "!! ValueError: Cannot specify '_' with '_'."),
            (Float(-0.4), "z.0f", "0"),
            (Float(-0.4), ".0f", "-0"),
            (Float(1e20), ".3", "1e+20"),
            (Float(1e20), "#.3", "1.00e+20"),
            (Float(12.0), ".1", "1e+01"),
            (Float(0.00001234), ".3", "1.23e-05"),
            (Float(f64::NAN), "+", "+nan"),
            (Float(f64::NAN), "05", "00nan"),
            (Int(123), ".3%", "12300.000%"),
            (Float(f64::INFINITY), "%", "inf%"),
            (Float(9.9999995), ".6g", "10"),
            (Float(0.0), "g", "0"),
            (Float(0.0), ".3", "0.0"),
            (Float(0.0), "e", "0.000000e+00"),
            (Float(-0.0), "g", "-0"),
            (Float(100.0), "#g", "100.000"),
            (Float(100000.0), ".3", "1e+05"),
            (s("ab"), "05", "ab000"),
            (Int(5), "x<05", "5xxxx"),
            (Int(-5), "^06", "00-500"),
            (Float(-1234.5), "012,.1f", "-0,001,234.5"),
            (Int(-1234), ",", "-1,234"),
            (Int(i64::MIN), "", "-9223372036854775808"),
            (Int(i64::MIN), "x", "-8000000000000000"),
        ];
        for (v, spec, want) in cases {
            assert_eq!(f(v.clone(), spec), want, "format({v:?}, {spec:?})");
        }
    }

    #[test]
    fn strftime_directives() {
        let d = NaiveDate::from_ymd_opt(2024, 3, 5).unwrap();
        let t = NaiveTime::from_hms_micro_opt(14, 7, 9, 120).unwrap();
        assert_eq!(
            strftime(
                d,
                t,
                "%a %A %b %B %d %e %H %I %j %m %M %p %S %f %y %Y %U %W %w %% %-d %-m %Q %"
            ),
            "Tue Tuesday Mar March 05  5 14 02 065 03 07 PM 09 000120 24 2024 09 10 2 % 5 3 %Q %"
        );
        assert_eq!(
            strftime(d, t, "%c|%x|%X|%D|%F|%T|%G-%V-%u"),
            "Tue Mar  5 14:07:09 2024|03/05/24|14:07:09|03/05/24|2024-03-05|14:07:09|2024-10-2"
        );
    }
}
