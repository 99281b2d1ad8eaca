//! Session storage for Colloquy.
//!
//! A [`Store`] keeps one row per interview session: its id, the interview reference, the
//! sealed state (see [`seal`]), an optimistic-concurrency version and timestamps; and the
//! session's files (`session_blobs`: uploads, documents, history), sealed the same way and
//! deleted with the session in one transaction. SQLite
//! (WAL, `secure_delete=ON`, `temp_store=MEMORY`) is the embedded default; the SQL is kept
//! portable so PostgreSQL can use the same statements later.
//!
//! Plaintext state enters and leaves only through [`seal::seal`] / [`seal::open`], which
//! encrypt it under the session's [`DataKey`]; the row keeps that key only wrapped
//! (`wrapped_key`) by a [`KeyWrapper`] the database does not hold (the user's cookie secret,
//! or the server key file).

pub mod crypto;
pub mod seal;

use std::path::Path;
use std::str::FromStr;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};
use sqlx::Row;

pub use crate::crypto::{CookieSecret, DataKey, KeyWrapper, Purpose, ServerKey, WrapKind};
use crate::seal::SealContext;

/// The migrations, in order; each runs once, recorded in `colloquy_migrations`.
const MIGRATIONS: &[(i64, &str)] = &[
    (1, include_str!("../migrations/0001_sessions.sql")),
    (2, include_str!("../migrations/0002_wrapped_key.sql")),
    (3, include_str!("../migrations/0003_blobs.sql")),
];

/// The associated data of a session's state written as row version `version`.
fn state_ctx(id: &str, version: i64) -> SealContext<'_> {
    SealContext {
        session_id: id,
        purpose: Purpose::State,
        version: u64::try_from(version).unwrap_or(0),
    }
}

/// Errors of the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The database failed (I/O, corruption, locking).
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
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

/// The session store (cheap to clone: a connection pool).
#[derive(Clone, Debug)]
pub struct Store {
    pool: SqlitePool,
}

fn now_secs() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
        .unwrap_or(0)
}

impl Store {
    /// Opens (creating if missing) the SQLite database `colloquy.sqlite3` in `data_dir`
    /// and runs the migrations.
    pub async fn open_dir(data_dir: &Path) -> Result<Store, StoreError> {
        let path = data_dir.join("colloquy.sqlite3");
        let opts = SqliteConnectOptions::new().filename(&path);
        Store::open_with(opts, 8).await
    }

    /// Opens a private in-memory database (tests, benchmarks).
    pub async fn open_memory() -> Result<Store, StoreError> {
        let opts = SqliteConnectOptions::from_str("sqlite::memory:")?;
        // One connection: every in-memory connection is a separate database.
        Store::open_with(opts, 1).await
    }

