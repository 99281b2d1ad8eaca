//! Translation of Python regular-expression syntax into the `regex` crate's.

use super::*;

/// Translates Python regex syntax into the `regex` crate's, refusing what it
/// cannot express (backreferences, look-around, conditionals).
pub fn translate_regex(pat: &str) -> Result<String, Error> {
    translate_regex_with(pat, false)
}

/// [`translate_regex`]; with `dollar_nl` a `$` also matches before a final newline (CPython's
/// `$` without MULTILINE), which is exact when the subject has no other newline.
pub(super) fn translate_regex_with(pat: &str, dollar_nl: bool) -> Result<String, Error> {
    let chars: Vec<char> = pat.chars().collect();
    let mut out = String::with_capacity(pat.len() + 8);
    let mut i = 0;
    let mut in_class = false;
    let mut class_start = false;
    let mut class_pos = 0;
    // open groups (positions), and whether the last item can take a quantifier
    let mut parens: Vec<usize> = Vec::new();
    // capturing groups so far, and the named ones (name → group number)
    let mut groups = 0usize;
    let mut names: Vec<(String, usize)> = Vec::new();
    let mut can_repeat = false;
    // 0: last token not a quantifier; 1: after a quantifier; 2: after a lazy `?`
    let mut quant = 0u8;
    let quantifier = |at: usize, can_repeat: bool, quant: u8, c: char| -> Result<u8, Error> {
        match quant {
            1 if c == '?' => Ok(2),
            1 if c == '+' => Err(re_error(format!(
                "possessive quantifiers are not supported (at position {at})"
            ))),
            1 | 2 => Err(re_error(format!("multiple repeat at position {at}"))),
            _ if !can_repeat => Err(re_error(format!("nothing to repeat at position {at}"))),
            _ => Ok(1),
        }
    };
    while i < chars.len() {
        let c = chars[i];
        let first_in_class = class_start;
        class_start = false;
        if !in_class {
            match c {
                '*' | '+' | '?' => {
                    quant = quantifier(i, can_repeat, quant, c)?;
                    can_repeat = false;
                    out.push(c);
                    i += 1;
                    continue;
                }
                '{' | '\\' => {}
                '(' => {
                    parens.push(i);
                    can_repeat = false;
                    quant = 0;
                    if chars.get(i + 1) != Some(&'?') {
                        groups += 1;
                    }
                }
                ')' => {
                    if parens.pop().is_none() {
                        return Err(re_error(format!("unbalanced parenthesis at position {i}")));
                    }
                    can_repeat = true;
                    quant = 0;
                }
                '|' | '^' | '$' => {
                    can_repeat = false;
                    quant = 0;
                }
                _ => {
                    can_repeat = true;
                    quant = 0;
                }
            }
        }
        match c {
            '\\' => {
                let Some(&e) = chars.get(i + 1) else {
                    return Err(re_error(format!(
                        "bad escape (end of pattern) at position {i}"
                    )));
                };
                i += 2;
                if !in_class {
                    can_repeat = !matches!(e, 'A' | 'b' | 'B' | 'Z');
                    quant = 0;
                }
                escape(&chars, e, &mut i, in_class, &mut out)?;
                continue;
            }
            '[' if !in_class => {
                in_class = true;
                class_start = true;
                class_pos = i;
                out.push('[');
                if chars.get(i + 1) == Some(&'^') {
                    out.push('^');
                    i += 1;
                }
            }
            '[' => out.push_str("\\["),
            ']' if in_class && first_in_class => out.push_str("\\]"),
            ']' if in_class => {
                in_class = false;
                can_repeat = true;
                quant = 0;
                out.push(']');
            }
            '&' | '~' if in_class => {
                out.push('\\');
                out.push(c);
            }
            '-' if in_class && chars.get(i + 1) == Some(&'-') => out.push_str("\\-"),
            '(' if !in_class && chars.get(i + 1) == Some(&'?') => {
                extension(&chars, &mut i, &mut out, &mut parens, &mut groups, &mut names)?;
                continue;
            }
            '{' if !in_class => {
                if let Some((body, j)) = repetition(&chars, i) {
                    quant = quantifier(i, can_repeat, quant, '{')?;
                    can_repeat = false;
                    out.push('{');
                    out.push_str(&body);
                    out.push('}');
                    i = j + 1;
                    continue;
                }
                out.push_str("\\{");
                can_repeat = true;
                quant = 0;
            }
            '}' if !in_class => out.push_str("\\}"),
            '$' if !in_class && dollar_nl => out.push_str("(?m:$)"),
            c => out.push(c),
        }
        i += 1;
    }
    if in_class {
        return Err(re_error(format!(
            "unterminated character set at position {class_pos}"
        )));
    }
    if let Some(p) = parens.last() {
        return Err(re_error(format!(
            "missing ), unterminated subpattern at position {p}"
        )));
    }
    Ok(out)
}

