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


mod spec;
mod percent;
mod brace;

pub use self::spec::*;
pub use self::percent::*;
pub use self::brace::*;

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
            other => Err(Error::type_error(format!(
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
        return Err(Error::type_error(format!(
            "unsupported format string passed to {}.__format__",
            v.type_name()
        )));
    }
    let sp = parse_spec(spec, v.type_name(), false)?;
    format_str(&s, &sp)
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
