//! Date functions: `today`, `as_datetime`, `format_date`, `date_difference`, … (English,
//! Babel-style named formats and patterns).

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, Timelike};
use lang::{Args, Error, NativeFn, Value, Vm};

use super::{arg, host, objects};

/// The natives of this module by name (the date functions of the library).
pub(crate) const NATIVES: &[(&str, NativeFn)] = &[
    ("today", today),
    ("current_datetime", current_datetime),
    ("as_datetime", as_datetime),
    ("format_date", format_date),
    ("format_time", format_time),
    ("format_datetime", format_datetime),
    ("month_of", month_of),
    ("day_of", day_of),
    ("year_of", year_of),
    ("dow_of", dow_of),
    ("date_difference", date_difference),
    ("date_interval", date_interval),
    ("get_default_timezone", get_default_timezone),
    ("timezone_list", timezone_list),
    ("period_list", period_list),
    ("last_access_time", current_datetime),
    ("start_time", current_datetime),
];

const MONTHS: [&str; 12] = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
    "December",
];
const DAYS: [&str; 7] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

fn month_name(m: u32) -> &'static str {
    MONTHS[usize::try_from(m.saturating_sub(1)).unwrap_or(0) % 12]
}

fn day_name(d: NaiveDate) -> &'static str {
    DAYS[usize::try_from(d.weekday().num_days_from_monday()).unwrap_or(0) % 7]
}

/// Renders a Babel (CLDR) pattern like `MMMM d, yyyy` or `h:mm a`.
pub(crate) fn babel(date: NaiveDate, time: NaiveTime, pattern: &str) -> String {
    let chars: Vec<char> = pattern.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '\'' {
            // quoted literal
            i += 1;
            while i < chars.len() && chars[i] != '\'' {
                out.push(chars[i]);
                i += 1;
            }
            i += 1;
            continue;
        }
        if !c.is_ascii_alphabetic() {
            out.push(c);
            i += 1;
            continue;
        }
        let mut n = 1;
        while i + n < chars.len() && chars[i + n] == c {
            n += 1;
        }
        i += n;
        let h12 = {
            let h = time.hour() % 12;
            if h == 0 {
                12
            } else {
                h
            }
        };
        let piece = match (c, n) {
            ('y', 2) => format!("{:02}", date.year() % 100),
            ('y', _) | ('Y', _) => format!("{}", date.year()),
            ('M', 1) | ('L', 1) => format!("{}", date.month()),
            ('M', 2) | ('L', 2) => format!("{:02}", date.month()),
            ('M', 3) | ('L', 3) => month_name(date.month())[..3].to_string(),
            ('M', _) | ('L', _) => month_name(date.month()).to_string(),
            ('d', 1) => format!("{}", date.day()),
            ('d', _) => format!("{:02}", date.day()),
            ('E', 1..=3) => day_name(date)[..3].to_string(),
            ('E', _) => day_name(date).to_string(),
            ('h', 1) => format!("{h12}"),
            ('h', _) => format!("{h12:02}"),
            ('H', 1) => format!("{}", time.hour()),
            ('H', _) => format!("{:02}", time.hour()),
            ('m', 1) => format!("{}", time.minute()),
            ('m', _) => format!("{:02}", time.minute()),
            ('s', 1) => format!("{}", time.second()),
            ('s', _) => format!("{:02}", time.second()),
            ('a', _) => if time.hour() < 12 { "AM" } else { "PM" }.to_string(),
            ('z', _) | ('Z', _) | ('v', _) => "UTC".to_string(),
            _ => std::iter::repeat(c).take(n).collect(),
        };
        out.push_str(&piece);
    }
    out
}

/// `format_date` with a named format (`long`, `short`, `medium`, `full`) or a pattern.
pub fn format_date_str(d: NaiveDate, format: &str) -> String {
    let pattern = match format {
        "long" => "MMMM d, y",
        "short" => "M/d/yy",
        "medium" => "MMM d, y",
        "full" => "EEEE, MMMM d, y",
        other => other,
    };
    babel(d, NaiveTime::MIN, pattern)
}

