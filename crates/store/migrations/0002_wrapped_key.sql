-- Envelope encryption (issue 5 item 1): each row stores its data key wrapped by the
-- user's cookie secret (or the server key). Rows written before this migration hold
-- plaintext state and no key: they are dropped (secure_delete scrubs their pages).
ALTER TABLE sessions ADD COLUMN wrapped_key BLOB;
DELETE FROM sessions WHERE wrapped_key IS NULL
