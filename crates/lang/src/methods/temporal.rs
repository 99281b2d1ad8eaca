//! Methods, attributes and arithmetic of `date`, `datetime`, `time` and `timedelta`.

use super::*;

pub(super) fn temporal_method(receiver: &Value, name: &str) -> Option<NativeFn> {
    let is_time = matches!(receiver, Value::Time(_));
    let is_date = matches!(receiver, Value::Date(_));
    Some(match name {
        "isoformat" => t_isoformat,
        "strftime" => t_strftime,
        "__format__" => t_format,
        "replace" => t_replace,
        "weekday" if !is_time => t_weekday,
        "isoweekday" if !is_time => t_isoweekday,
        "isocalendar" if !is_time => t_isocalendar,
        "toordinal" if !is_time => t_toordinal,
        "ctime" if !is_time => t_ctime,
        "timetuple" if !is_time => return None,
        "date" if !is_time && !is_date => t_date,
        "time" if !is_time && !is_date => t_time,
        "timestamp" if !is_time && !is_date => t_timestamp,
        _ => return None,
    })
}

pub(super) fn date_of(v: &Value) -> Option<NaiveDate> {
    match v {
        Value::Date(d) => Some(*d),
        Value::DateTime(dt) => Some(dt.date()),
        _ => None,
    }
}

pub(super) fn t_weekday(_vm: &mut Vm<'_>, args: Args) -> R {
    let (recv, _) = parse(args, "weekday", &[], 0, false)?;
    let d = date_of(&recv).ok_or_else(|| Error::type_error("weekday() needs a date"))?;
    Ok(Value::Int(d.weekday().num_days_from_monday().into()))
}

pub(super) fn t_isoweekday(_vm: &mut Vm<'_>, args: Args) -> R {
    let (recv, _) = parse(args, "isoweekday", &[], 0, false)?;
    let d = date_of(&recv).ok_or_else(|| Error::type_error("isoweekday() needs a date"))?;
    Ok(Value::Int(d.weekday().number_from_monday().into()))
}

pub(super) fn t_isocalendar(_vm: &mut Vm<'_>, args: Args) -> R {
    let (recv, _) = parse(args, "isocalendar", &[], 0, false)?;
    let d = date_of(&recv).ok_or_else(|| Error::type_error("isocalendar() needs a date"))?;
    let w = d.iso_week();
    Ok(Value::tuple(vec![
        Value::Int(w.year().into()),
        Value::Int(w.week().into()),
        Value::Int(d.weekday().number_from_monday().into()),
    ]))
}

pub(super) fn t_toordinal(_vm: &mut Vm<'_>, args: Args) -> R {
    let (recv, _) = parse(args, "toordinal", &[], 0, false)?;
    let d = date_of(&recv).ok_or_else(|| Error::type_error("toordinal() needs a date"))?;
    Ok(Value::Int(i64::from(d.num_days_from_ce())))
}

pub(super) fn t_ctime(_vm: &mut Vm<'_>, args: Args) -> R {
    let (recv, _) = parse(args, "ctime", &[], 0, false)?;
    Ok(ss(match recv {
        Value::Date(d) => format::strftime_date(d, "%c"),
        Value::DateTime(dt) => format::strftime(dt.date(), dt.time(), "%c"),
        _ => String::new(),
    }))
}

pub(super) fn t_date(_vm: &mut Vm<'_>, args: Args) -> R {
    let (recv, _) = parse(args, "date", &[], 0, false)?;
    date_of(&recv)
        .map(Value::Date)
        .ok_or_else(|| Error::type_error("date() needs a datetime"))
}

pub(super) fn t_time(_vm: &mut Vm<'_>, args: Args) -> R {
    let (recv, _) = parse(args, "time", &[], 0, false)?;
    match recv {
        Value::DateTime(dt) => Ok(Value::Time(dt.time())),
        _ => Err(Error::type_error("time() needs a datetime")),
    }
}