/// `format_time` with a named format or a pattern.
pub fn format_time_str(t: NaiveTime, format: &str) -> String {
    let pattern = match format {
        "short" => "h:mm a",
        "medium" | "long" | "full" => "h:mm:ss a",
        other => other,
    };
    babel(NaiveDate::MIN, t, pattern)
}

/// `format_datetime` with a named format or a pattern.
pub fn format_datetime_str(dt: NaiveDateTime, format: &str) -> String {
    match format {
        "long" => format!("{} at {}", format_date_str(dt.date(), "long"), format_time_str(dt.time(), "medium")),
        "short" => format!("{}, {}", format_date_str(dt.date(), "short"), format_time_str(dt.time(), "short")),
        "medium" => format!("{}, {}", format_date_str(dt.date(), "medium"), format_time_str(dt.time(), "medium")),
        "full" => format!("{} at {}", format_date_str(dt.date(), "full"), format_time_str(dt.time(), "medium")),
        other => babel(dt.date(), dt.time(), other),
    }
}

/// Converts what `as_datetime` accepts: DADateTime, date, datetime, text.
pub(crate) fn to_datetime(v: &Value) -> Option<NaiveDateTime> {
    if let Some(d) = objects::datetime_of(v) {
        return Some(d);
    }
    match v {
        Value::Str(s) => crate::validate::parse_datetime(s).or_else(|| {
            crate::validate::parse_date(s).and_then(|d| d.and_hms_opt(0, 0, 0))
        }),
        _ => None,
    }
}

fn dt_arg(args: &mut Args, i: usize, name: &str, func: &str) -> Result<NaiveDateTime, Error> {
    let v = arg(args, i, name).ok_or_else(|| super::missing(func, name))?;
    to_datetime(&v).ok_or_else(|| Error::exception("ValueError", format!("{func}: could not understand the date {}", v.repr())))
}

fn today(vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let h = host(vm)?;
    let now = h.now();
    let midnight = now.date().and_hms_opt(0, 0, 0).unwrap_or(now);
    if let Some(f) = args.take_kw("format") {
        return Ok(Value::from_str(&format_date_str(midnight.date(), &f.str())));
    }
    Ok(objects::make_datetime(h, midnight))
}

fn current_datetime(vm: &mut Vm<'_>, _args: Args) -> Result<Value, Error> {
    let h = host(vm)?;
    let now = h.now();
    Ok(objects::make_datetime(h, now))
}

fn as_datetime(vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let dt = dt_arg(&mut args, 0, "the_date", "as_datetime")?;
    let h = host(vm)?;
    Ok(objects::make_datetime(h, dt))
}

fn format_date(_vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let dt = dt_arg(&mut args, 0, "the_date", "format_date")?;
    let f = arg(&mut args, 1, "format").map(|v| v.str()).unwrap_or_else(|| "long".into());
    Ok(Value::from_str(&format_date_str(dt.date(), &f)))
}

fn format_time(_vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let v = arg(&mut args, 0, "the_time").ok_or_else(|| super::missing("format_time", "the_time"))?;
    let t = match &v {
        Value::Time(t) => *t,
        other => match to_datetime(other) {
            Some(d) => d.time(),
            None => crate::validate::parse_time(&other.str())
                .ok_or_else(|| Error::exception("ValueError", "format_time: could not understand the time"))?,
        },
    };
    let f = arg(&mut args, 1, "format").map(|v| v.str()).unwrap_or_else(|| "short".into());
    Ok(Value::from_str(&format_time_str(t, &f)))
}

fn format_datetime(_vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let dt = dt_arg(&mut args, 0, "the_date", "format_datetime")?;
    let f = arg(&mut args, 1, "format").map(|v| v.str()).unwrap_or_else(|| "long".into());
    Ok(Value::from_str(&format_datetime_str(dt, &f)))
}

fn month_of(_vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let dt = dt_arg(&mut args, 0, "the_date", "month_of")?;
    if args.take_kw("as_word").is_some_and(|v| v.truthy()) {
        return Ok(Value::from_str(month_name(dt.month())));
    }
    Ok(Value::Int(i64::from(dt.month())))
}

