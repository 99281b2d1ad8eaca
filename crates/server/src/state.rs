//! The application state shared by every handler: [`Config`] (engine, store, secrets,
//! options), and the [`Clock`] and [`Rng`] the server reads time and randomness through.

use std::fmt;
use std::sync::Arc;

use crate::first_screen::FirstScreens;
use crate::ports::{Engine, PackageFiles};

/// The default limit on one request's duration (upload of the body included).
pub const REQUEST_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(30);

/// How long the interview logic of one request may run by default.
pub const EVAL_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(5);

/// Where the server reads the time (the interview's local time); tests fix it.
pub trait Clock: Send + Sync + fmt::Debug + 'static {
    /// The current local time.
    fn now(&self) -> chrono::NaiveDateTime;

    /// Milliseconds since 1970 by this clock, for ordering (new session ids begin with
    /// them): the local time read as UTC unless the clock knows better.
    fn millis(&self) -> i64 {
        self.now().and_utc().timestamp_millis()
    }
}

/// The system clock (local time).
#[derive(Debug, Default, Clone, Copy)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> chrono::NaiveDateTime {
        chrono::Local::now().naive_local()
    }

    /// UTC, without the time zone's conversion (a fresh session's id asks for it).
    fn millis(&self) -> i64 {
        chrono::Utc::now().timestamp_millis()
    }
}

/// The operating system's random source failed.
#[derive(Debug, Clone, Copy, thiserror::Error)]
#[error("the random number generator failed")]
pub struct RngFailed;

/// Where the server takes random bytes (session ids, nonces, request ids, link epochs).
pub trait Rng: Send + Sync + fmt::Debug + 'static {
    /// Fills `buf` with random bytes.
    fn fill(&self, buf: &mut [u8]) -> Result<(), RngFailed>;
}

/// The operating system's CSPRNG.
#[derive(Debug, Default, Clone, Copy)]
pub struct OsRng;

impl Rng for OsRng {
    fn fill(&self, buf: &mut [u8]) -> Result<(), RngFailed> {
        getrandom::fill(buf).map_err(|_| RngFailed)
    }
}

/// The thread's ChaCha generator, seeded from the operating system's
/// ([`store::fill_unpredictable`]): session ids, nonces, request ids and link epochs are
/// unpredictable values, not keys, and a request draws several.
#[derive(Debug, Default, Clone, Copy)]
pub struct ThreadRng;

impl Rng for ThreadRng {
    fn fill(&self, buf: &mut [u8]) -> Result<(), RngFailed> {
        store::fill_unpredictable(buf).map_err(|_| RngFailed)
    }
}

/// `n` random bytes of `rng` as lowercase hex.
pub fn random_hex(rng: &dyn Rng, n: usize) -> Result<String, RngFailed> {
    let mut small = [0u8; 32];
    let mut large = Vec::new();
    let bytes = if n <= small.len() {
        &mut small[..n]
    } else {
        large.resize(n, 0);
        &mut large[..]
    };
    rng.fill(bytes)?;
    Ok(to_hex(bytes))
}

/// `bytes` as lowercase hex, as `hex::encode` writes them (without its iterator of
/// characters, which costs a dozen times more; ids, tokens and nonces are made on every
/// request).
pub fn to_hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        out.push(char::from(DIGITS[usize::from(b >> 4)]));
        out.push(char::from(DIGITS[usize::from(b & 15)]));
    }
    out
}

/// An interview the front page offers.
#[derive(Clone, Debug)]
pub struct Listed {
    /// The reference to start it (`package:data/questions/file.yml`).
    pub reference: String,
    /// The package it belongs to (for grouping).
    pub package: String,
    /// What to show (title, or the file path).
    pub label: String,
}