/// `datetime.timestamp()`: naive datetimes are taken as UTC (Colloquy has no host time zone).
pub(super) fn t_timestamp(_vm: &mut Vm<'_>, args: Args) -> R {
    let (recv, _) = parse(args, "timestamp", &[], 0, false)?;
    match recv {
        Value::DateTime(dt) => {
            let u = dt.and_utc();
            Ok(Value::Float(
                u.timestamp() as f64 + f64::from(u.timestamp_subsec_micros()) / 1e6,
            ))
        }
        _ => Err(Error::type_error("timestamp() needs a datetime")),
    }
}

pub(super) fn timespec_time(t: &NaiveTime, spec: &str) -> Result<String, Error> {
    let us = t.nanosecond() / 1000;
    let (h, m, sec) = (t.hour(), t.minute(), t.second());
    Ok(match spec {
        "auto" => format::time_str(t),
        "hours" => format!("{h:02}"),
        "minutes" => format!("{h:02}:{m:02}"),
        "seconds" => format!("{h:02}:{m:02}:{sec:02}"),
        "milliseconds" => format!("{h:02}:{m:02}:{sec:02}.{:03}", us / 1000),
        "microseconds" => format!("{h:02}:{m:02}:{sec:02}.{us:06}"),
        _ => return Err(Error::value_error("Unknown timespec value")),
    })
}

pub(super) fn t_isoformat(_vm: &mut Vm<'_>, args: Args) -> R {
    let (recv, p) = parse(args, "isoformat", &["sep", "timespec"], 0, true)?;
    match &recv {
        Value::Date(d) => {
            if p.raw(0).is_some() {
                return Err(Error::type_error("date.isoformat() takes no arguments (1 given)"));
            }
            Ok(ss(d.format("%Y-%m-%d").to_string()))
        }
        Value::DateTime(dt) => {
            let sep = match p.raw(0) {
                None => 'T',
                Some(Value::Str(x)) if x.chars().count() == 1 => x.chars().next().unwrap_or('T'),
                Some(_) => {
                    return Err(Error::type_error(
                        "isoformat() argument 1 must be a unicode character",
                    ))
                }
            };
            let spec = match p.raw(1) {
                None => "auto".to_string(),
                Some(v) => as_str(v, "timespec")?.to_string(),
            };
            Ok(ss(format!(
                "{}{sep}{}",
                dt.date().format("%Y-%m-%d"),
                timespec_time(&dt.time(), &spec)?
            )))
        }
        Value::Time(t) => {
            // time.isoformat(timespec='auto') takes timespec first
            let spec = match p.raw(0).or(p.raw(1)) {
                None => "auto".to_string(),
                Some(v) => as_str(v, "timespec")?.to_string(),
            };
            Ok(ss(timespec_time(t, &spec)?))
        }
        _ => Err(Error::type_error("isoformat() needs a date")),
    }
}

pub(super) fn t_strftime(_vm: &mut Vm<'_>, args: Args) -> R {
    let (recv, p) = parse(args, "strftime", &["format"], 1, true)?;
    let fmt = match p.raw(0) {
        Some(Value::Str(f)) => f.clone(),
        Some(other) => {
            return Err(Error::type_error(format!(
                "strftime() argument 1 must be str, not {}",
                other.type_name()
            )))
        }
        None => Rc::from(""),
    };
    Ok(ss(match recv {
        Value::Date(d) => format::strftime_date(d, &fmt),
        Value::DateTime(dt) => format::strftime(dt.date(), dt.time(), &fmt),
        Value::Time(t) => format::strftime(
            NaiveDate::from_ymd_opt(1900, 1, 1).unwrap_or_default(),
            t,
            &fmt,
        ),
        _ => String::new(),
    }))
}

pub(super) fn t_format(vm: &mut Vm<'_>, args: Args) -> R {
    let (recv, p) = parse(args, "__format__", &["format_spec"], 1, false)?;
    let spec = as_str(p.raw(0).unwrap_or(&Value::None), "format_spec")?.to_string();
    Ok(ss(format::format_value(vm, &recv, &spec)?))
}

