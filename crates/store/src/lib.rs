//! Session storage for Colloquy.
//!
//! A [`Store`] keeps one row per interview session: its id, the interview reference, the
//! sealed state (see [`seal`]), an optimistic-concurrency version and timestamps; and the
//! session's files (`session_blobs`: uploads, documents, history), sealed the same way and
//! deleted with the session in one transaction. SQLite
//! (WAL, `secure_delete=ON`, `temp_store=MEMORY`, in `sqlite.rs`) is the one backend now;
//! the public API names no database type, so PostgreSQL can come in as a second backend
//! behind the same row operations.
//!
//! Plaintext state enters and leaves only through [`seal::seal`] / [`seal::open`], which
//! encrypt it under the session's [`DataKey`]; the row keeps that key only wrapped
//! (`wrapped_key`) by a [`KeyWrapper`] the database does not hold (the user's cookie secret,
//! or the server key file).

pub mod crypto;
pub mod seal;
mod sqlite;

use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

pub use crate::crypto::{fill_unpredictable, CookieSecret, DataKey, KeyWrapper, Purpose, ServerKey, WrapKind};
use crate::seal::SealContext;
use crate::sqlite::{Sqlite, Table, Updated};

/// The associated data of a session's state written as row version `version`.
fn state_ctx(id: &str, version: i64) -> SealContext<'_> {
    SealContext {
        session_id: id,
        purpose: Purpose::State,
        version: u64::try_from(version).unwrap_or(0),
    }
}

/// A file to store with a session's state (see [`Store::save_with_files`]).
#[derive(Clone, Copy, Debug)]
pub struct NewFile<'a> {
    /// What the file is (not [`Purpose::State`]).
    pub purpose: Purpose,
    /// Its number in the session.
    pub number: u64,
    /// Its plaintext bytes (sealed before they reach the database).
    pub bytes: &'a [u8],
}

/// Seals `files` of session `id` under `key`.
fn seal_files(id: &str, key: &DataKey, files: &[NewFile<'_>]) -> Result<Vec<sqlite::SealedBlob>, StoreError> {
    files
        .iter()
        .map(|f| {
            if f.purpose == Purpose::State {
                return Err(StoreError::Sealed("state is not a blob".into()));
            }
            let n = i64::try_from(f.number).map_err(|_| StoreError::Sealed("blob number".into()))?;
            let ctx = SealContext { session_id: id, purpose: f.purpose, version: f.number };
            Ok((f.purpose.as_str(), n, seal::seal(key, ctx, f.bytes)?))
        })
        .collect()
}

/// A failure of the database underneath the store (its message; the backend's own error
/// type stays private).
#[derive(Debug)]
pub struct DatabaseError(Box<dyn std::error::Error + Send + Sync>);

impl DatabaseError {
    fn new(e: impl std::error::Error + Send + Sync + 'static) -> DatabaseError {
        DatabaseError(Box::new(e))
    }
}

impl std::fmt::Display for DatabaseError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

impl std::error::Error for DatabaseError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.0.source()
    }
}

/// Errors of the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The database failed (I/O, corruption, locking).
    #[error("database error: {0}")]
    Database(#[source] DatabaseError),
    /// The session does not exist (deleted or never created).
    #[error("session not found")]
    NotFound,
    /// Another request saved the session first; reload and retry.
    #[error("session was changed by another request (version conflict)")]
    Conflict,
    /// A session with this id already exists.
    #[error("session already exists")]
    Exists,
    /// The stored state could not be sealed or opened (malformed, legacy plaintext, RNG).
    #[error("stored state unreadable: {0}")]
    Sealed(String),
    /// The database file is held by another process: SQLite's `unix-excl` VFS locks it for
    /// the process that opened it first.
    #[error("{0} is in use by another process (is another `colloquy serve` using this data directory?)")]
    InUse(String),
    /// The key material given does not open this session (wrong or tampered cookie secret,
    /// or state bytes that belong to another session or version).
    #[error("session cannot be opened with the key material given")]
    Locked,
}

