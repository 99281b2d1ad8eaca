//! Server-side conversion and validation of posted field values by datatype.
//!
//! Messages follow docassemble's (jQuery-validate) wording so scenarios that look for them pass.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

/// A posted value converted to its stored form (before it becomes a `lang` value).
#[derive(Debug, Clone, PartialEq)]
pub enum Converted {
    /// A string.
    Str(String),
    /// An integer.
    Int(i64),
    /// A float.
    Float(f64),
    /// A boolean.
    Bool(bool),
    /// `None`.
    None,
    /// A date (stored as a DADateTime at midnight).
    Date(NaiveDate),
    /// A time of day.
    Time(NaiveTime),
    /// A date and time.
    DateTime(NaiveDateTime),
}

/// Default message: value missing.
pub const REQUIRED: &str = "This field is required.";
/// Default message: a number could not be read.
pub const BAD_NUMBER: &str = "You need to enter a valid number.";
/// Default message: a date could not be read.
pub const BAD_DATE: &str = "You need to enter a valid date.";
/// Default message: a time could not be read.
pub const BAD_TIME: &str = "You need to enter a valid time.";
/// Default message: an e-mail address is malformed.
pub const BAD_EMAIL: &str = "You need to enter a complete e-mail address.";
/// Default message: a choice not offered.
pub const BAD_CHOICE: &str = "You need to select one.";

/// Whether a datatype holds a number.
pub fn is_numeric(datatype: &str) -> bool {
    matches!(datatype, "number" | "float" | "currency" | "range" | "integer")
}

/// Whether a datatype is a date/time type.
pub fn is_temporal(datatype: &str) -> bool {
    matches!(datatype, "date" | "time" | "datetime")
}

/// Parses a number as docassemble does: commas, spaces, `%` and currency symbols removed.
pub fn parse_float(raw: &str) -> Option<f64> {
    let cleaned: String =
        raw.chars().filter(|c| !matches!(c, ',' | '%' | '$' | ' ' | '€' | '£' | '\u{a0}')).collect();
    if cleaned.is_empty() {
        return None;
    }
    let f: f64 = cleaned.parse().ok()?;
    if f.is_finite() {
        Some(f)
    } else {
        None
    }
}

/// Parses an integer (commas removed); `1.0`-style whole floats are accepted.
pub fn parse_int(raw: &str) -> Option<i64> {
    let cleaned: String = raw.chars().filter(|c| !matches!(c, ',' | ' ')).collect();
    if let Ok(i) = cleaned.parse::<i64>() {
        return Some(i);
    }
    let f: f64 = cleaned.parse().ok()?;
    if f.fract() == 0.0 && f.abs() < 9.0e15 {
        #[allow(clippy::cast_possible_truncation)]
        Some(f as i64)
    } else {
        None
    }
}

/// Parses a date in the common spellings (ISO, US `m/d/Y`, `Month d, Y`).
pub fn parse_date(raw: &str) -> Option<NaiveDate> {
    let t = raw.trim();
    for fmt in ["%Y-%m-%d", "%m/%d/%Y", "%m/%d/%y", "%Y/%m/%d", "%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%m-%d-%Y"] {
        if let Ok(d) = NaiveDate::parse_from_str(t, fmt) {
            return Some(d);
        }
    }
    if let Some(dt) = parse_datetime(t) {
        return Some(dt.date());
    }
    None
}

/// Parses a time of day (`16:05`, `16:05:00`, `04:05PM`, `4:05 pm`).
pub fn parse_time(raw: &str) -> Option<NaiveTime> {
    let t = raw.trim();
    let upper = t.to_uppercase().replace(' ', "");
    for fmt in ["%H:%M", "%H:%M:%S", "%H:%M:%S%.f"] {
        if let Ok(x) = NaiveTime::parse_from_str(t, fmt) {
            return Some(x);
        }
    }
    for fmt in ["%I:%M%p", "%I:%M:%S%p", "%I%p"] {
        if let Ok(x) = NaiveTime::parse_from_str(&upper, fmt) {
            return Some(x);
        }
    }
    None
}

/// Parses a date and time (`2018-05-06T17:00`, `05/06/2018 05:00PM`, a date alone = midnight).
pub fn parse_datetime(raw: &str) -> Option<NaiveDateTime> {
    let t = raw.trim();
    for fmt in ["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S%.f"] {
        if let Ok(x) = NaiveDateTime::parse_from_str(t, fmt) {
            return Some(x);
        }
    }
    // "05/06/2018 05:00PM", "05/06/2018\t05:00PM"
    let mut parts = t.split(|c: char| c.is_whitespace() || c == 'T').filter(|p| !p.is_empty());
    let first = parts.next()?;
    let rest: String = parts.collect::<Vec<_>>().join("");
    let date = [ "%Y-%m-%d", "%m/%d/%Y", "%m/%d/%y"]
        .iter()
        .find_map(|f| NaiveDate::parse_from_str(first, f).ok())?;
    if rest.is_empty() {
        return date.and_hms_opt(0, 0, 0);
    }
    let time = parse_time(&rest)?;
    Some(date.and_time(time))
}

/// A light e-mail check: `local@domain.tld`, no spaces.
pub fn valid_email(raw: &str) -> bool {
    let t = raw.trim();
    let Some((local, domain)) = t.split_once('@') else { return false };
    !local.is_empty()
        && !domain.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !t.chars().any(char::is_whitespace)
        && !domain.contains('@')
}

