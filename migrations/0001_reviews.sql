-- Saved reviews for the communications team (issue: batch review).
-- Post text lives only in review_posts and goes when the review is deleted or expires
-- (RETENTION_DAYS, enforced by the Worker's cron trigger). The audit trail keeps who
-- decided what and when, never the post text.

CREATE TABLE reviews (
  id          TEXT PRIMARY KEY,
  name        TEXT NOT NULL,
  profile_id  TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  created_by  TEXT NOT NULL,
  expires_at  TEXT NOT NULL,
  total       INTEGER NOT NULL,
  summary     TEXT NOT NULL          -- JSON: counts by verdict and category
);
CREATE INDEX reviews_expires_at ON reviews (expires_at);

CREATE TABLE review_posts (
  review_id   TEXT NOT NULL REFERENCES reviews (id) ON DELETE CASCADE,
  position    INTEGER NOT NULL,      -- 0-based order in the upload
  post_id     TEXT,                  -- the export's own id, if any
  text        TEXT NOT NULL,
  result      TEXT NOT NULL,         -- JSON: the /v1/check result (or the item's error)
  verdict     TEXT NOT NULL,         -- ok | review | block | error
  score       INTEGER NOT NULL,
  decision    TEXT,                  -- approved | needs_edit | rejected, or NULL (undecided)
  note        TEXT,
  decided_by  TEXT,
  decided_at  TEXT,
  PRIMARY KEY (review_id, position)
);

CREATE TABLE review_audit (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  review_id   TEXT NOT NULL,
  position    INTEGER,               -- the post, or NULL for the whole review
  actor       TEXT NOT NULL,
  at          TEXT NOT NULL,
  action      TEXT NOT NULL,         -- created | decided | exported | deleted | expired
  decision    TEXT,
  note        TEXT
);
CREATE INDEX review_audit_review ON review_audit (review_id, id);
