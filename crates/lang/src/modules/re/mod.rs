//! The `re` module on the linear-time `regex` crate: patterns, matches, `sub`, `split`, `findall`.

use super::*;

mod translate;

pub use self::translate::*;

pub(super) const RE_I: i64 = 2;
pub(super) const RE_L: i64 = 4;
pub(super) const RE_M: i64 = 8;
pub(super) const RE_S: i64 = 16;
pub(super) const RE_U: i64 = 32;
pub(super) const RE_X: i64 = 64;
pub(super) const RE_A: i64 = 256;

pub(super) fn re_module() -> Value {
    let f = |name: &'static str, func: NativeFn| (name, native(name, func));
    module(
        "re",
        vec![
            f("match", w_re_match),
            f("search", w_re_search),
            f("fullmatch", w_re_fullmatch),
            f("sub", w_re_sub),
            f("subn", w_re_subn),
            f("split", w_re_split),
            f("findall", w_re_findall),
            f("finditer", w_re_finditer),
            f("compile", w_re_compile),
            f("escape", re_escape),
            ("I", Value::Int(RE_I)),
            ("IGNORECASE", Value::Int(RE_I)),
            ("L", Value::Int(RE_L)),
            ("LOCALE", Value::Int(RE_L)),
            ("M", Value::Int(RE_M)),
            ("MULTILINE", Value::Int(RE_M)),
            ("S", Value::Int(RE_S)),
            ("DOTALL", Value::Int(RE_S)),
            ("U", Value::Int(RE_U)),
            ("UNICODE", Value::Int(RE_U)),
            ("X", Value::Int(RE_X)),
            ("VERBOSE", Value::Int(RE_X)),
            ("A", Value::Int(RE_A)),
            ("ASCII", Value::Int(RE_A)),
            ("NOFLAG", Value::Int(0)),
            ("Pattern", Value::Class(pattern_class())),
            ("Match", Value::Class(match_class())),
            ("error", Value::Class(re_error_class())),
        ],
    )
}

pub(super) fn re_error(msg: impl Into<String>) -> Error {
    exc(RE_ERROR, msg)
}

/// Class name of `re.error` (CPython prints it as `re.error`).
pub(super) const RE_ERROR: &str = "error";
/// Class name of `json.JSONDecodeError` (a ValueError).
pub(super) const JSON_ERROR: &str = "JSONDecodeError";

pub(super) fn re_error_class() -> Rc<Class> {
    cached_class("re.error", || {
        class_with(
            RE_ERROR,
            vec![crate::builtins::class("Exception")],
            None,
            Vec::new(),
        )
    })
}

pub(super) fn json_error_class() -> Rc<Class> {
    cached_class("json.JSONDecodeError", || {
        class_with(
            JSON_ERROR,
            vec![crate::builtins::class("ValueError")],
            None,
            Vec::new(),
        )
    })
}

/// Turns this module's `re.error` / `JSONDecodeError` errors into instances of the
/// module's exception classes, so that `except ValueError` / `except re.error` catch them.
pub(super) fn lift(vm: &mut Vm<'_>, r: R) -> R {
    match r {
        Err(Error::Exception { kind, message, .. }) if kind == RE_ERROR || kind == JSON_ERROR => {
            let class = if kind == RE_ERROR {
                re_error_class()
            } else {
                json_error_class()
            };
            let exc = crate::exception::new_exception(class, vec![Value::from_str(&message)]);
            Err(vm.raise_value(exc))
        }
        other => other,
    }
}

macro_rules! lifted {
    ($($name:ident => $inner:ident),* $(,)?) => {
        $(
            pub(super) fn $name(vm: &mut Vm<'_>, args: Args) -> R {
                // matching is linear in the text (the `regex` crate): charge its bytes
                for a in &args.positional {
                    if let Value::Str(s) = a {
                        vm.charge_bytes(s.len())?;
                    }
                }
                let r = $inner(vm, args);
                lift(vm, r)
            }
        )*
    };
}

lifted!(
    w_re_match => re_match, w_re_search => re_search, w_re_fullmatch => re_fullmatch,
    w_re_sub => re_sub, w_re_subn => re_subn, w_re_split => re_split, w_re_findall => re_findall,
    w_re_finditer => re_finditer, w_re_compile => re_compile,
    w_pat_match => pat_match, w_pat_search => pat_search, w_pat_fullmatch => pat_fullmatch,
    w_pat_sub => pat_sub, w_pat_subn => pat_subn, w_pat_split => pat_split,
    w_pat_findall => pat_findall, w_pat_finditer => pat_finditer, w_json_loads => json_loads,
);

#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum Mode {
    Search,
    Match,
    Full,
}