/// A session read from the store, its state already opened.
#[derive(Debug, Clone)]
pub struct Session {
    /// The session's unwrapped data key, for [`Store::save`] (zeroized on drop).
    pub key: DataKey,
    /// The session id (random, from the cookie).
    pub id: String,
    /// The interview reference it runs, e.g. `docassemble.base:data/questions/x.yml`.
    pub interview: String,
    /// The plaintext state (JSON bytes).
    pub state: Vec<u8>,
    /// The version to pass to [`Store::save`].
    pub version: i64,
    /// Unix seconds of creation.
    pub created: i64,
    /// Unix seconds of the last save.
    pub modified: i64,
    /// What the data key is wrapped by now ([`WrapKind::Cookie`] for anonymous sessions,
    /// [`WrapKind::Server`] for `multi_user` ones).
    pub wrapped_by: WrapKind,
}

/// The secrets a request can offer to open a session (see [`Store::load_either`]).
#[derive(Clone, Copy, Debug, Default)]
pub struct Openers<'a> {
    /// The cookie secret the browser presented, if any.
    pub cookie: Option<&'a CookieSecret>,
    /// The server key, if the server has one (`multi_user` sessions).
    pub server: Option<&'a ServerKey>,
}

/// Where the store reads the time: Unix seconds (creation, modification, idle sweeps).
pub type UnixClock = Arc<dyn Fn() -> i64 + Send + Sync>;

/// The database behind the store.
#[derive(Clone, Debug)]
enum Backend {
    /// SQLite (a connection pool).
    Sqlite(Sqlite),
}

/// The session store (cheap to clone: a connection pool).
#[derive(Clone)]
pub struct Store {
    backend: Backend,
    clock: UnixClock,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").field("backend", &self.backend).finish_non_exhaustive()
    }
}

/// The system clock in Unix seconds.
pub fn system_now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
        .unwrap_or(0)
}

impl Store {
    fn with_backend(backend: Backend) -> Store {
        Store {
            backend,
            clock: Arc::new(system_now),
        }
    }

    /// The store reading the time from `clock` instead of the system clock (tests fix it).
    pub fn with_clock(mut self, clock: UnixClock) -> Store {
        self.clock = clock;
        self
    }

    fn now(&self) -> i64 {
        (self.clock)()
    }

    fn db(&self) -> &Sqlite {
        match &self.backend {
            Backend::Sqlite(db) => db,
        }
    }

    /// Opens (creating if missing) the SQLite database `colloquy.sqlite3` in `data_dir`
    /// and runs the migrations.
    pub async fn open_dir(data_dir: &Path) -> Result<Store, StoreError> {
        let db = Sqlite::open_dir(data_dir, system_now()).await?;
        Ok(Store::with_backend(Backend::Sqlite(db)))
    }

    /// Opens a private in-memory database (tests, benchmarks).
    pub async fn open_memory() -> Result<Store, StoreError> {
        let db = Sqlite::open_memory(system_now()).await?;
        Ok(Store::with_backend(Backend::Sqlite(db)))
    }

    /// Creates a session with version 1, its state sealed under `key` and `key` stored
    /// wrapped by `wrapper`; fails with [`StoreError::Exists`] if the id is taken.
    pub async fn create(
        &self,
        id: &str,
        interview: &str,
        state: &[u8],
        key: &DataKey,
        wrapper: KeyWrapper<'_>,
    ) -> Result<i64, StoreError> {
        self.create_with_files(id, interview, state, key, wrapper, &[]).await
    }