/// Converts the posted text of a field (already known to be non-empty or not required).
/// `raw` is `None` when nothing was posted for the field.
pub fn convert(datatype: &str, raw: &str) -> Result<Converted, String> {
    let t = raw.trim();
    match datatype {
        "integer" => {
            if t.is_empty() {
                return Ok(Converted::Int(0));
            }
            parse_int(t).map(Converted::Int).ok_or_else(|| BAD_NUMBER.to_string())
        }
        "number" | "float" | "currency" | "range" => {
            if t.is_empty() {
                return Ok(Converted::Float(0.0));
            }
            parse_float(t).map(Converted::Float).ok_or_else(|| BAD_NUMBER.to_string())
        }
        "date" => {
            if t.is_empty() {
                return Ok(Converted::Str(String::new()));
            }
            parse_date(t).map(Converted::Date).ok_or_else(|| BAD_DATE.to_string())
        }
        "time" => {
            if t.is_empty() {
                return Ok(Converted::Str(String::new()));
            }
            parse_time(t).map(Converted::Time).ok_or_else(|| BAD_TIME.to_string())
        }
        "datetime" => {
            if t.is_empty() {
                return Ok(Converted::Str(String::new()));
            }
            parse_datetime(t).map(Converted::DateTime).ok_or_else(|| BAD_DATE.to_string())
        }
        "email" => {
            if !t.is_empty() && !valid_email(t) {
                return Err(BAD_EMAIL.to_string());
            }
            Ok(Converted::Str(t.to_string()))
        }
        "yesno" | "yesnowide" | "yesnoradio" => Ok(Converted::Bool(truthy_text(t))),
        "noyes" | "noyeswide" | "noyesradio" => Ok(Converted::Bool(!truthy_text(t))),
        "yesnomaybe" => Ok(match t {
            "True" => Converted::Bool(true),
            "False" => Converted::Bool(false),
            _ => Converted::None,
        }),
        "noyesmaybe" => Ok(match t {
            "True" => Converted::Bool(false),
            "False" => Converted::Bool(true),
            _ => Converted::None,
        }),
        "boolean" => Ok(Converted::Bool(truthy_text(t))),
        "raw" => Ok(Converted::Str(raw.to_string())),
        // text, area, password, hidden, radio, dropdown, combobox …: the string.
        _ => Ok(Converted::Str(raw.to_string())),
    }
}

/// `True`/`true`/`1`/`on`/`yes` → true.
pub fn truthy_text(t: &str) -> bool {
    matches!(t.trim().to_ascii_lowercase().as_str(), "true" | "1" | "on" | "yes" | "checked")
}

/// Formats a bound for messages (`0`, `100`, `2.5`).
pub fn fmt_bound(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{f:.0}")
    } else {
        format!("{f}")
    }
}

/// Numeric bound checks; `min`/`max` already evaluated to text.
pub fn check_number_bounds(value: f64, min: Option<&str>, max: Option<&str>) -> Result<(), String> {
    if let Some(m) = min.and_then(parse_float) {
        if value < m {
            return Err(format!("You need to enter a number that is at least {}.", fmt_bound(m)));
        }
    }
    if let Some(m) = max.and_then(parse_float) {
        if value > m {
            return Err(format!("You need to enter a number that is at most {}.", fmt_bound(m)));
        }
    }
    Ok(())
}

/// Date bound checks.
pub fn check_date_bounds(value: NaiveDate, min: Option<&str>, max: Option<&str>) -> Result<(), String> {
    if let Some(m) = min.and_then(parse_date) {
        if value < m {
            return Err(format!("You need to enter a date on or after {}.", m.format("%m/%d/%Y")));
        }
    }
    if let Some(m) = max.and_then(parse_date) {
        if value > m {
            return Err(format!("You need to enter a date on or before {}.", m.format("%m/%d/%Y")));
        }
    }
    Ok(())
}

/// Length checks for text.
pub fn check_length(value: &str, minlength: Option<usize>, maxlength: Option<usize>) -> Result<(), String> {
    let n = value.chars().count();
    if let Some(m) = minlength {
        if n < m {
            return Err(format!("You must type at least {m} characters."));
        }
    }
    if let Some(m) = maxlength {
        if n > m {
            return Err(format!("You cannot type more than {m} characters."));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers() {
        assert_eq!(convert("currency", "100,000").unwrap(), Converted::Float(100000.0));
        assert_eq!(convert("integer", "2").unwrap(), Converted::Int(2));
        assert!(convert("integer", "two").is_err());
        assert_eq!(convert("number", "").unwrap(), Converted::Float(0.0));
        assert!(check_number_bounds(-1.0, Some("0"), Some("100")).unwrap_err().contains("at least 0"));
    }

    #[test]
    fn dates() {
        assert_eq!(parse_date("04/19/1989"), NaiveDate::from_ymd_opt(1989, 4, 19));
        assert_eq!(parse_date("1989-04-19"), NaiveDate::from_ymd_opt(1989, 4, 19));
        assert_eq!(parse_time("04:05PM"), NaiveTime::from_hms_opt(16, 5, 0));
        assert_eq!(
            parse_datetime("05/06/2018\t05:00PM"),
            NaiveDate::from_ymd_opt(2018, 5, 6).and_then(|d| d.and_hms_opt(17, 0, 0))
        );
        assert!(valid_email("a@b.org"));
        assert!(!valid_email("a@b"));
    }
}
