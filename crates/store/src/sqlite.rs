//! The SQLite backend of the [`crate::Store`]: the connections, the migrations and every SQL
//! statement. Rows go in and out already sealed; nothing here sees plaintext or keys.
//! (A PostgreSQL backend would be a sibling of this file behind the same row operations.)
//!
//! Statements run on the calling thread, through `rusqlite`: a session read or write is a
//! few dozen microseconds of page-cache work (WAL, `synchronous=NORMAL`: a commit appends
//! to the WAL and does not sync), cheaper than handing it to a worker thread and back,
//! which is what every statement cost through sqlx's SQLite driver (two thread wake-ups
//! per statement, 10–15% of a request's CPU). What syncs the disk or scales with the
//! amount of data (checkpoints, the idle-session sweep) runs on tokio's blocking pool.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use rusqlite::{params, Connection, OptionalExtension};
use tokio::sync::Mutex;

use crate::{DatabaseError, StoreError};

/// The migrations, in order; each runs once, recorded in `colloquy_migrations`.
const MIGRATIONS: &[(i64, &str)] = &[
    (1, include_str!("../migrations/0001_sessions.sql")),
    (2, include_str!("../migrations/0002_wrapped_key.sql")),
    (3, include_str!("../migrations/0003_blobs.sql")),
    (4, include_str!("../migrations/0004_no_modified_index.sql")),
];

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> StoreError {
        StoreError::Database(DatabaseError::new(e))
    }
}

/// The error of an operation on a closed database.
fn closed() -> StoreError {
    StoreError::Database(DatabaseError::new(std::io::Error::other("the database is closed")))
}

/// The error of a blocking-pool task that did not finish (it panicked).
fn lost(e: tokio::task::JoinError) -> StoreError {
    StoreError::Database(DatabaseError::new(std::io::Error::other(format!(
        "a database task failed: {e}"
    ))))
}

/// How many session rows the idle sweep reads in one transaction (the writer is free for
/// other requests between two).
const SWEEP_SLICE: i64 = 2000;

/// A session row as stored (state sealed, key wrapped).
#[derive(Clone, Debug)]
pub(crate) struct SessionRow {
    pub interview: String,
    pub state: Vec<u8>,
    pub version: i64,
    pub created: i64,
    pub modified: i64,
    pub wrapped_key: Option<Vec<u8>>,
}

/// What an update wrote besides the state (for the kept copy of the row).
struct Written {
    interview: String,
    created: i64,
    modified: i64,
    wrapped_key: Option<Vec<u8>>,
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

/// The connection every write goes through; `None` once closed.
type Writer = Arc<Mutex<Option<Connection>>>;

/// An SQLite database: one connection that writes and connections that read.
///
/// Every statement that writes goes to the one writer, so writes queue in the process (an
/// async wait for the writer, no thread blocked) and never meet SQLite's lock: two
/// connections that both want to write make one of them wait in SQLite's busy handler,
/// which sleeps 1, 2, 5, 10 … ms between tries. Readers never block the writer or each
/// other (WAL).
#[derive(Clone, Debug)]
pub(crate) struct Sqlite {
    writer: Writer,
    /// The connections that only read; `None` for an in-memory database (whose every
    /// connection is a separate database: reads go to the writer).
    readers: Option<Arc<Readers>>,
    /// Held while a checkpoint runs: the background one and a delete's never overlap (a
    /// checkpoint that meets another one gives up at once).
    checkpointing: Arc<Mutex<()>>,
    /// The session rows this process last wrote or read, as stored (sealed).
    rows: Arc<std::sync::Mutex<Rows>>,
}

/// How many bytes of sealed state [`Rows`] keeps.
const KEEP_ROW_BYTES: usize = 32 << 20;

/// Session rows as this process last wrote or read them (sealed, as in the database), so
/// that opening a session reads no page: a read connection re-reads every page it needs
/// after any commit by another connection, and the session read was the largest part of
/// opening a session (7 % of an answer's CPU). Only this process writes the database (the
/// `unix-excl` lock keeps every other process out), and every write of a session row goes
/// through [`Sqlite`], which keeps the copy up to date under the writer's lock: a row is
/// replaced by what was committed, dropped when it is deleted or when an update finds
/// another version than the one expected. A read adds what it found only if no delete (or
/// update that found another version) came in while it ran (`generation`), and only if no
/// newer version is kept.
/// Oldest first out past [`KEEP_ROW_BYTES`]. What it holds is ciphertext, as on disk.
#[derive(Debug)]
struct Rows {
    map: std::collections::HashMap<String, SessionRow>,
    /// Ids in the order they came in (an id may be here more than once, or no longer in
    /// `map`).
    order: std::collections::VecDeque<String>,
    /// The sealed bytes held in `map`.
    bytes: usize,
    /// Moves on at every delete and every update that found another version: a read that
    /// began before it does not add what it found.
    generation: u64,
    /// The most sealed bytes kept.
    budget: usize,
}

impl Default for Rows {
    fn default() -> Rows {
        Rows::with_budget(KEEP_ROW_BYTES)
    }
}

impl Rows {
    fn with_budget(budget: usize) -> Rows {
        Rows {
            map: std::collections::HashMap::new(),
            order: std::collections::VecDeque::new(),
            bytes: 0,
            generation: 0,
            budget,
        }
    }

