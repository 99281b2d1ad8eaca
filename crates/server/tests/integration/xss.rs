#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! XSS battery (issue 5, item 7): payloads typed into a field of every datatype of
//! `fixtures/xss.yml` and shown back in question text, subquestions, notes, choice labels,
//! a review screen, tables, the page `<title>` and a final screen must come back inert, and
//! template syntax in an answer is shown literally, never evaluated.
//!
//! The oracle ([`support::xss_violations`]) scans every tag of the page the way a browser
//! would start one (`<` + letter) and flags script-capable tags, `on*` attributes, inline
//! styles and `javascript:`-like URLs; `oracle_catches_unescaped_output` proves it fails
//! on deliberately unescaped output, so the battery would fail if escaping were removed.

use crate::support;

use std::collections::BTreeMap;

use axum::http::StatusCode;
use support::*;

/// The payloads; each is sent prefixed with a marker `MARK<n>_` so its display can be found.
const PAYLOADS: &[&str] = &[
    "<script>alert(1)</script>",
    "\"><img src=x onerror=alert(1)>",
    "'><svg/onload=alert(1)>",
    "</textarea><script>alert(1)</script>",
    "</title><script>alert(1)</script>",
    "<a href=\"javascript:alert(1)\">x</a>",
    "javascript:alert(1)",
    "[x](javascript:alert(1))",
    "[x](  JaVaScRiPt:alert(1)  )",
    "<javascript:alert(1)>",
    "![i](x \"onerror=alert(1)\")",
    "<img src=\"x\" onerror=\"alert(1)\">",
    "{{'zq'+'jx'}}",
    "${'zq'+'jx'}",
    "${ 'zq' + 'jx' }",
    "<%text>zq</%text>jx",
    "<% x = 'zq'+'jx' %>${x}",
    "${ '%s%s' % ('zq', 'jx') }",
    "% endif",
    "x\n% if False:\nHIDDEN\n% endif\ny",
    "${ __import__('os').getcwd() }",
    "\u{202e}<scr\u{200b}ipt>alert(1)</script>",
    "\u{ff1c}script\u{ff1e}alert(1)\u{ff1c}/script\u{ff1e}",
    "\u{0}<script>alert(1)</script>",
    "<<script>script>alert(1)<</script>/script>",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "<iframe src=//evil.example>",
    "<style>*{display:none}</style>",
    "<div style=\"background:url(javascript:alert(1))\">",
    "<!-- <script>alert(1)</script> -->",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
];

/// Values that the datatype accepts when the payload itself is refused (only for the
/// validated datatypes: text, area, password, hidden, the second text keep the payload).
fn fallback(var: &str) -> Option<&'static str> {
    Some(match var {
        "t_email" => "a@example.com",
        "t_number" => "12.5",
        "t_integer" => "7",
        "t_currency" => "1234.5",
        "t_date" => "2024-02-03",
        "t_time" => "13:14",
        "t_datetime" => "2024-02-03T13:14",
        "t_range" => "5",
        "t_yesno" | "t_noyes" => "True",
        "t_maybe" | "t_radio" | "t_dropdown" | "t_combo" | "t_other" | "t_pet" | "t_yours" => "0",
        _ => return None,
    })
}

/// The fields whose stored value must be the payload (free text of every kind).
const FREE_TEXT: &[&str] = &["t_text", "t_area", "t_password", "t_hidden", "t_text2"];

/// Template syntax evaluated anywhere would show this (not hex, so no token can contain it).
const EVALUATED: &str = "zqjx";

fn assert_inert(page: &str, what: &str) {
    let v = xss_violations(page);
    assert!(v.is_empty(), "{what}: active content {v:#?}\n{page}");
    assert!(
        !page.contains(EVALUATED),
        "{what}: template syntax in an answer was evaluated\n{page}"
    );
    assert!(
        !page.contains(&std::env::current_dir().unwrap().display().to_string()),
        "{what}: code in an answer ran"
    );
}

fn title_of(page: &str) -> String {
    let at = page.find("<title>").unwrap() + "<title>".len();
    page[at..].split("</title>").next().unwrap().to_string()
}

/// Names of the form's fields (decoded to variable names) → the raw field name.
fn fields(page: &str) -> BTreeMap<String, (String, Control)> {
    let mut out = BTreeMap::new();
    for c in controls(page) {
        let Some(name) = c.get("name") else { continue };
        if name.starts_with('_') {
            continue;
        }
        let var = b64_decode(name).unwrap_or_else(|| name.to_string());
        out.entry(var).or_insert((name.to_string(), c.clone()));
    }
    out
}

fn invalid_vars(page: &str) -> Vec<String> {
    controls(page)
        .into_iter()
        .filter(|c| c.get("aria-invalid") == Some("true"))
        .filter_map(|c| c.get("name").and_then(b64_decode))
        .collect()
}