/// Compiled regexes by (pattern, flags, mode, `$` before a final newline).
pub(super) type RegexCache = HashMap<(String, i64, Mode, bool), Rc<regex::Regex>>;

thread_local! {
    static RE_CACHE: RefCell<RegexCache> = RefCell::new(HashMap::new());
}

/// The compiled regex for matching against `text`: CPython's `$` (no MULTILINE) also
/// matches before a final newline; that is emulated exactly when `text` has a single
/// newline at its end (the common case of a line of input).
pub(super) fn regex_for(pat: &str, flags: i64, mode: Mode, text: &str) -> Result<Rc<regex::Regex>, Error> {
    let dollar_nl = flags & RE_M == 0
        && pat.contains('$')
        && text.ends_with('\n')
        && text.bytes().filter(|b| *b == b'\n').count() == 1;
    compile_regex_with(pat, flags, mode, dollar_nl)
}

pub(super) fn compile_regex(pat: &str, flags: i64, mode: Mode) -> Result<Rc<regex::Regex>, Error> {
    compile_regex_with(pat, flags, mode, false)
}

pub(super) fn compile_regex_with(
    pat: &str,
    flags: i64,
    mode: Mode,
    dollar_nl: bool,
) -> Result<Rc<regex::Regex>, Error> {
    let key = (pat.to_string(), flags, mode, dollar_nl);
    if let Some(r) = RE_CACHE.with(|c| c.borrow().get(&key).cloned()) {
        return Ok(r);
    }
    let body = translate_regex_with(pat, dollar_nl)?;
    let full = match mode {
        Mode::Search => body,
        Mode::Match => format!(r"\A(?:{body})"),
        Mode::Full => format!(r"\A(?:{body})\z"),
    };
    let re = regex::RegexBuilder::new(&full)
        .case_insensitive(flags & RE_I != 0)
        .multi_line(flags & RE_M != 0)
        .dot_matches_new_line(flags & RE_S != 0)
        .ignore_whitespace(flags & RE_X != 0)
        .size_limit(1 << 22)
        .dfa_size_limit(1 << 22)
        .nest_limit(100)
        .build()
        .map_err(|e| {
            let msg = e.to_string();
            let last = msg
                .lines()
                .rfind(|l| !l.trim().is_empty())
                .unwrap_or("")
                .trim()
                .to_string();
            re_error(last.trim_start_matches("error: ").to_string())
        })?;
    let re = Rc::new(re);
    RE_CACHE.with(|c| {
        let mut c = c.borrow_mut();
        if c.len() > 256 {
            c.clear();
        }
        c.insert(key, re.clone());
    });
    Ok(re)
}

/// (pattern text, flags) from a pattern argument (str or compiled Pattern).
pub(super) fn pattern_of(v: &Value, flags: Option<&Value>) -> Result<(String, i64), Error> {
    let flags = match flags {
        None | Some(Value::None) => 0,
        Some(f) => f.to_index()?,
    };
    match v {
        Value::Str(p) => Ok((p.to_string(), flags)),
        Value::Object(o) if &*o.borrow().class.name == "re.Pattern" => {
            if flags != 0 {
                return Err(Error::value_error(
                    "cannot process flags argument with a compiled pattern",
                ));
            }
            let o = o.borrow();
            let p = match o.attrs.get("pattern") {
                Some(Value::Str(p)) => p.to_string(),
                _ => String::new(),
            };
            let f = match o.attrs.get("flags") {
                Some(Value::Int(f)) => *f,
                _ => 0,
            };
            Ok((p, f))
        }
        other => Err(Error::type_error(format!(
            "first argument must be string or compiled pattern, not {}",
            other.type_name()
        ))),
    }
}

pub(super) fn pattern_class() -> Rc<Class> {
    cached_class("re.Pattern", || {
        let m = |name: &'static str, f: NativeFn| (name, native(name, f));
        class_with(
            "re.Pattern",
            Vec::new(),
            None,
            vec![
                m("match", w_pat_match),
                m("search", w_pat_search),
                m("fullmatch", w_pat_fullmatch),
                m("sub", w_pat_sub),
                m("subn", w_pat_subn),
                m("split", w_pat_split),
                m("findall", w_pat_findall),
                m("finditer", w_pat_finditer),
                m("__repr__", pat_repr),
                m("__str__", pat_repr),
            ],
        )
    })
}

pub(super) fn match_class() -> Rc<Class> {
    cached_class("re.Match", || {
        let m = |name: &'static str, f: NativeFn| (name, native(name, f));
        class_with(
            "re.Match",
            Vec::new(),
            None,
            vec![
                m("group", m_group),
                m("groups", m_groups),
                m("groupdict", m_groupdict),
                m("start", m_start),
                m("end", m_end),
                m("span", m_span),
                m("__getitem__", m_getitem),
                m("__repr__", m_repr),
                m("__str__", m_repr),
            ],
        )
    })
}