/// Translates the escape `\e` whose letter is `e`; `*i` is just after it.
fn escape(chars: &[char], e: char, i: &mut usize, in_class: bool, out: &mut String) -> Result<(), Error> {
    let unsupported =
        |what: &str, at: usize| re_error(format!("{what} are not supported (at position {at})"));
    match e {
        '1'..='9' if !in_class => return Err(unsupported("backreferences", *i - 2)),
        '0'..='7' => {
            // octal escape (up to 3 digits)
            let mut n = e.to_digit(8).unwrap_or(0);
            let mut k = 0;
            while k < 2 && chars.get(*i).is_some_and(|c| c.is_digit(8)) {
                n = n * 8 + chars[*i].to_digit(8).unwrap_or(0);
                *i += 1;
                k += 1;
            }
            out.push_str(&format!("\\x{{{n:x}}}"));
        }
        'Z' if !in_class => out.push_str("\\z"),
        'A' | 'B' | 'Z' if in_class => {
            return Err(re_error(format!("bad escape \\{e} at position {}", *i - 2)))
        }
        'b' if in_class => out.push_str("\\x08"),
        'A' | 'b' | 'B' | 'd' | 'D' | 's' | 'S' | 'w' | 'W' | 'n' | 't' | 'r' | 'f' => {
            out.push('\\');
            out.push(e);
        }
        'v' => out.push_str("\\x0B"),
        'a' => out.push_str("\\x07"),
        'x' => {
            let hex: String = chars.get(*i..*i + 2).unwrap_or(&[]).iter().collect();
            if hex.len() != 2 || !hex.chars().all(|c| c.is_ascii_hexdigit()) {
                return Err(re_error(format!(
                    "incomplete escape \\x{hex} at position {}",
                    *i - 2
                )));
            }
            *i += 2;
            out.push_str(&format!("\\x{{{hex}}}"));
        }
        'u' | 'U' => {
            let n = if e == 'u' { 4 } else { 8 };
            let hex: String = chars.get(*i..*i + n).unwrap_or(&[]).iter().collect();
            if hex.len() != n || !hex.chars().all(|c| c.is_ascii_hexdigit()) {
                return Err(re_error(format!(
                    "incomplete escape \\{e}{hex} at position {}",
                    *i - 2
                )));
            }
            *i += n;
            out.push_str(&format!("\\x{{{hex}}}"));
        }
        'N' => return Err(unsupported("named unicode escapes (\\N{...})", *i - 2)),
        e if e.is_ascii_alphanumeric() => {
            return Err(re_error(format!("bad escape \\{e} at position {}", *i - 2)))
        }
        e => out.push_str(&format!("\\x{{{:x}}}", e as u32)),
    }
    Ok(())
}

/// Translates a `(?…` group opening at `*i` (look-around, backreferences, conditionals and
/// atomic groups are refused); leaves `*i` where translation goes on.
fn extension(
    chars: &[char],
    i: &mut usize,
    out: &mut String,
    parens: &mut Vec<usize>,
    groups: &mut usize,
    names: &mut Vec<(String, usize)>,
) -> Result<(), Error> {
    let unsupported =
        |what: &str, at: usize| re_error(format!("{what} are not supported (at position {at})"));
    let rest: String = chars[*i + 2..chars.len().min(*i + 6)].iter().collect();
    if rest.starts_with("P=") {
        return Err(unsupported("backreferences", *i));
    }
    if rest.starts_with('=')
        || rest.starts_with('!')
        || rest.starts_with("<=")
        || rest.starts_with("<!")
    {
        return Err(unsupported("look-ahead and look-behind assertions", *i));
    }
    if rest.starts_with('(') {
        return Err(unsupported("conditional patterns", *i));
    }
    if rest.starts_with('>') {
        return Err(unsupported("atomic groups", *i));
    }
    if rest.starts_with('#') {
        // comment group: skip to ')'
        parens.pop();
        while *i < chars.len() && chars[*i] != ')' {
            *i += 1;
        }
        *i += 1;
        return Ok(());
    }
    if rest.starts_with("P<") {
        *groups += 1;
        let name_start = *i + 4;
        let name: String = chars[name_start.min(chars.len())..]
            .iter()
            .take_while(|c| **c != '>')
            .collect();
        if let Some((_, was)) = names.iter().find(|(n, _)| *n == name) {
            return Err(re_error(format!(
                "redefinition of group name '{name}' as group {groups}; was group {was} at position {name_start}"
            )));
        }
        names.push((name, *groups));
    }
    if rest.starts_with("P<") || rest.starts_with(':') {
        out.push_str("(?");
        *i += 2;
        return Ok(());
    }
    // inline flags (?aiLmsux) or (?flags:...): drop a, L, u
    let mut j = *i + 2;
    out.push_str("(?");
    while let Some(&f) = chars.get(j) {
        match f {
            'i' | 'm' | 's' | 'x' | '-' => out.push(f),
            'a' | 'L' | 'u' => {}
            ':' | ')' => break,
            '<' => {
                let next = chars.get(j + 1).map(|c| c.to_string()).unwrap_or_default();
                return Err(re_error(format!(
                    "unknown extension ?<{next} at position {}",
                    *i + 1
                )));
            }
            _ => {
                return Err(re_error(format!(
                    "unknown extension ?{f} at position {}",
                    *i + 1
                )))
            }
        }
        j += 1;
    }
    if out.ends_with("(?") {
        // only dropped flags: make it a no-op group
        if chars.get(j) == Some(&')') {
            parens.pop();
            out.truncate(out.len() - 2);
            *i = j + 1;
            return Ok(());
        }
    }
    *i = j;
    return Ok(());
}

/// The body of a repetition `{m}`, `{m,}`, `{m,n}` or `{,n}` opening at `chars[at]` (with `{,n}`
/// spelled `{0,n}`) and the position of its `}`; `None` for a literal brace.
fn repetition(chars: &[char], at: usize) -> Option<(String, usize)> {
    let mut j = at + 1;
    let mut body = String::new();
    while let Some(&d) = chars.get(j) {
        if d.is_ascii_digit() || d == ',' {
            body.push(d);
            j += 1;
        } else {
            break;
        }
    }
    let valid = chars.get(j) == Some(&'}') && !body.is_empty() && body.matches(',').count() <= 1 && body != ",";
    if !valid {
        return None;
    }
    Some((if body.starts_with(',') { format!("0{body}") } else { body }, j))
}