    /// Like [`Store::create`], and stores `files` (each sealed like [`Store::put_blob`]) in
    /// the same transaction as the state that refers to them.
    pub async fn create_with_files(
        &self,
        id: &str,
        interview: &str,
        state: &[u8],
        key: &DataKey,
        wrapper: KeyWrapper<'_>,
        files: &[NewFile<'_>],
    ) -> Result<i64, StoreError> {
        let sealed = seal::seal(key, state_ctx(id, 1), state)?;
        let wrapped = key.wrap(wrapper, id)?;
        let blobs = seal_files(id, key, files)?;
        self.db()
            .insert_session(id, interview, sealed, wrapped, self.now(), blobs)
            .await?;
        Ok(1)
    }

    /// Loads a session, unwrapping its data key with `wrapper` and opening its state;
    /// `None` if there is none with this id. [`StoreError::Locked`] if `wrapper` is not the
    /// one the key was wrapped with, or the state does not authenticate (tampered, copied
    /// from another session, or replayed from an older version).
    pub async fn load(
        &self,
        id: &str,
        wrapper: KeyWrapper<'_>,
    ) -> Result<Option<Session>, StoreError> {
        self.load_inner(id, |_| Some(wrapper)).await
    }

    /// Loads a session with whichever of `openers` its data key is wrapped by: the cookie
    /// secret for anonymous sessions, the server key for `multi_user` ones (which anyone
    /// who knows the session id may therefore open). [`StoreError::Locked`] when the
    /// needed secret is missing or wrong.
    pub async fn load_either(
        &self,
        id: &str,
        openers: Openers<'_>,
    ) -> Result<Option<Session>, StoreError> {
        self.load_inner(id, |kind| match kind {
            WrapKind::Cookie => openers.cookie.map(KeyWrapper::Cookie),
            WrapKind::Server => openers.server.map(KeyWrapper::Server),
            _ => None,
        })
        .await
    }

    async fn load_inner<'w>(
        &self,
        id: &str,
        pick: impl FnOnce(WrapKind) -> Option<KeyWrapper<'w>>,
    ) -> Result<Option<Session>, StoreError> {
        let Some(row) = self.db().session(id).await? else { return Ok(None) };
        let Some(wrapped) = row.wrapped_key else {
            return Err(StoreError::Locked);
        };
        let Some(kind) = crypto::wrapped_kind(&wrapped) else {
            return Err(StoreError::Locked);
        };
        let Some(wrapper) = pick(kind) else {
            return Err(StoreError::Locked);
        };
        let key = DataKey::unwrap_with(&wrapped, wrapper, id).map_err(|e| match e {
            crypto::CryptoError::Unauthentic | crypto::CryptoError::WrongWrapKind { .. } => {
                StoreError::Locked
            }
            other => other.into(),
        })?;
        let state = seal::open(&key, state_ctx(id, row.version), &row.state)?;
        Ok(Some(Session {
            key,
            id: id.to_string(),
            interview: row.interview,
            state,
            version: row.version,
            created: row.created,
            modified: row.modified,
            wrapped_by: kind,
        }))
    }

    /// Saves new state (sealed under the session's `key`, from [`Session::key`]) if the row
    /// is still at `expected_version`; returns the new version.
    /// [`StoreError::Conflict`] if another save came first, [`StoreError::NotFound`] if the
    /// session is gone.
    pub async fn save(
        &self,
        id: &str,
        expected_version: i64,
        state: &[u8],
        key: &DataKey,
    ) -> Result<i64, StoreError> {
        self.save_rewrapped(id, expected_version, state, key, None)
            .await
    }

    /// Like [`Store::save`], and when `rewrap` is given, stores the data key wrapped by it
    /// instead of the old wrapper, in the same update (`multi_user` turned on: the server
    /// key; turned off: the cookie secret of the browser that turned it off).
    pub async fn save_rewrapped(
        &self,
        id: &str,
        expected_version: i64,
        state: &[u8],
        key: &DataKey,
        rewrap: Option<KeyWrapper<'_>>,
    ) -> Result<i64, StoreError> {
        self.save_with_files(id, expected_version, state, key, rewrap, &[])
            .await
    }

