//! The small part of Jinja2 that docassemble applies to interview files starting with
//! `# use jinja`: `{% include "file" %}`, `{{ __filename__ }}`-style variables and
//! `{# comments #}`. Anything else is refused with a clear message.

/// Variables available to `{{ }}` (name → value).
pub(crate) type Vars<'a> = &'a [(&'a str, String)];

/// Why expansion failed: a 1-based line of the source and a reason.
pub(crate) struct JinjaError {
    pub line: u32,
    pub message: String,
}

/// Most nested includes.
const MAX_DEPTH: usize = 10;
/// Largest expanded text.
const MAX_LEN: usize = 16 * 1024 * 1024;

/// Expands `source`. `include(name)` returns the text of an included template.
pub(crate) fn expand(
    source: &str,
    vars: Vars<'_>,
    include: &mut dyn FnMut(&str) -> Result<String, String>,
    depth: usize,
) -> Result<String, JinjaError> {
    let mut out = String::with_capacity(source.len());
    let mut rest = source;
    let line_of =
        |rest: &str| (source[..source.len() - rest.len()].matches('\n').count() + 1) as u32;
    while let Some(i) = rest.find('{') {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        let (close, kind) = if tail.starts_with("{{") {
            ("}}", 'v')
        } else if tail.starts_with("{%") {
            ("%}", 's')
        } else if tail.starts_with("{#") {
            ("#}", 'c')
        } else {
            out.push('{');
            rest = &tail[1..];
            continue;
        };
        let line = line_of(tail);
        let Some(end) = tail[2..].find(close) else {
            return Err(JinjaError {
                line,
                message: format!("Jinja2: unclosed '{}'", &tail[..2]),
            });
        };
        let inner = tail[2..2 + end].trim().trim_matches('-').trim();
        rest = &tail[2 + end + 2..];
        match kind {
            'c' => {}
            'v' => match vars.iter().find(|(k, _)| *k == inner) {
                Some((_, v)) => out.push_str(v),
                None => {
                    return Err(JinjaError {
                        line,
                        message: format!("unsupported Jinja2 expression '{{{{ {inner} }}}}' (only the __…__ variables are supported)"),
                    })
                }
            },
            _ => {
                let Some(arg) = inner.strip_prefix("include") else {
                    return Err(JinjaError {
                        line,
                        message: format!("unsupported Jinja2 statement '{{% {inner} %}}' (only include is supported)"),
                    });
                };
                let name = arg.trim().trim_matches(|c| c == '"' || c == '\'');
                if depth >= MAX_DEPTH {
                    return Err(JinjaError { line, message: "Jinja2 includes nested too deeply".into() });
                }
                let text = include(name).map_err(|m| JinjaError { line, message: m })?;
                let expanded = expand(&text, vars, include, depth + 1)
                    .map_err(|e| JinjaError { line, message: format!("in {name}, line {}: {}", e.line, e.message) })?;
                // Jinja drops one trailing newline of a template
                out.push_str(expanded.strip_suffix('\n').unwrap_or(&expanded));
            }
        }
        if out.len() > MAX_LEN {
            return Err(JinjaError {
                line,
                message: "Jinja2 expansion too large".into(),
            });
        }
    }
    out.push_str(rest);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expands_includes_variables_and_comments() {
        let vars = [("__filename__", "pkg:data/questions/a.yml".to_string())];
        let mut inc = |name: &str| {
            if name == "b.yml" {
                Ok("question: {{ __filename__ }}\n".to_string())
            } else {
                Err(format!("no {name}"))
            }
        };
        let out = expand(
            "# use jinja\n{% include \"b.yml\" %}\n{# hidden #}x: {a: 1}\n",
            &vars,
            &mut inc,
            0,
        )
        .ok()
        .unwrap();
        assert_eq!(
            out,
            "# use jinja\nquestion: pkg:data/questions/a.yml\nx: {a: 1}\n"
        );
        let e = expand("a\n{% if x %}", &vars, &mut inc, 0).err().unwrap();
        assert_eq!(e.line, 2);
        assert!(expand("{{ user }}", &vars, &mut inc, 0).is_err());
        assert!(expand("{% include 'c.yml' %}", &vars, &mut inc, 0).is_err());
    }
}
