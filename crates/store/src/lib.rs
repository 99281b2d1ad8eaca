//! Session storage for Colloquy.
//!
//! A [`Store`] keeps one row per interview session: its id, the interview reference, the
//! sealed state (see [`seal`]), an optimistic-concurrency version and timestamps. SQLite
//! (WAL, `secure_delete=ON`, `temp_store=MEMORY`) is the embedded default; the SQL is kept
//! portable so PostgreSQL can use the same statements later.
//!
//! Plaintext state enters and leaves only through [`seal::seal`] / [`seal::open`].

pub mod crypto;
pub mod seal;

use std::path::Path;
use std::str::FromStr;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};
use sqlx::Row;

use crate::seal::SealContext;

/// The migrations, in order; each runs once, recorded in `colloquy_migrations`.
const MIGRATIONS: &[(i64, &str)] = &[(1, include_str!("../migrations/0001_sessions.sql"))];

/// Purpose tag of the interview state blob.
const PURPOSE_STATE: &str = "state";

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
    /// The stored state could not be sealed or opened.
    #[error("stored state unreadable: {0}")]
    Sealed(String),
}

/// A session read from the store, its state already opened.
#[derive(Debug, Clone)]
pub struct Session {
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

    /// Creates a session with version 1; fails with [`StoreError::Exists`] if the id is taken.
    pub async fn create(&self, id: &str, interview: &str, state: &[u8]) -> Result<i64, StoreError> {
        let sealed = seal::seal(
            SealContext {
                session_id: id,
                purpose: PURPOSE_STATE,
            },
            state,
        )?;
        let now = now_secs();
        let res = sqlx::query(
            "INSERT INTO sessions (id, interview, state, version, created, modified) VALUES (?, ?, ?, 1, ?, ?)",
        )
        .bind(id)
        .bind(interview)
        .bind(sealed)
        .bind(now)
        .bind(now)
        .execute(&self.pool)
        .await;
        match res {
            Ok(_) => Ok(1),
            Err(sqlx::Error::Database(e)) if e.is_unique_violation() => Err(StoreError::Exists),
            Err(e) => Err(e.into()),
        }
    }

    /// Loads a session, or `None` if there is none with this id.
    pub async fn load(&self, id: &str) -> Result<Option<Session>, StoreError> {
        let row = sqlx::query(
            "SELECT interview, state, version, created, modified FROM sessions WHERE id = ?",
        )
        .bind(id)
        .fetch_optional(&self.pool)
        .await?;
        let Some(row) = row else { return Ok(None) };
        let sealed: Vec<u8> = row.try_get("state")?;
        let state = seal::open(
            SealContext {
                session_id: id,
                purpose: PURPOSE_STATE,
            },
            &sealed,
        )?;
        Ok(Some(Session {
            id: id.to_string(),
            interview: row.try_get("interview")?,
            state,
            version: row.try_get("version")?,
            created: row.try_get("created")?,
            modified: row.try_get("modified")?,
        }))
    }

    /// Saves new state if the row is still at `expected_version`; returns the new version.
    /// [`StoreError::Conflict`] if another save came first, [`StoreError::NotFound`] if the
    /// session is gone.
    pub async fn save(
        &self,
        id: &str,
        expected_version: i64,
        state: &[u8],
    ) -> Result<i64, StoreError> {
        let sealed = seal::seal(
            SealContext {
                session_id: id,
                purpose: PURPOSE_STATE,
            },
            state,
        )?;
        let res = sqlx::query(
            "UPDATE sessions SET state = ?, version = version + 1, modified = ? WHERE id = ? AND version = ?",
        )
        .bind(sealed)
        .bind(now_secs())
        .bind(id)
        .bind(expected_version)
        .execute(&self.pool)
        .await?;
        if res.rows_affected() == 1 {
            return Ok(expected_version + 1);
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

    /// Deletes a session; returns whether it existed.
    pub async fn delete(&self, id: &str) -> Result<bool, StoreError> {
        let res = sqlx::query("DELETE FROM sessions WHERE id = ?")
            .bind(id)
            .execute(&self.pool)
            .await?;
        Ok(res.rows_affected() > 0)
    }

    /// Deletes the sessions not modified for `max_idle`; returns how many were deleted.
    pub async fn delete_idle(&self, max_idle: Duration) -> Result<u64, StoreError> {
        let cutoff =
            now_secs().saturating_sub(i64::try_from(max_idle.as_secs()).unwrap_or(i64::MAX));
        let res = sqlx::query("DELETE FROM sessions WHERE modified < ?")
            .bind(cutoff)
            .execute(&self.pool)
            .await?;
        Ok(res.rows_affected())
    }

    /// Closes the pool (waits for connections to finish; checkpoints the WAL).
    pub async fn close(&self) {
        self.pool.close().await;
    }
}
