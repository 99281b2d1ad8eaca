//! `colloquy serve`: the web server with the bundled demo package and any packages found
//! under `--packages` folders.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use engine::Sources;

use crate::sources::DirSources;
use server::{Config, DirPackageFiles, Listed};

/// The bundled demo package's name.
pub const DEMO_PACKAGE: &str = "docassemble.colloquydemo";

/// The files of the bundled demo package, embedded in the binary: (path, content).
const DEMO_FILES: &[(&str, &str)] = &[(
    "data/questions/intake.yml",
    include_str!("../demo/data/questions/intake.yml"),
)];

/// How often idle sessions are swept (also once at startup).
const SWEEP_EVERY: Duration = Duration::from_secs(3600);

/// Arguments of `colloquy serve`.
#[derive(Debug, clap::Args)]
pub struct ServeArgs {
    /// Address and port to listen on.
    #[arg(long, env = "COLLOQUY_LISTEN", default_value = "127.0.0.1:8080")]
    pub listen: SocketAddr,
    /// Folder for the database and the server key (created if missing).
    #[arg(long, env = "COLLOQUY_DATA_DIR", default_value = "colloquy-data")]
    pub data_dir: PathBuf,
    /// A folder holding package folders (like `docassemble.base/`); repeatable.
    #[arg(long = "packages", value_name = "DIR")]
    pub packages: Vec<PathBuf>,
    /// Development mode: reload interview files that changed on disk.
    #[arg(long)]
    pub dev: bool,
    /// Mark cookies `Secure` and name them `__Host-…` (set when TLS is in front).
    #[arg(long, env = "COLLOQUY_SECURE_COOKIES")]
    pub secure_cookies: bool,
    /// Send `Strict-Transport-Security` (one year, subdomains; only when TLS is in front).
    #[arg(long, env = "COLLOQUY_HSTS")]
    pub hsts: bool,
    /// Delete sessions idle for this many days (docassemble's default, 90); 0 = never.
    #[arg(long, env = "COLLOQUY_DELETE_AFTER_DAYS", default_value_t = 90)]
    pub delete_after_days: u64,
    /// Key file wrapping the data keys of `multi_user` sessions (created, mode 0600, if
    /// missing). Default: `session-wrap.key` in the data directory — keep it elsewhere,
    /// and back it up separately from the database.
    #[arg(long, env = "COLLOQUY_SERVER_KEY_FILE", value_name = "FILE")]
    pub server_key_file: Option<PathBuf>,
    /// Seconds the interview logic of one request may run before it is stopped with an
    /// error page (the sandbox's time limit; each evaluation also has its own).
    #[arg(long, env = "COLLOQUY_EVAL_TIMEOUT", value_name = "SECONDS", default_value_t = 5.0)]
    pub eval_timeout: f64,
    /// Debug mode, as docassemble's `debug: True`: the attachment box shows each document's
    /// Markdown source (an interview's `features: debug` overrides it).
    #[arg(long, env = "COLLOQUY_DEBUG")]
    pub debug: bool,
    /// Largest post with files (all files and fields of one request): bytes, or a number
    /// with K, M or G (`16M`). Every other request keeps the 1 MiB limit.
    #[arg(long, env = "COLLOQUY_MAX_UPLOAD_SIZE", value_name = "SIZE", default_value = "16M", value_parser = server::upload::parse_size)]
    pub max_upload_size: usize,
    /// Runtime worker threads; 0 means twice the machine's cores. More workers than cores
    /// let several interview steps run right on their workers at once (one worker is always
    /// left free for other connections; past that a step is handed off with
    /// `block_in_place`, which costs thread wake-ups).
    #[arg(long, env = "COLLOQUY_WORKERS", value_name = "N", default_value_t = 0)]
    pub workers: usize,
}

/// The number of runtime workers for `--workers` (`0`: twice the machine's cores).
fn worker_count(requested: usize) -> usize {
    if requested > 0 {
        return requested;
    }
    std::thread::available_parallelism().map_or(2, std::num::NonZeroUsize::get).saturating_mul(2)
}

/// Deletes the sessions idle for more than `days` days (0 = keep forever); returns how
/// many were deleted.
pub async fn sweep_idle(store: &store::Store, days: u64) -> Result<u64, store::StoreError> {
    if days == 0 {
        return Ok(0);
    }
    store
        .delete_idle(Duration::from_secs(days.saturating_mul(86_400)))
        .await
}

