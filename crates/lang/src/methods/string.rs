//! Methods of `str`.

use super::*;

pub(super) fn str_method(name: &str) -> Option<NativeFn> {
    Some(match name {
        "lower" => str_lower,
        "upper" => str_upper,
        "casefold" => str_casefold,
        "swapcase" => str_swapcase,
        "title" => str_title,
        "capitalize" => str_capitalize,
        "strip" => str_strip,
        "lstrip" => str_lstrip,
        "rstrip" => str_rstrip,
        "split" => str_split,
        "rsplit" => str_rsplit,
        "splitlines" => str_splitlines,
        "join" => str_join,
        "replace" => str_replace,
        "startswith" => str_startswith,
        "endswith" => str_endswith,
        "find" => str_find,
        "rfind" => str_rfind,
        "index" => str_index,
        "rindex" => str_rindex,
        "count" => str_count,
        "format" => str_format_method,
        "format_map" => str_format_map,
        "isdigit" => str_isdigit,
        "isdecimal" => str_isdecimal,
        "isnumeric" => str_isnumeric,
        "isalpha" => str_isalpha,
        "isalnum" => str_isalnum,
        "isspace" => str_isspace,
        "isupper" => str_isupper,
        "islower" => str_islower,
        "istitle" => str_istitle,
        "isascii" => str_isascii,
        "isidentifier" => str_isidentifier,
        "isprintable" => str_isprintable,
        "zfill" => str_zfill,
        "center" => str_center,
        "ljust" => str_ljust,
        "rjust" => str_rjust,
        "partition" => str_partition,
        "rpartition" => str_rpartition,
        "encode" => str_encode,
        "expandtabs" => str_expandtabs,
        "removeprefix" => str_removeprefix,
        "removesuffix" => str_removesuffix,
        _ => return None,
    })
}

/// The receiver of a str method (a wrong type only arrives through `str.lower(5)`).
pub(super) fn recv_str(v: &Value) -> Result<Rc<str>, Error> {
    match v {
        Value::Str(s) => Ok(s.clone()),
        other => Err(Error::type_error(format!(
            "descriptor for 'str' objects doesn't apply to a '{}' object",
            other.type_name()
        ))),
    }
}

/// Python's `str.isspace` for one character.
pub(crate) fn py_isspace(c: char) -> bool {
    c.is_whitespace() || ('\x1c'..='\x1f').contains(&c)
}

pub(super) fn is_cased(c: char) -> bool {
    c.is_uppercase() || c.is_lowercase()
}

macro_rules! str_simple {
    ($name:ident, $qual:expr, |$s:ident| $body:expr) => {
        fn $name(_vm: &mut Vm<'_>, args: Args) -> R {
            let (recv, _) = parse(args, $qual, &[], 0, false)?;
            let $s = recv_str(&recv)?;
            Ok($body)
        }
    };
}

str_simple!(str_lower, "str.lower", |st| ss(st.to_lowercase()));
str_simple!(str_upper, "str.upper", |st| ss(st.to_uppercase()));
str_simple!(str_casefold, "str.casefold", |st| ss(st
    .to_lowercase()
    .replace('ß', "ss")));
str_simple!(str_swapcase, "str.swapcase", |st| ss(st
    .chars()
    .flat_map(|c| {
        if c.is_uppercase() {
            c.to_lowercase().collect::<Vec<_>>()
        } else if c.is_lowercase() {
            c.to_uppercase().collect::<Vec<_>>()
        } else {
            vec![c]
        }
    })
    .collect()));