fn day_of(_vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let dt = dt_arg(&mut args, 0, "the_date", "day_of")?;
    Ok(Value::Int(i64::from(dt.day())))
}

fn year_of(_vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let dt = dt_arg(&mut args, 0, "the_date", "year_of")?;
    Ok(Value::Int(i64::from(dt.year())))
}

fn dow_of(_vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let dt = dt_arg(&mut args, 0, "the_date", "dow_of")?;
    if args.take_kw("as_word").is_some_and(|v| v.truthy()) {
        return Ok(Value::from_str(day_name(dt.date())));
    }
    Ok(Value::Int(i64::from(dt.weekday().number_from_monday())))
}

/// A relative interval (`date_interval(days=7)`, `.plus(months=1)`).
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Interval {
    pub years: f64,
    pub months: f64,
    pub weeks: f64,
    pub days: f64,
    pub hours: f64,
    pub minutes: f64,
    pub seconds: f64,
}

/// `dt + sign * interval` (months/years calendar-aware, clamped to month end).
#[allow(clippy::cast_possible_truncation)]
pub(crate) fn add_interval(dt: NaiveDateTime, iv: &Interval, sign: f64) -> NaiveDateTime {
    let months_total = (iv.years * 12.0 + iv.months) * sign;
    let mut out = dt;
    if months_total != 0.0 {
        let m0 = i64::from(dt.year()) * 12 + i64::from(dt.month0()) + months_total as i64;
        let y = i32::try_from(m0.div_euclid(12)).unwrap_or(dt.year());
        let m = u32::try_from(m0.rem_euclid(12)).unwrap_or(0) + 1;
        let mut d = dt.day();
        let date = loop {
            if let Some(x) = NaiveDate::from_ymd_opt(y, m, d) {
                break x;
            }
            if d <= 28 {
                break dt.date();
            }
            d -= 1;
        };
        out = date.and_time(dt.time());
    }
    let secs = ((iv.weeks * 7.0 + iv.days) * 86400.0 + iv.hours * 3600.0 + iv.minutes * 60.0 + iv.seconds) * sign;
    out.checked_add_signed(Duration::milliseconds((secs * 1000.0) as i64)).unwrap_or(out)
}

/// The `date_difference` result object.
pub(crate) fn make_difference(vm: &mut Vm<'_>, start: NaiveDateTime, end: NaiveDateTime) -> Result<Value, Error> {
    let h = host(vm)?;
    let cls = h.class("DADateDifference");
    let obj = Value::new_object(cls, None);
    let secs = (end - start).num_milliseconds() as f64 / 1000.0;
    if let Value::Object(o) = &obj {
        let mut o = o.borrow_mut();
        let days = secs / 86400.0;
        for (k, v) in [
            ("seconds", secs),
            ("minutes", secs / 60.0),
            ("hours", secs / 3600.0),
            ("days", days),
            ("weeks", days / 7.0),
            ("years", days / 365.2425),
        ] {
            o.attrs.insert(std::rc::Rc::from(k), Value::Float(v));
        }
        // `seconds` is whole seconds (`delta.days * 86400 + delta.seconds`), an int
        #[allow(clippy::cast_possible_truncation)]
        o.attrs.insert(std::rc::Rc::from("seconds"), Value::Int(secs.floor() as i64));
        o.attrs.insert(std::rc::Rc::from("delta"), Value::Float(secs));
    }
    Ok(obj)
}

/// `describe()` of a date difference: "3 days", "2 years", "5 hours".
pub(crate) fn describe(days: f64) -> String {
    let a = days.abs();
    let (n, unit) = if a >= 365.2425 {
        (a / 365.2425, "year")
    } else if a >= 30.0 {
        (a / 30.436875, "month")
    } else if a >= 7.0 {
        (a / 7.0, "week")
    } else if a >= 1.0 {
        (a, "day")
    } else if a * 24.0 >= 1.0 {
        (a * 24.0, "hour")
    } else {
        (a * 1440.0, "minute")
    };
    #[allow(clippy::cast_possible_truncation)]
    let n = n.floor() as i64;
    let word = super::text::nice_number_value(&Value::Int(n), false).map(|v| v.str()).unwrap_or_default();
    if n == 1 {
        format!("{word} {unit}")
    } else {
        format!("{word} {unit}s")
    }
}

