//! `DADateTime` (dates from fields and date functions) and the date-difference result
//! (`DADateDifference`).

use chrono::{Datelike, NaiveDateTime, Timelike};
#[allow(clippy::wildcard_imports)]
use super::*;

/// A `DADateTime` object for `dt`.
pub fn make_datetime(host: &EngineHost, dt: NaiveDateTime) -> Value {
    let cls = host.class("DADateTime");
    let obj = Value::new_object(cls, None);
    fill_datetime(&obj, dt);
    obj
}

pub(super) fn fill_datetime(obj: &Value, dt: NaiveDateTime) {
    set(obj, "_dt", Value::DateTime(dt));
    set(obj, "year", Value::Int(i64::from(dt.year())));
    set(obj, "month", Value::Int(i64::from(dt.month())));
    set(obj, "day", Value::Int(i64::from(dt.day())));
    set(obj, "hour", Value::Int(i64::from(dt.hour())));
    set(obj, "minute", Value::Int(i64::from(dt.minute())));
    set(obj, "second", Value::Int(i64::from(dt.second())));
    set(obj, "microsecond", Value::Int(i64::from(dt.nanosecond() / 1000)));
    set(obj, "dow", Value::Int(i64::from(dt.weekday().number_from_monday())));
}

/// The date-time inside a `DADateTime` (or a plain date/datetime value).
pub fn datetime_of(v: &Value) -> Option<NaiveDateTime> {
    match v {
        Value::DateTime(d) => Some(*d),
        Value::Date(d) => d.and_hms_opt(0, 0, 0),
        Value::Object(o) => match o.borrow().attrs.get("_dt") {
            Some(Value::DateTime(d)) => Some(*d),
            _ => None,
        },
        _ => None,
    }
}

pub(super) fn me_dt(args: &Args) -> Result<NaiveDateTime, Error> {
    let me = self_obj(args)?;
    datetime_of(&me).ok_or_else(|| Error::exception("TypeError", "not a date"))
}

pub(super) fn new_dt(vm: &mut Vm<'_>, dt: NaiveDateTime) -> Result<Value, Error> {
    let h = super::host(vm)?;
    Ok(make_datetime(h, dt))
}

pub(super) fn dt_str(_vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let dt = me_dt(&args)?;
    Ok(Value::from_str(&dates::format_date_str(dt.date(), "long")))
}

pub(super) fn dt_repr(_vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let dt = me_dt(&args)?;
    Ok(Value::from_str(&format!("DADateTime({})", dt.format("%Y-%m-%d %H:%M:%S"))))
}

pub(super) fn other_dt(args: &Args) -> Option<NaiveDateTime> {
    args.positional.get(1).and_then(datetime_of)
}

pub(super) fn dt_cmp(args: &Args) -> Result<Option<std::cmp::Ordering>, Error> {
    let a = me_dt(args)?;
    Ok(other_dt(args).map(|b| a.cmp(&b)))
}

pub(super) fn dt_eq(_vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    Ok(Value::Bool(dt_cmp(&args)? == Some(std::cmp::Ordering::Equal)))
}

pub(super) fn dt_lt(_vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    match dt_cmp(&args)? {
        Some(o) => Ok(Value::Bool(o.is_lt())),
        None => Err(Error::exception("TypeError", "can't compare a date with that")),
    }
}

pub(super) fn dt_le(_vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    match dt_cmp(&args)? {
        Some(o) => Ok(Value::Bool(o.is_le())),
        None => Err(Error::exception("TypeError", "can't compare a date with that")),
    }
}

pub(super) fn dt_gt(_vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    match dt_cmp(&args)? {
        Some(o) => Ok(Value::Bool(o.is_gt())),
        None => Err(Error::exception("TypeError", "can't compare a date with that")),
    }
}

pub(super) fn dt_ge(_vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    match dt_cmp(&args)? {
        Some(o) => Ok(Value::Bool(o.is_ge())),
        None => Err(Error::exception("TypeError", "can't compare a date with that")),
    }
}

pub(super) fn interval_parts(v: &Value) -> Option<dates::Interval> {
    if let Value::Object(o) = v {
        let o = o.borrow();
        if &*o.class.name == "DADateInterval" {
            let g = |k: &str| match o.attrs.get(k) {
                Some(Value::Int(i)) => *i as f64,
                Some(Value::Float(f)) => *f,
                _ => 0.0,
            };
            return Some(dates::Interval {
                years: g("years"),
                months: g("months"),
                weeks: g("weeks"),
                days: g("days"),
                hours: g("hours"),
                minutes: g("minutes"),
                seconds: g("seconds"),
            });
        }
    }
    None
}

pub(super) fn dt_add(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let dt = me_dt(&args)?;
    let other = args.positional.get(1).cloned().unwrap_or(Value::None);
    if let Some(iv) = interval_parts(&other) {
        return new_dt(vm, dates::add_interval(dt, &iv, 1.0));
    }
    Err(Error::exception("TypeError", "unsupported operand type(s) for +"))
}