    /// The kept row of session `id`; else the generation that a read of it from the
    /// database gives [`Rows::put_read`].
    fn get(&self, id: &str) -> Result<SessionRow, u64> {
        self.map.get(id).cloned().ok_or(self.generation)
    }

    /// Keeps `row`, read from the database by a read that began at `generation`, unless a
    /// delete (or an update that found another version) came in since, or a newer version
    /// is kept.
    fn put_read(&mut self, id: &str, row: &SessionRow, generation: u64) {
        let newer = self.map.get(id).is_none_or(|kept| kept.version < row.version);
        if self.generation == generation && newer {
            self.put(id, row.clone());
        }
    }

    fn size(row: &SessionRow) -> usize {
        row.state.len() + row.interview.len() + row.wrapped_key.as_ref().map_or(0, Vec::len) + 64
    }

    /// Keeps `row` as session `id`'s.
    fn put(&mut self, id: &str, row: SessionRow) {
        self.bytes += Rows::size(&row);
        match self.map.get_mut(id) {
            Some(old) => {
                let old = std::mem::replace(old, row);
                self.bytes -= Rows::size(&old);
            }
            None => {
                self.map.insert(id.to_string(), row);
                self.order.push_back(id.to_string());
            }
        }
        while self.bytes > self.budget {
            let Some(oldest) = self.order.pop_front() else { break };
            if let Some(gone) = self.map.remove(&oldest) {
                self.bytes -= Rows::size(&gone);
            }
        }
        if self.order.len() > 2 * self.map.len() + 64 {
            let map = &self.map;
            self.order.retain(|id| map.contains_key(id));
        }
    }

    /// Forgets session `id`'s row; reads under way keep nothing.
    fn forget(&mut self, id: &str) {
        self.generation += 1;
        if let Some(gone) = self.map.remove(id) {
            self.bytes -= Rows::size(&gone);
        }
    }