str_simple!(str_title, "str.title", |st| ss(title(&st)));
str_simple!(str_capitalize, "str.capitalize", |st| ss(capitalize(&st)));
str_simple!(str_isdigit, "str.isdigit", |st| Value::Bool(
    !st.is_empty()
        && st
            .chars()
            .all(|c| c.is_ascii_digit() || (!c.is_ascii() && c.is_numeric()))
));
str_simple!(str_isdecimal, "str.isdecimal", |st| Value::Bool(
    !st.is_empty()
        && st
            .chars()
            .all(|c| c.is_ascii_digit() || (!c.is_ascii() && c.is_numeric()))
));
str_simple!(str_isnumeric, "str.isnumeric", |st| Value::Bool(
    !st.is_empty() && st.chars().all(|c| c.is_numeric())
));
str_simple!(str_isalpha, "str.isalpha", |st| Value::Bool(
    !st.is_empty() && st.chars().all(|c| c.is_alphabetic())
));
str_simple!(str_isalnum, "str.isalnum", |st| Value::Bool(
    !st.is_empty() && st.chars().all(|c| c.is_alphanumeric())
));
str_simple!(str_isspace, "str.isspace", |st| Value::Bool(
    !st.is_empty() && st.chars().all(py_isspace)
));
str_simple!(str_isupper, "str.isupper", |st| Value::Bool(
    st.chars().any(|c| c.is_uppercase()) && !st.chars().any(|c| c.is_lowercase())
));
str_simple!(str_islower, "str.islower", |st| Value::Bool(
    st.chars().any(|c| c.is_lowercase()) && !st.chars().any(|c| c.is_uppercase())
));
str_simple!(str_istitle, "str.istitle", |st| Value::Bool(istitle(&st)));
str_simple!(str_isascii, "str.isascii", |st| Value::Bool(st.is_ascii()));
str_simple!(str_isidentifier, "str.isidentifier", |st| Value::Bool({
    let mut cs = st.chars();
    match cs.next() {
        Some(c) if c == '_' || c.is_alphabetic() => cs.all(|c| c == '_' || c.is_alphanumeric()),
        _ => false,
    }
}));
str_simple!(str_isprintable, "str.isprintable", |st| Value::Bool(
    st.chars()
        .all(|c| c == ' ' || !(c.is_control() || c.is_whitespace()))
));

/// Titlecase of one character (differs from uppercase for the Latin digraphs).
pub(super) fn to_title(c: char) -> String {
    match c {
        'ǆ' | 'ǅ' | 'Ǆ' => "ǅ".into(),
        'ǉ' | 'ǈ' | 'Ǉ' => "ǈ".into(),
        'ǌ' | 'ǋ' | 'Ǌ' => "ǋ".into(),
        'ǳ' | 'ǲ' | 'Ǳ' => "ǲ".into(),
        c => c.to_uppercase().collect(),
    }
}

pub(super) fn title(st: &str) -> String {
    let mut out = String::with_capacity(st.len());
    let mut prev_cased = false;
    for c in st.chars() {
        if prev_cased {
            out.extend(c.to_lowercase());
        } else {
            out.push_str(&to_title(c));
        }
        prev_cased = is_cased(c) || matches!(c, 'ǅ' | 'ǈ' | 'ǋ' | 'ǲ');
    }
    out
}

pub(super) fn capitalize(st: &str) -> String {
    let mut cs = st.chars();
    match cs.next() {
        None => String::new(),
        Some(first) => {
            let mut out = to_title(first);
            out.push_str(&cs.as_str().to_lowercase());
            out
        }
    }
}

pub(super) fn istitle(st: &str) -> bool {
    let mut cased = false;
    let mut prev_cased = false;
    for c in st.chars() {
        if c.is_uppercase() {
            if prev_cased {
                return false;
            }
            prev_cased = true;
            cased = true;
        } else if c.is_lowercase() {
            if !prev_cased {
                return false;
            }
            prev_cased = true;
            cased = true;
        } else {
            prev_cased = false;
        }
    }
    cased
}

pub(super) fn strip_impl(args: Args, qual: &str, left: bool, right: bool) -> R {
    let (recv, p) = parse(args, qual, &["chars"], 0, false)?;
    let st = recv_str(&recv)?;
    let out: &str = match p.get(0) {
        None => {
            let mut t: &str = &st;
            if left {
                t = t.trim_start_matches(py_isspace);
            }
            if right {
                t = t.trim_end_matches(py_isspace);
            }
            t
        }
        Some(v) => {
            let Value::Str(chars) = v else {
                return Err(Error::type_error(format!(
                    "{} arg must be None or str",
                    qual.trim_start_matches("str.")
                )));
            };
            let set: Vec<char> = chars.chars().collect();
            let mut t: &str = &st;
            if left {
                t = t.trim_start_matches(|c| set.contains(&c));
            }
            if right {
                t = t.trim_end_matches(|c| set.contains(&c));
            }
            t
        }
    };
    Ok(s(out))
}