fn date_difference(vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let now = host(vm)?.now();
    let start = match arg(&mut args, 0, "starting") {
        Some(v) => to_datetime(&v).ok_or_else(|| Error::exception("ValueError", "date_difference: bad starting date"))?,
        None => now,
    };
    let end = match arg(&mut args, 1, "ending") {
        Some(v) => to_datetime(&v).ok_or_else(|| Error::exception("ValueError", "date_difference: bad ending date"))?,
        None => now,
    };
    make_difference(vm, start, end)
}

fn date_interval(vm: &mut Vm<'_>, mut args: Args) -> Result<Value, Error> {
    let h = host(vm)?;
    let cls = h.class("DADateInterval");
    let obj = Value::new_object(cls, None);
    if let Value::Object(o) = &obj {
        let mut o = o.borrow_mut();
        for k in ["years", "months", "weeks", "days", "hours", "minutes", "seconds"] {
            o.attrs.insert(std::rc::Rc::from(k), Value::Int(0));
        }
        for (k, v) in std::mem::take(&mut args.keyword) {
            o.attrs.insert(k, v);
        }
    }
    Ok(obj)
}

fn period_list(_vm: &mut Vm<'_>, _args: Args) -> Result<Value, Error> {
    let items = [(12, "Per Month"), (1, "Per Year"), (52, "Per Week"), (24, "Twice Per Month"), (26, "Every Two Weeks")];
    Ok(Value::list(
        items.iter().map(|(n, l)| Value::list(vec![Value::Int(*n), Value::from_str(l)])).collect(),
    ))
}

fn get_default_timezone(_vm: &mut Vm<'_>, _args: Args) -> Result<Value, Error> {
    Ok(Value::from_str("America/New_York"))
}

fn timezone_list(_vm: &mut Vm<'_>, _args: Args) -> Result<Value, Error> {
    Ok(Value::list(TIMEZONES.iter().map(|z| Value::from_str(z)).collect()))
}