    /// Forgets every row; reads under way keep nothing.
    fn clear(&mut self) {
        self.generation += 1;
        self.map.clear();
        self.order.clear();
        self.bytes = 0;
    }
}

/// Idle read connections, opened on demand (one per thread reading at once) and kept up
/// to [`KEEP_READERS`].
#[derive(Debug)]
struct Readers {
    path: PathBuf,
    idle: std::sync::Mutex<Vec<Connection>>,
    closed: AtomicBool,
}

/// How many idle read connections are kept.
const KEEP_READERS: usize = 8;

impl Readers {
    /// Runs `f` on an idle read connection (a new one if none is idle).
    fn with<T>(&self, f: impl FnOnce(&Connection) -> Result<T, StoreError>) -> Result<T, StoreError> {
        if self.closed.load(Ordering::Acquire) {
            return Err(closed());
        }
        let idle = self.idle.lock().map_err(|_| closed())?.pop();
        let conn = match idle {
            Some(c) => c,
            None => open(&self.path)?,
        };
        let out = f(&conn);
        if let Ok(mut idle) = self.idle.lock() {
            if idle.len() < KEEP_READERS && !self.closed.load(Ordering::Acquire) {
                idle.push(conn);
            }
        }
        out
    }
}

/// Opens a connection to the database file at `path` with the settings every connection
/// has.
///
/// Through SQLite's `unix-excl` VFS: the first connection takes an exclusive lock on the
/// file, so no other process opens the database while the server has it (a second server on
/// the same data directory fails to start instead of sharing it), and the WAL index lives in
/// this process's memory, not in a mapped `-shm` file whose locks are `fcntl` calls (every
/// transaction took and released several: a tenth of an answer POST's server time).
/// Connections of this process share the lock and the index.
fn open(path: &Path) -> Result<Connection, StoreError> {
    let conn = Connection::open_with_flags_and_vfs(path, rusqlite::OpenFlags::default(), "unix-excl")?;
    configure(&conn)?;
    // Checkpoints run in the background (`checkpoints`), never inside a request's commit:
    // an automatic checkpoint syncs the WAL and the database file in the statement that
    // crossed the threshold, and repeats on every commit while readers keep it from
    // finishing.
    conn.execute_batch("PRAGMA wal_autocheckpoint = 0")?;
    Ok(conn)
}

/// WAL, `synchronous=NORMAL` (a commit survives a crash of the process; a power loss can lose
/// the last commits, never corrupt the file: the WAL is synced at each checkpoint), deleted
/// content zeroed (`secure_delete`), temporary tables in memory, prepared statements
/// cached. A WAL rewound after a burst of writes is cut back to 64 MiB
/// (`journal_size_limit`); below that its file is reused as it is (writing over blocks the
/// file already has is cheaper than growing it).
fn configure(conn: &Connection) -> Result<(), StoreError> {
    let _mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
    conn.execute_batch(
        "PRAGMA synchronous = NORMAL; PRAGMA secure_delete = ON; PRAGMA temp_store = MEMORY; \
         PRAGMA journal_size_limit = 67108864;",
    )?;
    conn.busy_timeout(Duration::from_secs(10))?;
    conn.set_prepared_statement_cache_capacity(32);
    Ok(())
}

/// Whether `e` is SQLite's "database is locked": another process holds the file.
fn is_busy(e: &StoreError) -> bool {
    matches!(e, StoreError::Database(d) if d.0.downcast_ref::<rusqlite::Error>()
        .is_some_and(|e| e.sqlite_error_code() == Some(rusqlite::ErrorCode::DatabaseBusy)))
}

/// Whether `e` is a primary-key or unique constraint failure.
fn is_unique_violation(e: &rusqlite::Error) -> bool {
    use rusqlite::ffi;
    matches!(e, rusqlite::Error::SqliteFailure(f, _)
        if f.extended_code == ffi::SQLITE_CONSTRAINT_PRIMARYKEY
            || f.extended_code == ffi::SQLITE_CONSTRAINT_UNIQUE)
}

impl Sqlite {
    /// Opens (creating if missing) `colloquy.sqlite3` in `data_dir`.
    pub async fn open_dir(data_dir: &Path, now: i64) -> Result<Sqlite, StoreError> {
        let path = data_dir.join("colloquy.sqlite3");
        // The writer keeps SQLite's default page cache (2 MiB). A larger one saved a `pread`
        // of the id index now and then, but every commit ends by scanning the cache's hash
        // table (`pcache1TruncateUnsafe`), whose size follows the cache's: at 32 MiB that
        // scan was 3 % of a fields.yml walk's server time, against 0.4 % at 2 MiB.
        let conn = open(&path).and_then(|conn| migrate(&conn, now).map(|()| conn));
        let conn = conn.map_err(|e| {
            if is_busy(&e) {
                StoreError::InUse(path.display().to_string())
            } else {
                e
            }
        })?;
        let readers = Arc::new(Readers { path, idle: std::sync::Mutex::default(), closed: AtomicBool::new(false) });
        let db = Sqlite {
            writer: Arc::new(Mutex::new(Some(conn))),
            readers: Some(readers.clone()),
            checkpointing: Arc::default(),
            rows: Arc::default(),
        };
        tokio::spawn(checkpoints(readers, db.writer.clone(), db.checkpointing.clone()));
        Ok(db)
    }

    /// Opens a private in-memory database.
    pub async fn open_memory(now: i64) -> Result<Sqlite, StoreError> {
        let conn = Connection::open_in_memory()?;
        configure(&conn)?;
        migrate(&conn, now)?;
        Ok(Sqlite { writer: Arc::new(Mutex::new(Some(conn))), readers: None, checkpointing: Arc::default(), rows: Arc::default() })
    }