fn init_logging() {
    let filter = tracing_subscriber::EnvFilter::try_from_env("COLLOQUY_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .event_format(RequestIdFormat(tracing_subscriber::fmt::format().with_target(false)))
        .try_init();
}

/// The log format with the id of the request being handled at the start of each line
/// (`request_id=… `), read from the request's task-local: every message a request logs
/// carries the id shown on its error page, without a tracing span per request.
struct RequestIdFormat<F>(F);

impl<S, N, F> tracing_subscriber::fmt::FormatEvent<S, N> for RequestIdFormat<F>
where
    S: tracing::Subscriber + for<'a> tracing_subscriber::registry::LookupSpan<'a>,
    N: for<'a> tracing_subscriber::fmt::FormatFields<'a> + 'static,
    F: tracing_subscriber::fmt::FormatEvent<S, N>,
{
    fn format_event(
        &self,
        ctx: &tracing_subscriber::fmt::FmtContext<'_, S, N>,
        mut writer: tracing_subscriber::fmt::format::Writer<'_>,
        event: &tracing::Event<'_>,
    ) -> std::fmt::Result {
        let id = server::request_id::request_id();
        if !id.is_empty() {
            write!(writer, "request_id={id} ")?;
        }
        self.0.format_event(ctx, writer, event)
    }
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
    tracing::info!("shutting down");
}

/// Runs `colloquy serve`.
pub fn run(args: ServeArgs) -> ExitCode {
    init_logging();
    // Interviews are loaded and run on the blocking pool; a generous stack keeps deeply
    // nested author code (YAML, Python) an error message rather than a stack overflow.
    let rt = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(worker_count(args.workers))
        .enable_all()
        .thread_stack_size(32 * 1024 * 1024)
        .max_blocking_threads(64)
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("colloquy serve: cannot start the runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    match rt.block_on(serve(args)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("colloquy serve: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Builds the server configuration (shared by `serve` and tests).
pub async fn build_config(args: &ServeArgs) -> Result<Config, String> {
    std::fs::create_dir_all(&args.data_dir).map_err(|e| {
        format!(
            "cannot create data directory {}: {e}",
            args.data_dir.display()
        )
    })?;
    // The MAC secret (CSRF tokens, action links), created mode 0600 if missing; a file
    // group or others may read is refused, as for the session-wrap key.
    let secret = *store::crypto::load_or_create_mac_secret(&args.data_dir.join("server.key"))
        .map_err(|e| format!("server key: {e}"))?;
    let store = store::Store::open_dir(&args.data_dir)
        .await
        .map_err(|e| format!("database: {e}"))?;
    let key_path = args
        .server_key_file
        .clone()
        .unwrap_or_else(|| args.data_dir.join("session-wrap.key"));
    let server_key = store::ServerKey::load_or_create(&key_path)
        .map_err(|e| format!("server key {}: {e}", key_path.display()))?;
    let mut sources = DirSources::new();
    for dir in &args.packages {
        sources
            .add_root(dir)
            .map_err(|e| format!("--packages {}: {e}", dir.display()))?;
    }
    for (path, text) in DEMO_FILES {
        sources.add_embedded(DEMO_PACKAGE, path, text);
    }
    // Static files are looked up in the same package folders.
    let static_roots: Vec<PathBuf> = sources
        .packages()
        .iter()
        .filter_map(|p| sources.package_dir(p))
        .filter_map(Path::parent)
        .map(Path::to_path_buf)
        .collect();
    let mut roots: Vec<PathBuf> = Vec::new();
    for r in static_roots {
        if !roots.contains(&r) {
            roots.push(r);
        }
    }
    let sources = Arc::new(sources);
    let mut featured = Vec::new();
    let mut listed = Vec::new();
    for (package, path) in sources.list() {
        let full = if path.starts_with("data/") {
            path.clone()
        } else {
            format!("data/questions/{path}")
        };
        let reference = format!("{package}:{full}");
        if package == DEMO_PACKAGE {
            featured.push(Listed {
                reference,
                package,
                label: "Housing help intake (demo)".into(),
            });
        } else {
            let label = path
                .strip_prefix("data/questions/")
                .unwrap_or(&path)
                .to_string();
            listed.push(Listed {
                reference,
                package,
                label,
            });
        }
    }
    let library = engine::Library::new(sources as Arc<dyn Sources>, args.dev);
    Ok(Config {
        engine: Arc::new(library),
        store,
        files: Arc::new(DirPackageFiles { roots }),
        secret,
        featured,
        listed,
        secure_cookies: args.secure_cookies,
        options: server::ServerOptions {
            hsts: args.hsts,
            server_key: Some(Arc::new(server_key)),
            request_timeout: None,
            eval_timeout: Some(Duration::from_secs_f64(args.eval_timeout.clamp(0.01, 3600.0))),
            clock: None,
            rng: None,
            debug: args.debug,
            max_upload_size: Some(args.max_upload_size),
            typeset_counter: None,
        },
        first_screens: Default::default(),
    })
}

async fn serve(args: ServeArgs) -> Result<(), String> {
    let config = build_config(&args).await?;
    let store = config.store.clone();
    tracing::info!(
        data_dir = %args.data_dir.display(),
        interviews = config.featured.len() + config.listed.len(),
        dev = args.dev,
        "starting"
    );
    let app = server::router(config);
    let listener = tokio::net::TcpListener::bind(args.listen)
        .await
        .map_err(|e| format!("cannot listen on {}: {e}", args.listen))?;
    tracing::info!("listening on http://{}", args.listen);

    // Delete idle sessions at startup (the first tick is immediate), then hourly.
    let cleaner_store = store.clone();
    let days = args.delete_after_days;
    let cleaner = tokio::spawn(async move {
        let mut tick = tokio::time::interval(SWEEP_EVERY);
        loop {
            tick.tick().await;
            match sweep_idle(&cleaner_store, days).await {
                Ok(0) => {}
                Ok(n) => tracing::info!(deleted = n, "idle sessions deleted"),
                Err(e) => tracing::warn!(error = %e, "idle-session cleanup failed"),
            }
        }
    });

    let result = axum::serve(listener, app)
        .with_graceful_shutdown(shutdown_signal())
        .await;
    cleaner.abort();
    store.close().await;
    result.map_err(|e| format!("server error: {e}"))
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;
    use axum::body::Body;
    use axum::http::{header, Request, StatusCode};
    use http_body_util::BodyExt;
    use tower::ServiceExt;

    fn args(dir: &Path) -> ServeArgs {
        ServeArgs {
            listen: "127.0.0.1:0".parse().unwrap(),
            data_dir: dir.to_path_buf(),
            packages: vec![],
            dev: false,
            secure_cookies: false,
            hsts: false,
            delete_after_days: 90,
            server_key_file: None,
            eval_timeout: 5.0,
            debug: false,
            max_upload_size: server::upload::DEFAULT_MAX_UPLOAD,
            workers: 0,
        }
    }

    #[test]
    fn workers_default_to_twice_the_cores() {
        let cores = std::thread::available_parallelism().unwrap().get();
        assert_eq!(worker_count(0), 2 * cores);
        assert_eq!(worker_count(3), 3);
    }

    async fn send(app: &axum::Router, req: Request<Body>) -> (StatusCode, Vec<String>, String) {
        let res = app.clone().oneshot(req).await.unwrap();
        let status = res.status();
        let cookies = res
            .headers()
            .get_all(header::SET_COOKIE)
            .iter()
            .map(|v| v.to_str().unwrap().to_string())
            .collect();
        let body = res.into_body().collect().await.unwrap().to_bytes();
        (status, cookies, String::from_utf8_lossy(&body).into_owned())
    }

    /// The value of attribute `name` in the first tag after `from` in `html`.
    fn attr_after<'a>(html: &'a str, from: usize, name: &str) -> &'a str {
        let pat = format!(" {name}=\"");
        let at = html[from..].find(&pat).unwrap() + from + pat.len();
        &html[at..at + html[at..].find('"').unwrap()]
    }

    /// The form field name of the input labelled `label` (a `<label for>` or an option label).
    fn field_name(html: &str, label: &str) -> (String, String) {
        let needle = format!(">{label}<");
        let at = html
            .find(&needle)
            .unwrap_or_else(|| panic!("no label {label:?} in {html}"));
        let lab = html[..at].rfind("<label").unwrap();
        let id = attr_after(html, lab, "for");
        let input = html.find(&format!(" id=\"{id}\"")).unwrap();
        let tag_start = html[..input].rfind('<').unwrap();
        let name = attr_after(html, tag_start, "name").to_string();
        let value = if html[tag_start..].starts_with("<input type=\"radio\"") {
            attr_after(html, tag_start, "value").to_string()
        } else {
            String::new()
        };
        (name, value)
    }

    /// A `Write` into a shared buffer (to capture the log).
    #[derive(Clone, Default)]
    struct LogBuf(Arc<std::sync::Mutex<Vec<u8>>>);

    impl std::io::Write for LogBuf {
        fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
            self.0.lock().unwrap().extend_from_slice(b);
            Ok(b.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[derive(Debug, clap::Parser)]
    struct Cli {
        #[command(flatten)]
        serve: ServeArgs,
    }

    /// Every line a request logs starts with its id (the task-local the header middleware
    /// sets); lines outside a request have none.
    #[test]
    fn log_lines_carry_the_request_id() {
        let log = LogBuf::default();
        let writer = log.clone();
        let subscriber = tracing_subscriber::fmt()
            .with_ansi(false)
            .event_format(RequestIdFormat(tracing_subscriber::fmt::format().with_target(false)))
            .with_writer(move || writer.clone())
            .finish();
        tracing::subscriber::with_default(subscriber, || {
            server::request_id::sync_scope("5eed00c0ffee0001".to_string(), || tracing::info!("inside"));
            tracing::info!("outside");
        });
        let text = String::from_utf8(log.0.lock().unwrap().clone()).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 2, "{text}");
        assert!(lines[0].starts_with("request_id=5eed00c0ffee0001 ") && lines[0].ends_with("inside"), "{text}");
        assert!(!lines[1].contains("request_id") && lines[1].ends_with("outside"), "{text}");
    }

    #[test]
    fn security_flags_parse_with_safe_defaults() {
        use clap::Parser;
        let a = Cli::try_parse_from(["colloquy"]).unwrap().serve;
        assert!(!a.secure_cookies && !a.hsts);
        assert_eq!(a.delete_after_days, 90);
        assert!(a.server_key_file.is_none());
        let a = Cli::try_parse_from([
            "colloquy",
            "--secure-cookies",
            "--hsts",
            "--delete-after-days",
            "0",
            "--server-key-file",
            "/etc/colloquy/wrap.key",
        ])
        .unwrap()
        .serve;
        assert!(a.secure_cookies && a.hsts);
        assert_eq!(a.delete_after_days, 0);
        assert_eq!(
            a.server_key_file.as_deref(),
            Some(Path::new("/etc/colloquy/wrap.key"))
        );
        assert!(Cli::try_parse_from(["colloquy", "--delete-after-days", "-1"]).is_err());
    }

    #[tokio::test]
    async fn idle_sweep_honours_zero_as_never() {
        let store = store::Store::open_memory().await.unwrap();
        let key = store::DataKey::generate().unwrap();
        let secret = store::CookieSecret::generate().unwrap();
        store
            .create("a", "i", b"{}", &key, store::KeyWrapper::Cookie(&secret))
            .await
            .unwrap();
        // 0 = never: nothing is deleted, however old.
        assert_eq!(sweep_idle(&store, 0).await.unwrap(), 0);
        // A fresh session survives a 90-day sweep.
        assert_eq!(sweep_idle(&store, 90).await.unwrap(), 0);
        assert_eq!(store.session_count().await.unwrap(), 1);
        // (Deleting old rows is tested in the store: idle_sessions_are_deleted_after_the_configured_age.)
    }

    /// The `href`s of `html` (unescaped `&amp;`).
    fn hrefs(html: &str) -> Vec<String> {
        html.split("href=\"")
            .skip(1)
            .map(|s| s.split('"').next().unwrap().replace("&amp;", "&"))
            .collect()
    }

    /// With the real engine: `url_action()` links come out signed and run once; unsigned
    /// ones do nothing; `multi_user = True` in the answers lets a second browser join with
    /// `session=<id>`; `exit` leaves no row.
    #[tokio::test]
    async fn real_engine_actions_are_signed_and_multi_user_joins() {
        let dir = tempfile::tempdir().unwrap();
        let pkgs = dir.path().join("pkgs");
        let q = pkgs.join("docassemble.sectest/data/questions");
        std::fs::create_dir_all(&q).unwrap();
        std::fs::write(
            q.join("count.yml"),
            r#"code: |
  counter = 0
---
mandatory: True
code: |
  menu_items = [ action_menu_item('Add from the menu', 'add_one') ]
---
mandatory: True
question: |
  Count is ${ counter } for ${ who }
subquestion: |
  [Add one](${ url_action('add_one') })

  [Join link](${ interview_url() })
field: done
---
question: Who are you?
fields:
  - Name: who
  - Share: multi_user
    datatype: yesno
---
event: add_one
code: |
  counter = counter + 1
"#,
        )
        .unwrap();
        let data = dir.path().join("data");
        let mut a = args(&data);
        a.packages = vec![pkgs];
        let config = build_config(&a).await.unwrap();
        let store = config.store.clone();
        let app = server::router(config);
        let url = "/interview?i=docassemble.sectest%3Adata%2Fquestions%2Fcount.yml";
        let get = |cookie: Option<&str>, u: &str| {
            let mut b = Request::get(u).header(header::HOST, "localhost");
            if let Some(c) = cookie {
                b = b.header(header::COOKIE, c);
            }
            b.body(Body::empty()).unwrap()
        };
        let (status, cookies, html) = send(&app, get(None, url)).await;
        assert_eq!(status, StatusCode::OK, "{html}");
        assert!(html.contains("Who are you?"), "{html}");
        let alice = cookies[0].split(';').next().unwrap().to_string();
        let csrf = attr_after(&html, html.find("name=\"_csrf\"").unwrap(), "value").to_string();
        let question =
            attr_after(&html, html.find("name=\"_question\"").unwrap(), "value").to_string();
        let (name, _) = field_name(&html, "Name");
        let share_at = html.find(">Share<").unwrap();
        let share_tag = html[..share_at].rfind("<input").unwrap_or(0);
        let share_name = attr_after(&html, share_tag, "name").to_string();
        let post = |cookie: &str, form: Vec<(String, String)>| {
            let body = form_urlencoded::Serializer::new(String::new())
                .extend_pairs(&form)
                .finish();
            Request::post(url)
                .header(header::HOST, "localhost")
                .header(header::COOKIE, cookie)
                .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                .body(Body::from(body))
                .unwrap()
        };
        let form = vec![
            ("_csrf".to_string(), csrf.clone()),
            ("_question".to_string(), question),
            (name, "Alice".to_string()),
            (share_name, "True".to_string()),
        ];
        let (status, _, html) = send(&app, post(&alice, form)).await;
        assert_eq!(status, StatusCode::OK, "{html}");
        assert!(html.contains("Count is 0 for Alice"), "{html}");
        let link = hrefs(&html)
            .into_iter()
            .find(|h| h.contains("action="))
            .unwrap_or_else(|| panic!("no action link in {html}"));
        assert!(link.contains("&action_sig="), "{link}");
        // Unsigned: nothing happens.
        let unsigned = link.split("&action_sig=").next().unwrap().to_string();
        let (_, _, html) = send(&app, get(Some(&alice), &unsigned)).await;
        assert!(html.contains("Count is 0 for Alice"), "{html}");
        // Signed: runs once.
        let (_, _, html) = send(&app, get(Some(&alice), &link)).await;
        assert!(html.contains("Count is 1 for Alice"), "{html}");
        let (_, _, html) = send(&app, get(Some(&alice), &link)).await;
        assert!(html.contains("Count is 1 for Alice"), "replayed: {html}");
        // The menu's link was made (and stored in `menu_items`) two saves ago: the page
        // shows it signed for this request, so it works once, too.
        let menu_at = html.find("Add from the menu").unwrap_or_else(|| panic!("no menu in {html}"));
        let href_at = html[..menu_at].rfind("href=\"").unwrap();
        let menu_link = html[href_at + 6..menu_at]
            .split('"')
            .next()
            .unwrap()
            .replace("&amp;", "&");
        let (_, _, html) = send(&app, get(Some(&alice), &menu_link)).await;
        assert!(html.contains("Count is 2 for Alice"), "menu link: {html}");
        let (_, _, html) = send(&app, get(Some(&alice), &menu_link)).await;
        assert!(html.contains("Count is 2 for Alice"), "menu link replayed: {html}");
        // multi_user = True: Bob joins with the session id.
        let id = alice
            .split_once('=')
            .unwrap()
            .1
            .split_once('.')
            .unwrap()
            .0
            .to_string();
        // interview_url() of a shared session carries its id: Bob follows the page's link.
        let join = hrefs(&html)
            .into_iter()
            .find(|h| h.contains("session="))
            .unwrap_or_else(|| panic!("no join link in {html}"));
        assert!(join.ends_with(&format!("&session={id}")), "{join}");
        let join = join.trim_start_matches("http://localhost").to_string();
        let (_, cookies, html) = send(&app, get(None, &join)).await;
        assert!(html.contains("Count is 2 for Alice"), "{html}");
        assert!(!cookies.is_empty());
        assert_eq!(store.session_count().await.unwrap(), 1);
        drop(app);
        store.close().await;
    }

    #[tokio::test]
    async fn runaway_interview_code_is_stopped_by_the_request_deadline() {
        let dir = tempfile::tempdir().unwrap();
        let pkgs = dir.path().join("pkgs");
        let q = pkgs.join("docassemble.spin/data/questions");
        std::fs::create_dir_all(&q).unwrap();
        std::fs::write(
            q.join("spin.yml"),
            "mandatory: True\ncode: |\n  n = 0\n  while True:\n    n = n + 1\n---\nquestion: Never shown\nfield: done\n",
        )
        .unwrap();
        std::fs::write(q.join("ok.yml"), "mandatory: True\nquestion: Hello there\nfield: done\n").unwrap();
        let mut a = args(&dir.path().join("data"));
        a.packages = vec![pkgs];
        // 10 ms: far less than the step budget takes even in a release build.
        a.eval_timeout = 0.01;
        let config = build_config(&a).await.unwrap();
        let store = config.store.clone();
        let app = server::router(config);
        let get = |u: &str| {
            Request::get(u)
                .header(header::HOST, "localhost")
                .body(Body::empty())
                .unwrap()
        };
        let started = std::time::Instant::now();
        let (status, _, html) = send(
            &app,
            get("/interview?i=docassemble.spin%3Adata%2Fquestions%2Fspin.yml"),
        )
        .await;
        assert_eq!(status, StatusCode::INTERNAL_SERVER_ERROR, "{html}");
        assert!(html.contains("<title>Error</title>"), "{html}");
        assert!(html.contains("spin.yml"), "names the file: {html}");
        assert!(html.contains("time limit of the request"), "says which limit: {html}");
        assert!(!html.contains("Never shown"), "{html}");
        assert!(started.elapsed() < Duration::from_secs(5), "{:?}", started.elapsed());
        // The worker is free again: the next request is answered at once.
        let started = std::time::Instant::now();
        let (status, _, html) = send(
            &app,
            get("/interview?i=docassemble.spin%3Adata%2Fquestions%2Fok.yml"),
        )
        .await;
        assert_eq!(status, StatusCode::OK, "{html}");
        assert!(html.contains("Hello there"), "{html}");
        assert!(started.elapsed() < Duration::from_secs(2), "{:?}", started.elapsed());
        drop(app);
        store.close().await;
    }

    #[tokio::test]
    async fn the_demo_runs_end_to_end() {
        // Capture everything logged (all levels) to check no answer is ever logged.
        let log = LogBuf::default();
        let writer = log.clone();
        let captured = tracing::subscriber::set_global_default(
            tracing_subscriber::fmt()
                .with_env_filter(tracing_subscriber::EnvFilter::new("trace"))
                .with_ansi(false)
                .event_format(RequestIdFormat(tracing_subscriber::fmt::format()))
                .with_writer(move || writer.clone())
                .finish(),
        )
        .is_ok();
        let dir = tempfile::tempdir().unwrap();
        let config = build_config(&args(dir.path())).await.unwrap();
        assert_eq!(config.featured.len(), 1);
        let store = config.store.clone();
        let app = server::router(config);
        let (status, _, front) = send(&app, Request::get("/").body(Body::empty()).unwrap()).await;
        assert_eq!(status, StatusCode::OK);
        assert!(front.contains("Housing help intake"));

        let url = "/interview?i=docassemble.colloquydemo%3Adata%2Fquestions%2Fintake.yml";
        let (status, cookies, mut html) = send(
            &app,
            Request::get(url)
                .header(header::HOST, "localhost")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
        assert_eq!(status, StatusCode::OK, "{html}");
        let cookie = cookies[0].split(';').next().unwrap().to_string();
        assert!(html.contains("Get help with a housing problem"), "{html}");

        // (labels to fill, option to choose, button to press, phrase expected next)
        let steps: &[(&[(&str, &str)], Option<&str>, &str, &str)] = &[
            (&[], None, "Start", "What is your name?"),
            (
                &[("First name", "ZZMARKER123"), ("Last name", "Lee")],
                None,
                "Continue",
                "Which county do you live in?",
            ),
            (
                &[],
                Some("Adams County"),
                "Continue",
                "How many people live in your household?",
            ),
            (
                &[("People in your household", "3")],
                None,
                "Continue",
                "How much money does your household receive",
            ),
            (
                &[("Monthly household income", "2000")],
                None,
                "Continue",
                "Have you received an eviction notice",
            ),
            (&[], None, "Yes", "About your home"),
            (
                &[
                    ("Monthly rent", "900"),
                    ("Date on the eviction notice", "2026-11-01"),
                ],
                None,
                "Continue",
                "You are likely to qualify for free legal help",
            ),
        ];
        for (fields, option, button, expect) in steps {
            let csrf = attr_after(&html, html.find("name=\"_csrf\"").unwrap(), "value").to_string();
            let question =
                attr_after(&html, html.find("name=\"_question\"").unwrap(), "value").to_string();
            let mut form = vec![
                ("_csrf".to_string(), csrf),
                ("_question".to_string(), question),
            ];
            for (label, value) in *fields {
                form.push((field_name(&html, label).0, value.to_string()));
            }
            if let Some(o) = option {
                form.push(field_name(
                    &html,
                    &format!("<span>{o}</span")[6..o.len() + 6],
                ));
            }
            let bstart = html
                .find(&format!(">{button}</button>"))
                .unwrap_or_else(|| panic!("no button {button} in {html}"));
            let btag = html[..bstart].rfind("<button").unwrap();
            let tag = &html[btag..bstart];
            if tag.contains(" name=\"") {
                form.push((
                    attr_after(&html, btag, "name").to_string(),
                    attr_after(&html, btag, "value").to_string(),
                ));
            }
            let body = form_urlencoded::Serializer::new(String::new())
                .extend_pairs(&form)
                .finish();
            let req = Request::post(url)
                .header(header::HOST, "localhost")
                .header(header::COOKIE, &cookie)
                .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                .body(Body::from(body))
                .unwrap();
            let (status, _, next) = send(&app, req).await;
            assert_eq!(status, StatusCode::OK);
            assert!(
                next.contains(expect),
                "after {button:?} expected {expect:?} in {next}"
            );
            html = next;
        }
        assert!(html.contains("Thank you, ZZMARKER123."), "{html}");
        assert!(html.contains("$2,000.00"), "{html}");
        assert!(
            html.contains("Because you have an eviction notice"),
            "{html}"
        );
        // 2000*12 = 24000 against 15060 + 2*5380 = 25820 → 93%
        assert!(html.contains("about 93% of the"), "{html}");
        assert!(dir.path().join("server.key").exists());
        assert!(dir.path().join("session-wrap.key").exists());
        // Encryption at rest: the answer is in no file of the data directory (database,
        // WAL, shm, key file), neither while running nor after the store is closed.
        let scan = |when: &str| {
            for entry in std::fs::read_dir(dir.path()).unwrap() {
                let path = entry.unwrap().path();
                // SQLite may remove its -wal/-shm file between the listing and the read.
                let bytes = match std::fs::read(&path) {
                    Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
                    other => other.unwrap(),
                };
                assert!(
                    !bytes.windows(11).any(|w| w == b"ZZMARKER123"),
                    "{when}: the answer is readable in {}",
                    path.display()
                );
            }
        };
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert!(names.iter().any(|n| n.ends_with("-wal")), "{names:?}");
        scan("running");
        drop(app);
        store.close().await;
        scan("closed");
        if captured {
            let text = String::from_utf8_lossy(&log.0.lock().unwrap()).into_owned();
            assert!(text.contains("request_id"), "the log was captured: {text}");
            assert!(
                !text.contains("ZZMARKER123"),
                "an answer reached the log: {text}"
            );
        }
    }
}
