-- The idle sweep reads the sessions table in order of its rows, a slice at a time
-- (sqlite.rs, `delete_modified_before`), so `modified` needs no index: every new session and
-- every save wrote a page of one.
DROP INDEX IF EXISTS sessions_modified;