/// Builds a date, checking Python's ranges and messages.
pub(crate) fn make_date(y: i64, m: i64, d: i64) -> Result<NaiveDate, Error> {
    if !(1..=9999).contains(&y) {
        return Err(Error::value_error(format!("year {y} is out of range")));
    }
    if !(1..=12).contains(&m) {
        return Err(Error::value_error("month must be in 1..12"));
    }
    NaiveDate::from_ymd_opt(y as i32, m as u32, d.clamp(0, 99) as u32)
        .filter(|_| d >= 1)
        .ok_or_else(|| Error::value_error("day is out of range for month"))
}

/// Builds a time, checking Python's ranges and messages.
pub(crate) fn make_time(h: i64, mi: i64, sec: i64, us: i64) -> Result<NaiveTime, Error> {
    if !(0..=23).contains(&h) {
        return Err(Error::value_error("hour must be in 0..23"));
    }
    if !(0..=59).contains(&mi) {
        return Err(Error::value_error("minute must be in 0..59"));
    }
    if !(0..=59).contains(&sec) {
        return Err(Error::value_error("second must be in 0..59"));
    }
    if !(0..=999_999).contains(&us) {
        return Err(Error::value_error("microsecond must be in 0..999999"));
    }
    NaiveTime::from_hms_micro_opt(h as u32, mi as u32, sec as u32, us as u32)
        .ok_or_else(|| Error::value_error("invalid time"))
}

pub(super) fn t_replace(_vm: &mut Vm<'_>, args: Args) -> R {
    let (recv, p) = parse(
        args,
        "replace",
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
        0,
        true,
    )?;
    let get = |i: usize, cur: i64| -> Result<i64, Error> {
        match p.raw(i) {
            None => Ok(cur),
            Some(v) => v.to_index(),
        }
    };
    if p.get(7).is_some() {
        return Err(Error::Forbidden("time zones (tzinfo)".into()));
    }
    match recv {
        Value::Date(d) => {
            if (3..7).any(|i| p.raw(i).is_some()) {
                return Err(Error::type_error(
                    "'hour' is an invalid keyword argument for replace()",
                ));
            }
            Ok(Value::Date(make_date(
                get(0, d.year().into())?,
                get(1, d.month().into())?,
                get(2, d.day().into())?,
            )?))
        }
        Value::DateTime(dt) => {
            let d = make_date(
                get(0, dt.year().into())?,
                get(1, dt.month().into())?,
                get(2, dt.day().into())?,
            )?;
            let t = make_time(
                get(3, dt.hour().into())?,
                get(4, dt.minute().into())?,
                get(5, dt.second().into())?,
                get(6, (dt.nanosecond() / 1000).into())?,
            )?;
            Ok(Value::DateTime(NaiveDateTime::new(d, t)))
        }
        Value::Time(t) => {
            // time.replace(hour, minute, second, microsecond): positional order differs
            let vals: Vec<Option<&Value>> = (0..7).map(|i| p.raw(i)).collect();
            let pick = |named: usize, positional: usize, cur: u32| -> Result<i64, Error> {
                match vals[named].or(if positional < 3 {
                    vals[positional]
                } else {
                    None
                }) {
                    None => Ok(cur.into()),
                    Some(v) => v.to_index(),
                }
            };
            Ok(Value::Time(make_time(
                pick(3, 0, t.hour())?,
                pick(4, 1, t.minute())?,
                pick(5, 2, t.second())?,
                pick(6, 9, t.nanosecond() / 1000)?,
            )?))
        }
        _ => Err(Error::type_error("replace() needs a date")),
    }
}

// ---------------------------------------------------------------------------
// timedelta
// ---------------------------------------------------------------------------

