//! The format-spec mini-language (`format(v, spec)`, `f"{v:spec}"`) for ints, floats and
//! strings, and the `str()`/`strftime` spellings of dates and times.

use super::*;

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
    pub(crate) group4: bool,
}

pub(super) fn is_align(c: char) -> bool {
    matches!(c, '<' | '>' | '^' | '=')
}

pub(super) fn get_integer(chars: &[char], pos: &mut usize) -> Result<Option<usize>, Error> {
    let start = *pos;
    let mut n: usize = 0;
    while *pos < chars.len() && chars[*pos].is_ascii_digit() {
        let d = chars[*pos] as usize - '0' as usize;
        n = n
            .checked_mul(10)
            .and_then(|n| n.checked_add(d))
            .filter(|n| *n <= isize::MAX as usize)
            .ok_or_else(|| Error::value_error("Too many decimal digits in format string"))?;
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
            return Err(Error::value_error("Cannot specify both ',' and '_'."));
        }
        s.grouping = Some('_');
        pos += 1;
    }
    if pos < chars.len() && chars[pos] == ',' && s.grouping == Some('_') {
        return Err(Error::value_error("Cannot specify both ',' and '_'."));
    }
    if pos < chars.len() && chars[pos] == '.' {
        pos += 1;
        s.precision = get_integer(&chars, &mut pos)?;
        if s.precision.is_none() {
            return Err(Error::value_error("Format specifier missing precision"));
        }
    }
    if chars.len() - pos > 1 {
        return Err(Error::value_error(format!(
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
                return Err(Error::value_error(format!("Cannot specify '{g}' with '{other}'.")));
            }
        }
    }
    Ok(s)
}

/// Groups the ASCII digit string `digits` with `sep` every `every` digits,
/// zero-padding to at least `min_width` characters (CPython's rule: never start
/// with a separator).
pub(super) fn group_digits(digits: &str, sep: char, every: usize, min_width: usize) -> String {
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
pub(super) fn pad(text: &str, spec: &Spec, default_align: char) -> String {
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
pub(super) fn assemble_number(sign: &str, prefix: &str, int_digits: &str, rest: &str, spec: &Spec) -> String {
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

pub(super) fn sign_str(negative: bool, spec: &Spec) -> &'static str {
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
            return Err(Error::value_error(format!(
                "Unknown format code '{other}' for object of type '{type_name}'"
            )))
        }
    }
    if spec.precision.is_some() {
        return Err(Error::value_error(
            "Precision not allowed in integer format specifier",
        ));
    }
    if spec.no_neg_0 {
        return Err(Error::value_error(
            "Negative zero coercion (z) not allowed in integer format specifier",
        ));
    }
    if ty == 'c' {
        if spec.sign.is_some() {
            return Err(Error::value_error(
                "Sign not allowed with integer format specifier 'c'",
            ));
        }
        if spec.alt {
            return Err(Error::value_error(
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
            return Err(Error::value_error(format!(
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
pub(super) fn general(a: f64, p: usize, alt: bool, add_dot0: bool, upper: bool) -> String {
    let p = p.max(1);
    if a == 0.0 {
        let (digits, exp) = ("0".repeat(p), 0);
        return general_from(&digits, exp, p, alt, add_dot0, upper);
    }
    let (digits, exp) = sci_digits(a, Some(p));
    general_from(&digits, exp, p, alt, add_dot0, upper)
}

pub(super) fn general_from(
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

pub(super) fn strip_zeros(digits: &str) -> String {
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
            return Err(Error::value_error(format!(
                "Unknown format code '{other}' for object of type 'str'"
            )))
        }
    }
    if spec.sign.is_some() {
        return Err(Error::value_error("Sign not allowed in string format specifier"));
    }
    if spec.no_neg_0 {
        return Err(Error::value_error(
            "Negative zero coercion (z) not allowed in string format specifier",
        ));
    }
    if spec.alt {
        return Err(Error::value_error(
            "Alternate form (#) not allowed in string format specifier",
        ));
    }
    if spec.align == Some('=') {
        return Err(Error::value_error(
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
                Err(Error::type_error(
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

pub(super) const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
pub(super) const MONTHS: [&str; 12] = [
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