/// IANA time zone names (region/city), sorted.
const TIMEZONES: &[&str] = &[
    "Africa/Abidjan", "Africa/Accra", "Africa/Addis_Ababa", "Africa/Algiers", "Africa/Asmara",
    "Africa/Asmera", "Africa/Bamako", "Africa/Bangui", "Africa/Banjul", "Africa/Bissau", "Africa/Blantyre",
    "Africa/Brazzaville", "Africa/Bujumbura", "Africa/Cairo", "Africa/Casablanca", "Africa/Ceuta",
    "Africa/Conakry", "Africa/Dakar", "Africa/Dar_es_Salaam", "Africa/Djibouti", "Africa/Douala",
    "Africa/El_Aaiun", "Africa/Freetown", "Africa/Gaborone", "Africa/Harare", "Africa/Johannesburg",
    "Africa/Juba", "Africa/Kampala", "Africa/Khartoum", "Africa/Kigali", "Africa/Kinshasa", "Africa/Lagos",
    "Africa/Libreville", "Africa/Lome", "Africa/Luanda", "Africa/Lubumbashi", "Africa/Lusaka",
    "Africa/Malabo", "Africa/Maputo", "Africa/Maseru", "Africa/Mbabane", "Africa/Mogadishu",
    "Africa/Monrovia", "Africa/Nairobi", "Africa/Ndjamena", "Africa/Niamey", "Africa/Nouakchott",
    "Africa/Ouagadougou", "Africa/Porto-Novo", "Africa/Sao_Tome", "Africa/Timbuktu", "Africa/Tripoli",
    "Africa/Tunis", "Africa/Windhoek", "America/Adak", "America/Anchorage", "America/Anguilla",
    "America/Antigua", "America/Araguaina", "America/Argentina/Buenos_Aires", "America/Argentina/Catamarca",
    "America/Argentina/ComodRivadavia", "America/Argentina/Cordoba", "America/Argentina/Jujuy",
    "America/Argentina/La_Rioja", "America/Argentina/Mendoza", "America/Argentina/Rio_Gallegos",
    "America/Argentina/Salta", "America/Argentina/San_Juan", "America/Argentina/San_Luis",
    "America/Argentina/Tucuman", "America/Argentina/Ushuaia", "America/Aruba", "America/Asuncion",
    "America/Atikokan", "America/Atka", "America/Bahia", "America/Bahia_Banderas", "America/Barbados",
    "America/Belem", "America/Belize", "America/Blanc-Sablon", "America/Boa_Vista", "America/Bogota",
    "America/Boise", "America/Buenos_Aires", "America/Cambridge_Bay", "America/Campo_Grande",
    "America/Cancun", "America/Caracas", "America/Catamarca", "America/Cayenne", "America/Cayman",
    "America/Chicago", "America/Chihuahua", "America/Ciudad_Juarez", "America/Coral_Harbour",
    "America/Cordoba", "America/Costa_Rica", "America/Coyhaique", "America/Creston", "America/Cuiaba",
    "America/Curacao", "America/Danmarkshavn", "America/Dawson", "America/Dawson_Creek", "America/Denver",
    "America/Detroit", "America/Dominica", "America/Edmonton", "America/Eirunepe", "America/El_Salvador",
    "America/Ensenada", "America/Fort_Nelson", "America/Fort_Wayne", "America/Fortaleza",
    "America/Glace_Bay", "America/Godthab", "America/Goose_Bay", "America/Grand_Turk", "America/Grenada",
    "America/Guadeloupe", "America/Guatemala", "America/Guayaquil", "America/Guyana", "America/Halifax",
    "America/Havana", "America/Hermosillo", "America/Indiana/Indianapolis", "America/Indiana/Knox",
    "America/Indiana/Marengo", "America/Indiana/Petersburg", "America/Indiana/Tell_City",
    "America/Indiana/Vevay", "America/Indiana/Vincennes", "America/Indiana/Winamac", "America/Indianapolis",
    "America/Inuvik", "America/Iqaluit", "America/Jamaica", "America/Jujuy", "America/Juneau",
    "America/Kentucky/Louisville", "America/Kentucky/Monticello", "America/Knox_IN", "America/Kralendijk",
    "America/La_Paz", "America/Lima", "America/Los_Angeles", "America/Louisville", "America/Lower_Princes",
    "America/Maceio", "America/Managua", "America/Manaus", "America/Marigot", "America/Martinique",
    "America/Matamoros", "America/Mazatlan", "America/Mendoza", "America/Menominee", "America/Merida",
    "America/Metlakatla", "America/Mexico_City", "America/Miquelon", "America/Moncton", "America/Monterrey",
    "America/Montevideo", "America/Montreal", "America/Montserrat", "America/Nassau", "America/New_York",
    "America/Nipigon", "America/Nome", "America/Noronha", "America/North_Dakota/Beulah",
    "America/North_Dakota/Center", "America/North_Dakota/New_Salem", "America/Nuuk", "America/Ojinaga",
    "America/Panama", "America/Pangnirtung", "America/Paramaribo", "America/Phoenix",
    "America/Port-au-Prince", "America/Port_of_Spain", "America/Porto_Acre", "America/Porto_Velho",
    "America/Puerto_Rico", "America/Punta_Arenas", "America/Rainy_River", "America/Rankin_Inlet",
    "America/Recife", "America/Regina", "America/Resolute", "America/Rio_Branco", "America/Rosario",
    "America/Santa_Isabel", "America/Santarem", "America/Santiago", "America/Santo_Domingo",
    "America/Sao_Paulo", "America/Scoresbysund", "America/Shiprock", "America/Sitka",
    "America/St_Barthelemy", "America/St_Johns", "America/St_Kitts", "America/St_Lucia", "America/St_Thomas",
    "America/St_Vincent", "America/Swift_Current", "America/Tegucigalpa", "America/Thule",
    "America/Thunder_Bay", "America/Tijuana", "America/Toronto", "America/Tortola", "America/Vancouver",
    "America/Virgin", "America/Whitehorse", "America/Winnipeg", "America/Yakutat", "America/Yellowknife",
    "Antarctica/Casey", "Antarctica/Davis", "Antarctica/DumontDUrville", "Antarctica/Macquarie",
    "Antarctica/Mawson", "Antarctica/McMurdo", "Antarctica/Palmer", "Antarctica/Rothera",
    "Antarctica/South_Pole", "Antarctica/Syowa", "Antarctica/Troll", "Antarctica/Vostok",
    "Arctic/Longyearbyen", "Asia/Aden", "Asia/Almaty", "Asia/Amman", "Asia/Anadyr", "Asia/Aqtau",
    "Asia/Aqtobe", "Asia/Ashgabat", "Asia/Ashkhabad", "Asia/Atyrau", "Asia/Baghdad", "Asia/Bahrain",
    "Asia/Baku", "Asia/Bangkok", "Asia/Barnaul", "Asia/Beirut", "Asia/Bishkek", "Asia/Brunei",
    "Asia/Calcutta", "Asia/Chita", "Asia/Choibalsan", "Asia/Chongqing", "Asia/Chungking", "Asia/Colombo",
    "Asia/Dacca", "Asia/Damascus", "Asia/Dhaka", "Asia/Dili", "Asia/Dubai", "Asia/Dushanbe",
    "Asia/Famagusta", "Asia/Gaza", "Asia/Harbin", "Asia/Hebron", "Asia/Ho_Chi_Minh", "Asia/Hong_Kong",
    "Asia/Hovd", "Asia/Irkutsk", "Asia/Istanbul", "Asia/Jakarta", "Asia/Jayapura", "Asia/Jerusalem",
    "Asia/Kabul", "Asia/Kamchatka", "Asia/Karachi", "Asia/Kashgar", "Asia/Kathmandu", "Asia/Katmandu",
    "Asia/Khandyga", "Asia/Kolkata", "Asia/Krasnoyarsk", "Asia/Kuala_Lumpur", "Asia/Kuching", "Asia/Kuwait",
    "Asia/Macao", "Asia/Macau", "Asia/Magadan", "Asia/Makassar", "Asia/Manila", "Asia/Muscat",
    "Asia/Nicosia", "Asia/Novokuznetsk", "Asia/Novosibirsk", "Asia/Omsk", "Asia/Oral", "Asia/Phnom_Penh",
    "Asia/Pontianak", "Asia/Pyongyang", "Asia/Qatar", "Asia/Qostanay", "Asia/Qyzylorda", "Asia/Rangoon",
    "Asia/Riyadh", "Asia/Saigon", "Asia/Sakhalin", "Asia/Samarkand", "Asia/Seoul", "Asia/Shanghai",
    "Asia/Singapore", "Asia/Srednekolymsk", "Asia/Taipei", "Asia/Tashkent", "Asia/Tbilisi", "Asia/Tehran",
    "Asia/Tel_Aviv", "Asia/Thimbu", "Asia/Thimphu", "Asia/Tokyo", "Asia/Tomsk", "Asia/Ujung_Pandang",
    "Asia/Ulaanbaatar", "Asia/Ulan_Bator", "Asia/Urumqi", "Asia/Ust-Nera", "Asia/Vientiane",
    "Asia/Vladivostok", "Asia/Yakutsk", "Asia/Yangon", "Asia/Yekaterinburg", "Asia/Yerevan",
    "Atlantic/Azores", "Atlantic/Bermuda", "Atlantic/Canary", "Atlantic/Cape_Verde", "Atlantic/Faeroe",
    "Atlantic/Faroe", "Atlantic/Jan_Mayen", "Atlantic/Madeira", "Atlantic/Reykjavik",
    "Atlantic/South_Georgia", "Atlantic/St_Helena", "Atlantic/Stanley", "Australia/ACT",
    "Australia/Adelaide", "Australia/Brisbane", "Australia/Broken_Hill", "Australia/Canberra",
    "Australia/Currie", "Australia/Darwin", "Australia/Eucla", "Australia/Hobart", "Australia/LHI",
    "Australia/Lindeman", "Australia/Lord_Howe", "Australia/Melbourne", "Australia/NSW", "Australia/North",
    "Australia/Perth", "Australia/Queensland", "Australia/South", "Australia/Sydney", "Australia/Tasmania",
    "Australia/Victoria", "Australia/West", "Australia/Yancowinna", "Europe/Amsterdam", "Europe/Andorra",
    "Europe/Astrakhan", "Europe/Athens", "Europe/Belfast", "Europe/Belgrade", "Europe/Berlin",
    "Europe/Bratislava", "Europe/Brussels", "Europe/Bucharest", "Europe/Budapest", "Europe/Busingen",
    "Europe/Chisinau", "Europe/Copenhagen", "Europe/Dublin", "Europe/Gibraltar", "Europe/Guernsey",
    "Europe/Helsinki", "Europe/Isle_of_Man", "Europe/Istanbul", "Europe/Jersey", "Europe/Kaliningrad",
    "Europe/Kiev", "Europe/Kirov", "Europe/Kyiv", "Europe/Lisbon", "Europe/Ljubljana", "Europe/London",
    "Europe/Luxembourg", "Europe/Madrid", "Europe/Malta", "Europe/Mariehamn", "Europe/Minsk",
    "Europe/Monaco", "Europe/Moscow", "Europe/Nicosia", "Europe/Oslo", "Europe/Paris", "Europe/Podgorica",
    "Europe/Prague", "Europe/Riga", "Europe/Rome", "Europe/Samara", "Europe/San_Marino", "Europe/Sarajevo",
    "Europe/Saratov", "Europe/Simferopol", "Europe/Skopje", "Europe/Sofia", "Europe/Stockholm",
    "Europe/Tallinn", "Europe/Tirane", "Europe/Tiraspol", "Europe/Ulyanovsk", "Europe/Uzhgorod",
    "Europe/Vaduz", "Europe/Vatican", "Europe/Vienna", "Europe/Vilnius", "Europe/Volgograd", "Europe/Warsaw",
    "Europe/Zagreb", "Europe/Zaporozhye", "Europe/Zurich", "Indian/Antananarivo", "Indian/Chagos",
    "Indian/Christmas", "Indian/Cocos", "Indian/Comoro", "Indian/Kerguelen", "Indian/Mahe",
    "Indian/Maldives", "Indian/Mauritius", "Indian/Mayotte", "Indian/Reunion", "Pacific/Apia",
    "Pacific/Auckland", "Pacific/Bougainville", "Pacific/Chatham", "Pacific/Chuuk", "Pacific/Easter",
    "Pacific/Efate", "Pacific/Enderbury", "Pacific/Fakaofo", "Pacific/Fiji", "Pacific/Funafuti",
    "Pacific/Galapagos", "Pacific/Gambier", "Pacific/Guadalcanal", "Pacific/Guam", "Pacific/Honolulu",
    "Pacific/Johnston", "Pacific/Kanton", "Pacific/Kiritimati", "Pacific/Kosrae", "Pacific/Kwajalein",
    "Pacific/Majuro", "Pacific/Marquesas", "Pacific/Midway", "Pacific/Nauru", "Pacific/Niue",
    "Pacific/Norfolk", "Pacific/Noumea", "Pacific/Pago_Pago", "Pacific/Palau", "Pacific/Pitcairn",
    "Pacific/Pohnpei", "Pacific/Ponape", "Pacific/Port_Moresby", "Pacific/Rarotonga", "Pacific/Saipan",
    "Pacific/Samoa", "Pacific/Tahiti", "Pacific/Tarawa", "Pacific/Tongatapu", "Pacific/Truk", "Pacific/Wake",
    "Pacific/Wallis", "Pacific/Yap",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats() {
        let d = NaiveDate::from_ymd_opt(1989, 4, 1).unwrap();
        assert_eq!(format_date_str(d, "long"), "April 1, 1989");
        assert_eq!(format_date_str(d, "short"), "4/1/89");
        let t = NaiveTime::from_hms_opt(17, 0, 0).unwrap();
        assert_eq!(format_time_str(t, "h:mm"), "5:00");
        assert_eq!(babel(d, t, "h:mm 'in' MMMM"), "5:00 in April");
    }
}
