//! A small HTTP/1.1 load client for `colloquy serve` (issue 3, item 8).
//!
//! Four workloads, each for `--duration` seconds at each connection count:
//! * `static` — `GET /static/colloquy.css` (the baseline: same server, no interview logic);
//! * `fresh`  — `GET /interview?i=DEMO` without a cookie: a new session every request;
//! * `walk`   — a browser-like walk through the demo interview: one fresh GET, then one
//!   POST per screen answering it (the answer-and-advance step), parsing each form;
//! * `download` (only when asked for with `--only`) — each connection opens a session of
//!   `--document-interview` (default: docassemble's `attachment-simple.yml`, a one-screen
//!   interview with a PDF), downloads its first document once (made and sealed then), and
//!   then downloads it again and again: the document served from the store's cache.
//!
//! For another interview than the demo (`--interview REF`), `walk` answers every screen
//! generically (the first choice, a number, a date, some text) until a screen without a
//! form or one that does not advance.
//!
//! With `--server-pid PID[,PID…]` it also reads the server's CPU time (utime + stime of
//! `/proc/PID/stat`, all threads, of each process given and of its descendants) before and
//! after each run and prints the CPU per request and the ratios to the static file;
//! `--summary FILE` writes those ratios as `key value` lines (what `scripts/bench-check`
//! compares with `bench/ratios.txt`).
//!
//! The same client measures docassemble itself (`--static-path /static/app/app.min.css`,
//! the pids of gunicorn, PostgreSQL and Redis): the walk keeps every cookie a response sets,
//! posts the form's hidden fields back, and finds the question by `id="daMainQuestion"`,
//! which both servers write.
//!
//! Usage: `cargo run --release -p server --example loadgen -- [--url http://127.0.0.1:8080]
//! [--duration 20] [--connections 1,8] [--only static,fresh,walk,download] [--interview REF]
//! [--document-interview REF] [--static-path PATH] [--server-pid PID[,PID…]] [--summary FILE]`
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::borrow::Cow;

// The client's own CPU counts against the server's on a small machine: the same allocator
// as the server's binary (glibc's malloc was a sixth of the client's CPU in a walk).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
use std::time::{Duration, Instant};

use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;

const DEMO: &str = "docassemble.colloquydemo:data/questions/intake.yml";
const DOCUMENT: &str = "docassemble.base:data/questions/examples/attachment-simple.yml";

struct Resp {
    status: u16,
    cookies: Vec<String>,
    body: String,
}

struct Conn {
    addr: String,
    host: String,
    stream: Option<BufReader<TcpStream>>,
}

impl Conn {
    fn new(addr: &str) -> Conn {
        Conn {
            addr: addr.to_string(),
            host: addr.to_string(),
            stream: None,
        }
    }

    async fn request(
        &mut self,
        method: &str,
        path: &str,
        cookie: Option<&str>,
        body: Option<&str>,
    ) -> Result<Resp, String> {
        for attempt in 0..2 {
            if self.stream.is_none() {
                let s = TcpStream::connect(&self.addr)
                    .await
                    .map_err(|e| e.to_string())?;
                s.set_nodelay(true).ok();
                self.stream = Some(BufReader::new(s));
            }
            match self.try_request(method, path, cookie, body).await {
                Ok(r) => return Ok(r),
                Err(e) => {
                    self.stream = None;
                    if attempt == 1 {
                        return Err(e);
                    }
                }
            }
        }
        Err("unreachable".into())
    }

