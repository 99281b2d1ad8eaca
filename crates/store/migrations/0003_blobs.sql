-- Files of a session (uploads, assembled documents, history snapshots, issue 5 items 1 and 3):
-- each sealed under the session's data key with its purpose and number as associated data.
-- Deleting a session deletes its blobs in the same transaction (Store::delete).
CREATE TABLE IF NOT EXISTS session_blobs (
    session_id TEXT NOT NULL,
    purpose TEXT NOT NULL,
    number INTEGER NOT NULL,
    data BLOB NOT NULL,
    created INTEGER NOT NULL,
    PRIMARY KEY (session_id, purpose, number)
)