/// One session through the whole battery with `payload`; returns the fields whose payload
/// the engine refused (and that got a valid value instead), and the final page.
async fn battery(app: &axum::Router, n: usize, payload: &str) -> (Vec<String>, String) {
    let url = url("xss.yml");
    let p = format!("MARK{n}_{payload}");
    let r = send(app, get(&url, None)).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert!(r.body.contains("Every datatype"), "{}", r.body);
    let cookie = cookie_of(&r);
    let csrf = csrf_of(&r.body);
    let token = attr_of_named(&r.body, "_question", "value").unwrap();
    let first = fields(&r.body);
    let base = vec![
        ("_csrf".to_string(), csrf.clone()),
        ("_question".to_string(), token),
    ];

    // A: the payload in every field (and as a multi-select choice): refused or taken, the
    // page that comes back is inert.
    let mut form = base.clone();
    for (raw, _) in first.values() {
        form.push((raw.clone(), p.clone()));
    }
    form.push(("_multiselect".into(), p.clone()));
    let r = send(app, post(&url, Some(&cookie), &form)).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_inert(&r.body, &format!("payload {n} in every field, re-shown"));

    // B: the payload in every free-text field, valid values elsewhere; payloads that a
    // datatype refuses are replaced by a valid value.
    let mut values: BTreeMap<String, String> = BTreeMap::new();
    for (var, (_, c)) in &first {
        let v = if var.contains('[') || c.get("type") == Some("checkbox") {
            "True".to_string()
        } else if FREE_TEXT.contains(&var.as_str())
            || matches!(var.as_str(), "t_email" | "t_combo" | "t_other")
        {
            p.clone()
        } else {
            fallback(var).unwrap_or("0").to_string()
        };
        values.insert(var.clone(), v);
    }
    values.remove("_nota_t_checks");
    let mut refused = Vec::new();
    let mut page = r.body;
    for _ in 0..3 {
        let token = attr_of_named(&page, "_question", "value").unwrap();
        let mut form = vec![
            ("_csrf".to_string(), csrf.clone()),
            ("_question".to_string(), token),
        ];
        for (var, v) in &values {
            form.push((first[var].0.clone(), v.clone()));
        }
        if let Some(o) = controls(&page).into_iter().find(|c| {
            c.tag == "option"
                && c.get("value")
                    .is_some_and(|v| b64_decode(v).is_some_and(|d| d.starts_with("t_multi")))
        }) {
            form.push(("_multiselect".into(), o.get("value").unwrap().to_string()));
        }
        let r = send(app, post(&url, Some(&cookie), &form)).await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        assert_inert(&r.body, &format!("payload {n}, first screen answered"));
        page = r.body;
        let bad = invalid_vars(&page);
        if bad.is_empty() {
            break;
        }
        for var in bad {
            assert!(
                !FREE_TEXT.contains(&var.as_str()),
                "free text {var} refused payload {n}: {page}"
            );
            let fb = fallback(&var).unwrap_or_else(|| panic!("no fallback for {var}: {page}"));
            values.insert(var.clone(), fb.to_string());
            refused.push(var);
        }
    }
    assert!(page.contains("About MARK"), "second screen: {page}");
    assert!(
        title_of(&page).contains(&format!("MARK{n}_")),
        "the answer is in the <title>: {}",
        title_of(&page)
    );

    // C: second screen: object choices and choices labelled with the answer.
    let second = fields(&page);
    let token = attr_of_named(&page, "_question", "value").unwrap();
    let mut form = vec![
        ("_csrf".to_string(), csrf.clone()),
        ("_question".to_string(), token),
    ];
    for (var, (raw, _)) in &second {
        let v = match var.as_str() {
            "t_text2" => p.clone(),
            v if v.starts_with("_nota") => continue,
            v if v.contains('[') => "True".to_string(),
            other => fallback(other).unwrap_or("0").to_string(),
        };
        form.push((raw.clone(), v));
    }
    let r = send(app, post(&url, Some(&cookie), &form)).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_inert(&r.body, &format!("payload {n}, review"));
    let page = r.body;
    if let Ok(dir) = std::env::var("XSS_DUMP") {
        std::fs::write(format!("{dir}/review_{n}.html"), &page).unwrap();
    }
    assert!(page.contains("Review MARK"), "review screen: {page}");
    assert!(
        page.contains("<table"),
        "the review screen has its tables: {page}"
    );
    let marks = page.matches(&format!("MARK{n}_")).count();
    assert!(
        marks >= 8,
        "only {marks} displays of the answer on the review screen: {page}"
    );

    // D: review screen → final screen.
    let token = attr_of_named(&page, "_question", "value").unwrap();
    let mut form = vec![
        ("_csrf".to_string(), csrf.clone()),
        ("_question".to_string(), token),
    ];
    for c in controls(&page) {
        if let (Some(name), Some(v)) = (c.get("name"), c.get("value")) {
            if c.tag == "button" && b64_decode(name).as_deref() == Some("review_done") {
                form.push((name.to_string(), v.to_string()));
            }
        }
    }
    let r = send(app, post(&url, Some(&cookie), &form)).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let page = r.body;
    if let Ok(dir) = std::env::var("XSS_DUMP") {
        std::fs::write(format!("{dir}/final_{n}.html"), &page).unwrap();
    }
    assert_inert(&page, &format!("payload {n}, final screen"));
    assert!(page.contains("Done, MARK"), "final screen: {page}");
    assert!(title_of(&page).contains(&format!("MARK{n}_")));
    // The final screen shows every free-text answer (and the multi-line one's hidden line:
    // `% if False:` in an answer is not a template directive).
    let marks = page.matches(&format!("MARK{n}_")).count();
    assert!(marks >= 8, "only {marks} displays of the answer: {page}");
    if payload.contains("HIDDEN") {
        assert!(
            page.contains("HIDDEN"),
            "an answer's `% if` was evaluated: {page}"
        );
    }
    // Reload (GET) shows the same inert page.
    let r = send(app, get(&url, Some(&cookie))).await;
    assert_inert(&r.body, &format!("payload {n}, final screen reloaded"));
    assert!(r.body.contains("Done, MARK"), "{}", r.body);
    (refused, page)
}