    async fn try_request(
        &mut self,
        method: &str,
        path: &str,
        cookie: Option<&str>,
        body: Option<&str>,
    ) -> Result<Resp, String> {
        let stream = self.stream.as_mut().ok_or("no connection")?;
        let mut req = format!(
            "{method} {path} HTTP/1.1\r\nHost: {}\r\nUser-Agent: colloquy-loadgen\r\n",
            self.host
        );
        if let Some(c) = cookie {
            req.push_str(&format!("Cookie: {c}\r\n"));
        }
        if let Some(b) = body {
            req.push_str(&format!(
                "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\n{b}",
                b.len()
            ));
        } else {
            req.push_str("\r\n");
        }
        stream
            .get_mut()
            .write_all(req.as_bytes())
            .await
            .map_err(|e| e.to_string())?;
        let mut line = String::new();
        stream
            .read_line(&mut line)
            .await
            .map_err(|e| e.to_string())?;
        let status: u16 = line
            .split_whitespace()
            .nth(1)
            .and_then(|s| s.parse().ok())
            .ok_or_else(|| format!("bad status line {line:?}"))?;
        let mut len: Option<usize> = None;
        let mut chunked = false;
        let mut close = false;
        let mut cookies = Vec::new();
        loop {
            line.clear();
            stream
                .read_line(&mut line)
                .await
                .map_err(|e| e.to_string())?;
            let l = line.trim_end();
            if l.is_empty() {
                break;
            }
            if let Some((k, v)) = l.split_once(':') {
                let (k, v) = (k.trim().to_ascii_lowercase(), v.trim());
                match k.as_str() {
                    "content-length" => len = v.parse().ok(),
                    "transfer-encoding" => chunked = v.eq_ignore_ascii_case("chunked"),
                    "connection" => close = v.eq_ignore_ascii_case("close"),
                    "set-cookie" => cookies.push(v.to_string()),
                    _ => {}
                }
            }
        }
        let mut body = Vec::new();
        if chunked {
            loop {
                line.clear();
                stream
                    .read_line(&mut line)
                    .await
                    .map_err(|e| e.to_string())?;
                let n = usize::from_str_radix(line.trim(), 16).map_err(|e| e.to_string())?;
                let mut chunk = vec![0u8; n + 2];
                stream
                    .read_exact(&mut chunk)
                    .await
                    .map_err(|e| e.to_string())?;
                if n == 0 {
                    break;
                }
                body.extend_from_slice(&chunk[..n]);
            }
        } else if let Some(n) = len {
            // `take` + `read_to_end`: no zeroed buffer to fill again
            body.reserve_exact(n);
            let got = (&mut *stream)
                .take(n as u64)
                .read_to_end(&mut body)
                .await
                .map_err(|e| e.to_string())?;
            if got < n {
                return Err(format!("body ended after {got} of {n} bytes"));
            }
        }
        if close {
            self.stream = None;
        }
        Ok(Resp {
            status,
            cookies,
            body: String::from_utf8(body).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()),
        })
    }
}

// ---- a tiny reader of our own form markup -------------------------------------------------
//
// The client shares two cores with the server at eight connections, so every microsecond it
// spends reading a page is one the server does not get: the reader borrows from the page
// and allocates only for the few values that hold an entity.

fn unescape(s: &str) -> Cow<'_, str> {
    if !s.contains('&') {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&amp;", "&"),
    )
}

/// A tag's `name="value"` attributes, in order (a few per tag: a list is cheaper than a map).
#[derive(Clone, Default)]
struct Attrs<'a>(Vec<(&'a str, Cow<'a, str>)>);

impl<'a> Attrs<'a> {
    fn get(&self, name: &str) -> Option<&str> {
        self.0.iter().find(|(n, _)| *n == name).map(|(_, v)| v.as_ref())
    }

    fn contains_key(&self, name: &str) -> bool {
        self.get(name).is_some()
    }

    /// The value of `name`, borrowed from the page when it holds no entity.
    fn cow(&self, name: &str) -> Cow<'a, str> {
        self.0
            .iter()
            .find(|(n, _)| *n == name)
            .map_or(Cow::Borrowed(""), |(_, v)| v.clone())
    }

    fn insert(&mut self, name: &'a str, value: Cow<'a, str>) {
        match self.0.iter_mut().find(|(n, _)| *n == name) {
            Some(slot) => slot.1 = value,
            None => self.0.push((name, value)),
        }
    }
}

fn attrs(tag: &str) -> Attrs<'_> {
    let bytes = tag.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(eq) = bytes[i..].windows(2).position(|w| w == b"=\"") {
        let eq = i + eq;
        let name_start = bytes[..eq]
            .iter()
            .rposition(|b| b.is_ascii_whitespace())
            .map_or(0, |p| p + 1);
        let value_start = eq + 2;
        let Some(len) = bytes[value_start..].iter().position(|&b| b == b'"') else { break };
        out.push((&tag[name_start.max(i)..eq], unescape(&tag[value_start..value_start + len])));
        i = value_start + len + 1;
    }
    Attrs(out)
}

fn strip_tags(s: &str) -> Cow<'_, str> {
    if !s.contains('<') {
        return unescape(s.trim());
    }
    let mut out = String::new();
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    Cow::Owned(unescape(out.trim()).into_owned())
}

/// A name and a value (or an id and a name) read from the page.
type Pair<'a> = (Cow<'a, str>, Cow<'a, str>);

