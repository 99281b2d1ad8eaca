//! The SQLite backend of the [`crate::Store`]: the pool, the migrations and every SQL
//! statement. Rows go in and out already sealed; nothing here sees plaintext or keys.
//! (A PostgreSQL backend would be a sibling of this file behind the same row operations.)

use std::path::Path;
use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};
use sqlx::Row;
use tokio::sync::Mutex;

use crate::{DatabaseError, StoreError};

/// The migrations, in order; each runs once, recorded in `colloquy_migrations`.
const MIGRATIONS: &[(i64, &str)] = &[
    (1, include_str!("../migrations/0001_sessions.sql")),
    (2, include_str!("../migrations/0002_wrapped_key.sql")),
    (3, include_str!("../migrations/0003_blobs.sql")),
];

impl From<sqlx::Error> for StoreError {
    fn from(e: sqlx::Error) -> StoreError {
        StoreError::Database(DatabaseError::new(e))
    }
}

/// A session row as stored (state sealed, key wrapped).
pub(crate) struct SessionRow {
    pub interview: String,
    pub state: Vec<u8>,
    pub version: i64,
    pub created: i64,
    pub modified: i64,
    pub wrapped_key: Option<Vec<u8>>,
}

/// What an update of a session row did.
pub(crate) enum Updated {
    /// The row was at the expected version and now holds the new state.
    Yes,
    /// The row is at another version.
    Conflict,
    /// There is no such row.
    NotFound,
}

/// An SQLite database: one connection that writes and a pool of connections that read.
///
/// Every statement that writes goes to the one writer, so writes queue in the process and
/// never meet SQLite's lock: two connections that both want to write make one of them
/// wait in SQLite's busy handler, which sleeps 1, 2, 5, 10 … ms between tries (under load,
/// one request in a hundred lost 8–9 ms there). Readers never block the writer or each
/// other (WAL).
#[derive(Clone, Debug)]
pub(crate) struct Sqlite {
    /// The connection every write goes through.
    writer: SqlitePool,
    /// The connections that only read (the writer itself for an in-memory database).
    readers: SqlitePool,
    /// Held while a checkpoint runs: the background one and a delete's never overlap (a
    /// checkpoint that meets another one gives up at once).
    checkpointing: Arc<Mutex<()>>,
}

impl Sqlite {
    /// Opens (creating if missing) `colloquy.sqlite3` in `data_dir`.
    pub async fn open_dir(data_dir: &Path, now: i64) -> Result<Sqlite, StoreError> {
        let path = data_dir.join("colloquy.sqlite3");
        let opts = SqliteConnectOptions::new()
            .filename(&path)
            // Checkpoints run in the background (`checkpoints`), never inside a request's
            // commit: an automatic checkpoint syncs the WAL and the database file in the
            // statement that crossed the threshold, and repeats on every commit while
            // readers keep it from finishing.
            .pragma("wal_autocheckpoint", "0");
        let writer = Sqlite::pool(opts.clone(), 1).await?;
        let db = Sqlite { readers: writer.clone(), writer, checkpointing: Arc::default() };
        db.migrate(now).await?;
        let readers = Sqlite::pool(opts, 8).await?;
        tokio::spawn(checkpoints(readers.clone(), db.checkpointing.clone()));
        Ok(Sqlite { readers, ..db })
    }

    /// Opens a private in-memory database.
    pub async fn open_memory(now: i64) -> Result<Sqlite, StoreError> {
        let opts = SqliteConnectOptions::from_str("sqlite::memory:")?;
        // One connection: every in-memory connection is a separate database.
        let writer = Sqlite::pool(opts, 1).await?;
        let db = Sqlite { readers: writer.clone(), writer, checkpointing: Arc::default() };
        db.migrate(now).await?;
        Ok(db)
    }