thread_local! {
    static TIMEDELTA: Rc<Class> = {
        let c = Rc::new(Class {
            name: Rc::from("timedelta"),
            bases: Vec::new(),
            attrs: RefCell::default(),
            shared: None,
            constructor: Some(crate::modules::timedelta_new),
        });
        c.set_attr("__str__", Value::native("timedelta.__str__", td_str));
        c.set_attr("__repr__", Value::native("timedelta.__repr__", td_repr));
        c.set_attr("__bool__", Value::native("timedelta.__bool__", td_bool));
        c.set_attr("total_seconds", Value::native("total_seconds", td_total_seconds));
        c.set_attr("__abs__", Value::native("timedelta.__abs__", td_abs));
        c.set_attr("__neg__", Value::native("timedelta.__neg__", td_neg));
        c.set_attr("__pos__", Value::native("timedelta.__pos__", td_pos));
        c
    };
}

/// The class of timedelta values (shared per thread).
pub fn timedelta_class() -> Rc<Class> {
    TIMEDELTA.with(Rc::clone)
}

pub(super) const US_PER_DAY: i128 = 86_400_000_000;
pub(super) const MAX_TD_DAYS: i128 = 999_999_999;

/// A timedelta value from a total number of microseconds, or OverflowError.
pub fn timedelta_from_micros(total: i128) -> R {
    let days = total.div_euclid(US_PER_DAY);
    let rem = total.rem_euclid(US_PER_DAY);
    if days.abs() > MAX_TD_DAYS {
        return Err(exc(
            "OverflowError",
            format!("days={days}; must have magnitude <= 999999999"),
        ));
    }
    let mut attrs = IndexMap::default();
    attrs.insert(Rc::from("days"), Value::Int(days as i64));
    attrs.insert(Rc::from("seconds"), Value::Int((rem / 1_000_000) as i64));
    attrs.insert(
        Rc::from("microseconds"),
        Value::Int((rem % 1_000_000) as i64),
    );
    Ok(Value::Object(Rc::new(RefCell::new(Object {
        class: timedelta_class(),
        attrs,
        instance_name: None,
    }))))
}

/// (days, seconds, microseconds) of a timedelta value.
pub fn timedelta_parts(v: &Value) -> Option<(i64, i64, i64)> {
    let Value::Object(o) = v else { return None };
    let o = o.borrow();
    if &*o.class.name != "timedelta" {
        return None;
    }
    let get = |n: &str| match o.attrs.get(n) {
        Some(Value::Int(i)) => *i,
        _ => 0,
    };
    Some((get("days"), get("seconds"), get("microseconds")))
}

pub(super) fn td_micros((d, s, us): (i64, i64, i64)) -> i128 {
    i128::from(d) * US_PER_DAY + i128::from(s) * 1_000_000 + i128::from(us)
}

pub(super) fn recv_td(args: &Args) -> Result<(i64, i64, i64), Error> {
    args.positional
        .first()
        .and_then(timedelta_parts)
        .ok_or_else(|| Error::type_error("descriptor requires a 'datetime.timedelta' object"))
}

/// Python's `str(timedelta)`.
pub fn timedelta_str((days, secs, us): (i64, i64, i64)) -> String {
    let (hh, rem) = (secs / 3600, secs % 3600);
    let (mm, sec) = (rem / 60, rem % 60);
    let mut out = String::new();
    if days != 0 {
        out.push_str(&format!(
            "{days} day{}, ",
            if days.abs() != 1 { "s" } else { "" }
        ));
    }
    out.push_str(&format!("{hh}:{mm:02}:{sec:02}"));
    if us != 0 {
        out.push_str(&format!(".{us:06}"));
    }
    out
}

/// Python's `repr(timedelta)`.
pub fn timedelta_repr((days, secs, us): (i64, i64, i64)) -> String {
    let mut parts = Vec::new();
    if days != 0 {
        parts.push(format!("days={days}"));
    }
    if secs != 0 {
        parts.push(format!("seconds={secs}"));
    }
    if us != 0 {
        parts.push(format!("microseconds={us}"));
    }
    if parts.is_empty() {
        parts.push("0".into());
    }
    format!("datetime.timedelta({})", parts.join(", "))
}

