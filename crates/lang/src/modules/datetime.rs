//! The `datetime` module: `date`, `datetime`, `time`, `timedelta` constructors and parsing.

use super::*;

pub(super) fn forbidden_clock(_vm: &mut Vm<'_>, _args: Args) -> R {
    Err(Error::Forbidden("clock".into()))
}

pub(super) fn date_class() -> Rc<Class> {
    cached_class("date", || {
        class_with(
            "date",
            Vec::new(),
            Some(date_new),
            vec![
                ("today", native("today", forbidden_clock)),
                ("fromisoformat", native("fromisoformat", date_fromisoformat)),
                ("fromordinal", native("fromordinal", date_fromordinal)),
                (
                    "min",
                    Value::Date(NaiveDate::from_ymd_opt(1, 1, 1).unwrap_or_default()),
                ),
                (
                    "max",
                    Value::Date(NaiveDate::from_ymd_opt(9999, 12, 31).unwrap_or_default()),
                ),
            ],
        )
    })
}

pub(super) fn datetime_class() -> Rc<Class> {
    cached_class("datetime", || {
        class_with(
            "datetime",
            vec![date_class()],
            Some(datetime_new),
            vec![
                ("today", native("today", forbidden_clock)),
                ("now", native("now", forbidden_clock)),
                ("utcnow", native("utcnow", forbidden_clock)),
                (
                    "fromisoformat",
                    native("fromisoformat", datetime_fromisoformat),
                ),
                ("strptime", native("strptime", datetime_strptime)),
                ("combine", native("combine", datetime_combine)),
                (
                    "fromtimestamp",
                    native("fromtimestamp", datetime_fromtimestamp),
                ),
                (
                    "utcfromtimestamp",
                    native("utcfromtimestamp", datetime_fromtimestamp),
                ),
            ],
        )
    })
}

pub(super) fn time_class() -> Rc<Class> {
    cached_class("time", || {
        class_with(
            "time",
            Vec::new(),
            Some(time_new),
            vec![
                ("fromisoformat", native("fromisoformat", time_fromisoformat)),
                ("min", Value::Time(NaiveTime::MIN)),
            ],
        )
    })
}

pub(super) fn datetime_module() -> Value {
    module(
        "datetime",
        vec![
            ("date", Value::Class(date_class())),
            ("datetime", Value::Class(datetime_class())),
            ("time", Value::Class(time_class())),
            ("timedelta", Value::Class(timedelta_class())),
            ("MINYEAR", Value::Int(1)),
            ("MAXYEAR", Value::Int(9999)),
        ],
    )
}

pub(super) fn date_int(v: &Value) -> Result<i64, Error> {
    v.to_index()
}

pub(super) fn date_new(_vm: &mut Vm<'_>, args: Args) -> R {
    let v = params(args, "date", &["year", "month", "day"], 3)?;
    Ok(Value::Date(make_date(
        date_int(&arg(&v, 0))?,
        date_int(&arg(&v, 1))?,
        date_int(&arg(&v, 2))?,
    )?))
}

pub(super) fn opt_int(v: &[Option<Value>], i: usize) -> Result<i64, Error> {
    match v.get(i).cloned().flatten() {
        None => Ok(0),
        Some(x) => date_int(&x),
    }
}

pub(super) fn no_tz(v: &[Option<Value>], i: usize) -> Result<(), Error> {
    match v.get(i).cloned().flatten() {
        None | Some(Value::None) => Ok(()),
        Some(_) => Err(Error::Forbidden("time zones (tzinfo)".into())),
    }
}

pub(super) fn datetime_new(_vm: &mut Vm<'_>, args: Args) -> R {
    let v = params(
        args,
        "datetime",
        &[
            "year",
            "month",
            "day",
            "hour",
            "minute",
            "second",
            "microsecond",
            "tzinfo",
            "fold",
        ],
        3,
    )?;
    no_tz(&v, 7)?;
    let d = make_date(
        date_int(&arg(&v, 0))?,
        date_int(&arg(&v, 1))?,
        date_int(&arg(&v, 2))?,
    )?;
    let t = make_time(
        opt_int(&v, 3)?,
        opt_int(&v, 4)?,
        opt_int(&v, 5)?,
        opt_int(&v, 6)?,
    )?;
    Ok(Value::DateTime(NaiveDateTime::new(d, t)))
}

pub(super) fn time_new(_vm: &mut Vm<'_>, args: Args) -> R {
    let v = params(
        args,
        "time",
        &["hour", "minute", "second", "microsecond", "tzinfo", "fold"],
        0,
    )?;
    no_tz(&v, 4)?;
    Ok(Value::Time(make_time(
        opt_int(&v, 0)?,
        opt_int(&v, 1)?,
        opt_int(&v, 2)?,
        opt_int(&v, 3)?,
    )?))
}

