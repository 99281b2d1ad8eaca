//! A small HTTP/1.1 load client for `colloquy serve` (issue 3, item 8).
//!
//! Three workloads, each for `--duration` seconds at each connection count:
//! * `static` — `GET /static/colloquy.css` (the baseline: same server, no interview logic);
//! * `fresh`  — `GET /interview?i=DEMO` without a cookie: a new session every request;
//! * `walk`   — a browser-like walk through the demo interview: one fresh GET, then one
//!   POST per screen answering it (the answer-and-advance step), parsing each form.
//!
//! Usage: `cargo run --release -p server --example loadgen -- [--url http://127.0.0.1:8080]
//! [--duration 20] [--connections 1,8] [--only static,fresh,walk] [--interview REF]`
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::HashMap;
use std::time::{Duration, Instant};

use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;

const DEMO: &str = "docassemble.colloquydemo:data/questions/intake.yml";

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
            body.resize(n, 0);
            stream
                .read_exact(&mut body)
                .await
                .map_err(|e| e.to_string())?;
        }
        if close {
            self.stream = None;
        }
        Ok(Resp {
            status,
            cookies,
            body: String::from_utf8_lossy(&body).into_owned(),
        })
    }
}

// ---- a tiny reader of our own form markup -------------------------------------------------

fn unescape(s: &str) -> String {
    s.replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

fn attrs(tag: &str) -> HashMap<String, String> {
    let mut out = HashMap::new();
    let mut rest = tag;
    while let Some(eq) = rest.find("=\"") {
        let name = rest[..eq]
            .rsplit(|c: char| c.is_whitespace())
            .next()
            .unwrap_or("")
            .to_string();
        let after = &rest[eq + 2..];
        let Some(end) = after.find('"') else { break };
        out.insert(name, unescape(&after[..end]));
        rest = &after[end + 1..];
    }
    out
}

fn strip_tags(s: &str) -> String {
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
    unescape(out.trim())
}

#[derive(Default)]
struct Form {
    hidden: Vec<(String, String)>,
    /// id → (name, value, type)
    inputs: HashMap<String, (String, String, String)>,
    /// label text → id
    labels: HashMap<String, String>,
    /// visible text → (name, value)
    buttons: Vec<(String, Option<(String, String)>)>,
}

fn parse_form(html: &str) -> Option<Form> {
    let start = html.find("<form id=\"daform\"")?;
    let end = html[start..].find("</form>")? + start;
    let f = &html[start..end];
    let mut form = Form::default();
    let mut i = 0;
    while let Some(lt) = f[i..].find('<') {
        let at = i + lt;
        let Some(gt) = f[at..].find('>') else { break };
        let tag = &f[at..at + gt + 1];
        i = at + gt + 1;
        if tag.starts_with("<input") || tag.starts_with("<textarea") || tag.starts_with("<select") {
            let a = attrs(tag);
            let ty = if tag.starts_with("<input") {
                a.get("type").cloned().unwrap_or_default()
            } else {
                "text".into()
            };
            let name = a.get("name").cloned().unwrap_or_default();
            let value = a.get("value").cloned().unwrap_or_default();
            if ty == "hidden" {
                form.hidden.push((name, value));
            } else if let Some(id) = a.get("id") {
                form.inputs.insert(id.clone(), (name, value, ty));
            }
        } else if tag.starts_with("<label") {
            let a = attrs(tag);
            if let (Some(id), Some(close)) = (a.get("for"), f[i..].find("</label>")) {
                form.labels.insert(strip_tags(&f[i..i + close]), id.clone());
            }
        } else if tag.starts_with("<button") {
            let a = attrs(tag);
            if a.contains_key("form") {
                continue;
            }
            if let Some(close) = f[i..].find("</button>") {
                let text = strip_tags(&f[i..i + close]);
                let nv = a
                    .get("name")
                    .map(|n| (n.clone(), a.get("value").cloned().unwrap_or_default()));
                form.buttons.push((text, nv));
            }
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
    let mut pairs: Vec<(String, String)> = form.hidden.clone();
    for act in acts {
        match act {
            Act::Set(label, value) => {
                let id = form
                    .labels
                    .get(*label)
                    .ok_or_else(|| format!("no field labelled {label:?}"))?;
                let (name, _, _) = form
                    .inputs
                    .get(id)
                    .ok_or_else(|| format!("no input #{id}"))?;
                pairs.push((name.clone(), value.to_string()));
            }
            Act::Choose(label) => {
                let id = form
                    .labels
                    .get(*label)
                    .ok_or_else(|| format!("no option {label:?}"))?;
                let (name, value, _) = form
                    .inputs
                    .get(id)
                    .ok_or_else(|| format!("no input #{id}"))?;
                pairs.push((name.clone(), value.clone()));
            }
            Act::Click(text) => {
                let (_, nv) = form
                    .buttons
                    .iter()
                    .find(|(t, _)| t == text)
                    .ok_or_else(|| format!("no button {text:?}"))?;
                if let Some((n, v)) = nv {
                    pairs.push((n.clone(), v.clone()));
                }
            }
        }
    }
    Ok(form_urlencoded::Serializer::new(String::new())
        .extend_pairs(pairs)
        .finish())
}

fn question_of(html: &str) -> String {
    html.find("<div id=\"daMainQuestion\"")
        .and_then(|s| {
            html[s..]
                .find("</div>")
                .map(|e| strip_tags(&html[s..s + e]))
        })
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

async fn worker(addr: String, kind: &'static str, interview: String, deadline: Instant) -> Stats {
    let mut conn = Conn::new(&addr);
    let mut st = Stats::default();
    let url = format!(
        "/interview?{}",
        form_urlencoded::Serializer::new(String::new())
            .append_pair("i", &interview)
            .finish()
    );
    while Instant::now() < deadline {
        match kind {
            "static" => match timed(&mut conn, "GET", "/static/colloquy.css", None, None).await {
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
    let (r, us) = timed(conn, "GET", url, None, None).await;
    let r = r?;
    if r.status != 200 {
        return Err(format!("fresh GET: status {}", r.status));
    }
    st.gets.push(us);
    let cookie = r
        .cookies
        .first()
        .and_then(|c| c.split(';').next())
        .ok_or("no session cookie")?
        .to_string();
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
        let (r, us) = timed(conn, "POST", url, Some(&cookie), Some(&body)).await;
        let r = r?;
        if r.status != 200 {
            return Err(format!("step {n}: POST status {}", r.status));
        }
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

fn pct(sorted: &[u32], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    f64::from(sorted[i.min(sorted.len() - 1)]) / 1000.0
}

struct Row {
    name: String,
    conns: usize,
    count: usize,
    rps: f64,
    p50: f64,
    p99: f64,
    errors: u64,
}

fn row(name: &str, conns: usize, mut lat: Vec<u32>, secs: f64, errors: u64) -> Row {
    lat.sort_unstable();
    Row {
        name: name.into(),
        conns,
        count: lat.len(),
        rps: lat.len() as f64 / secs,
        p50: pct(&lat, 0.5),
        p99: pct(&lat, 0.99),
        errors,
    }
}

#[tokio::main]
async fn main() {
    let mut url = "http://127.0.0.1:8080".to_string();
    let mut duration = 20.0f64;
    let mut conns = vec![1usize, 8];
    let mut only = vec!["static", "fresh", "walk"];
    let mut interview = DEMO.to_string();
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
                only = ["static", "fresh", "walk"]
                    .into_iter()
                    .filter(|k| v.split(',').any(|x| x == *k))
                    .collect();
            }
            "--interview" => interview = val(),
            _ => {
                eprintln!("usage: loadgen [--url URL] [--duration SECS] [--connections 1,8] [--only static,fresh,walk] [--interview REF]");
                std::process::exit(2);
            }
        }
    }
    let addr = url
        .trim_start_matches("http://")
        .trim_end_matches('/')
        .to_string();
    println!("loadgen: {url}, {duration} s per run, connections {conns:?}, interview {interview}");
    let mut rows = Vec::new();
    for kind in &only {
        for &n in &conns {
            let deadline = Instant::now() + Duration::from_secs_f64(duration);
            let started = Instant::now();
            let tasks: Vec<_> = (0..n)
                .map(|_| tokio::spawn(worker(addr.clone(), kind, interview.clone(), deadline)))
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
            if let Some(e) = &all.first_error {
                eprintln!("{kind} x{n}: {} errors; first: {e}", all.errors);
            }
            match *kind {
                "static" => rows.push(row("static GET (css)", n, all.gets, secs, all.errors)),
                "fresh" => rows.push(row("fresh-session GET", n, all.gets, secs, all.errors)),
                _ => {
                    rows.push(row("walk: answer POST", n, all.posts, secs, all.errors));
                    rows.push(row("walk: fresh GET", n, all.gets, secs, 0));
                }
            }
        }
    }
    println!("\n| workload | conns | requests | req/s | p50 ms | p99 ms | errors |");
    println!("|---|---:|---:|---:|---:|---:|---:|");
    for r in &rows {
        println!(
            "| {} | {} | {} | {:.0} | {:.2} | {:.2} | {} |",
            r.name, r.conns, r.count, r.rps, r.p50, r.p99, r.errors
        );
    }
    println!();
    for &n in &conns {
        let base = rows
            .iter()
            .find(|r| r.conns == n && r.name.starts_with("static"));
        for r in rows.iter().filter(|r| {
            r.conns == n && !r.name.starts_with("static") && !r.name.starts_with("walk: fresh")
        }) {
            if let Some(b) = base {
                println!(
                    "x{n}: {} — {:.1}% of the static file's req/s; p50 {:.1}x the static p50",
                    r.name,
                    100.0 * r.rps / b.rps,
                    r.p50 / b.p50
                );
            }
        }
    }
    println!("\n(walk: the req/s of POSTs counts only POSTs; each walk also makes one fresh GET per 7 POSTs.)");
}