pub(super) fn str_strip(_vm: &mut Vm<'_>, args: Args) -> R {
    strip_impl(args, "str.strip", true, true)
}
pub(super) fn str_lstrip(_vm: &mut Vm<'_>, args: Args) -> R {
    strip_impl(args, "str.lstrip", true, false)
}
pub(super) fn str_rstrip(_vm: &mut Vm<'_>, args: Args) -> R {
    strip_impl(args, "str.rstrip", false, true)
}

pub(super) fn split_args(args: Args, name: &str) -> Result<SplitArgs, Error> {
    let (recv, p) = parse(args, name, &["sep", "maxsplit"], 0, true)?;
    let sep = match p.get(0) {
        None => None,
        Some(Value::Str(x)) => {
            if x.is_empty() {
                return Err(Error::value_error("empty separator"));
            }
            Some(x.clone())
        }
        Some(other) => {
            return Err(Error::type_error(format!(
                "must be str or None, not {}",
                other.type_name()
            )))
        }
    };
    let max = match p.raw(1) {
        None => -1,
        Some(v) => v.to_index()?,
    };
    Ok((recv_str(&recv)?, sep, max))
}

/// `s.split(sep, maxsplit)` as Python does it.
pub(crate) fn split_str(st: &str, sep: Option<&str>, max: i64) -> Vec<String> {
    let mut out = Vec::new();
    match sep {
        Some(sep) => {
            let mut rest = st;
            let mut n = 0;
            while max < 0 || n < max {
                match rest.find(sep) {
                    Some(i) => {
                        out.push(rest[..i].to_string());
                        rest = &rest[i + sep.len()..];
                        n += 1;
                    }
                    None => break,
                }
            }
            out.push(rest.to_string());
        }
        None => {
            let mut rest = st.trim_start_matches(py_isspace);
            let mut n = 0;
            while !rest.is_empty() {
                if max >= 0 && n >= max {
                    out.push(rest.to_string());
                    break;
                }
                let end = rest.find(py_isspace).unwrap_or(rest.len());
                out.push(rest[..end].to_string());
                rest = rest[end..].trim_start_matches(py_isspace);
                n += 1;
            }
        }
    }
    out
}

pub(super) fn rsplit_str(st: &str, sep: Option<&str>, max: i64) -> Vec<String> {
    let mut out = Vec::new();
    match sep {
        Some(sep) => {
            let mut rest = st;
            let mut n = 0;
            while max < 0 || n < max {
                match rest.rfind(sep) {
                    Some(i) => {
                        out.push(rest[i + sep.len()..].to_string());
                        rest = &rest[..i];
                        n += 1;
                    }
                    None => break,
                }
            }
            out.push(rest.to_string());
        }
        None => {
            let mut rest = st.trim_end_matches(py_isspace);
            let mut n = 0;
            while !rest.is_empty() {
                if max >= 0 && n >= max {
                    out.push(rest.to_string());
                    break;
                }
                let start = rest
                    .rfind(py_isspace)
                    .map(|i| i + rest[i..].chars().next().map_or(1, char::len_utf8))
                    .unwrap_or(0);
                out.push(rest[start..].to_string());
                rest = rest[..start].trim_end_matches(py_isspace);
                n += 1;
            }
        }
    }
    out.reverse();
    out
}

pub(super) fn str_list(items: Vec<String>) -> Value {
    Value::list(items.into_iter().map(ss).collect())
}

pub(super) fn str_split(_vm: &mut Vm<'_>, args: Args) -> R {
    let (st, sep, max) = split_args(args, "split")?;
    Ok(str_list(split_str(&st, sep.as_deref(), max)))
}

pub(super) fn str_rsplit(_vm: &mut Vm<'_>, args: Args) -> R {
    let (st, sep, max) = split_args(args, "rsplit")?;
    Ok(str_list(rsplit_str(&st, sep.as_deref(), max)))
}

