//! Phone numbers by country (docassemble uses the `phonenumbers` library): validity,
//! E.164 form and national formatting. North American numbers follow the NANP rules;
//! elsewhere a number is its country's calling code and the national number without its
//! trunk prefix (`0`), of a plausible length.

use lang::{Args, Error, Value, Vm};

use super::arg;

/// ISO 3166 alpha-2 → (calling code, national trunk prefix, national number lengths).
const CODES: [(&str, &str, &str, (usize, usize)); 44] = [
    ("US", "1", "1", (10, 10)),
    ("CA", "1", "1", (10, 10)),
    ("GB", "44", "0", (9, 10)),
    ("IE", "353", "0", (7, 9)),
    ("FR", "33", "0", (9, 9)),
    ("DE", "49", "0", (6, 13)),
    ("ES", "34", "", (9, 9)),
    ("IT", "39", "", (6, 11)),
    ("PT", "351", "", (9, 9)),
    ("NL", "31", "0", (9, 9)),
    ("BE", "32", "0", (8, 9)),
    ("LU", "352", "", (4, 11)),
    ("CH", "41", "0", (9, 9)),
    ("AT", "43", "0", (4, 13)),
    ("DK", "45", "", (8, 8)),
    ("SE", "46", "0", (7, 10)),
    ("NO", "47", "", (8, 8)),
    ("FI", "358", "0", (5, 12)),
    ("PL", "48", "", (9, 9)),
    ("CZ", "420", "", (9, 9)),
    ("GR", "30", "", (10, 10)),
    ("IS", "354", "", (7, 9)),
    ("RU", "7", "8", (10, 10)),
    ("UA", "380", "0", (9, 9)),
    ("TR", "90", "0", (10, 10)),
    ("IL", "972", "0", (8, 9)),
    ("IN", "91", "0", (10, 10)),
    ("CN", "86", "0", (9, 11)),
    ("JP", "81", "0", (9, 10)),
    ("KR", "82", "0", (8, 10)),
    ("AU", "61", "0", (9, 9)),
    ("NZ", "64", "0", (8, 10)),
    ("MX", "52", "", (10, 10)),
    ("BR", "55", "0", (10, 11)),
    ("AR", "54", "0", (10, 11)),
    ("CL", "56", "", (9, 9)),
    ("CO", "57", "", (10, 10)),
    ("PE", "51", "0", (8, 9)),
    ("ZA", "27", "0", (9, 9)),
    ("NG", "234", "0", (8, 10)),
    ("KE", "254", "0", (9, 9)),
    ("EG", "20", "0", (9, 10)),
    ("PH", "63", "0", (10, 10)),
    ("SG", "65", "", (8, 8)),
];

/// A number parsed for a country: (calling code, national number).
fn parse(number: &str, country: &str) -> Option<(&'static str, String)> {
    let t = number.trim();
    let digits: String = t.chars().filter(char::is_ascii_digit).collect();
    if t.starts_with('+') {
        // international form: find the calling code
        let mut best: Option<(&'static str, String)> = None;
        for (_, cc, _, (lo, hi)) in CODES {
            if let Some(rest) = digits.strip_prefix(cc) {
                if rest.len() >= lo && rest.len() <= hi && best.as_ref().is_none_or(|(b, _)| cc.len() > b.len()) {
                    best = Some((cc, rest.to_string()));
                }
            }
        }
        return best.filter(|(cc, n)| *cc != "1" || nanp_ok(n));
    }
    let up = country.trim().to_uppercase();
    let (_, cc, trunk, (lo, hi)) = CODES.iter().find(|(c, ..)| *c == up)?;
    if *cc == "1" {
        let d = if digits.len() == 11 && digits.starts_with('1') { digits[1..].to_string() } else { digits };
        return nanp_ok(&d).then_some((*cc, d));
    }
    let national = match trunk {
        t if !t.is_empty() && digits.starts_with(t) => digits[t.len()..].to_string(),
        _ => digits,
    };
    (national.len() >= *lo && national.len() <= *hi && !national.starts_with('0')).then_some((*cc, national))
}

fn nanp_ok(d: &str) -> bool {
    d.len() == 10 && !d.starts_with('0') && !d.starts_with('1')
}

fn number_and_country(vm: &mut Vm<'_>, args: &mut Args) -> Result<(String, String), Error> {
    let n = match arg(args, 0, "number") {
        Some(v) => vm.str_of(&v)?,
        None => String::new(),
    };
    let c = match arg(args, 1, "country") {
        Some(Value::None) | None => "US".to_string(),
        Some(v) => vm.str_of(&v)?,
    };
    Ok((n, c))
}

/// `phone_number_is_valid(number, country='US')`.
pub(crate) fn phone_number_is_valid(vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let (n, c) = number_and_country(vm, &mut args)?;
    Ok(Value::Bool(parse(&n, &c).is_some()))
}

/// `phone_number_in_e164(number, country='US')`: `+15555551234`, or None when invalid.
pub(crate) fn phone_number_in_e164(vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let (n, c) = number_and_country(vm, &mut args)?;
    if let Some(rest) = n.strip_prefix("whatsapp:") {
        let inner = phone_number_in_e164(vm, Args::new(vec![Value::from_str(rest), Value::from_str(&c)]))?;
        return Ok(match inner {
            Value::Str(s) => Value::from_str(&format!("whatsapp:{s}")),
            other => other,
        });
    }
    Ok(match parse(&n, &c) {
        Some((cc, national)) => Value::from_str(&format!("+{cc}{national}")),
        None => Value::None,
    })
}

/// `phone_number_formatted(number, country='US')`: the national format ("(202) 555-1234",
/// "05 56 81 94 55"); the number as given when invalid.
pub(crate) fn phone_number_formatted(vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let (n, c) = number_and_country(vm, &mut args)?;
    Ok(Value::from_str(&match parse(&n, &c) {
        Some(("1", d)) => format!("({}) {}-{}", &d[..3], &d[3..6], &d[6..]),
        Some(("33", d)) => {
            let full = format!("0{d}");
            full.as_bytes().chunks(2).map(|p| String::from_utf8_lossy(p).into_owned()).collect::<Vec<_>>().join(" ")
        }
        Some((cc, d)) => {
            let trunk = CODES.iter().find(|(_, code, ..)| *code == cc).map(|(_, _, t, _)| *t).unwrap_or("");
            format!("{trunk}{d}")
        }
        None => n,
    }))
}

#[cfg(test)]
mod tests {
    use super::parse;

    #[test]
    fn numbers_by_country() {
        assert_eq!(parse("05 56 81 94 55", "FR"), Some(("33", "556819455".to_string())));
        assert_eq!(parse("202-555-1234", "US"), Some(("1", "2025551234".to_string())));
        assert_eq!(parse("1 202 555 1234", "US"), Some(("1", "2025551234".to_string())));
        assert_eq!(parse("+33 5 56 81 94 55", "US"), Some(("33", "556819455".to_string())));
        assert_eq!(parse("555-1234", "US"), None);
        assert_eq!(parse("12", "FR"), None);
        assert_eq!(parse("020 7946 0958", "GB"), Some(("44", "2079460958".to_string())));
    }
}