    async fn pool(opts: SqliteConnectOptions, max: u32) -> Result<SqlitePool, StoreError> {
        let opts = opts
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Normal)
            .busy_timeout(Duration::from_secs(10))
            .pragma("secure_delete", "ON")
            .pragma("temp_store", "MEMORY");
        // No ping before each acquire: a SQLite connection is a file handle on a worker
        // thread, not a socket that can go stale, and every ping is one more thread hop.
        Ok(SqlitePoolOptions::new()
            .test_before_acquire(false)
            .max_connections(max)
            .min_connections(1)
            .idle_timeout(None)
            .max_lifetime(None)
            .connect_with(opts)
            .await?)
    }

    async fn migrate(&self, now: i64) -> Result<(), StoreError> {
        sqlx::query(
            "CREATE TABLE IF NOT EXISTS colloquy_migrations (version INTEGER PRIMARY KEY NOT NULL, applied INTEGER NOT NULL)",
        )
        .execute(&self.writer)
        .await?;
        for (version, sql) in MIGRATIONS {
            let mut tx = self.writer.begin().await?;
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
                    .bind(now)
                    .execute(&mut *tx)
                    .await?;
                tracing::info!(version, "applied store migration");
            }
            tx.commit().await?;
        }
        Ok(())
    }

    /// Inserts a session row at version 1, with its first files, in one transaction;
    /// [`StoreError::Exists`] if the id is taken.
    pub async fn insert_session(
        &self,
        id: &str,
        interview: &str,
        sealed: Vec<u8>,
        wrapped: Vec<u8>,
        now: i64,
        blobs: Vec<SealedBlob>,
    ) -> Result<(), StoreError> {
        let insert = sqlx::query(INSERT_SESSION)
            .bind(id)
            .bind(interview)
            .bind(sealed)
            .bind(now)
            .bind(now)
            .bind(wrapped);
        let exists = |res: Result<_, sqlx::Error>| match res {
            Ok(_) => Ok(()),
            Err(sqlx::Error::Database(e)) if e.is_unique_violation() => Err(StoreError::Exists),
            Err(e) => Err(StoreError::from(e)),
        };
        if blobs.is_empty() {
            // One statement commits by itself: no BEGIN/COMMIT round trips to the worker.
            return exists(insert.execute(&self.writer).await);
        }
        let mut tx = self.writer.begin().await?;
        exists(insert.execute(&mut *tx).await)?;
        insert_blobs(&mut tx, id, blobs, now).await?;
        tx.commit().await?;
        Ok(())
    }

    /// The row of session `id`, if any.
    pub async fn session(&self, id: &str) -> Result<Option<SessionRow>, StoreError> {
        let row = sqlx::query(
            "SELECT interview, state, version, created, modified, wrapped_key FROM sessions WHERE id = ?",
        )
        .bind(id)
        .fetch_optional(&self.readers)
        .await?;
        let Some(row) = row else { return Ok(None) };
        Ok(Some(SessionRow {
            interview: row.try_get("interview")?,
            state: row.try_get("state")?,
            version: row.try_get("version")?,
            created: row.try_get("created")?,
            modified: row.try_get("modified")?,
            wrapped_key: row.try_get("wrapped_key")?,
        }))
    }

    /// Replaces the state (and, when given, the wrapped key) of session `id` if it is at
    /// `expected_version`, moving it to the next version; stores `blobs` in the same
    /// transaction.
    pub async fn update_session(
        &self,
        id: &str,
        expected_version: i64,
        sealed: Vec<u8>,
        wrapped: Option<Vec<u8>>,
        now: i64,
        blobs: Vec<SealedBlob>,
    ) -> Result<Updated, StoreError> {
        let update = match wrapped {
            None => sqlx::query(
                "UPDATE sessions SET state = ?, version = version + 1, modified = ? WHERE id = ? AND version = ?",
            )
            .bind(sealed),
            Some(wrapped) => sqlx::query(
                "UPDATE sessions SET state = ?, wrapped_key = ?, version = version + 1, modified = ? WHERE id = ? AND version = ?",
            )
            .bind(sealed)
            .bind(wrapped),
        }
        .bind(now)
        .bind(id)
        .bind(expected_version);
        let updated = if blobs.is_empty() {
            // One statement commits by itself: no BEGIN/COMMIT round trips to the worker.
            update.execute(&self.writer).await?.rows_affected() == 1
        } else {
            let mut tx = self.writer.begin().await?;
            if update.execute(&mut *tx).await?.rows_affected() == 1 {
                insert_blobs(&mut tx, id, blobs, now).await?;
                tx.commit().await?;
                true
            } else {
                tx.rollback().await?;
                false
            }
        };
        if updated {
            return Ok(Updated::Yes);
        }
        let exists = sqlx::query("SELECT 1 FROM sessions WHERE id = ?")
            .bind(id)
            .fetch_optional(&self.readers)
            .await?;
        Ok(if exists.is_some() {
            Updated::Conflict
        } else {
            Updated::NotFound
        })
    }

    /// Stores (or replaces) a sealed file of a session.
    pub async fn put_blob(
        &self,
        id: &str,
        purpose: &str,
        number: i64,
        sealed: Vec<u8>,
        now: i64,
    ) -> Result<(), StoreError> {
        sqlx::query(INSERT_BLOB)
        .bind(id)
        .bind(purpose)
        .bind(number)
        .bind(sealed)
        .bind(now)
        .execute(&self.writer)
        .await?;
        Ok(())
    }

    /// Stores a sealed file of a session unless one with the same purpose and number is
    /// there, and only while the session exists; returns whether it was stored.
    pub async fn put_blob_if_absent(
        &self,
        id: &str,
        purpose: &str,
        number: i64,
        sealed: Vec<u8>,
        now: i64,
    ) -> Result<bool, StoreError> {
        let done = sqlx::query(
            "INSERT OR IGNORE INTO session_blobs (session_id, purpose, number, data, created) \
             SELECT ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM sessions WHERE id = ?)",
        )
        .bind(id)
        .bind(purpose)
        .bind(number)
        .bind(sealed)
        .bind(now)
        .bind(id)
        .execute(&self.writer)
        .await?;
        Ok(done.rows_affected() > 0)
    }

    /// A sealed file of a session, if any.
    pub async fn get_blob(
        &self,
        id: &str,
        purpose: &str,
        number: i64,
    ) -> Result<Option<Vec<u8>>, StoreError> {
        let row = sqlx::query(
            "SELECT data FROM session_blobs WHERE session_id = ? AND purpose = ? AND number = ?",
        )
        .bind(id)
        .bind(purpose)
        .bind(number)
        .fetch_optional(&self.readers)
        .await?;
        match row {
            Some(row) => Ok(Some(row.try_get("data")?)),
            None => Ok(None),
        }
    }

    /// The number of rows of `table` (`sessions` or `session_blobs`).
    pub async fn count(&self, table: Table) -> Result<i64, StoreError> {
        let sql = match table {
            Table::Sessions => "SELECT COUNT(*) AS n FROM sessions",
            Table::Blobs => "SELECT COUNT(*) AS n FROM session_blobs",
        };
        let row = sqlx::query(sql).fetch_one(&self.readers).await?;
        Ok(row.try_get("n")?)
    }

    /// Moves the WAL's content into the database file and truncates the WAL, so deleted
    /// rows (already zeroed in place by `secure_delete`) leave no older copies in the WAL.
    /// Best effort: a busy reader makes SQLite skip part of it (the next one catches up).
    async fn checkpoint(&self) {
        let _alone = self.checkpointing.lock().await;
        match sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
            .fetch_one(&self.writer)
            .await
        {
            Ok(row) if row.try_get::<i64, _>(0).unwrap_or(1) != 0 => {
                tracing::warn!("WAL checkpoint after delete left pages behind (a reader was busy)");
            }
            Ok(_) => {}
            Err(e) => tracing::warn!(error = %e, "WAL checkpoint after delete failed"),
        }
    }

    /// Deletes a session and its files in one transaction, then checkpoints the WAL;
    /// returns whether the session existed.
    pub async fn delete(&self, id: &str) -> Result<bool, StoreError> {
        let mut tx = self.writer.begin().await?;
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

    /// Deletes the sessions (with their files) last modified before `cutoff` in one
    /// transaction; returns how many sessions were deleted.
    pub async fn delete_modified_before(&self, cutoff: i64) -> Result<u64, StoreError> {
        let mut tx = self.writer.begin().await?;
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

    /// Closes the connections (waits for them to finish; the last one checkpoints the WAL).
    pub async fn close(&self) {
        self.readers.close().await;
        self.writer.close().await;
    }
}

/// How often the background checkpoint runs.
const CHECKPOINT_EVERY: Duration = Duration::from_millis(500);

/// Moves the WAL's committed pages into the database file every [`CHECKPOINT_EVERY`] until
/// the pool is closed. `PASSIVE`: it waits for no reader or writer, so no request waits for
/// it; what a reader still needs is copied by a later round.
async fn checkpoints(pool: SqlitePool, checkpointing: Arc<Mutex<()>>) {
    let start = tokio::time::Instant::now() + CHECKPOINT_EVERY;
    let mut every = tokio::time::interval_at(start, CHECKPOINT_EVERY);
    every.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        every.tick().await;
        if pool.is_closed() {
            return;
        }
        let _alone = checkpointing.lock().await;
        if let Err(e) = sqlx::query("PRAGMA wal_checkpoint(PASSIVE)").execute(&pool).await {
            if pool.is_closed() {
                return;
            }
            tracing::warn!(error = %e, "background WAL checkpoint failed");
        }
    }
}

/// A table whose rows can be counted.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Table {
    /// `sessions`.
    Sessions,
    /// `session_blobs`.
    Blobs,
}

/// A sealed file to store with a state: (purpose, number, ciphertext).
pub(crate) type SealedBlob = (&'static str, i64, Vec<u8>);

/// Inserts a session row at version 1.
const INSERT_SESSION: &str =
    "INSERT INTO sessions (id, interview, state, version, created, modified, wrapped_key) VALUES (?, ?, ?, 1, ?, ?, ?)";

/// Stores (or replaces) one sealed blob of a session.
const INSERT_BLOB: &str =
    "INSERT OR REPLACE INTO session_blobs (session_id, purpose, number, data, created) VALUES (?, ?, ?, ?, ?)";

/// Inserts (or replaces) files of session `id` inside the transaction `tx`.
async fn insert_blobs(
    tx: &mut sqlx::Transaction<'_, sqlx::Sqlite>,
    id: &str,
    blobs: Vec<SealedBlob>,
    now: i64,
) -> Result<(), StoreError> {
    for (purpose, number, sealed) in blobs {
        sqlx::query(INSERT_BLOB)
        .bind(id)
        .bind(purpose)
        .bind(number)
        .bind(sealed)
        .bind(now)
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}