pub(super) fn dt_sub(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let dt = me_dt(&args)?;
    let other = args.positional.get(1).cloned().unwrap_or(Value::None);
    if let Some(iv) = interval_parts(&other) {
        return new_dt(vm, dates::add_interval(dt, &iv, -1.0));
    }
    if let Some(b) = datetime_of(&other) {
        return dates::make_difference(vm, b, dt);
    }
    Err(Error::exception("TypeError", "unsupported operand type(s) for -"))
}

pub(super) fn fmt_arg(args: &mut Args, default: &str) -> String {
    arg(args, 1, "format").map(|v| v.str()).unwrap_or_else(|| default.to_string())
}

pub(super) fn dt_format_date(_vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let dt = me_dt(&args)?;
    let f = fmt_arg(&mut args, "long");
    Ok(Value::from_str(&dates::format_date_str(dt.date(), &f)))
}

pub(super) fn dt_format_time(_vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let dt = me_dt(&args)?;
    let f = fmt_arg(&mut args, "short");
    Ok(Value::from_str(&dates::format_time_str(dt.time(), &f)))
}

pub(super) fn dt_format_datetime(_vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let dt = me_dt(&args)?;
    let f = fmt_arg(&mut args, "long");
    Ok(Value::from_str(&dates::format_datetime_str(dt, &f)))
}

pub(super) fn kw_interval(args: &mut Args) -> dates::Interval {
    let mut iv = dates::Interval::default();
    for (k, v) in std::mem::take(&mut args.keyword) {
        let n = match v {
            Value::Int(i) => i as f64,
            Value::Float(f) => f,
            _ => 0.0,
        };
        match &*k {
            "years" => iv.years = n,
            "months" => iv.months = n,
            "weeks" => iv.weeks = n,
            "days" => iv.days = n,
            "hours" => iv.hours = n,
            "minutes" => iv.minutes = n,
            "seconds" => iv.seconds = n,
            _ => {}
        }
    }
    iv
}

pub(super) fn dt_plus(vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let dt = me_dt(&args)?;
    let iv = kw_interval(&mut args);
    new_dt(vm, dates::add_interval(dt, &iv, 1.0))
}

pub(super) fn dt_minus(vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let dt = me_dt(&args)?;
    let iv = kw_interval(&mut args);
    new_dt(vm, dates::add_interval(dt, &iv, -1.0))
}

pub(super) fn dt_replace_time(vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let dt = me_dt(&args)?;
    let t = match args.positional.get(1) {
        Some(Value::Time(t)) => *t,
        Some(other) => match datetime_of(other) {
            Some(d) => d.time(),
            None => return Err(Error::exception("TypeError", "replace_time() needs a time")),
        },
        None => return Err(Error::exception("TypeError", "replace_time() needs a time")),
    };
    new_dt(vm, dt.date().and_time(t))
}

pub(super) fn dt_replace(vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let dt = me_dt(&args)?;
    let mut y = dt.year();
    let (mut mo, mut d, mut h, mut mi, mut s) = (dt.month(), dt.day(), dt.hour(), dt.minute(), dt.second());
    for (k, v) in std::mem::take(&mut args.keyword) {
        let n = match v {
            Value::Int(i) => i,
            _ => continue,
        };
        match &*k {
            "year" => y = i32::try_from(n).unwrap_or(y),
            "month" => mo = u32::try_from(n).unwrap_or(mo),
            "day" => d = u32::try_from(n).unwrap_or(d),
            "hour" => h = u32::try_from(n).unwrap_or(h),
            "minute" => mi = u32::try_from(n).unwrap_or(mi),
            "second" => s = u32::try_from(n).unwrap_or(s),
            _ => {}
        }
    }
    let nd = chrono::NaiveDate::from_ymd_opt(y, mo, d)
        .and_then(|date| date.and_hms_opt(h, mi, s))
        .ok_or_else(|| Error::exception("ValueError", "day is out of range for month"))?;
    new_dt(vm, nd)
}

pub(super) fn dt_time(_vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    Ok(Value::Time(me_dt(&args)?.time()))
}

pub(super) fn dt_date(_vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    Ok(Value::Date(me_dt(&args)?.date()))
}

pub(super) fn dt_strftime(_vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let dt = me_dt(&args)?;
    let f = args.positional.get(1).map(Value::str).unwrap_or_default();
    Ok(Value::from_str(&lang::format::strftime(dt.date(), dt.time(), &f)))
}

pub(super) fn dt_isoformat(_vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let dt = me_dt(&args)?;
    Ok(Value::from_str(&dt.format("%Y-%m-%dT%H:%M:%S").to_string()))
}

pub(super) fn diff_describe(_vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    let me = self_obj(&args)?;
    let g = |k: &str| match get(&me, k) {
        Some(Value::Float(f)) => f,
        Some(Value::Int(i)) => i as f64,
        _ => 0.0,
    };
    Ok(Value::from_str(&dates::describe(g("days"))))
}