pub(super) fn str_splitlines(_vm: &mut Vm<'_>, args: Args) -> R {
    let (recv, p) = parse(args, "splitlines", &["keepends"], 0, true)?;
    let keep = p.get(0).is_some_and(Value::truthy);
    let st = recv_str(&recv)?;
    let mut out = Vec::new();
    let mut line = String::new();
    let mut cs = st.chars().peekable();
    while let Some(c) = cs.next() {
        let brk = matches!(
            c,
            '\n' | '\r'
                | '\x0b'
                | '\x0c'
                | '\x1c'
                | '\x1d'
                | '\x1e'
                | '\u{85}'
                | '\u{2028}'
                | '\u{2029}'
        );
        if !brk {
            line.push(c);
            continue;
        }
        let mut ending = c.to_string();
        if c == '\r' && cs.peek() == Some(&'\n') {
            cs.next();
            ending.push('\n');
        }
        if keep {
            line.push_str(&ending);
        }
        out.push(std::mem::take(&mut line));
    }
    if !line.is_empty() {
        out.push(line);
    }
    Ok(str_list(out))
}

pub(super) fn str_join(vm: &mut Vm<'_>, args: Args) -> R {
    let (recv, p) = parse(args, "str.join", &["iterable"], 1, false)?;
    let sep = recv_str(&recv)?;
    let iterable = p.raw(0).cloned().unwrap_or(Value::None);
    if matches!(
        iterable,
        Value::None | Value::Bool(_) | Value::Int(_) | Value::Float(_)
    ) {
        return Err(Error::type_error("can only join an iterable"));
    }
    let items = iterate(vm, &iterable)?;
    let mut out = String::new();
    for (i, item) in items.iter().enumerate() {
        let Value::Str(x) = item else {
            return Err(Error::type_error(format!(
                "sequence item {i}: expected str instance, {} found",
                item.type_name()
            )));
        };
        if i > 0 {
            out.push_str(&sep);
        }
        out.push_str(x);
        check_len(vm, out.len())?;
    }
    Ok(ss(out))
}

pub(super) fn str_replace(vm: &mut Vm<'_>, args: Args) -> R {
    let (recv, p) = parse(args, "replace", &["old", "new", "count"], 2, false)?;
    let st = recv_str(&recv)?;
    let old = as_str(p.raw(0).unwrap_or(&Value::None), "replace() argument 1")?;
    let new = as_str(p.raw(1).unwrap_or(&Value::None), "replace() argument 2")?;
    let count = match p.raw(2) {
        None => -1,
        Some(v) => v.to_index()?,
    };
    let limit = if count < 0 {
        usize::MAX
    } else {
        count as usize
    };
    let mut out = String::new();
    if old.is_empty() {
        let mut n = 0;
        for c in st.chars() {
            if n < limit {
                out.push_str(new);
                n += 1;
            }
            out.push(c);
            check_len(vm, out.len())?;
        }
        if n < limit {
            out.push_str(new);
        }
    } else {
        let matches = st.matches(old).count().min(limit);
        vm.charge(matches)?;
        check_len(
            vm,
            st.len().saturating_add(matches.saturating_mul(new.len())),
        )?;
        let mut rest: &str = &st;
        let mut n = 0;
        while n < limit {
            match rest.find(old) {
                Some(i) => {
                    out.push_str(&rest[..i]);
                    out.push_str(new);
                    rest = &rest[i + old.len()..];
                    n += 1;
                }
                None => break,
            }
        }
        out.push_str(rest);
    }
    check_len(vm, out.len())?;
    Ok(ss(out))
}

/// Resolves Python slice bounds `start`/`end` (None, negative) over `len` items.
pub(super) fn slice_bounds(
    len: usize,
    start: Option<&Value>,
    end: Option<&Value>,
) -> Result<(usize, usize), Error> {
    let norm = |v: Option<&Value>, default: usize| -> Result<usize, Error> {
        match v {
            None | Some(Value::None) => Ok(default),
            Some(v) => {
                let i = v.to_index().map_err(|_| {
                    Error::type_error("slice indices must be integers or None or have an __index__ method")
                })?;
                Ok(if i < 0 {
                    (len as i64 + i).max(0) as usize
                } else {
                    (i as usize).min(len)
                })
            }
        }
    };
    Ok((norm(start, 0)?, norm(end, len)?))
}

