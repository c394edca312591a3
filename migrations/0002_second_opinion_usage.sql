-- Calls made for Claude's second opinion, per UTC day: the deployment's daily cap
-- (SECOND_OPINION_DAILY_CAP) counts them. No post text, no request details.

CREATE TABLE second_opinion_usage (
  day    TEXT PRIMARY KEY,   -- YYYY-MM-DD, UTC
  calls  INTEGER NOT NULL
);