pub(super) fn new_object(class: Rc<Class>, attrs: Vec<(&str, Value)>) -> Value {
    let mut map = IndexMap::default();
    for (k, v) in attrs {
        map.insert(Rc::from(k), v);
    }
    Value::Object(Rc::new(RefCell::new(Object {
        class,
        attrs: map,
        instance_name: None,
    })))
}

pub(super) fn group_names(re: &regex::Regex) -> Value {
    let mut d: Dict = IndexMap::default();
    for (i, name) in re.capture_names().enumerate() {
        if let Some(n) = name {
            d.insert(Key::Str(Rc::from(n)), Value::Int(i as i64));
        }
    }
    Value::dict(d)
}

pub(super) fn re_compile(_vm: &mut Vm<'_>, args: Args) -> R {
    let v = params(args, "compile", &["pattern", "flags"], 1)?;
    let p = arg(&v, 0);
    if let Value::Object(_) = p {
        pattern_of(&p, v[1].as_ref())?;
        return Ok(p);
    }
    let (pat, flags) = pattern_of(&p, v[1].as_ref())?;
    let re = compile_regex(&pat, flags, Mode::Search)?;
    Ok(new_object(
        pattern_class(),
        vec![
            ("pattern", s(&pat)),
            ("flags", Value::Int(flags | RE_U)),
            ("groups", Value::Int(re.captures_len() as i64 - 1)),
            ("groupindex", group_names(&re)),
        ],
    ))
}

pub(super) fn flag_names(flags: i64) -> String {
    let names = [
        (RE_I, "re.IGNORECASE"),
        (RE_L, "re.LOCALE"),
        (RE_M, "re.MULTILINE"),
        (RE_S, "re.DOTALL"),
        (RE_X, "re.VERBOSE"),
        (RE_A, "re.ASCII"),
    ];
    names
        .iter()
        .filter(|(f, _)| flags & f != 0)
        .map(|(_, n)| *n)
        .collect::<Vec<_>>()
        .join("|")
}

pub(super) fn pat_repr(_vm: &mut Vm<'_>, args: Args) -> R {
    let (pat, flags) = pattern_of(args.positional.first().unwrap_or(&Value::None), None)?;
    let names = flag_names(flags);
    Ok(ss(if names.is_empty() {
        format!("re.compile({})", s(&pat).repr())
    } else {
        format!("re.compile({}, {names})", s(&pat).repr())
    }))
}

/// Byte offset → char index, for increasing offsets.
pub(super) struct CharCursor<'a> {
    text: &'a str,
    ascii: bool,
    byte: usize,
    chars: usize,
}

impl<'a> CharCursor<'a> {
    fn new(text: &'a str) -> Self {
        CharCursor {
            text,
            ascii: text.is_ascii(),
            byte: 0,
            chars: 0,
        }
    }
    fn at(&mut self, b: usize) -> usize {
        if self.ascii {
            return b;
        }
        if b < self.byte {
            self.byte = 0;
            self.chars = 0;
        }
        self.chars += self.text.get(self.byte..b).map_or(0, |t| t.chars().count());
        self.byte = b;
        self.chars
    }
}

pub(super) fn make_match(
    re: &regex::Regex,
    caps: &regex::Captures<'_>,
    text: &Rc<str>,
    cursor: &mut CharCursor<'_>,
) -> Value {
    let mut spans = Vec::with_capacity(caps.len());
    for i in 0..caps.len() {
        spans.push(match caps.get(i) {
            Some(m) => {
                let a = cursor.at(m.start());
                let b = cursor.at(m.end());
                Value::tuple(vec![Value::Int(a as i64), Value::Int(b as i64)])
            }
            None => Value::None,
        });
    }
    let mut strs = Vec::with_capacity(caps.len());
    for i in 0..caps.len() {
        strs.push(caps.get(i).map_or(Value::None, |m| s(m.as_str())));
    }
    let lastindex = (1..caps.len()).rev().find(|i| caps.get(*i).is_some());
    new_object(
        match_class(),
        vec![
            ("string", Value::Str(text.clone())),
            (
                "lastindex",
                lastindex.map_or(Value::None, |i| Value::Int(i as i64)),
            ),
            ("_spans", Value::tuple(spans)),
            ("_groups", Value::tuple(strs)),
            ("_names", group_names(re)),
        ],
    )
}