/// `timedelta(days=0, seconds=0, microseconds=0, milliseconds=0, minutes=0, hours=0, weeks=0)`.
pub(crate) fn timedelta_new(_vm: &mut Vm<'_>, args: Args) -> R {
    let v = params(
        args,
        "timedelta",
        &[
            "days",
            "seconds",
            "microseconds",
            "milliseconds",
            "minutes",
            "hours",
            "weeks",
        ],
        0,
    )?;
    const FACTORS: [i128; 7] = [
        86_400_000_000,
        1_000_000,
        1,
        1_000,
        60_000_000,
        3_600_000_000,
        604_800_000_000,
    ];
    let mut exact: i128 = 0;
    let mut frac: f64 = 0.0;
    for (i, factor) in FACTORS.iter().enumerate() {
        match v[i].as_ref() {
            None => {}
            Some(Value::Int(n)) => exact += i128::from(*n) * factor,
            Some(Value::Bool(b)) => exact += i128::from(*b) * factor,
            Some(Value::Float(f)) => {
                if !f.is_finite() {
                    return Err(exc(
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
                let whole = f.trunc();
                if whole.abs() > 1e15 {
                    return Err(exc(
                        "OverflowError",
                        "days=1000000000; must have magnitude <= 999999999",
                    ));
                }
                exact += (whole as i128) * factor;
                frac += (f - whole) * (*factor as f64);
            }
            Some(other) => {
                return Err(Error::type_error(format!(
                    "unsupported type for timedelta {} component: {}",
                    [
                        "days",
                        "seconds",
                        "microseconds",
                        "milliseconds",
                        "minutes",
                        "hours",
                        "weeks"
                    ][i],
                    other.type_name()
                )))
            }
        }
    }
    let r = frac.round();
    let rounded = if (frac - frac.trunc()).abs() == 0.5 {
        2.0 * (frac / 2.0).round()
    } else {
        r
    };
    timedelta_from_micros(exact + rounded as i128)
}

pub(super) fn iso_err(text: &str) -> Error {
    Error::value_error(format!("Invalid isoformat string: {}", s(text).repr()))
}

pub(super) fn parse_iso_date(text: &str) -> Option<NaiveDate> {
    let b = text.as_bytes();
    let digits = |r: std::ops::Range<usize>| -> Option<i64> {
        let part = text.get(r)?;
        if part.bytes().all(|c| c.is_ascii_digit()) {
            part.parse().ok()
        } else {
            None
        }
    };
    let (y, m, d) = match b.len() {
        10 if b[4] == b'-' && b[7] == b'-' => (digits(0..4)?, digits(5..7)?, digits(8..10)?),
        8 => (digits(0..4)?, digits(4..6)?, digits(6..8)?),
        _ => return None,
    };
    make_date(y, m, d).ok()
}

pub(super) fn parse_iso_time(text: &str) -> Result<Option<NaiveTime>, Error> {
    if text.ends_with('Z') || text.contains('+') || text.get(2..).unwrap_or("").contains('-') {
        return Err(Error::Forbidden("time zones (tzinfo)".into()));
    }
    let (main, frac) = match text.split_once(['.', ',']) {
        Some((m, f)) => (m, Some(f)),
        None => (text, None),
    };
    let parts: Vec<&str> = if main.contains(':') {
        main.split(':').collect()
    } else {
        main.as_bytes()
            .chunks(2)
            .map(|c| std::str::from_utf8(c).unwrap_or(""))
            .collect()
    };
    if parts.is_empty()
        || parts.len() > 3
        || parts
            .iter()
            .any(|p| p.len() != 2 || !p.bytes().all(|c| c.is_ascii_digit()))
    {
        return Ok(None);
    }
    let n = |i: usize| {
        parts
            .get(i)
            .and_then(|p| p.parse::<i64>().ok())
            .unwrap_or(0)
    };
    let us = match frac {
        None => 0,
        Some(f) if (1..=9).contains(&f.len()) && f.bytes().all(|c| c.is_ascii_digit()) => {
            let padded = format!("{f:0<6}");
            padded[..6].parse::<i64>().unwrap_or(0)
        }
        Some(_) => return Ok(None),
    };
    Ok(make_time(n(0), n(1), n(2), us).ok())
}

pub(super) fn one_str(args: Args, fname: &str) -> Result<String, Error> {
    let v = params(args, fname, &["date_string"], 1)?;
    match arg(&v, 0) {
        Value::Str(x) => Ok(x.to_string()),
        other => Err(Error::type_error(format!(
            "{fname}: argument must be str, not {}",
            other.type_name()
        ))),
    }
}

pub(super) fn date_fromisoformat(_vm: &mut Vm<'_>, args: Args) -> R {
    let text = one_str(args, "fromisoformat")?;
    parse_iso_date(&text)
        .map(Value::Date)
        .ok_or_else(|| iso_err(&text))
}

pub(super) fn datetime_fromisoformat(_vm: &mut Vm<'_>, args: Args) -> R {
    let text = one_str(args, "fromisoformat")?;
    let date_len = if text.len() >= 10 && text.as_bytes().get(4) == Some(&b'-') {
        10
    } else {
        8
    };
    let date = text
        .get(..date_len)
        .and_then(parse_iso_date)
        .ok_or_else(|| iso_err(&text))?;
    let rest = &text[date_len..];
    if rest.is_empty() {
        return Ok(Value::DateTime(NaiveDateTime::new(date, NaiveTime::MIN)));
    }
    let mut cs = rest.chars();
    cs.next();
    let t = parse_iso_time(cs.as_str())?.ok_or_else(|| iso_err(&text))?;
    Ok(Value::DateTime(NaiveDateTime::new(date, t)))
}

pub(super) fn time_fromisoformat(_vm: &mut Vm<'_>, args: Args) -> R {
    let text = one_str(args, "fromisoformat")?;
    let t = text.strip_prefix('T').unwrap_or(&text);
    parse_iso_time(t)?
        .map(Value::Time)
        .ok_or_else(|| iso_err(&text))
}

pub(super) fn date_fromordinal(_vm: &mut Vm<'_>, args: Args) -> R {
    let v = params(args, "fromordinal", &["ordinal"], 1)?;
    let n = arg(&v, 0).to_index()?;
    if !(1..=3_652_059).contains(&n) {
        return Err(Error::value_error("ordinal must be >= 1"));
    }
    NaiveDate::from_num_days_from_ce_opt(n as i32)
        .map(Value::Date)
        .ok_or_else(|| Error::value_error("year is out of range"))
}

pub(super) fn datetime_combine(_vm: &mut Vm<'_>, args: Args) -> R {
    let v = params(args, "combine", &["date", "time", "tzinfo"], 2)?;
    no_tz(&v, 2)?;
    let d = match arg(&v, 0) {
        Value::Date(d) => d,
        Value::DateTime(dt) => dt.date(),
        other => {
            return Err(Error::type_error(format!(
                "combine() argument 1 must be datetime.date, not {}",
                other.type_name()
            )))
        }
    };
    let t = match arg(&v, 1) {
        Value::Time(t) => t,
        other => {
            return Err(Error::type_error(format!(
                "combine() argument 2 must be datetime.time, not {}",
                other.type_name()
            )))
        }
    };
    Ok(Value::DateTime(NaiveDateTime::new(d, t)))
}

/// `datetime.fromtimestamp(ts)`: interpreted in UTC (Colloquy has no host time zone).
pub(super) fn datetime_fromtimestamp(_vm: &mut Vm<'_>, args: Args) -> R {
    let v = params(args, "fromtimestamp", &["timestamp", "tz"], 1)?;
    no_tz(&v, 1)?;
    let ts = arg(&v, 0).to_float()?;
    if !ts.is_finite() || ts.abs() > 253_402_300_799.0 {
        return Err(Error::value_error("year is out of range"));
    }
    let secs = ts.floor();
    let us = ((ts - secs) * 1e6).round() as i64;
    chrono::DateTime::from_timestamp(secs as i64, 0)
        .map(|d| d.naive_utc() + chrono::Duration::microseconds(us))
        .filter(|d| (1..=9999).contains(&d.year()))
        .map(Value::DateTime)
        .ok_or_else(|| Error::value_error("year is out of range"))
}

pub(super) const MONTH_NAMES: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];
pub(super) const DAY_NAMES: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// `datetime.strptime(text, format)` as CPython's `_strptime` does it (C locale).
pub fn strptime(text: &str, fmt: &str) -> Result<NaiveDateTime, Error> {
    let mut pattern = String::from(r"(?i)\A");
    let mut cs = fmt.chars().peekable();
    let mut names: Vec<char> = Vec::new();
    while let Some(c) = cs.next() {
        if c == '%' {
            let Some(d) = cs.next() else {
                return Err(Error::value_error(format!("stray % in format '{fmt}'")));
            };
            let re = match d {
                'Y' => r"(\d\d\d\d)",
                'm' => r"(1[0-2]|0[1-9]|[1-9])",
                'd' => r"(3[01]|[12]\d|0[1-9]|[1-9]| [1-9])",
                'H' => r"(2[0-3]|[0-1]\d|\d)",
                'I' => r"(1[0-2]|0[1-9]|[1-9])",
                'M' => r"([0-5]\d|\d)",
                'S' => r"(6[0-1]|[0-5]\d|\d)",
                'f' => r"([0-9]{1,6})",
                'y' => r"(\d\d)",
                'j' => r"(36[0-6]|3[0-5]\d|[12]\d\d|0[1-9]\d|00[1-9]|[1-9]\d|0[1-9]|[1-9])",
                'b' | 'h' => r"(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)",
                'B' => {
                    r"(january|february|march|april|may|june|july|august|september|october|november|december)"
                }
                'a' => r"(mon|tue|wed|thu|fri|sat|sun)",
                'A' => r"(monday|tuesday|wednesday|thursday|friday|saturday|sunday)",
                'p' => r"(am|pm)",
                'w' => r"([0-6])",
                'u' => r"([1-7])",
                '%' => {
                    pattern.push('%');
                    continue;
                }
                'z' | 'Z' => return Err(Error::Forbidden("time zones (tzinfo)".into())),
                other => {
                    return Err(Error::value_error(format!(
                        "'{other}' is a bad directive in format '{fmt}'"
                    )))
                }
            };
            pattern.push_str(re);
            names.push(if d == 'h' { 'b' } else { d });
        } else if c.is_whitespace() {
            while cs.peek().is_some_and(|c| c.is_whitespace()) {
                cs.next();
            }
            pattern.push_str(r"\s+");
        } else {
            pattern.push_str(&regex::escape(&c.to_string()));
        }
    }
    let mismatch = || {
        Error::value_error(format!(
            "time data {} does not match format {}",
            s(text).repr(),
            s(fmt).repr()
        ))
    };
    let re = regex::Regex::new(&pattern).map_err(|_| mismatch())?;
    let caps = re.captures(text).ok_or_else(mismatch)?;
    let end = caps.get(0).map_or(0, |m| m.end());
    if end != text.len() {
        return Err(Error::value_error(format!(
            "unconverted data remains: {}",
            &text[end..]
        )));
    }
    let (mut year, mut month, mut day) = (1900i64, 1i64, 1i64);
    let (mut hour, mut minute, mut second, mut us) = (0i64, 0i64, 0i64, 0i64);
    let mut pm: Option<bool> = None;
    let mut hour12 = false;
    let mut yday: Option<i64> = None;
    let mut month_set = false;
    for (i, d) in names.iter().enumerate() {
        let Some(m) = caps.get(i + 1) else { continue };
        let t = m.as_str().trim();
        let num = || t.parse::<i64>().unwrap_or(0);
        match d {
            'Y' => year = num(),
            'y' => {
                let y = num();
                year = if y <= 68 { 2000 + y } else { 1900 + y };
            }
            'm' => {
                month = num();
                month_set = true;
            }
            'd' => {
                day = num();
                month_set = true;
            }
            'H' => hour = num(),
            'I' => {
                hour = num();
                hour12 = true;
            }
            'M' => minute = num(),
            'S' => second = num().min(59),
            'f' => us = format!("{t:0<6}").parse().unwrap_or(0),
            'j' => yday = Some(num()),
            'b' | 'B' => {
                let low = t.to_lowercase();
                month = MONTH_NAMES
                    .iter()
                    .position(|n| n.starts_with(&low.chars().take(3).collect::<String>()))
                    .unwrap_or(0) as i64
                    + 1;
                month_set = true;
            }
            'p' => pm = Some(t.eq_ignore_ascii_case("pm")),
            _ => {}
        }
    }
    let _ = DAY_NAMES;
    if hour12 {
        match pm {
            Some(true) if hour != 12 => hour += 12,
            Some(false) if hour == 12 => hour = 0,
            _ => {}
        }
    }
    let date = match (yday, month_set) {
        (Some(j), false) => {
            let first = make_date(year, 1, 1)?;
            first
                .checked_add_signed(chrono::Duration::days(j - 1))
                .ok_or_else(|| Error::value_error("day is out of range for month"))?
        }
        _ => make_date(year, month, day)?,
    };
    Ok(NaiveDateTime::new(
        date,
        make_time(hour, minute, second, us)?,
    ))
}

pub(super) fn datetime_strptime(_vm: &mut Vm<'_>, args: Args) -> R {
    let v = params(args, "strptime", &["date_string", "format"], 2)?;
    let text = str_arg(
        &v[0].clone().unwrap_or(Value::None),
        "strptime() argument 1",
    )?
    .to_string();
    let fmt = str_arg(
        &v[1].clone().unwrap_or(Value::None),
        "strptime() argument 2",
    )?
    .to_string();
    Ok(Value::DateTime(strptime(&text, &fmt)?))
}