pub(super) fn td_str(_vm: &mut Vm<'_>, args: Args) -> R {
    Ok(ss(timedelta_str(recv_td(&args)?)))
}
pub(super) fn td_repr(_vm: &mut Vm<'_>, args: Args) -> R {
    Ok(ss(timedelta_repr(recv_td(&args)?)))
}
pub(super) fn td_bool(_vm: &mut Vm<'_>, args: Args) -> R {
    Ok(Value::Bool(td_micros(recv_td(&args)?) != 0))
}
pub(super) fn td_abs(_vm: &mut Vm<'_>, args: Args) -> R {
    timedelta_from_micros(td_micros(recv_td(&args)?).abs())
}
pub(super) fn td_neg(_vm: &mut Vm<'_>, args: Args) -> R {
    timedelta_from_micros(-td_micros(recv_td(&args)?))
}
pub(super) fn td_pos(_vm: &mut Vm<'_>, args: Args) -> R {
    timedelta_from_micros(td_micros(recv_td(&args)?))
}
pub(super) fn td_total_seconds(_vm: &mut Vm<'_>, args: Args) -> R {
    let (_, _) = parse(
        Args::new(args.positional.clone()),
        "total_seconds",
        &[],
        0,
        false,
    )?;
    Ok(Value::Float(td_micros(recv_td(&args)?) as f64 / 1e6))
}

/// Rounds half to even.
pub(super) fn round_half_even(x: f64) -> f64 {
    let r = x.round();
    if (x - x.trunc()).abs() == 0.5 {
        2.0 * (x / 2.0).round()
    } else {
        r
    }
}

pub(super) fn date_add_days(d: NaiveDate, days: i64) -> R {
    d.checked_add_signed(
        Duration::try_days(days).ok_or_else(|| exc("OverflowError", "date value out of range"))?,
    )
    .filter(|d| (1..=9999).contains(&d.year()))
    .map(Value::Date)
    .ok_or_else(|| exc("OverflowError", "date value out of range"))
}

pub(super) fn datetime_add_micros(dt: NaiveDateTime, us: i128) -> R {
    let us = i64::try_from(us).map_err(|_| exc("OverflowError", "date value out of range"))?;
    dt.checked_add_signed(Duration::microseconds(us))
        .filter(|d| (1..=9999).contains(&d.year()))
        .map(Value::DateTime)
        .ok_or_else(|| exc("OverflowError", "date value out of range"))
}

pub(super) fn cmp_result(op: &str, o: Ordering) -> Option<bool> {
    Some(match op {
        "<" => o == Ordering::Less,
        "<=" => o != Ordering::Greater,
        ">" => o == Ordering::Greater,
        ">=" => o != Ordering::Less,
        "==" => o == Ordering::Equal,
        "!=" => o != Ordering::Equal,
        _ => return None,
    })
}

pub(super) fn temporal_kind(v: &Value) -> Option<&'static str> {
    match v {
        Value::Date(_) => Some("datetime.date"),
        Value::DateTime(_) => Some("datetime.datetime"),
        Value::Time(_) => Some("datetime.time"),
        other => timedelta_parts(other).map(|_| "datetime.timedelta"),
    }
}