    /// The kept rows (a poisoned lock is taken as it is: every change to them is whole).
    fn rows(&self) -> std::sync::MutexGuard<'_, Rows> {
        self.rows.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Runs `f` on the writer, once it is free.
    async fn write<T>(&self, f: impl FnOnce(&Connection) -> Result<T, StoreError>) -> Result<T, StoreError> {
        let w = self.writer.lock().await;
        f(w.as_ref().ok_or_else(closed)?)
    }

    /// Runs `f` on the writer when it is free, else on a read connection (the writer, once
    /// free, for an in-memory database).
    ///
    /// The writer first: its page cache holds what it wrote, while a read connection drops
    /// its whole cache whenever another connection has committed since its last read (in
    /// WAL mode), then reads every page again from the WAL and the file (in the demo walk's
    /// profile, the state read's share halved: 8.5 % → 4.3 % of samples).
    async fn read<T>(&self, f: impl FnOnce(&Connection) -> Result<T, StoreError>) -> Result<T, StoreError> {
        match &self.readers {
            Some(r) => match self.writer.try_lock() {
                Ok(w) => match w.as_ref() {
                    Some(c) => f(c),
                    None => Err(closed()),
                },
                Err(_) => r.with(f),
            },
            None => {
                let w = self.writer.lock().await;
                f(w.as_ref().ok_or_else(closed)?)
            }
        }
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
        self.write(|w| {
            atomically(w, !blobs.is_empty(), |conn| {
                match conn.prepare_cached(INSERT_SESSION)?.execute(params![id, interview, sealed, now, now, wrapped]) {
                    Ok(_) => {}
                    Err(e) if is_unique_violation(&e) => return Err(StoreError::Exists),
                    Err(e) => return Err(e.into()),
                }
                insert_blobs(conn, id, &blobs, now)
            })?;
            let row = SessionRow {
                interview: interview.to_string(),
                state: sealed,
                version: 1,
                created: now,
                modified: now,
                wrapped_key: Some(wrapped),
            };
            self.rows().put(id, row);
            Ok(())
        })
        .await
    }

    /// The row of session `id`, if any.
    pub async fn session(&self, id: &str) -> Result<Option<SessionRow>, StoreError> {
        let generation = match self.rows().get(id) {
            Ok(row) => return Ok(Some(row)),
            Err(generation) => generation,
        };
        let found = self.read_session(id).await?;
        if let Some(row) = &found {
            self.rows().put_read(id, row, generation);
        }
        Ok(found)
    }

    /// The row of session `id` as the database has it.
    async fn read_session(&self, id: &str) -> Result<Option<SessionRow>, StoreError> {
        self.read(|c| {
            Ok(c.prepare_cached(
                "SELECT interview, state, version, created, modified, wrapped_key FROM sessions WHERE id = ?",
            )?
            .query_row([id], |row| {
                Ok(SessionRow {
                    interview: row.get(0)?,
                    state: row.get(1)?,
                    version: row.get(2)?,
                    created: row.get(3)?,
                    modified: row.get(4)?,
                    wrapped_key: row.get(5)?,
                })
            })
            .optional()?)
        })
        .await
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
        self.write(|w| {
            let done = atomically(w, !blobs.is_empty(), |conn| {
                // `COALESCE(?2, wrapped_key)`: the new wrapped key when there is one; what the
                // row keeps besides comes back for the kept copy
                let updated = conn
                    .prepare_cached(
                        "UPDATE sessions SET state = ?1, wrapped_key = COALESCE(?2, wrapped_key), version = version + 1, \
                         modified = ?5 WHERE id = ?3 AND version = ?4 \
                         RETURNING interview, created, modified, wrapped_key",
                    )?
                    .query_row(params![sealed, wrapped, id, expected_version, now], |r| {
                        Ok(Written { interview: r.get(0)?, created: r.get(1)?, modified: r.get(2)?, wrapped_key: r.get(3)? })
                    })
                    .optional()?;
                if let Some(row) = updated {
                    insert_blobs(conn, id, &blobs, now)?;
                    return Ok(Ok(row));
                }
                // nothing was written
                let exists = conn.prepare_cached("SELECT 1 FROM sessions WHERE id = ?")?.exists([id])?;
                Ok(Err(if exists { Updated::Conflict } else { Updated::NotFound }))
            });
            match done {
                Ok(Ok(Written { interview, created, modified, wrapped_key })) => {
                    let version = expected_version + 1;
                    self.rows().put(id, SessionRow { interview, state: sealed, version, created, modified, wrapped_key });
                    Ok(Updated::Yes)
                }
                Ok(Err(not)) => {
                    self.rows().forget(id);
                    Ok(not)
                }
                Err(e) => {
                    self.rows().forget(id);
                    Err(e)
                }
            }
        })
        .await
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
        self.write(|w| {
            w.prepare_cached(INSERT_BLOB)?.execute(params![id, purpose, number, sealed, now])?;
            Ok(())
        })
        .await
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
        self.write(|w| {
            let n = w
                .prepare_cached(
                    "INSERT OR IGNORE INTO session_blobs (session_id, purpose, number, data, created) \
                     SELECT ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM sessions WHERE id = ?)",
                )?
                .execute(params![id, purpose, number, sealed, now, id])?;
            Ok(n > 0)
        })
        .await
    }