/// A page's form, borrowed from the page.
#[derive(Default)]
struct Form<'a> {
    hidden: Vec<Pair<'a>>,
    /// (id, name, value) of each visible input
    inputs: Vec<(Cow<'a, str>, Cow<'a, str>, Cow<'a, str>)>,
    /// (the label's markup, the id it is for): its text is made only when looked up
    labels: Vec<(&'a str, Cow<'a, str>)>,
    /// (the button's markup, its name and value)
    buttons: Vec<(&'a str, Option<Pair<'a>>)>,
    /// every visible control in page order: its attributes, `_tag` (input/textarea/select)
    /// and, for a select, `_first` (its first non-empty option)
    controls: Vec<Attrs<'a>>,
}

impl<'a> Form<'a> {
    /// The id of the control whose label reads `text`.
    fn labelled(&self, text: &str) -> Option<&str> {
        self.labels
            .iter()
            .find(|(markup, _)| strip_tags(markup) == text)
            .map(|(_, id)| id.as_ref())
    }

    /// (name, value) of the visible input `id`.
    fn input(&self, id: &str) -> Option<(&str, &str)> {
        self.inputs
            .iter()
            .find(|(i, _, _)| i == id)
            .map(|(_, n, v)| (n.as_ref(), v.as_ref()))
    }
}

fn parse_form(html: &str) -> Option<Form<'_>> {
    let id = html.find("id=\"daform\"")?;
    let start = html[..id].rfind("<form")?;
    let end = html[start..].find("</form>")? + start;
    let f = &html[start..end];
    let mut form = Form::default();
    let bytes = f.as_bytes();
    let mut i = 0;
    while let Some(lt) = f[i..].find('<') {
        let at = i + lt;
        let name_end = bytes[at + 1..]
            .iter()
            .position(|b| !b.is_ascii_alphanumeric())
            .map_or(bytes.len(), |p| at + 1 + p);
        let name = &f[at + 1..name_end];
        // the other tags (and closing tags) are passed over without looking for their end
        if !matches!(name, "option" | "input" | "textarea" | "select" | "label" | "button") {
            i = at + 1;
            continue;
        }
        let Some(gt) = f[name_end..].find('>') else { break };
        let tag = &f[at..name_end + gt + 1];
        i = name_end + gt + 1;
        match name {
            "option" => {
                let a = attrs(tag);
                if let Some(c) = form.controls.last_mut() {
                    if c.get("_tag") == Some("select") && !c.contains_key("_first") {
                        if let Some(v) = a.0.into_iter().find(|(n, _)| *n == "value").map(|(_, v)| v) {
                            if !v.is_empty() {
                                c.insert("_first", v);
                            }
                        }
                    }
                }
            }
            "input" | "textarea" | "select" => {
                let mut a = attrs(tag);
                let value = a.cow("value");
                let field = a.cow("name");
                let hidden = name == "input" && a.get("type") == Some("hidden");
                if hidden {
                    form.hidden.push((field, value));
                    continue;
                }
                if a.contains_key("id") {
                    form.inputs.push((a.cow("id"), field, value));
                }
                a.insert("_tag", Cow::Borrowed(name));
                form.controls.push(a);
            }
            "label" => {
                let a = attrs(tag);
                if let Some(close) = f[i..].find("</label>") {
                    if let Some((_, id)) = a.0.into_iter().find(|(n, _)| *n == "for") {
                        form.labels.push((&f[i..i + close], id));
                    }
                }
            }
            "button" => {
                let a = attrs(tag);
                if a.contains_key("form") {
                    continue;
                }
                if let Some(close) = f[i..].find("</button>") {
                    let nv = a.contains_key("name").then(|| (a.cow("name"), a.cow("value")));
                    form.buttons.push((&f[i..i + close], nv));
                }
            }
            _ => {}
        }
    }
    Some(form)
}