pub(super) fn text_arg(v: &Value) -> Result<Rc<str>, Error> {
    match v {
        Value::Str(x) => Ok(x.clone()),
        other => Err(Error::type_error(format!(
            "expected string or bytes-like object, got '{}'",
            other.type_name()
        ))),
    }
}

pub(super) fn do_match(pat: &str, flags: i64, mode: Mode, text: &Rc<str>, pos: usize) -> R {
    let re = regex_for(pat, flags, mode, text)?;
    let start = byte_of_char(text, pos);
    // Anchored modes start at `pos`: search the suffix so that \A means `pos`.
    let result = if mode == Mode::Search || start == 0 {
        re.captures_at(text, start).map(|c| (c, 0))
    } else {
        None
    };
    if let Some((caps, _)) = result {
        let mut cursor = CharCursor::new(text);
        return Ok(make_match(&re, &caps, text, &mut cursor));
    }
    if mode != Mode::Search && start > 0 {
        let sub: Rc<str> = Rc::from(&text[start..]);
        if let Some(caps) = re.captures(&sub) {
            let m = make_match(&re, &caps, &sub, &mut CharCursor::new(&sub));
            shift_match(&m, pos as i64, text);
            return Ok(m);
        }
    }
    Ok(Value::None)
}

pub(super) fn shift_match(m: &Value, by: i64, text: &Rc<str>) {
    if let Value::Object(o) = m {
        let mut o = o.borrow_mut();
        if let Some(Value::Tuple(spans)) = o.attrs.get("_spans").cloned() {
            let shifted: Vec<Value> = spans
                .iter()
                .map(|sp| match sp {
                    Value::Tuple(t) if t.len() == 2 => {
                        let g = |v: &Value| if let Value::Int(i) = v { *i } else { 0 };
                        Value::tuple(vec![Value::Int(g(&t[0]) + by), Value::Int(g(&t[1]) + by)])
                    }
                    other => other.clone(),
                })
                .collect();
            o.attrs.insert(Rc::from("_spans"), Value::tuple(shifted));
        }
        o.attrs.insert(Rc::from("string"), Value::Str(text.clone()));
    }
}

pub(super) fn byte_of_char(text: &str, ci: usize) -> usize {
    if text.is_ascii() {
        return ci.min(text.len());
    }
    text.char_indices().nth(ci).map_or(text.len(), |(b, _)| b)
}

pub(super) fn re_match_mode(args: Args, fname: &str, mode: Mode) -> R {
    let v = params(args, fname, &["pattern", "string", "flags"], 2)?;
    let (pat, flags) = pattern_of(&arg(&v, 0), v[2].as_ref())?;
    let text = text_arg(&arg(&v, 1))?;
    do_match(&pat, flags, mode, &text, 0)
}

pub(super) fn re_match(_vm: &mut Vm<'_>, args: Args) -> R {
    re_match_mode(args, "match", Mode::Match)
}
pub(super) fn re_search(_vm: &mut Vm<'_>, args: Args) -> R {
    re_match_mode(args, "search", Mode::Search)
}
pub(super) fn re_fullmatch(_vm: &mut Vm<'_>, args: Args) -> R {
    re_match_mode(args, "fullmatch", Mode::Full)
}

pub(super) fn pat_match_mode(args: Args, fname: &str, mode: Mode) -> R {
    let mut pos = args.positional.into_iter();
    let recv = pos.next().unwrap_or(Value::None);
    let v = params(
        Args {
            positional: pos.collect(),
            keyword: args.keyword,
        },
        fname,
        &["string", "pos", "endpos"],
        1,
    )?;
    let (pat, flags) = pattern_of(&recv, None)?;
    let mut text = text_arg(&arg(&v, 0))?;
    if let Some(e) = v[2].as_ref() {
        let e = e.to_index()?.max(0) as usize;
        text = Rc::from(&text[..byte_of_char(&text, e)]);
    }
    let start = match v[1].as_ref() {
        Some(p) => p.to_index()?.max(0) as usize,
        None => 0,
    };
    do_match(&pat, flags, mode, &text, start)
}

pub(super) fn pat_match(_vm: &mut Vm<'_>, args: Args) -> R {
    pat_match_mode(args, "match", Mode::Match)
}
pub(super) fn pat_search(_vm: &mut Vm<'_>, args: Args) -> R {
    pat_match_mode(args, "search", Mode::Search)
}
pub(super) fn pat_fullmatch(_vm: &mut Vm<'_>, args: Args) -> R {
    pat_match_mode(args, "fullmatch", Mode::Full)
}