    /// A sealed file of a session, if any.
    pub async fn get_blob(
        &self,
        id: &str,
        purpose: &str,
        number: i64,
    ) -> Result<Option<Vec<u8>>, StoreError> {
        self.read(|c| {
            Ok(c.prepare_cached(
                "SELECT data FROM session_blobs WHERE session_id = ? AND purpose = ? AND number = ?",
            )?
            .query_row(params![id, purpose, number], |row| row.get(0))
            .optional()?)
        })
        .await
    }

    /// The number of rows of `table` (`sessions` or `session_blobs`).
    pub async fn count(&self, table: Table) -> Result<i64, StoreError> {
        let sql = match table {
            Table::Sessions => "SELECT COUNT(*) FROM sessions",
            Table::Blobs => "SELECT COUNT(*) FROM session_blobs",
        };
        self.read(|c| Ok(c.query_row(sql, [], |row| row.get(0))?)).await
    }

    /// Moves the WAL's content into the database file and truncates the WAL, so deleted
    /// rows (already zeroed in place by `secure_delete`) leave no older copies in the WAL.
    /// On the writer (writes queue behind it) and the blocking pool (it syncs the disk).
    /// Best effort: a busy reader makes SQLite skip part of it (the next one catches up).
    async fn checkpoint(&self) {
        let alone = self.checkpointing.clone().lock_owned().await;
        let writer = self.writer.clone().lock_owned().await;
        let done = tokio::task::spawn_blocking(move || {
            let _alone = alone;
            let Some(w) = writer.as_ref() else { return Ok(0) };
            w.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |row| row.get::<_, i64>(0))
        })
        .await;
        match done {
            Ok(Ok(0)) => {}
            Ok(Ok(_)) => tracing::warn!("WAL checkpoint after delete left pages behind (a reader was busy)"),
            Ok(Err(e)) => tracing::warn!(error = %e, "WAL checkpoint after delete failed"),
            Err(e) => tracing::warn!(error = %e, "WAL checkpoint after delete did not finish"),
        }
    }

    /// Deletes a session and its files in one transaction, then checkpoints the WAL;
    /// returns whether the session existed.
    pub async fn delete(&self, id: &str) -> Result<bool, StoreError> {
        let existed = self
            .write(|w| {
                let deleted = atomically(w, true, |tx| {
                    tx.prepare_cached("DELETE FROM session_blobs WHERE session_id = ?")?.execute([id])?;
                    let n = tx.prepare_cached("DELETE FROM sessions WHERE id = ?")?.execute([id])?;
                    Ok(n > 0)
                });
                self.rows().forget(id);
                deleted
            })
            .await?;
        self.checkpoint().await;
        Ok(existed)
    }

    /// Deletes the sessions (each with its files, in the same transaction) last modified
    /// before `cutoff`, on the blocking pool; returns how many sessions were deleted.
    pub async fn delete_modified_before(&self, cutoff: i64) -> Result<u64, StoreError> {
        self.delete_modified_before_by(cutoff, SWEEP_SLICE).await
    }