    async fn open_with(opts: SqliteConnectOptions, max: u32) -> Result<Store, StoreError> {
        let opts = opts
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Normal)
            .busy_timeout(Duration::from_secs(10))
            .pragma("secure_delete", "ON")
            .pragma("temp_store", "MEMORY");
        let pool = SqlitePoolOptions::new()
            .max_connections(max)
            .min_connections(1)
            .idle_timeout(None)
            .max_lifetime(None)
            .connect_with(opts)
            .await?;
        let store = Store { pool };
        store.migrate().await?;
        Ok(store)
    }

    async fn migrate(&self) -> Result<(), StoreError> {
        sqlx::query(
            "CREATE TABLE IF NOT EXISTS colloquy_migrations (version INTEGER PRIMARY KEY NOT NULL, applied INTEGER NOT NULL)",
        )
        .execute(&self.pool)
        .await?;
        for (version, sql) in MIGRATIONS {
            let mut tx = self.pool.begin().await?;
            let done = sqlx::query("SELECT version FROM colloquy_migrations WHERE version = ?")
                .bind(version)
                .fetch_optional(&mut *tx)
                .await?;
            if done.is_none() {
                for stmt in sql.split(';').map(str::trim).filter(|s| !s.is_empty()) {
                    sqlx::query(stmt).execute(&mut *tx).await?;
                }
                sqlx::query("INSERT INTO colloquy_migrations (version, applied) VALUES (?, ?)")
                    .bind(version)
                    .bind(now_secs())
                    .execute(&mut *tx)
                    .await?;
                tracing::info!(version, "applied store migration");
            }
            tx.commit().await?;
        }
        Ok(())
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
        let sealed = seal::seal(key, state_ctx(id, 1), state)?;
        let wrapped = key.wrap(wrapper, id)?;
        let now = now_secs();
        let res = sqlx::query(
            "INSERT INTO sessions (id, interview, state, version, created, modified, wrapped_key) VALUES (?, ?, ?, 1, ?, ?, ?)",
        )
        .bind(id)
        .bind(interview)
        .bind(sealed)
        .bind(now)
        .bind(now)
        .bind(wrapped)
        .execute(&self.pool)
        .await;
        match res {
            Ok(_) => Ok(1),
            Err(sqlx::Error::Database(e)) if e.is_unique_violation() => Err(StoreError::Exists),
            Err(e) => Err(e.into()),
        }
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
        let row = sqlx::query(
            "SELECT interview, state, version, created, modified, wrapped_key FROM sessions WHERE id = ?",
        )
        .bind(id)
        .fetch_optional(&self.pool)
        .await?;
        let Some(row) = row else { return Ok(None) };
        let wrapped: Option<Vec<u8>> = row.try_get("wrapped_key")?;
        let Some(wrapped) = wrapped else {
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
        let version: i64 = row.try_get("version")?;
        let sealed: Vec<u8> = row.try_get("state")?;
        let state = seal::open(&key, state_ctx(id, version), &sealed)?;
        Ok(Some(Session {
            key,
            id: id.to_string(),
            interview: row.try_get("interview")?,
            state,
            version,
            created: row.try_get("created")?,
            modified: row.try_get("modified")?,
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
        let new_version = expected_version.saturating_add(1);
        let sealed = seal::seal(key, state_ctx(id, new_version), state)?;
        let res = match rewrap {
            None => {
                sqlx::query(
                    "UPDATE sessions SET state = ?, version = version + 1, modified = ? WHERE id = ? AND version = ?",
                )
                .bind(sealed)
                .bind(now_secs())
                .bind(id)
                .bind(expected_version)
                .execute(&self.pool)
                .await?
            }
            Some(wrapper) => {
                let wrapped = key.wrap(wrapper, id)?;
                sqlx::query(
                    "UPDATE sessions SET state = ?, wrapped_key = ?, version = version + 1, modified = ? WHERE id = ? AND version = ?",
                )
                .bind(sealed)
                .bind(wrapped)
                .bind(now_secs())
                .bind(id)
                .bind(expected_version)
                .execute(&self.pool)
                .await?
            }
        };
        if res.rows_affected() == 1 {
            return Ok(new_version);
        }
        let exists = sqlx::query("SELECT 1 FROM sessions WHERE id = ?")
            .bind(id)
            .fetch_optional(&self.pool)
            .await?;
        Err(if exists.is_some() {
            StoreError::Conflict
        } else {
            StoreError::NotFound
        })
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
        sqlx::query(
            "INSERT OR REPLACE INTO session_blobs (session_id, purpose, number, data, created) VALUES (?, ?, ?, ?, ?)",
        )
        .bind(id)
        .bind(purpose.as_str())
        .bind(n)
        .bind(sealed)
        .bind(now_secs())
        .execute(&self.pool)
        .await?;
        Ok(())
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
        let row = sqlx::query(
            "SELECT data FROM session_blobs WHERE session_id = ? AND purpose = ? AND number = ?",
        )
        .bind(id)
        .bind(purpose.as_str())
        .bind(n)
        .fetch_optional(&self.pool)
        .await?;
        let Some(row) = row else { return Ok(None) };
        let sealed: Vec<u8> = row.try_get("data")?;
        let ctx = SealContext {
            session_id: id,
            purpose,
            version: number,
        };
        Ok(Some(seal::open(key, ctx, &sealed)?))
    }

    /// Number of session rows (tests, monitoring).
    pub async fn session_count(&self) -> Result<i64, StoreError> {
        let row = sqlx::query("SELECT COUNT(*) AS n FROM sessions")
            .fetch_one(&self.pool)
            .await?;
        Ok(row.try_get("n")?)
    }

    /// Number of stored files of all sessions (tests, monitoring).
    pub async fn blob_count(&self) -> Result<i64, StoreError> {
        let row = sqlx::query("SELECT COUNT(*) AS n FROM session_blobs")
            .fetch_one(&self.pool)
            .await?;
        Ok(row.try_get("n")?)
    }

    /// Moves the WAL's content into the database file and truncates the WAL, so deleted
    /// rows (already zeroed in place by `secure_delete`) leave no older copies in the WAL.
    /// Best effort: a busy reader makes SQLite skip part of it (the next one catches up).
    async fn checkpoint(&self) {
        if let Err(e) = sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
            .execute(&self.pool)
            .await
        {
            tracing::warn!(error = %e, "WAL checkpoint after delete failed");
        }
    }

    /// Deletes a session, its files and history (every row that belongs to it) in one
    /// transaction, then checkpoints the WAL; returns whether the session existed.
    pub async fn delete(&self, id: &str) -> Result<bool, StoreError> {
        let mut tx = self.pool.begin().await?;
        sqlx::query("DELETE FROM session_blobs WHERE session_id = ?")
            .bind(id)
            .execute(&mut *tx)
            .await?;
        let res = sqlx::query("DELETE FROM sessions WHERE id = ?")
            .bind(id)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        self.checkpoint().await;
        Ok(res.rows_affected() > 0)
    }

    /// Deletes the sessions not modified for `max_idle`; returns how many were deleted.
    pub async fn delete_idle(&self, max_idle: Duration) -> Result<u64, StoreError> {
        let cutoff =
            now_secs().saturating_sub(i64::try_from(max_idle.as_secs()).unwrap_or(i64::MAX));
        self.delete_modified_before(cutoff).await
    }

    /// Deletes the sessions (with their files) last modified before `cutoff` (Unix
    /// seconds) in one transaction; returns how many sessions were deleted.
    pub async fn delete_modified_before(&self, cutoff: i64) -> Result<u64, StoreError> {
        let mut tx = self.pool.begin().await?;
        sqlx::query(
            "DELETE FROM session_blobs WHERE session_id IN (SELECT id FROM sessions WHERE modified < ?)",
        )
        .bind(cutoff)
        .execute(&mut *tx)
        .await?;
        let res = sqlx::query("DELETE FROM sessions WHERE modified < ?")
            .bind(cutoff)
            .execute(&mut *tx)
            .await?;
        // Files whose session is gone (never expected; cleaned up all the same).
        sqlx::query("DELETE FROM session_blobs WHERE session_id NOT IN (SELECT id FROM sessions)")
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        if res.rows_affected() > 0 {
            self.checkpoint().await;
        }
        Ok(res.rows_affected())
    }

    /// Closes the pool (waits for connections to finish; checkpoints the WAL).
    pub async fn close(&self) {
        self.pool.close().await;
    }
}