/// Server configuration and shared state.
pub struct Config {
    /// The interview cache.
    pub engine: Arc<dyn Engine>,
    /// Session storage.
    pub store: store::Store,
    /// Static files of packages (`/packagestatic/<package>/<path>`).
    pub files: Arc<dyn PackageFiles>,
    /// Secret for CSRF tokens and action-link signatures (32 random bytes, kept in the
    /// data directory).
    pub secret: [u8; 32],
    /// The featured interviews (the demo), shown first on the front page.
    pub featured: Vec<Listed>,
    /// Every other interview offered on the front page.
    pub listed: Vec<Listed>,
    /// Set `Secure` on cookies (when served behind TLS); the session cookies then also get
    /// the `__Host-` prefix.
    pub secure_cookies: bool,
    /// Further security options (HSTS, the server key for `multi_user` sessions).
    pub options: ServerOptions,
    /// The interviews' first screens, made once for every new session
    /// ([`crate::first_screen`]); [`FirstScreens::off`] makes each one afresh.
    pub first_screens: FirstScreens,
}

impl Config {
    /// The clock of the server ([`SystemClock`] unless the options give one).
    pub fn clock(&self) -> &dyn Clock {
        self.options.clock.as_deref().unwrap_or(&SystemClock)
    }

    /// The random source of the server's ids, tokens and nonces ([`ThreadRng`] unless the
    /// options give one; keys come from the store, drawn from the operating system).
    pub fn rng(&self) -> &dyn Rng {
        self.options.rng.as_deref().unwrap_or(&ThreadRng)
    }

    /// `n` random bytes as lowercase hex.
    pub fn random_hex(&self, n: usize) -> Result<String, RngFailed> {
        random_hex(self.rng(), n)
    }

    /// A random `u64`.
    pub fn random_u64(&self) -> Result<u64, RngFailed> {
        let mut bytes = [0u8; 8];
        self.rng().fill(&mut bytes)?;
        Ok(u64::from_le_bytes(bytes))
    }
}

/// Security options of the server beyond the basics of [`Config`].
#[derive(Clone, Debug, Default)]
pub struct ServerOptions {
    /// Send `Strict-Transport-Security` on every response (only when TLS is in front).
    pub hsts: bool,
    /// The key that wraps the data keys of `multi_user` sessions (several browsers share
    /// them). `None`: `multi_user` is not honoured and sessions stay cookie-wrapped.
    pub server_key: Option<Arc<store::ServerKey>>,
    /// How long one request may take, body upload included, before it is answered with
    /// 408 (a slow client cannot hold a worker). `None`: [`REQUEST_TIMEOUT`].
    pub request_timeout: Option<std::time::Duration>,
    /// How long the interview logic of one request may run (the deadline handed to the
    /// engine). `None`: [`EVAL_TIMEOUT`].
    pub eval_timeout: Option<std::time::Duration>,
    /// The clock; `None`: [`SystemClock`].
    pub clock: Option<Arc<dyn Clock>>,
    /// The random source; `None`: [`OsRng`].
    pub rng: Option<Arc<dyn Rng>>,
    /// Debug mode (`--debug`): attachment boxes show the Markdown tab.
    pub debug: bool,
    /// Largest multipart post (all files and fields of one request, bytes). `None`:
    /// [`crate::upload::DEFAULT_MAX_UPLOAD`]. Every other post keeps [`crate::MAX_BODY`].
    pub max_upload_size: Option<usize>,
    /// Counts the documents made on first request (typeset PDFs), when given (tests,
    /// monitoring).
    pub typeset_counter: Option<Arc<std::sync::atomic::AtomicU64>>,
}

/// Shared application state of the router.
pub type App = Arc<Config>;

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    #[test]
    fn hex_is_written_as_the_hex_crate_writes_it() {
        let bytes: Vec<u8> = (0..=255).collect();
        assert_eq!(super::to_hex(&bytes), hex::encode(&bytes));
        assert_eq!(super::to_hex(&[]), "");
        assert_eq!(super::random_hex(&super::OsRng, 40).unwrap().len(), 80);
        assert_eq!(super::random_hex(&super::OsRng, 16).unwrap().len(), 32);
    }
}