/// Byte offset of char index `ci` in `st`.
pub(super) fn byte_at(st: &str, ci: usize) -> usize {
    if st.is_ascii() {
        return ci.min(st.len());
    }
    st.char_indices().nth(ci).map_or(st.len(), |(b, _)| b)
}

pub(super) fn char_index(st: &str, byte: usize) -> usize {
    if st.is_ascii() {
        byte
    } else {
        st[..byte].chars().count()
    }
}

/// (haystack, sub, start char index) for find/index/count; None when start > len.
pub(super) fn find_setup(args: Args, qual: &str) -> Result<FindArgs, Error> {
    let (recv, p) = parse(args, qual, &["sub", "start", "end"], 1, false)?;
    let st = recv_str(&recv)?;
    let sub = match p.raw(0) {
        Some(Value::Str(x)) => x.clone(),
        Some(other) => {
            return Err(Error::type_error(format!(
                "must be str, not {}",
                other.type_name()
            )));
        }
        None => Rc::from(""),
    };
    let len = st.chars().count();
    let raw_start = p.raw(1).cloned();
    let (a, b) = slice_bounds(len, p.raw(1), p.raw(2))?;
    // CPython: a start beyond the end finds nothing, even the empty string.
    let beyond = match raw_start {
        Some(Value::Int(i)) if i >= 0 => i as usize > len,
        _ => false,
    };
    Ok((st, sub, a, b, beyond || a > b))
}

pub(super) fn find_impl(args: Args, qual: &str, rev: bool) -> Result<i64, Error> {
    let (st, sub, a, b, none) = find_setup(args, qual)?;
    if none {
        return Ok(-1);
    }
    let (ba, bb) = (byte_at(&st, a), byte_at(&st, b));
    let hay = &st[ba..bb];
    let found = if rev {
        hay.rfind(&*sub)
    } else {
        hay.find(&*sub)
    };
    Ok(match found {
        Some(i) => (a + char_index(hay, i)) as i64,
        None => -1,
    })
}

pub(super) fn str_find(_vm: &mut Vm<'_>, args: Args) -> R {
    Ok(Value::Int(find_impl(args, "str.find", false)?))
}
pub(super) fn str_rfind(_vm: &mut Vm<'_>, args: Args) -> R {
    Ok(Value::Int(find_impl(args, "str.rfind", true)?))
}
pub(super) fn str_index(_vm: &mut Vm<'_>, args: Args) -> R {
    match find_impl(args, "str.index", false)? {
        -1 => Err(Error::value_error("substring not found")),
        i => Ok(Value::Int(i)),
    }
}
pub(super) fn str_rindex(_vm: &mut Vm<'_>, args: Args) -> R {
    match find_impl(args, "str.rindex", true)? {
        -1 => Err(Error::value_error("substring not found")),
        i => Ok(Value::Int(i)),
    }
}

pub(super) fn str_count(vm: &mut Vm<'_>, args: Args) -> R {
    let (st, sub, a, b, none) = find_setup(args, "str.count")?;
    if none {
        return Ok(Value::Int(0));
    }
    let hay = &st[byte_at(&st, a)..byte_at(&st, b)];
    let n = if sub.is_empty() {
        hay.chars().count() + 1
    } else {
        hay.matches(&*sub).count()
    };
    // each match found: a unit of work beyond the scan charged for the receiver
    vm.charge(n)?;
    Ok(Value::Int(n as i64))
}