/// All matches as Python iterates them (an empty match right after another
/// match is allowed; after an empty match the search moves on one character).
pub(super) fn all_matches<'t>(re: &regex::Regex, text: &'t str, limit: usize) -> Vec<regex::Captures<'t>> {
    let mut out = Vec::new();
    let mut pos = 0;
    let mut must_advance = false;
    while pos <= text.len() && out.len() < limit {
        let Some(mut caps) = re.captures_at(text, pos) else {
            break;
        };
        let (mut a, mut b) = caps.get(0).map_or((pos, pos), |m| (m.start(), m.end()));
        if must_advance && a == pos && b == pos {
            let next = pos + text[pos..].chars().next().map_or(1, char::len_utf8);
            if next > text.len() {
                break;
            }
            let Some(c2) = re.captures_at(text, next) else {
                break;
            };
            caps = c2;
            (a, b) = caps.get(0).map_or((next, next), |m| (m.start(), m.end()));
        }
        must_advance = a == b;
        pos = b;
        out.push(caps);
    }
    out
}

pub(super) fn expand_template(re: &regex::Regex, repl: &str) -> Result<Vec<Result<String, usize>>, Error> {
    let mut parts: Vec<Result<String, usize>> = Vec::new();
    let mut lit = String::new();
    let chars: Vec<char> = repl.chars().collect();
    let ngroups = re.captures_len();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c != '\\' {
            lit.push(c);
            i += 1;
            continue;
        }
        let Some(&e) = chars.get(i + 1) else {
            return Err(re_error(format!(
                "bad escape (end of pattern) at position {i}"
            )));
        };
        let at = i;
        i += 2;
        let group = match e {
            'g' => {
                if chars.get(i) != Some(&'<') {
                    return Err(re_error(format!("missing < at position {}", i)));
                }
                let end = chars[i..].iter().position(|c| *c == '>').map(|p| p + i);
                let Some(end) = end else {
                    return Err(re_error(format!(
                        "missing >, unterminated name at position {}",
                        i + 1
                    )));
                };
                let name: String = chars[i + 1..end].iter().collect();
                i = end + 1;
                if let Ok(n) = name.parse::<usize>() {
                    n
                } else {
                    re.capture_names()
                        .position(|x| x == Some(name.as_str()))
                        .ok_or_else(|| exc("IndexError", format!("unknown group name '{name}'")))?
                }
            }
            '0' => {
                lit.push('\0');
                continue;
            }
            '1'..='9' => {
                let mut n = e.to_digit(10).unwrap_or(0) as usize;
                if let Some(d) = chars.get(i).and_then(|c| c.to_digit(10)) {
                    n = n * 10 + d as usize;
                    i += 1;
                }
                n
            }
            'n' => {
                lit.push('\n');
                continue;
            }
            't' => {
                lit.push('\t');
                continue;
            }
            'r' => {
                lit.push('\r');
                continue;
            }
            'f' => {
                lit.push('\u{c}');
                continue;
            }
            'v' => {
                lit.push('\u{b}');
                continue;
            }
            'a' => {
                lit.push('\u{7}');
                continue;
            }
            'b' => {
                lit.push('\u{8}');
                continue;
            }
            '\\' => {
                lit.push('\\');
                continue;
            }
            e if e.is_ascii_alphabetic() => {
                return Err(re_error(format!("bad escape \\{e} at position {at}")))
            }
            e => {
                lit.push('\\');
                lit.push(e);
                continue;
            }
        };
        if group >= ngroups {
            return Err(re_error(format!(
                "invalid group reference {group} at position {}",
                at + 1
            )));
        }
        if !lit.is_empty() {
            parts.push(Ok(std::mem::take(&mut lit)));
        }
        parts.push(Err(group));
    }
    if !lit.is_empty() {
        parts.push(Ok(lit));
    }
    Ok(parts)
}

/// Units of work one match costs (a match with its groups: about one step).
const WORK_PER_MATCH: usize = 16;

/// [`all_matches`] within the step budget: stops looking once the matches found would
/// exhaust it, and charges them (so a truncated list is never returned, the limit error is).
pub(super) fn budgeted_matches<'t>(
    vm: &mut Vm<'_>,
    re: &regex::Regex,
    text: &'t str,
    limit: usize,
) -> Result<Vec<regex::Captures<'t>>, Error> {
    let affordable = usize::try_from(vm.fuel_left()).unwrap_or(usize::MAX) / WORK_PER_MATCH + 1;
    let matches = all_matches(re, text, limit.min(affordable));
    vm.charge(matches.len().saturating_mul(WORK_PER_MATCH))?;
    Ok(matches)
}

