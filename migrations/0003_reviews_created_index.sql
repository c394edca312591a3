-- GET /v1/reviews pages through reviews newest first: created_at, then id (issue 12).

CREATE INDEX reviews_created_at_id ON reviews (created_at, id);