    /// [`Sqlite::delete_modified_before`], reading `slice` rows per transaction: `modified`
    /// has no index (every new session and every save would write a page of it), so the
    /// sweep reads the table in the order of its rows, a slice at a time, and other requests
    /// get the writer between two slices. A session saved meanwhile is judged by its new
    /// `modified`.
    async fn delete_modified_before_by(&self, cutoff: i64, slice: i64) -> Result<u64, StoreError> {
        let mut after = i64::MIN;
        let mut swept = 0i64;
        loop {
            let writer = self.writer.clone().lock_owned().await;
            let rows = self.rows.clone();
            let (n, last) = tokio::task::spawn_blocking(move || {
                let conn = writer.as_ref().ok_or_else(closed)?;
                let done = atomically(conn, true, |tx| {
                    let last: Option<i64> = tx.query_row(
                        "SELECT max(rowid) FROM (SELECT rowid FROM sessions WHERE rowid > ?1 ORDER BY rowid LIMIT ?2)",
                        [after, slice],
                        |r| r.get(0),
                    )?;
                    let Some(last) = last else { return Ok((0, None)) };
                    tx.execute(
                        "DELETE FROM session_blobs WHERE session_id IN \
                         (SELECT id FROM sessions WHERE rowid > ?1 AND rowid <= ?2 AND modified < ?3)",
                        [after, last, cutoff],
                    )?;
                    let n = tx.execute(
                        "DELETE FROM sessions WHERE rowid > ?1 AND rowid <= ?2 AND modified < ?3",
                        [after, last, cutoff],
                    )?;
                    Ok((n, Some(last)))
                });
                if matches!(done, Ok((n, _)) if n > 0) {
                    // with the writer still held; reads under way keep nothing they found
                    rows.lock().unwrap_or_else(std::sync::PoisonError::into_inner).clear();
                }
                done
            })
            .await
            .map_err(lost)??;
            swept += i64::try_from(n).unwrap_or(i64::MAX);
            match last {
                Some(last) => after = last,
                None => break,
            }
        }
        // Files whose session is gone (never expected; cleaned up all the same).
        self.write(|w| Ok(w.execute("DELETE FROM session_blobs WHERE session_id NOT IN (SELECT id FROM sessions)", [])?))
            .await?;
        if swept > 0 {
            self.checkpoint().await;
        }
        Ok(u64::try_from(swept).unwrap_or(u64::MAX))
    }

    /// Closes the connections, the writer last (the last connection to close checkpoints
    /// the WAL and removes it).
    pub async fn close(&self) {
        let _alone = self.checkpointing.lock().await;
        if let Some(r) = &self.readers {
            r.closed.store(true, Ordering::Release);
            if let Ok(mut idle) = r.idle.lock() {
                idle.clear();
            }
        }
        let conn = self.writer.lock().await.take();
        drop(conn);
        self.rows().clear();
    }
}

/// Runs `f` on `conn` in one transaction when it makes `several` statements (committed when
/// `f` succeeds, rolled back when it fails); a single statement commits by itself, without
/// BEGIN and COMMIT.
fn atomically<T>(
    conn: &Connection,
    several: bool,
    f: impl FnOnce(&Connection) -> Result<T, StoreError>,
) -> Result<T, StoreError> {
    if !several {
        return f(conn);
    }
    let tx = conn.unchecked_transaction()?;
    let out = f(&tx)?;
    tx.commit()?;
    Ok(out)
}

/// Creates the tables: each migration runs once, in its own transaction.
fn migrate(conn: &Connection, now: i64) -> Result<(), StoreError> {
    conn.execute_batch(
        "CREATE TABLE IF NOT EXISTS colloquy_migrations (version INTEGER PRIMARY KEY NOT NULL, applied INTEGER NOT NULL)",
    )?;
    for (version, sql) in MIGRATIONS {
        let tx = conn.unchecked_transaction()?;
        let done = tx
            .prepare("SELECT 1 FROM colloquy_migrations WHERE version = ?")?
            .exists([version])?;
        if !done {
            tx.execute_batch(sql)?;
            tx.execute("INSERT INTO colloquy_migrations (version, applied) VALUES (?, ?)", params![version, now])?;
            tracing::info!(version, "applied store migration");
        }
        tx.commit()?;
    }
    Ok(())
}

/// How often the background checkpoint runs.
const CHECKPOINT_EVERY: Duration = Duration::from_millis(500);

/// The most passes a checkpoint makes on a read connection before its last pass on the
/// writer.
const READER_PASSES: usize = 4;

/// How many frames written during a pass are few enough to copy with writes waiting (a
/// megabyte of pages: a millisecond or two, most of it the two syncs any checkpoint does).
const FEW_FRAMES: i64 = 256;