/// Arithmetic and comparisons involving dates, datetimes, times and timedeltas
/// (`op` is `+ - * / // % < <= > >= == !=`). `None` when the operands are not
/// temporal (or the combination is unsupported: the caller raises its TypeError).
pub fn temporal_binop(op: &str, a: &Value, b: &Value) -> Option<Result<Value, Error>> {
    use Value::{Bool, Date, DateTime, Float, Int};
    let (ka, kb) = (temporal_kind(a), temporal_kind(b));
    if ka.is_none() && kb.is_none() {
        return None;
    }
    let ta = timedelta_parts(a);
    let tb = timedelta_parts(b);
    // unary minus / plus / abs (the evaluator passes None as the second operand)
    if let (Some(x), Value::None) = (ta, b) {
        match op {
            "-" => return Some(timedelta_from_micros(-td_micros(x))),
            "+" => return Some(timedelta_from_micros(td_micros(x))),
            "abs" => return Some(timedelta_from_micros(td_micros(x).abs())),
            _ => {}
        }
    }
    // comparisons
    if matches!(op, "<" | "<=" | ">" | ">=" | "==" | "!=") {
        return Some(temporal_compare(op, a, b, ta, tb));
    }
    let num = |v: &Value| match v {
        Int(i) => Some(*i as f64),
        Bool(x) => Some(*x as i64 as f64),
        Float(f) => Some(*f),
        _ => None,
    };
    let int = |v: &Value| match v {
        Int(i) => Some(i128::from(*i)),
        Bool(x) => Some(i128::from(*x)),
        _ => None,
    };
    let r = match (op, a, b) {
        ("+", Date(d), _) if tb.is_some() => date_add_days(*d, tb?.0),
        ("+", _, Date(d)) if ta.is_some() => date_add_days(*d, ta?.0),
        ("-", Date(d), _) if tb.is_some() => date_add_days(*d, -tb?.0),
        ("-", Date(x), Date(y)) => {
            timedelta_from_micros(i128::from((*x - *y).num_days()) * US_PER_DAY)
        }
        ("+", DateTime(d), _) if tb.is_some() => datetime_add_micros(*d, td_micros(tb?)),
        ("+", _, DateTime(d)) if ta.is_some() => datetime_add_micros(*d, td_micros(ta?)),
        ("-", DateTime(d), _) if tb.is_some() => datetime_add_micros(*d, -td_micros(tb?)),
        ("-", DateTime(x), DateTime(y)) => {
            let diff = *x - *y;
            match diff.num_microseconds() {
                Some(us) => timedelta_from_micros(i128::from(us)),
                None => Err(exc("OverflowError", "date value out of range")),
            }
        }
        _ => match (ta, tb) {
            (Some(x), Some(y)) => {
                let (x, y) = (td_micros(x), td_micros(y));
                match op {
                    "+" => timedelta_from_micros(x + y),
                    "-" => timedelta_from_micros(x - y),
                    "/" => {
                        if y == 0 {
                            Err(exc("ZeroDivisionError", "division by zero"))
                        } else {
                            Ok(Float(x as f64 / y as f64))
                        }
                    }
                    "//" => {
                        if y == 0 {
                            Err(exc(
                                "ZeroDivisionError",
                                "integer division or modulo by zero",
                            ))
                        } else {
                            i64::try_from(
                                x.div_euclid(y) - i128::from(y < 0 && x.rem_euclid(y) != 0),
                            )
                            .map(Int)
                            .map_err(|_| exc("OverflowError", "result too large"))
                        }
                    }
                    "%" => {
                        if y == 0 {
                            Err(exc(
                                "ZeroDivisionError",
                                "integer division or modulo by zero",
                            ))
                        } else {
                            let m = x.rem_euclid(y);
                            timedelta_from_micros(if y < 0 && m != 0 { m + y } else { m })
                        }
                    }
                    _ => return unsupported(op, a, b),
                }
            }
            (Some(x), None) => {
                let x = td_micros(x);
                match op {
                    "*" => match int(b) {
                        Some(n) => match x.checked_mul(n) {
                            Some(v) => timedelta_from_micros(v),
                            None => Err(exc("OverflowError", "date value out of range")),
                        },
                        None => {
                            let Some(f) = num(b) else {
                                return unsupported(op, a, b);
                            };
                            td_from_float(x as f64 * f)
                        }
                    },
                    "/" => {
                        let Some(f) = num(b) else {
                            return unsupported(op, a, b);
                        };
                        if f == 0.0 {
                            Err(exc("ZeroDivisionError", "division by zero"))
                        } else {
                            td_from_float(x as f64 / f)
                        }
                    }
                    "//" => {
                        let Some(n) = int(b) else {
                            return unsupported(op, a, b);
                        };
                        if n == 0 {
                            Err(exc(
                                "ZeroDivisionError",
                                "integer division or modulo by zero",
                            ))
                        } else {
                            let q = x.div_euclid(n) - i128::from(n < 0 && x.rem_euclid(n) != 0);
                            timedelta_from_micros(q)
                        }
                    }
                    _ => return unsupported(op, a, b),
                }
            }
            (None, Some(y)) if op == "*" => match int(a) {
                Some(n) => match td_micros(y).checked_mul(n) {
                    Some(v) => timedelta_from_micros(v),
                    None => Err(exc("OverflowError", "date value out of range")),
                },
                None => match num(a) {
                    Some(f) => td_from_float(td_micros(y) as f64 * f),
                    None => return unsupported(op, a, b),
                },
            },
            _ => return unsupported(op, a, b),
        },
    };
    Some(r)
}