#[tokio::test]
async fn payloads_in_every_datatype_come_back_inert() {
    let app = app().await;
    let mut refused_by: BTreeMap<String, usize> = BTreeMap::new();
    for (n, payload) in PAYLOADS.iter().enumerate() {
        for var in battery(&app, n, payload).await.0 {
            *refused_by.entry(var).or_default() += 1;
        }
    }
    println!("payloads refused by datatype validation: {refused_by:?}");
}

#[tokio::test]
async fn template_syntax_in_answers_is_shown_literally() {
    let app = app().await;
    let (_, page) = battery(&app, 900, "${'zq'+'jx'} {{'zq'+'jx'}} <%text>zq</%text>").await;
    // Shown as typed (quotes made typographic by the Markdown step), never evaluated.
    for literal in ["${", "zq\u{2019}+\u{2018}jx", "{{", "&lt;%text&gt;"] {
        assert!(
            page.contains(literal),
            "{literal} not shown literally: {page}"
        );
    }
    assert!(!page.contains(EVALUATED));
}

#[test]
fn oracle_catches_unescaped_output() {
    // What the pages would contain if values were pasted in unescaped.
    for bad in [
        "<p>Hello <script>alert(1)</script></p>",
        "<input value=\"\"><img src=x onerror=alert(1)>\">",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<a href=\" JaVa\tScript:alert(1)\">x</a>",
        "<a href=javascript:alert(1)>x</a>",
        "<title></title><script>alert(1)</script></title>",
        "<svg/onload=alert(1)>",
        "<div style=\"x\">",
        "<iframe src=//evil>",
    ] {
        assert!(!xss_violations(bad).is_empty(), "the oracle misses {bad}");
    }
    // …and accepts the same payloads escaped.
    for good in [
        "<p>Hello &lt;script&gt;alert(1)&lt;/script&gt;</p>",
        "<input value=\"&quot;&gt;&lt;img src=x onerror=alert(1)&gt;\">",
        "<a href=\"/interview?i=x\">javascript:alert(1)</a>",
        "<title>&lt;/title&gt;&lt;script&gt;</title>",
    ] {
        assert!(xss_violations(good).is_empty(), "false alarm on {good}");
    }
    assert!(std::panic::catch_unwind(|| assert_inert("<p>zqjx</p>", "evaluated")).is_err());
}

/// The page `<title>` shows the answer as typed: escaped exactly once (the question text
/// arrives escaped; `to_plain` decodes it before the page escapes it again).
#[tokio::test]
async fn title_is_escaped_once() {
    let app = app().await;
    let (_, page) = battery(&app, 901, "<b>&").await;
    let title = title_of(&page);
    assert!(title.contains("MARK901_&lt;b&gt;&amp;"), "{title}");
}

/// Reflected XSS: payloads in the URL (the interview name shown on the error page, other
/// query parameters, the path of a 404, an `action`) come back inert.
#[tokio::test]
async fn payloads_in_the_url_come_back_inert() {
    let app = app().await;
    let enc = |s: &str| -> String { form_urlencoded::byte_serialize(s.as_bytes()).collect() };
    for (n, payload) in PAYLOADS.iter().enumerate() {
        let p = enc(&format!("MARK{n}_{payload}"));
        for path in [
            format!("/interview?i={p}"),
            format!("/interview?i=fixtures%3A{p}.yml"),
            format!("/interview?i=fixtures%3Axss.yml&x={p}&{p}=1"),
            format!("/interview?i=fixtures%3Axss.yml&action={p}"),
            format!("/interview?i=fixtures%3Axss.yml&reset=1&next={p}"),
            format!("/no/{p}"),
            format!("/packagestatic/{p}/{p}"),
        ] {
            let r = send(&app, get(&path, None)).await;
            assert_inert(&r.body, &format!("GET {path}"));
            if let Some(loc) = r.headers.get(axum::http::header::LOCATION) {
                let loc = loc.to_str().unwrap().to_ascii_lowercase();
                assert!(
                    loc.starts_with('/') && !loc.starts_with("//"),
                    "{path}: redirect off-site to {loc}"
                );
            }
        }
    }
}