pub(super) fn sub_impl(
    vm: &mut Vm<'_>,
    pat: &str,
    flags: i64,
    repl: &Value,
    text: &Rc<str>,
    count: i64,
) -> Result<(String, i64), Error> {
    let re = regex_for(pat, flags, Mode::Search, text)?;
    let template = match repl {
        Value::Str(r) => Some(expand_template(&re, r)?),
        _ => None,
    };
    let limit = if count <= 0 {
        usize::MAX
    } else {
        count as usize
    };
    let matches = budgeted_matches(vm, &re, text, limit)?;
    let mut out = String::new();
    let mut last = 0;
    let mut cursor = CharCursor::new(text);
    let n = matches.len() as i64;
    for caps in &matches {
        let Some(m) = caps.get(0) else { continue };
        out.push_str(&text[last..m.start()]);
        match &template {
            Some(parts) => {
                for p in parts {
                    match p {
                        Ok(l) => out.push_str(l),
                        Err(g) => out.push_str(caps.get(*g).map_or("", |x| x.as_str())),
                    }
                }
            }
            None => {
                let mo = make_match(&re, caps, text, &mut cursor);
                match vm.call(repl, Args::new(vec![mo]))? {
                    Value::Str(r) => out.push_str(&r),
                    other => {
                        return Err(Error::type_error(format!(
                            "expected str instance, {} found",
                            other.type_name()
                        )))
                    }
                }
            }
        }
        vm.check_len(out.len())?;
        last = m.end();
    }
    out.push_str(&text[last..]);
    vm.check_len(out.len())?;
    Ok((out, n))
}

pub(super) fn sub_args(args: Args, fname: &str, with_pattern: bool) -> Result<SubArgs, Error> {
    if with_pattern {
        let v = params(
            args,
            fname,
            &["pattern", "repl", "string", "count", "flags"],
            3,
        )?;
        let count = match v[3].as_ref() {
            Some(c) => c.to_index()?,
            None => 0,
        };
        Ok((
            arg(&v, 0),
            arg(&v, 1),
            text_arg(&arg(&v, 2))?,
            count,
            v[4].clone(),
        ))
    } else {
        let mut pos = args.positional.into_iter();
        let recv = pos.next().unwrap_or(Value::None);
        let v = params(
            Args {
                positional: pos.collect(),
                keyword: args.keyword,
            },
            fname,
            &["repl", "string", "count"],
            2,
        )?;
        let count = match v[2].as_ref() {
            Some(c) => c.to_index()?,
            None => 0,
        };
        Ok((recv, arg(&v, 0), text_arg(&arg(&v, 1))?, count, None))
    }
}

pub(super) fn sub_common(vm: &mut Vm<'_>, args: Args, fname: &str, with_pattern: bool, pair: bool) -> R {
    let (p, repl, text, count, flags) = sub_args(args, fname, with_pattern)?;
    let (pat, flags) = pattern_of(&p, flags.as_ref())?;
    let (out, n) = sub_impl(vm, &pat, flags, &repl, &text, count)?;
    Ok(if pair {
        Value::tuple(vec![ss(out), Value::Int(n)])
    } else {
        ss(out)
    })
}

pub(super) fn re_sub(vm: &mut Vm<'_>, args: Args) -> R {
    sub_common(vm, args, "sub", true, false)
}
pub(super) fn re_subn(vm: &mut Vm<'_>, args: Args) -> R {
    sub_common(vm, args, "subn", true, true)
}
pub(super) fn pat_sub(vm: &mut Vm<'_>, args: Args) -> R {
    sub_common(vm, args, "sub", false, false)
}
pub(super) fn pat_subn(vm: &mut Vm<'_>, args: Args) -> R {
    sub_common(vm, args, "subn", false, true)
}

pub(super) fn split_impl(vm: &mut Vm<'_>, pat: &str, flags: i64, text: &str, maxsplit: i64) -> R {
    let re = regex_for(pat, flags, Mode::Search, text)?;
    let limit = if maxsplit <= 0 {
        usize::MAX
    } else {
        maxsplit as usize
    };
    let mut out = Vec::new();
    let mut last = 0;
    for caps in budgeted_matches(vm, &re, text, limit)? {
        let Some(m) = caps.get(0) else { continue };
        out.push(s(&text[last..m.start()]));
        for g in 1..caps.len() {
            out.push(caps.get(g).map_or(Value::None, |x| s(x.as_str())));
        }
        vm.check_len(out.len())?;
        last = m.end();
    }
    out.push(s(&text[last..]));
    Ok(Value::list(out))
}

pub(super) fn re_split(vm: &mut Vm<'_>, args: Args) -> R {
    let v = params(
        args,
        "split",
        &["pattern", "string", "maxsplit", "flags"],
        2,
    )?;
    let (pat, flags) = pattern_of(&arg(&v, 0), v[3].as_ref())?;
    let text = text_arg(&arg(&v, 1))?;
    let max = match v[2].as_ref() {
        Some(m) => m.to_index()?,
        None => 0,
    };
    split_impl(vm, &pat, flags, &text, max)
}