    /// Like [`Store::save_rewrapped`], and stores `files` (each sealed like
    /// [`Store::put_blob`]) in the same transaction as the state that refers to them.
    pub async fn save_with_files(
        &self,
        id: &str,
        expected_version: i64,
        state: &[u8],
        key: &DataKey,
        rewrap: Option<KeyWrapper<'_>>,
        files: &[NewFile<'_>],
    ) -> Result<i64, StoreError> {
        let new_version = expected_version.saturating_add(1);
        let sealed = seal::seal(key, state_ctx(id, new_version), state)?;
        let wrapped = match rewrap {
            Some(wrapper) => Some(key.wrap(wrapper, id)?),
            None => None,
        };
        let blobs = seal_files(id, key, files)?;
        match self
            .db()
            .update_session(id, expected_version, sealed, wrapped, self.now(), blobs)
            .await?
        {
            Updated::Yes => Ok(new_version),
            Updated::Conflict => Err(StoreError::Conflict),
            Updated::NotFound => Err(StoreError::NotFound),
        }
    }

    /// Stores a file of a session (upload, assembled document, history snapshot) sealed
    /// under the session's `key` with associated data (session id, `purpose`, `number`);
    /// replaces an existing one with the same purpose and number.
    pub async fn put_blob(
        &self,
        id: &str,
        purpose: Purpose,
        number: u64,
        plaintext: &[u8],
        key: &DataKey,
    ) -> Result<(), StoreError> {
        let (n, sealed) = seal_blob(id, purpose, number, plaintext, key)?;
        self.db()
            .put_blob(id, purpose.as_str(), n, sealed, self.now())
            .await
    }

    /// Like [`Store::put_blob`], but keeps a file already stored under the same purpose and
    /// number (two requests making the same file at once store it once), and stores nothing
    /// for a session that no longer exists. Returns whether this call stored it.
    pub async fn put_blob_if_absent(
        &self,
        id: &str,
        purpose: Purpose,
        number: u64,
        plaintext: &[u8],
        key: &DataKey,
    ) -> Result<bool, StoreError> {
        let (n, sealed) = seal_blob(id, purpose, number, plaintext, key)?;
        self.db()
            .put_blob_if_absent(id, purpose.as_str(), n, sealed, self.now())
            .await
    }

    /// Reads back a file stored by [`Store::put_blob`]; `None` if there is none.
    pub async fn get_blob(
        &self,
        id: &str,
        purpose: Purpose,
        number: u64,
        key: &DataKey,
    ) -> Result<Option<Vec<u8>>, StoreError> {
        let n = i64::try_from(number).map_err(|_| StoreError::Sealed("blob number".into()))?;
        let Some(sealed) = self.db().get_blob(id, purpose.as_str(), n).await? else {
            return Ok(None);
        };
        let ctx = SealContext {
            session_id: id,
            purpose,
            version: number,
        };
        Ok(Some(seal::open(key, ctx, &sealed)?))
    }

    /// Number of session rows (tests, monitoring).
    pub async fn session_count(&self) -> Result<i64, StoreError> {
        self.db().count(Table::Sessions).await
    }

    /// Number of stored files of all sessions (tests, monitoring).
    pub async fn blob_count(&self) -> Result<i64, StoreError> {
        self.db().count(Table::Blobs).await
    }

    /// Deletes a session, its files and history (every row that belongs to it) in one
    /// transaction, then checkpoints the WAL; returns whether the session existed.
    pub async fn delete(&self, id: &str) -> Result<bool, StoreError> {
        self.db().delete(id).await
    }

    /// Deletes the sessions not modified for `max_idle` ([`Session::modified`]), each with
    /// its files; returns how many were deleted.
    pub async fn delete_idle(&self, max_idle: Duration) -> Result<u64, StoreError> {
        let cutoff = self
            .now()
            .saturating_sub(i64::try_from(max_idle.as_secs()).unwrap_or(i64::MAX));
        self.delete_modified_before(cutoff).await
    }

    /// Deletes the sessions (with their files) last modified before `cutoff` (Unix
    /// seconds) in one transaction; returns how many sessions were deleted.
    pub async fn delete_modified_before(&self, cutoff: i64) -> Result<u64, StoreError> {
        self.db().delete_modified_before(cutoff).await
    }

    /// Closes the database (waits for connections to finish; checkpoints the WAL).
    pub async fn close(&self) {
        self.db().close().await;
    }
}

/// A file's row number and its ciphertext, sealed under the session's key and bound to the
/// session, purpose and number (`state` is never a blob).
fn seal_blob(
    id: &str,
    purpose: Purpose,
    number: u64,
    plaintext: &[u8],
    key: &DataKey,
) -> Result<(i64, Vec<u8>), StoreError> {
    if purpose == Purpose::State {
        return Err(StoreError::Sealed("state is not a blob".into()));
    }
    let sealed = seal::seal(
        key,
        SealContext {
            session_id: id,
            purpose,
            version: number,
        },
        plaintext,
    )?;
    let n = i64::try_from(number).map_err(|_| StoreError::Sealed("blob number".into()))?;
    Ok((n, sealed))
}