/// Moves the WAL's committed pages into the database file every [`CHECKPOINT_EVERY`] until
/// the database is closed, on the blocking pool (it syncs the disk). Every pass is
/// `PASSIVE` (it waits for no reader):
///
/// 1. passes on a read connection, which no request waits for, each copying what was
///    written during the one before, until few frames came in meanwhile (or after
///    [`READER_PASSES`]);
/// 2. unless no frame came in during the last of them and it copied them all, one pass on
///    the writer, which copies the rest while writes wait.
///
/// The pass on the writer is what lets the WAL start again from its beginning: SQLite
/// rewinds the WAL at the first write after a checkpoint that copied *every* frame, and
/// under a steady stream of writes a checkpoint on another connection never catches up
/// with the last one. Without it the WAL grew without end (700 MB after six seconds of new
/// sessions): each commit appended to a growing file (the file system allocating blocks)
/// and the WAL's index, searched on every page read, grew with it. What a reader still
/// needs is left for a later round.
async fn checkpoints(readers: Arc<Readers>, writer: Writer, checkpointing: Arc<Mutex<()>>) {
    let start = tokio::time::Instant::now() + CHECKPOINT_EVERY;
    let mut every = tokio::time::interval_at(start, CHECKPOINT_EVERY);
    every.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        every.tick().await;
        let alone = checkpointing.clone().lock_owned().await;
        if readers.closed.load(Ordering::Acquire) {
            return;
        }
        let r = readers.clone();
        let bulk = tokio::task::spawn_blocking(move || {
            let mut last = r.with(passive_checkpoint)?;
            let mut written = i64::MAX;
            for _ in 1..READER_PASSES {
                let next = r.with(passive_checkpoint)?;
                written = next.frames - last.frames;
                last = next;
                if written <= FEW_FRAMES {
                    break;
                }
            }
            // nothing came in during the last pass and it copied every frame: the next write
            // rewinds the WAL by itself, and the writer is left alone (an idle server's WAL)
            Ok::<_, StoreError>(written == 0 && last.copied >= last.frames)
        })
        .await;
        match bulk {
            Ok(Ok(true)) => continue,
            Ok(Ok(false)) => {}
            Ok(Err(e)) => {
                if readers.closed.load(Ordering::Acquire) {
                    return;
                }
                tracing::warn!(error = %e, "background WAL checkpoint failed");
                continue;
            }
            Err(e) => {
                tracing::warn!(error = %e, "background WAL checkpoint failed");
                continue;
            }
        }
        let w = writer.clone().lock_owned().await;
        let rest = tokio::task::spawn_blocking(move || {
            let _alone = alone;
            match w.as_ref() {
                Some(c) => passive_checkpoint(c).map(Some),
                None => Ok(None),
            }
        })
        .await;
        match rest {
            Ok(Ok(Some(_))) => {}
            Ok(Ok(None)) => return,
            Ok(Err(e)) => tracing::warn!(error = %e, "background WAL checkpoint failed"),
            Err(e) => tracing::warn!(error = %e, "background WAL checkpoint failed"),
        }
    }
}

/// What a checkpoint pass found: the frames in the WAL when it began, and how many of them
/// are in the database file.
#[derive(Clone, Copy, Debug)]
struct Checkpointed {
    frames: i64,
    copied: i64,
}

/// `PRAGMA wal_checkpoint(PASSIVE)` on `conn`.
fn passive_checkpoint(conn: &Connection) -> Result<Checkpointed, StoreError> {
    Ok(conn.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |row| {
        Ok(Checkpointed { frames: row.get(1)?, copied: row.get(2)? })
    })?)
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