/// `<`, `<=`, `>`, `>=`, `==` or `!=` where one side is temporal (`ta`/`tb`: the timedelta
/// parts of each side, if it is one).
fn temporal_compare(op: &str, a: &Value, b: &Value, ta: Option<(i64, i64, i64)>, tb: Option<(i64, i64, i64)>) -> Result<Value, Error> {
    use Value::{Bool, Date, DateTime, Time};
    let ord = match (a, b) {
        (Date(x), Date(y)) => Some(x.cmp(y)),
        (DateTime(x), DateTime(y)) => Some(x.cmp(y)),
        (Time(x), Time(y)) => Some(x.cmp(y)),
        _ => match (ta, tb) {
            (Some(x), Some(y)) => Some(td_micros(x).cmp(&td_micros(y))),
            _ => None,
        },
    };
    match ord {
        Some(o) => Ok(Bool(cmp_result(op, o).unwrap_or(false))),
        None => match op {
            "==" => Ok(Bool(false)),
            "!=" => Ok(Bool(true)),
            _ => {
                if matches!((a, b), (Date(_), DateTime(_)) | (DateTime(_), Date(_))) {
                    return Err(Error::type_error("can't compare datetime.datetime to datetime.date"));
                }
                let name = |v: &Value| {
                    temporal_kind(v)
                        .map(str::to_string)
                        .unwrap_or_else(|| v.class_name().to_string())
                };
                Err(Error::type_error(format!(
                    "'{op}' not supported between instances of '{}' and '{}'",
                    name(a),
                    name(b)
                )))
            }
        },
    }
}

/// CPython's TypeError for an operator between a temporal value and something it
/// does not combine with; `None` (let the evaluator decide) when the other operand
/// is an object that may implement the reflected operator, or for unary operators.
pub(super) fn unsupported(op: &str, a: &Value, b: &Value) -> Option<Result<Value, Error>> {
    let plain_object = |v: &Value| matches!(v, Value::Object(_)) && temporal_kind(v).is_none();
    if (matches!(b, Value::None) && matches!(op, "-" | "+" | "~" | "abs"))
        || plain_object(a)
        || plain_object(b)
    {
        return None;
    }
    let name = |v: &Value| {
        temporal_kind(v)
            .map(str::to_string)
            .unwrap_or_else(|| v.class_name().to_string())
    };
    let sym = if op == "**" { "** or pow()" } else { op };
    Some(Err(Error::type_error(format!(
        "unsupported operand type(s) for {sym}: '{}' and '{}'",
        name(a),
        name(b)
    ))))
}

pub(super) fn td_from_float(us: f64) -> R {
    if !us.is_finite() || us.abs() > 1e20 {
        return Err(exc("OverflowError", "cannot convert float to timedelta"));
    }
    timedelta_from_micros(round_half_even(us) as i128)
}
