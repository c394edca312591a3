-- Idempotency-Key on POST /v1/batch and POST /v1/reviews (issue 12): the first result of
-- a request, kept 24 hours for the same caller, key and request. Nothing here is
-- readable on its own: the caller's token and the key are only in `scope`, hashed; the
-- request only in `fingerprint`, hashed; the response only in `body`, gzipped and sealed
-- (AES-256-GCM) with a key derived from material kept in the REVIEW_KEYS KV namespace
-- (expiring with the entry), the caller's token and the Idempotency-Key itself.

CREATE TABLE idempotency_keys (
  scope         TEXT PRIMARY KEY,   -- SHA-256 of the caller's token and the Idempotency-Key
  fingerprint   TEXT NOT NULL,      -- SHA-256 of method, path, query, relevant headers, canonical body
  state         TEXT NOT NULL,      -- pending | done | gone (the review it made was deleted)
  entry         TEXT NOT NULL,      -- random id: this entry's key material in KV is idempotency:<entry>
  status        INTEGER,            -- the first response's status (when done)
  content_type  TEXT,
  body          TEXT,               -- the first response, gzipped and sealed (when done)
  review_id     TEXT,               -- POST /v1/reviews: the review it created
  created_at    TEXT NOT NULL,
  expires_at    TEXT NOT NULL       -- created_at + 24 h; the daily cron deletes expired rows
);
CREATE INDEX idempotency_keys_expires_at ON idempotency_keys (expires_at);
CREATE INDEX idempotency_keys_review ON idempotency_keys (review_id);