/// Inserts (or replaces) files of session `id` inside the transaction on `conn`.
fn insert_blobs(conn: &Connection, id: &str, blobs: &[SealedBlob], now: i64) -> Result<(), StoreError> {
    for (purpose, number, sealed) in blobs {
        conn.prepare_cached(INSERT_BLOB)?.execute(params![id, purpose, number, sealed, now])?;
    }
    Ok(())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::{Rows, SessionRow, Sqlite, SealedBlob};

    /// The sweep reads the table a slice at a time: with slices of 3 rows, it deletes every
    /// idle session among 20 (and their files), keeps the others, and a session saved since
    /// is judged by its new `modified`.
    #[tokio::test]
    async fn the_idle_sweep_reads_the_table_in_slices_and_misses_no_row() {
        let dir = tempfile::tempdir().unwrap();
        let db = Sqlite::open_dir(dir.path(), 100).await.unwrap();
        for i in 0..20i64 {
            // every third session is recent, the others idle since time 10 + i
            let now = if i % 3 == 0 { 1000 + i } else { 10 + i };
            let file: SealedBlob = ("upload", 1, vec![1, 2, 3]);
            db.insert_session(&format!("s{i:02}"), "iv", vec![0; 50], vec![1; 8], now, vec![file]).await.unwrap();
        }
        // s01, idle, is saved again before the sweep
        assert!(matches!(db.update_session("s01", 1, vec![2; 50], None, 2000, Vec::new()).await.unwrap(), super::Updated::Yes));
        let swept = db.delete_modified_before_by(500, 3).await.unwrap();
        let left: Vec<String> = db
            .write(|w| {
                let mut st = w.prepare("SELECT id FROM sessions ORDER BY id")?;
                let ids = st.query_map([], |r| r.get(0))?.collect::<Result<Vec<String>, _>>()?;
                Ok(ids)
            })
            .await
            .unwrap();
        let kept: Vec<String> = (0..20).filter(|i| i % 3 == 0 || *i == 1).map(|i| format!("s{i:02}")).collect();
        assert_eq!(left, kept);
        assert_eq!(swept, 20 - kept.len() as u64);
        assert_eq!(db.count(super::Table::Blobs).await.unwrap(), kept.len() as i64, "the files went with their sessions");
        assert_eq!(db.delete_modified_before_by(500, 3).await.unwrap(), 0, "nothing left to sweep");
        // the migrations leave `modified` without an index (the sweep needs none)
        let indexes: i64 = db
            .write(|w| Ok(w.query_row("SELECT count(*) FROM sqlite_master WHERE name = 'sessions_modified'", [], |r| r.get(0))?))
            .await
            .unwrap();
        assert_eq!(indexes, 0);
    }

    fn row(version: i64, bytes: usize) -> SessionRow {
        SessionRow {
            interview: "i".into(),
            state: vec![0; bytes],
            version,
            created: 1,
            modified: 1,
            wrapped_key: Some(vec![1; 8]),
        }
    }

    /// What a read found is kept only if nothing was deleted (or found at another version)
    /// since the read began, and if no newer version is kept; a write's row always is.
    #[test]
    fn a_read_keeps_what_it_found_only_if_nothing_changed_meanwhile() {
        let mut rows = Rows::default();
        let began = rows.get("a").unwrap_err();
        rows.forget("a"); // "a" deleted while the read ran
        rows.put_read("a", &row(1, 10), began);
        assert!(rows.get("a").is_err(), "a deleted session came back");
        let began = rows.get("a").unwrap_err();
        rows.put_read("a", &row(1, 10), began);
        assert_eq!(rows.get("a").unwrap().version, 1);
        // an update (version 2) lands while another read of version 1 runs
        let began = rows.generation;
        rows.put("a", row(2, 10));
        rows.put_read("a", &row(1, 10), began);
        assert_eq!(rows.get("a").unwrap().version, 2, "an older version replaced a newer one");
        rows.clear();
        assert!(rows.get("a").is_err());
        assert_eq!((rows.bytes, rows.order.len()), (0, 0));
    }

    /// Past its budget the oldest rows go first; the byte count stays exact through
    /// replacements and removals.
    #[test]
    fn the_oldest_rows_go_past_the_budget() {
        let one = Rows::size(&row(1, 1000));
        let mut rows = Rows::with_budget(3 * one);
        for id in ["a", "b", "c"] {
            rows.put(id, row(1, 1000));
        }
        rows.put("a", row(2, 1000)); // replaced, not added
        assert_eq!(rows.bytes, 3 * one);
        rows.put("d", row(1, 1000));
        assert!(rows.get("a").is_err(), "the first in goes first");
        assert!(rows.get("b").is_ok() && rows.get("c").is_ok() && rows.get("d").is_ok());
        rows.forget("c");
        assert_eq!(rows.bytes, 2 * one);
        for i in 0..1000 {
            rows.put(&format!("x{i}"), row(1, 10));
            rows.forget(&format!("x{i}"));
        }
        assert!(rows.order.len() <= 2 * rows.map.len() + 64, "the order list keeps ids long gone");
        assert_eq!(rows.bytes, rows.map.values().map(Rows::size).sum::<usize>());
    }
}