pub(super) fn pat_split(vm: &mut Vm<'_>, args: Args) -> R {
    let mut pos = args.positional.into_iter();
    let recv = pos.next().unwrap_or(Value::None);
    let v = params(
        Args {
            positional: pos.collect(),
            keyword: args.keyword,
        },
        "split",
        &["string", "maxsplit"],
        1,
    )?;
    let (pat, flags) = pattern_of(&recv, None)?;
    let text = text_arg(&arg(&v, 0))?;
    let max = match v[1].as_ref() {
        Some(m) => m.to_index()?,
        None => 0,
    };
    split_impl(vm, &pat, flags, &text, max)
}

pub(super) fn findall_impl(vm: &mut Vm<'_>, pat: &str, flags: i64, text: &Rc<str>, iter: bool) -> R {
    let re = regex_for(pat, flags, Mode::Search, text)?;
    let matches = budgeted_matches(vm, &re, text, usize::MAX)?;
    vm.new_items(matches.len())?;
    let mut out = Vec::with_capacity(matches.len());
    let mut cursor = CharCursor::new(text);
    for caps in &matches {
        if iter {
            out.push(make_match(&re, caps, text, &mut cursor));
            continue;
        }
        let g = |i: usize| s(caps.get(i).map_or("", |m| m.as_str()));
        out.push(match caps.len() {
            1 => g(0),
            2 => g(1),
            n => Value::tuple((1..n).map(g).collect()),
        });
    }
    if iter {
        return Ok(Value::Iter(Rc::new(RefCell::new(
            crate::value::IterState {
                items: out,
                pos: 0,
                ..Default::default()
            },
        ))));
    }
    Ok(Value::list(out))
}

pub(super) fn re_findall(vm: &mut Vm<'_>, args: Args) -> R {
    let v = params(args, "findall", &["pattern", "string", "flags"], 2)?;
    let (pat, flags) = pattern_of(&arg(&v, 0), v[2].as_ref())?;
    findall_impl(vm, &pat, flags, &text_arg(&arg(&v, 1))?, false)
}

/// `re.finditer`: an iterator over match objects (computed eagerly).
pub(super) fn re_finditer(vm: &mut Vm<'_>, args: Args) -> R {
    let v = params(args, "finditer", &["pattern", "string", "flags"], 2)?;
    let (pat, flags) = pattern_of(&arg(&v, 0), v[2].as_ref())?;
    findall_impl(vm, &pat, flags, &text_arg(&arg(&v, 1))?, true)
}

pub(super) fn pat_findall_mode(vm: &mut Vm<'_>, args: Args, iter: bool) -> R {
    let mut pos = args.positional.into_iter();
    let recv = pos.next().unwrap_or(Value::None);
    let v = params(
        Args {
            positional: pos.collect(),
            keyword: args.keyword,
        },
        "findall",
        &["string"],
        1,
    )?;
    let (pat, flags) = pattern_of(&recv, None)?;
    findall_impl(vm, &pat, flags, &text_arg(&arg(&v, 0))?, iter)
}

pub(super) fn pat_findall(vm: &mut Vm<'_>, args: Args) -> R {
    pat_findall_mode(vm, args, false)
}
pub(super) fn pat_finditer(vm: &mut Vm<'_>, args: Args) -> R {
    pat_findall_mode(vm, args, true)
}

pub(super) fn re_escape(_vm: &mut Vm<'_>, args: Args) -> R {
    let v = params(args, "escape", &["pattern"], 1)?;
    let text = text_arg(&arg(&v, 0))?;
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if "()[]{}?*+-|^$\\.&~# \t\n\r\u{b}\u{c}".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    Ok(ss(out))
}

pub(super) struct MatchData {
    spans: Vec<Option<(i64, i64)>>,
    groups: Vec<Value>,
    names: Value,
}