pub(super) fn affix_impl(args: Args, qual: &str, ends: bool) -> R {
    let (recv, p) = parse(args, qual, &["prefix", "start", "end"], 1, false)?;
    let st = recv_str(&recv)?;
    let len = st.chars().count();
    let (a, b) = slice_bounds(len, p.raw(1), p.raw(2))?;
    if a > b || matches!(p.raw(1), Some(Value::Int(i)) if *i >= 0 && *i as usize > len) {
        return Ok(Value::Bool(false));
    }
    let hay = &st[byte_at(&st, a)..byte_at(&st, b)];
    let test = |x: &str| {
        if ends {
            hay.ends_with(x)
        } else {
            hay.starts_with(x)
        }
    };
    let word = if ends { "endswith" } else { "startswith" };
    match p.raw(0) {
        Some(Value::Str(x)) => Ok(Value::Bool(test(x))),
        Some(Value::Tuple(t)) => {
            for item in t.iter() {
                match item {
                    Value::Str(x) => {
                        if test(x) {
                            return Ok(Value::Bool(true));
                        }
                    }
                    other => {
                        return Err(Error::type_error(format!(
                            "tuple for {word} must only contain str, not {}",
                            other.type_name()
                        )))
                    }
                }
            }
            Ok(Value::Bool(false))
        }
        Some(other) => Err(Error::type_error(format!(
            "{word} first arg must be str or a tuple of str, not {}",
            other.type_name()
        ))),
        None => Ok(Value::Bool(false)),
    }
}

pub(super) fn str_startswith(_vm: &mut Vm<'_>, args: Args) -> R {
    affix_impl(args, "startswith", false)
}
pub(super) fn str_endswith(_vm: &mut Vm<'_>, args: Args) -> R {
    affix_impl(args, "endswith", true)
}

pub(super) fn str_format_method(vm: &mut Vm<'_>, mut args: Args) -> R {
    if args.positional.is_empty() {
        return Err(Error::type_error("unbound method str.format() needs an argument"));
    }
    let recv = args.positional.remove(0);
    let fmt = recv_str(&recv)?;
    Ok(ss(format::str_format(vm, &fmt, args)?))
}

pub(super) fn str_format_map(vm: &mut Vm<'_>, args: Args) -> R {
    let (recv, p) = parse(args, "str.format_map", &["mapping"], 1, false)?;
    let fmt = recv_str(&recv)?;
    let mapping = p.raw(0).cloned().unwrap_or(Value::None);
    Ok(ss(format::str_format_map(vm, &fmt, &mapping)?))
}

pub(super) fn width_fill(vm: &Vm<'_>, p: &Params, qual: &str) -> Result<(usize, char), Error> {
    let w = (p.raw(0).unwrap_or(&Value::Int(0))).to_index()?;
    let fill = match p.raw(1) {
        None => ' ',
        Some(Value::Str(f)) if f.chars().count() == 1 => f.chars().next().unwrap_or(' '),
        Some(Value::Str(_)) => {
            return Err(Error::type_error(
                "The fill character must be exactly one character long",
            ))
        }
        Some(other) => {
            return Err(Error::type_error(format!(
                "{qual}() argument 2 must be str, not {}",
                other.type_name()
            )))
        }
    };
    let w = w.max(0) as usize;
    check_len(vm, w)?;
    Ok((w, fill))
}

pub(super) fn just(vm: &Vm<'_>, args: Args, qual: &str, mode: char) -> R {
    let (recv, p) = parse(args, qual, &["width", "fillchar"], 1, false)?;
    let (w, fill) = width_fill(vm, &p, qual)?;
    let st = recv_str(&recv)?;
    let len = st.chars().count();
    if len >= w {
        return Ok(Value::Str(st));
    }
    let marg = w - len;
    let left = match mode {
        '<' => 0,
        '>' => marg,
        // CPython's centering puts the odd space on the left when the width is odd.
        _ => marg / 2 + (marg & w & 1),
    };
    let mut out: String = std::iter::repeat_n(fill, left).collect();
    out.push_str(&st);
    out.extend(std::iter::repeat_n(fill, marg - left));
    Ok(ss(out))
}

pub(super) fn str_center(vm: &mut Vm<'_>, args: Args) -> R {
    just(vm, args, "center", '^')
}
pub(super) fn str_ljust(vm: &mut Vm<'_>, args: Args) -> R {
    just(vm, args, "ljust", '<')
}
pub(super) fn str_rjust(vm: &mut Vm<'_>, args: Args) -> R {
    just(vm, args, "rjust", '>')
}