enum Act {
    Set(&'static str, &'static str),
    Choose(&'static str),
    Click(&'static str),
}

/// The answers of one walk through the demo, screen by screen.
fn demo_script() -> Vec<Vec<Act>> {
    use Act::*;
    vec![
        vec![Click("Start")],
        vec![
            Set("First name", "Ann"),
            Set("Last name", "Lee"),
            Click("Continue"),
        ],
        vec![Choose("Adams County"), Click("Continue")],
        vec![Set("People in your household", "3"), Click("Continue")],
        vec![Set("Monthly household income", "2000"), Click("Continue")],
        vec![Click("Yes")],
        vec![
            Set("Monthly rent", "900"),
            Set("Date on the eviction notice", "2026-11-01"),
            Click("Continue"),
        ],
    ]
}

fn fill(form: &Form, acts: &[Act]) -> Result<String, String> {
    let mut pairs: Vec<(&str, &str)> = form.hidden.iter().map(|(n, v)| (n.as_ref(), v.as_ref())).collect();
    for act in acts {
        match act {
            Act::Set(label, value) => {
                let id = form
                    .labelled(label)
                    .ok_or_else(|| format!("no field labelled {label:?}"))?;
                let (name, _) = form.input(id).ok_or_else(|| format!("no input #{id}"))?;
                pairs.push((name, value));
            }
            Act::Choose(label) => {
                let id = form
                    .labelled(label)
                    .ok_or_else(|| format!("no option {label:?}"))?;
                let (name, value) = form.input(id).ok_or_else(|| format!("no input #{id}"))?;
                pairs.push((name, value));
            }
            Act::Click(text) => {
                let (_, nv) = form
                    .buttons
                    .iter()
                    .find(|(markup, _)| strip_tags(markup) == *text)
                    .ok_or_else(|| format!("no button {text:?}"))?;
                if let Some((n, v)) = nv {
                    pairs.push((n, v));
                }
            }
        }
    }
    Ok(form_urlencoded::Serializer::new(String::new())
        .extend_pairs(pairs)
        .finish())
}

/// Answers every control of a screen of any interview: the first choice of each radio
/// group and select, a number (the field's minimum, or 5000), a date, an e-mail address,
/// some text; then the first named button (or the plain submit).
fn fill_generic(form: &Form) -> String {
    let mut pairs: Vec<(&str, &str)> = form.hidden.iter().map(|(n, v)| (n.as_ref(), v.as_ref())).collect();
    let first_named = pairs.len();
    for c in &form.controls {
        let get = |k: &str| c.get(k).unwrap_or("");
        let name = get("name");
        if name.is_empty() || c.contains_key("disabled") {
            continue;
        }
        let value = match (get("_tag"), get("type")) {
            ("select", _) => get("_first"),
            // the first box of a group of checkboxes (`id="f9_0"`); single yes/no boxes stay off
            (_, "checkbox") if get("id").ends_with("_0") => get("value"),
            (_, "checkbox") => continue,
            (_, _) if matches!(get("inputmode"), "decimal" | "numeric") => "5000",
            (_, "radio") => get("value"),
            (_, "number" | "range") if !get("min").is_empty() => get("min"),
            (_, "number" | "range") => "5000",
            // docassemble's slider: a text input its script turns into a range
            _ if !get("data-slider-min").is_empty() => get("data-slider-min"),
            (_, "date") => "2026-11-01",
            (_, "email") => "a@example.com",
            _ if !get("value").is_empty() => get("value"),
            _ => "Some text",
        };
        // a field's first control answers it (a radio group's first choice)
        if !pairs[first_named..].iter().any(|(n, _)| *n == name) {
            pairs.push((name, value));
        }
    }
    if let Some((_, Some((n, v)))) = form.buttons.iter().find(|(_, nv)| nv.is_some()) {
        pairs.push((n, v));
    }
    form_urlencoded::Serializer::new(String::new())
        .extend_pairs(pairs)
        .finish()
}

/// The text of the element with `id="daMainQuestion"` (a `div` here, an `h1` in docassemble).
fn question_of(html: &str) -> String {
    let Some(at) = html.find("id=\"daMainQuestion\"") else { return String::new() };
    let Some(open) = html[..at].rfind('<') else { return String::new() };
    let tag: String = html[open + 1..at].chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
    let close = format!("</{tag}>");
    html[open..]
        .find(&close)
        .map(|e| strip_tags(&html[open..open + e]).into_owned())
        .unwrap_or_default()
}

// ---- workloads ----------------------------------------------------------------------------

#[derive(Default)]
struct Stats {
    gets: Vec<u32>,
    posts: Vec<u32>,
    errors: u64,
    first_error: Option<String>,
}

impl Stats {
    fn error(&mut self, e: String) {
        self.errors += 1;
        if self.first_error.is_none() {
            self.first_error = Some(e);
        }
    }
}

async fn timed(
    conn: &mut Conn,
    method: &str,
    path: &str,
    cookie: Option<&str>,
    body: Option<&str>,
) -> (Result<Resp, String>, u32) {
    let t = Instant::now();
    let r = conn.request(method, path, cookie, body).await;
    (
        r,
        u32::try_from(t.elapsed().as_micros()).unwrap_or(u32::MAX),
    )
}

/// The `name=value` of the response's session cookie.
fn session_cookie(r: &Resp) -> Result<String, String> {
    r.cookies
        .first()
        .and_then(|c| c.split(';').next())
        .map(str::to_string)
        .ok_or_else(|| "no session cookie".to_string())
}

/// The cookies a browser would send back: every `name=value` set so far, the latest value
/// of each name (docassemble sets several and renews some on every response).
#[derive(Default)]
struct Jar(Vec<(String, String)>);

impl Jar {
    fn take(&mut self, r: &Resp) {
        for c in &r.cookies {
            let Some((name, value)) = c.split(';').next().and_then(|nv| nv.split_once('=')) else { continue };
            let (name, value) = (name.trim().to_string(), value.trim().to_string());
            match self.0.iter_mut().find(|(n, _)| *n == name) {
                Some(slot) => slot.1 = value,
                None => self.0.push((name, value)),
            }
        }
    }

    fn header(&self) -> String {
        self.0.iter().map(|(n, v)| format!("{n}={v}")).collect::<Vec<_>>().join("; ")
    }
}

/// `/interview?i=REF`.
fn interview_url(interview: &str) -> String {
    format!(
        "/interview?{}",
        form_urlencoded::Serializer::new(String::new())
            .append_pair("i", interview)
            .finish()
    )
}

/// A session of `document_interview` and the path of its first document, downloaded once
/// (so it is made and stored): the cookie and the path.
async fn document_session(conn: &mut Conn, document_interview: &str) -> Result<(String, String), String> {
    let r = conn.request("GET", &interview_url(document_interview), None, None).await?;
    if r.status != 200 {
        return Err(format!("document interview: status {}", r.status));
    }
    let cookie = session_cookie(&r)?;
    let at = r.body.find("/uploadedfile/").ok_or_else(|| format!("no document link on {:?}", question_of(&r.body)))?;
    let end = r.body[at..].find('"').ok_or("unterminated document link")?;
    let path = unescape(&r.body[at..at + end]).into_owned();
    let first = conn.request("GET", &path, Some(&cookie), None).await?;
    if first.status != 200 || !first.body.starts_with("%PDF") {
        return Err(format!("first download: status {}", first.status));
    }
    Ok((cookie, path))
}

/// What one connection of a run needs to know.
#[derive(Clone)]
struct Target {
    addr: String,
    interview: String,
    document: String,
    static_path: String,
}

async fn worker(target: Target, kind: &'static str, deadline: Instant) -> Stats {
    let Target { addr, interview, document, static_path } = target;
    let mut conn = Conn::new(&addr);
    let mut st = Stats::default();
    let url = interview_url(&interview);
    if kind == "download" {
        match document_session(&mut conn, &document).await {
            Ok((cookie, path)) => {
                while Instant::now() < deadline {
                    match timed(&mut conn, "GET", &path, Some(&cookie), None).await {
                        (Ok(r), us) if r.status == 200 && r.body.starts_with("%PDF") => st.gets.push(us),
                        (Ok(r), _) => st.error(format!("download: status {}", r.status)),
                        (Err(e), _) => st.error(e),
                    }
                }
            }
            Err(e) => st.error(e),
        }
        return st;
    }
    while Instant::now() < deadline {
        match kind {
            "static" => match timed(&mut conn, "GET", &static_path, None, None).await {
                (Ok(r), us) if r.status == 200 => st.gets.push(us),
                (Ok(r), _) => st.error(format!("status {}", r.status)),
                (Err(e), _) => st.error(e),
            },
            "fresh" => match timed(&mut conn, "GET", &url, None, None).await {
                (Ok(r), us) if r.status == 200 && r.body.contains("daform") => st.gets.push(us),
                (Ok(r), _) => st.error(format!("status {}: {}", r.status, question_of(&r.body))),
                (Err(e), _) => st.error(e),
            },
            _ => {
                if let Err(e) = walk(&mut conn, &url, deadline, &mut st).await {
                    st.error(e);
                }
            }
        }
    }
    st
}

async fn walk(conn: &mut Conn, url: &str, deadline: Instant, st: &mut Stats) -> Result<(), String> {
    if !url.contains(&form_urlencoded::byte_serialize(DEMO.as_bytes()).collect::<String>()) {
        return walk_generic(conn, url, deadline, st).await;
    }
    let (r, us) = timed(conn, "GET", url, None, None).await;
    let r = r?;
    if r.status != 200 {
        return Err(format!("fresh GET: status {}", r.status));
    }
    st.gets.push(us);
    // the cookies a browser keeps: the server sets the session's again when it is stored
    let mut jar = Jar::default();
    jar.take(&r);
    session_cookie(&r)?;
    let mut html = r.body;
    for (n, acts) in demo_script().iter().enumerate() {
        if Instant::now() >= deadline {
            return Ok(());
        }
        let form = parse_form(&html)
            .ok_or_else(|| format!("step {n}: no form on {:?}", question_of(&html)))?;
        let body =
            fill(&form, acts).map_err(|e| format!("step {n} ({:?}): {e}", question_of(&html)))?;
        let before = question_of(&html);
        let (r, us) = timed(conn, "POST", url, Some(&jar.header()), Some(&body)).await;
        let r = r?;
        if r.status != 200 {
            return Err(format!("step {n}: POST status {}", r.status));
        }
        jar.take(&r);
        let after = question_of(&r.body);
        if after == before {
            return Err(format!("step {n}: did not advance from {before:?}"));
        }
        st.posts.push(us);
        html = r.body;
    }
    if !question_of(&html).contains("qualify") && !question_of(&html).contains("take your case") {
        return Err(format!("unexpected final screen {:?}", question_of(&html)));
    }
    Ok(())
}

/// The most screens a generic walk answers before it starts again.
const GENERIC_STEPS: usize = 20;

/// A walk through any interview: a fresh GET, then each screen answered by
/// [`fill_generic`] until a screen has no form or does not advance.
async fn walk_generic(conn: &mut Conn, url: &str, deadline: Instant, st: &mut Stats) -> Result<(), String> {
    let (r, us) = timed(conn, "GET", url, None, None).await;
    let r = r?;
    if r.status != 200 {
        return Err(format!("fresh GET: status {}", r.status));
    }
    st.gets.push(us);
    let mut jar = Jar::default();
    jar.take(&r);
    if jar.0.is_empty() {
        return Err("no session cookie".into());
    }
    let mut html = r.body;
    for n in 0..GENERIC_STEPS {
        if Instant::now() >= deadline {
            return Ok(());
        }
        let Some(form) = parse_form(&html) else { break };
        if form.controls.is_empty() && form.buttons.is_empty() {
            break;
        }
        let body = fill_generic(&form);
        let before = question_of(&html);
        let (r, us) = timed(conn, "POST", url, Some(&jar.header()), Some(&body)).await;
        let r = r?;
        if r.status != 200 {
            return Err(format!("step {n}: POST status {}", r.status));
        }
        jar.take(&r);
        let after = question_of(&r.body);
        if after == before {
            if n == 0 {
                return Err(format!("step {n}: did not advance from {before:?}"));
            }
            break;
        }
        st.posts.push(us);
        html = r.body;
    }
    Ok(())
}

fn pct(sorted: &[u32], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    f64::from(sorted[i.min(sorted.len() - 1)]) / 1000.0
}

struct Row {
    /// `static`, `fresh`, `post` (the walk's answer POSTs) or `walk-get`.
    kind: &'static str,
    name: String,
    conns: usize,
    count: usize,
    rps: f64,
    p50: f64,
    p99: f64,
    errors: u64,
    /// Server CPU per request (ms), when the server's pid is known.
    cpu_ms: Option<f64>,
}

fn row(kind: &'static str, name: &str, conns: usize, mut lat: Vec<u32>, secs: f64, errors: u64) -> Row {
    lat.sort_unstable();
    Row {
        kind,
        name: name.into(),
        conns,
        count: lat.len(),
        rps: lat.len() as f64 / secs,
        p50: pct(&lat, 0.5),
        p99: pct(&lat, 0.99),
        errors,
        cpu_ms: None,
    }
}

/// Clock ticks per second of `/proc/<pid>/stat` (`getconf CLK_TCK`; 100 on Linux).
fn clock_ticks() -> f64 {
    std::process::Command::new("getconf")
        .arg("CLK_TCK")
        .output()
        .ok()
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or(100.0)
}

/// The fields of `/proc/<pid>/stat` after the command name (which may hold spaces, in
/// parentheses): the state is the first, the parent pid the second.
fn stat_fields(pid: u32) -> Option<Vec<String>> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let rest = &stat[stat.rfind(')')? + 2..];
    Some(rest.split_whitespace().map(str::to_string).collect())
}

/// CPU time (user + system, every thread, in ms) the process `pid` has used so far.
fn cpu_ms_of(pid: u32, ticks: f64) -> Option<f64> {
    let f = stat_fields(pid)?;
    // utime and stime are fields 14 and 15 of the whole line: 12 and 13 after `)`
    let utime: f64 = f.get(11)?.parse().ok()?;
    let stime: f64 = f.get(12)?.parse().ok()?;
    Some((utime + stime) * 1000.0 / ticks)
}

/// The CPU time of the processes `roots` and of all their descendants (a server of several
/// processes: gunicorn's workers, PostgreSQL's backends). A process that exited since the
/// last reading is no longer counted, so the roots should be long-lived.
fn cpu_ms_of_tree(roots: &[u32], ticks: f64) -> Option<f64> {
    let mut parent: Vec<(u32, u32)> = Vec::new();
    if let Ok(dir) = std::fs::read_dir("/proc") {
        for e in dir.flatten() {
            let Some(pid) = e.file_name().to_str().and_then(|s| s.parse::<u32>().ok()) else { continue };
            if let Some(pp) = stat_fields(pid).and_then(|f| f.get(1).and_then(|p| p.parse::<u32>().ok())) {
                parent.push((pid, pp));
            }
        }
    }
    let mut all: Vec<u32> = roots.to_vec();
    let mut i = 0;
    while i < all.len() {
        let p = all[i];
        all.extend(parent.iter().filter(|(_, pp)| *pp == p).map(|(c, _)| *c));
        i += 1;
    }
    let mut total = 0.0;
    for (k, pid) in all.iter().enumerate() {
        match cpu_ms_of(*pid, ticks) {
            Some(ms) => total += ms,
            None if k < roots.len() => return None,
            None => {}
        }
    }
    Some(total)
}

/// The ratios the regression check compares (`key value` lines; higher is better for all:
/// throughput and CPU are both "static ÷ step", latency is "static p99 ÷ step p99").
fn summary(rows: &[Row]) -> Vec<(String, f64)> {
    let mut out = Vec::new();
    for base in rows.iter().filter(|r| r.kind == "static") {
        for r in rows.iter().filter(|r| r.conns == base.conns && matches!(r.kind, "fresh" | "post" | "download")) {
            let n = r.conns;
            out.push((format!("{}_x{n}_rps_of_static", r.kind), r.rps / base.rps));
            if let (Some(b), Some(c)) = (base.cpu_ms, r.cpu_ms) {
                out.push((format!("{}_x{n}_static_cpu_over_cpu", r.kind), b / c));
            }
            out.push((format!("{}_x{n}_p99_ms", r.kind), r.p99));
        }
    }
    out
}

#[tokio::main]
async fn main() {
    let mut url = "http://127.0.0.1:8080".to_string();
    let mut duration = 20.0f64;
    let mut conns = vec![1usize, 8];
    let mut only = vec!["static", "fresh", "walk"];
    let mut interview = DEMO.to_string();
    let mut document = DOCUMENT.to_string();
    let mut server_pids: Vec<u32> = Vec::new();
    let mut static_path = "/static/colloquy.css".to_string();
    let mut summary_file: Option<String> = None;
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut val = || it.next().cloned().unwrap_or_default();
        match a.as_str() {
            "--url" => url = val(),
            "--duration" => duration = val().parse().unwrap_or(20.0),
            "--connections" => {
                conns = val()
                    .split(',')
                    .filter_map(|s| s.trim().parse().ok())
                    .collect()
            }
            "--only" => {
                let v = val();
                only = ["static", "fresh", "walk", "download"]
                    .into_iter()
                    .filter(|k| v.split(',').any(|x| x == *k))
                    .collect();
            }
            "--interview" => interview = val(),
            "--document-interview" => document = val(),
            "--server-pid" => server_pids = val().split(',').filter_map(|p| p.trim().parse().ok()).collect(),
            "--static-path" => static_path = val(),
            "--summary" => summary_file = Some(val()),
            _ => {
                eprintln!("usage: loadgen [--url URL] [--duration SECS] [--connections 1,8] [--only static,fresh,walk,download] [--interview REF] [--document-interview REF] [--static-path PATH] [--server-pid PID[,PID…]] [--summary FILE]");
                std::process::exit(2);
            }
        }
    }
    let addr = url
        .trim_start_matches("http://")
        .trim_end_matches('/')
        .to_string();
    let ticks = clock_ticks();
    let cpu = || if server_pids.is_empty() { None } else { cpu_ms_of_tree(&server_pids, ticks) };
    if !server_pids.is_empty() && cpu().is_none() {
        eprintln!("loadgen: cannot read /proc/<pid>/stat of the server; no CPU figures");
    }
    println!("loadgen: {url}, {duration} s per run, connections {conns:?}, interview {interview}");
    let target = Target { addr, interview, document, static_path };
    let mut rows: Vec<Row> = Vec::new();
    for kind in &only {
        for &n in &conns {
            let deadline = Instant::now() + Duration::from_secs_f64(duration);
            let started = Instant::now();
            let cpu_before = cpu();
            let tasks: Vec<_> = (0..n)
                .map(|_| tokio::spawn(worker(target.clone(), kind, deadline)))
                .collect();
            let mut all = Stats::default();
            for t in tasks {
                let s = t.await.unwrap();
                all.gets.extend(s.gets);
                all.posts.extend(s.posts);
                all.errors += s.errors;
                if all.first_error.is_none() {
                    all.first_error = s.first_error;
                }
            }
            let secs = started.elapsed().as_secs_f64();
            let used = cpu_before.zip(cpu()).map(|(a, b)| b - a);
            if let Some(e) = &all.first_error {
                eprintln!("{kind} x{n}: {} errors; first: {e}", all.errors);
            }
            let (gets, posts) = (all.gets.len() as f64, all.posts.len() as f64);
            match *kind {
                "static" => {
                    let mut r = row("static", "static GET (css)", n, all.gets, secs, all.errors);
                    r.cpu_ms = used.map(|u| u / gets.max(1.0));
                    rows.push(r);
                }
                "fresh" => {
                    let mut r = row("fresh", "fresh-session GET", n, all.gets, secs, all.errors);
                    r.cpu_ms = used.map(|u| u / gets.max(1.0));
                    rows.push(r);
                }
                "download" => {
                    let mut r = row("download", "cached document GET", n, all.gets, secs, all.errors);
                    r.cpu_ms = used.map(|u| u / gets.max(1.0));
                    rows.push(r);
                }
                _ => {
                    // The walk's CPU less its fresh GETs (at the fresh run's CPU per GET, or
                    // split evenly when there was none) is the POSTs' CPU.
                    let fresh = rows.iter().find(|r| r.kind == "fresh" && r.conns == n).and_then(|r| r.cpu_ms);
                    // The POSTs' rate over the time the connections spent on POSTs: a walk of
                    // fields.yml is one GET and one POST, so its POSTs take about half the run.
                    let sum = |v: &[u32]| v.iter().map(|&u| f64::from(u)).sum::<f64>();
                    let (get_us, post_us) = (sum(&all.gets), sum(&all.posts));
                    let share = if post_us > 0.0 { post_us / (get_us + post_us) } else { 1.0 };
                    let mut p = row("post", "walk: answer POST", n, all.posts, secs * share, all.errors);
                    let mut g = row("walk-get", "walk: fresh GET", n, all.gets, secs * (1.0 - share), 0);
                    if let Some(u) = used {
                        let per_get = fresh.unwrap_or(u / (gets + posts).max(1.0));
                        p.cpu_ms = Some(((u - gets * per_get) / posts.max(1.0)).max(0.0));
                        g.cpu_ms = Some(per_get);
                    }
                    rows.push(p);
                    rows.push(g);
                }
            }
        }
    }
    println!("\n| workload | conns | requests | req/s | p50 ms | p99 ms | server CPU ms/req | errors |");
    println!("|---|---:|---:|---:|---:|---:|---:|---:|");
    for r in &rows {
        let cpu = r.cpu_ms.map_or("-".to_string(), |c| format!("{c:.3}"));
        println!(
            "| {} | {} | {} | {:.0} | {:.2} | {:.2} | {} | {} |",
            r.name, r.conns, r.count, r.rps, r.p50, r.p99, cpu, r.errors
        );
    }
    println!();
    for &n in &conns {
        let base = rows.iter().find(|r| r.conns == n && r.kind == "static");
        for r in rows.iter().filter(|r| r.conns == n && matches!(r.kind, "fresh" | "post" | "download")) {
            if let Some(b) = base {
                let cpu = match (b.cpu_ms, r.cpu_ms) {
                    (Some(bc), Some(rc)) if rc > 0.0 => format!("; CPU {:.1}x the static file's", rc / bc),
                    _ => String::new(),
                };
                println!(
                    "x{n}: {} — {:.1}% of the static file's req/s (1/{:.1}); p50 {:.1}x the static p50{cpu}",
                    r.name,
                    100.0 * r.rps / b.rps,
                    b.rps / r.rps,
                    r.p50 / b.p50
                );
            }
        }
    }
    println!("\n(walk: each walk makes one fresh GET, then its POSTs. The req/s of the POSTs is over the\n time spent on them (their share of the connections' time in requests), and so for its GETs.\n The POSTs' CPU is the walk's CPU less its fresh GETs at the fresh run's CPU per GET.)");
    if let Some(path) = summary_file {
        let text: String = summary(&rows)
            .iter()
            .map(|(k, v)| format!("{k} {v:.4}\n"))
            .collect();
        if let Err(e) = std::fs::write(&path, text) {
            eprintln!("loadgen: cannot write {path}: {e}");
        }
    }
}