pub(super) fn match_data(v: &Value) -> Result<MatchData, Error> {
    let Value::Object(o) = v else {
        return Err(Error::type_error("descriptor requires a 're.Match' object"));
    };
    let o = o.borrow();
    let spans = match o.attrs.get("_spans") {
        Some(Value::Tuple(t)) => t
            .iter()
            .map(|sp| match sp {
                Value::Tuple(p) if p.len() == 2 => match (&p[0], &p[1]) {
                    (Value::Int(a), Value::Int(b)) => Some((*a, *b)),
                    _ => None,
                },
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    };
    let groups = match o.attrs.get("_groups") {
        Some(Value::Tuple(t)) => t.to_vec(),
        _ => Vec::new(),
    };
    Ok(MatchData {
        spans,
        groups,
        names: o.attrs.get("_names").cloned().unwrap_or(Value::None),
    })
}

impl MatchData {
    fn index(&self, g: &Value) -> Result<usize, Error> {
        let idx = match g {
            Value::Int(i) if *i >= 0 => Some(*i as usize),
            Value::Bool(b) => Some(*b as usize),
            Value::Str(name) => match &self.names {
                Value::Dict(d) => match d.borrow().get(&Key::Str(name.clone())) {
                    Some(Value::Int(i)) => Some(*i as usize),
                    _ => None,
                },
                _ => None,
            },
            _ => None,
        };
        idx.filter(|i| *i < self.groups.len())
            .ok_or_else(|| exc("IndexError", "no such group"))
    }
}

pub(super) fn split_recv(args: Args) -> (Value, Args) {
    let mut pos = args.positional.into_iter();
    let recv = pos.next().unwrap_or(Value::None);
    (
        recv,
        Args {
            positional: pos.collect(),
            keyword: args.keyword,
        },
    )
}

pub(super) fn m_group(_vm: &mut Vm<'_>, args: Args) -> R {
    let (recv, rest) = split_recv(args);
    let md = match_data(&recv)?;
    match rest.positional.len() {
        0 => Ok(md.groups.first().cloned().unwrap_or(Value::None)),
        1 => Ok(md.groups[md.index(&rest.positional[0])?].clone()),
        _ => {
            let mut out = Vec::new();
            for g in &rest.positional {
                out.push(md.groups[md.index(g)?].clone());
            }
            Ok(Value::tuple(out))
        }
    }
}

pub(super) fn m_getitem(_vm: &mut Vm<'_>, args: Args) -> R {
    let (recv, rest) = split_recv(args);
    let md = match_data(&recv)?;
    let g = rest.positional.first().cloned().unwrap_or(Value::Int(0));
    Ok(md.groups[md.index(&g)?].clone())
}

pub(super) fn m_groups(_vm: &mut Vm<'_>, args: Args) -> R {
    let (recv, rest) = split_recv(args);
    let v = params(rest, "groups", &["default"], 0)?;
    let default = arg(&v, 0);
    let md = match_data(&recv)?;
    Ok(Value::tuple(
        md.groups
            .iter()
            .skip(1)
            .map(|g| {
                if matches!(g, Value::None) {
                    default.clone()
                } else {
                    g.clone()
                }
            })
            .collect(),
    ))
}

pub(super) fn m_groupdict(_vm: &mut Vm<'_>, args: Args) -> R {
    let (recv, rest) = split_recv(args);
    let v = params(rest, "groupdict", &["default"], 0)?;
    let default = arg(&v, 0);
    let md = match_data(&recv)?;
    let mut d: Dict = IndexMap::default();
    if let Value::Dict(names) = &md.names {
        for (k, idx) in names.borrow().iter() {
            if let Value::Int(i) = idx {
                let g = md.groups.get(*i as usize).cloned().unwrap_or(Value::None);
                d.insert(
                    k.clone(),
                    if matches!(g, Value::None) {
                        default.clone()
                    } else {
                        g
                    },
                );
            }
        }
    }
    Ok(Value::dict(d))
}

pub(super) fn span_of(args: Args) -> Result<(i64, i64), Error> {
    let (recv, rest) = split_recv(args);
    let md = match_data(&recv)?;
    let g = rest.positional.first().cloned().unwrap_or(Value::Int(0));
    Ok(md.spans[md.index(&g)?].unwrap_or((-1, -1)))
}

pub(super) fn m_start(_vm: &mut Vm<'_>, args: Args) -> R {
    Ok(Value::Int(span_of(args)?.0))
}
pub(super) fn m_end(_vm: &mut Vm<'_>, args: Args) -> R {
    Ok(Value::Int(span_of(args)?.1))
}
pub(super) fn m_span(_vm: &mut Vm<'_>, args: Args) -> R {
    let (a, b) = span_of(args)?;
    Ok(Value::tuple(vec![Value::Int(a), Value::Int(b)]))
}

pub(super) fn m_repr(_vm: &mut Vm<'_>, args: Args) -> R {
    let md = match_data(args.positional.first().unwrap_or(&Value::None))?;
    let (a, b) = md.spans.first().copied().flatten().unwrap_or((0, 0));
    let m = md.groups.first().cloned().unwrap_or(Value::None);
    Ok(ss(format!(
        "<re.Match object; span=({a}, {b}), match={}>",
        m.repr()
    )))
}