pub(super) fn str_zfill(vm: &mut Vm<'_>, args: Args) -> R {
    let (recv, p) = parse(args, "str.zfill", &["width"], 1, false)?;
    let w = (p.raw(0).unwrap_or(&Value::Int(0))).to_index()?.max(0) as usize;
    check_len(vm, w)?;
    let st = recv_str(&recv)?;
    let len = st.chars().count();
    if len >= w {
        return Ok(Value::Str(st));
    }
    let (sign, rest) = match st.chars().next() {
        Some(c @ ('+' | '-')) => (c.to_string(), &st[1..]),
        _ => (String::new(), &st[..]),
    };
    Ok(ss(format!("{sign}{}{rest}", "0".repeat(w - len))))
}

pub(super) fn partition_impl(args: Args, qual: &str, rev: bool) -> R {
    let (recv, p) = parse(args, qual, &["sep"], 1, false)?;
    let st = recv_str(&recv)?;
    let sep = match p.raw(0) {
        Some(Value::Str(x)) => x.clone(),
        Some(other) => {
            return Err(Error::type_error(format!(
                "must be str, not {}",
                other.type_name()
            )))
        }
        None => Rc::from(""),
    };
    if sep.is_empty() {
        return Err(Error::value_error("empty separator"));
    }
    let found = if rev { st.rfind(&*sep) } else { st.find(&*sep) };
    Ok(match found {
        Some(i) => Value::tuple(vec![
            s(&st[..i]),
            Value::Str(sep.clone()),
            s(&st[i + sep.len()..]),
        ]),
        None if rev => Value::tuple(vec![s(""), s(""), Value::Str(st.clone())]),
        None => Value::tuple(vec![Value::Str(st.clone()), s(""), s("")]),
    })
}

pub(super) fn str_partition(_vm: &mut Vm<'_>, args: Args) -> R {
    partition_impl(args, "str.partition", false)
}
pub(super) fn str_rpartition(_vm: &mut Vm<'_>, args: Args) -> R {
    partition_impl(args, "str.rpartition", true)
}

pub(super) fn str_encode(_vm: &mut Vm<'_>, _args: Args) -> R {
    Err(Error::Forbidden(
        "str.encode (there is no bytes type)".into(),
    ))
}

pub(super) fn str_expandtabs(vm: &mut Vm<'_>, args: Args) -> R {
    let (recv, p) = parse(args, "expandtabs", &["tabsize"], 0, true)?;
    let size = match p.raw(0) {
        None => 8,
        Some(v) => v.to_index()?,
    };
    let st = recv_str(&recv)?;
    let mut out = String::new();
    let mut col = 0usize;
    for c in st.chars() {
        match c {
            '\t' => {
                if size > 0 {
                    let n = size as usize - col % size as usize;
                    check_len(vm, out.len().saturating_add(n))?;
                    out.extend(std::iter::repeat_n(' ', n));
                    col += n;
                    check_len(vm, out.len())?;
                }
            }
            '\n' | '\r' => {
                out.push(c);
                col = 0;
            }
            c => {
                out.push(c);
                col += 1;
            }
        }
    }
    Ok(ss(out))
}

pub(super) fn str_removeprefix(_vm: &mut Vm<'_>, args: Args) -> R {
    let (recv, p) = parse(args, "str.removeprefix", &["prefix"], 1, false)?;
    let st = recv_str(&recv)?;
    let pre = as_str(p.raw(0).unwrap_or(&Value::None), "removeprefix() argument")?;
    Ok(s(st.strip_prefix(pre).unwrap_or(&st)))
}

pub(super) fn str_removesuffix(_vm: &mut Vm<'_>, args: Args) -> R {
    let (recv, p) = parse(args, "str.removesuffix", &["suffix"], 1, false)?;
    let st = recv_str(&recv)?;
    let suf = as_str(p.raw(0).unwrap_or(&Value::None), "removesuffix() argument")?;
    Ok(s(st.strip_suffix(suf).unwrap_or(&st)))
}
