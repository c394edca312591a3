// Saved reviews (D1): the communications team uploads a batch (CSV or JSON), it is
// checked and saved; reviewers mark each post approved, needs edit or rejected with a
// note; every decision goes into an audit trail; a review exports to CSV. Post text is
// kept only for the review: RETENTION_DAYS (default 30), and deleting a review deletes it.
// Access needs the team token (TEAM_TOKEN secret): 401 without it, 403 with a wrong one;
// or a team token tied to councils (TOKENS namespace), which sees only their reviews
// (another council's review is 404 to it, and uploads for another council are 403).
// People's names never go in URLs (URLs end up in logs): the reviewer and a CSV upload's
// review name travel in the X-Reviewer and X-Review-Name headers (percent-encoded, as
// encodeURIComponent gives, so any name fits), or in the JSON body.
//
//   POST   /v1/reviews?profile=                   body: text/csv (+ X-Review-Name, X-Reviewer), or JSON {name, reviewer, profile?, items}
//   GET    /v1/reviews?limit=&cursor=             list, newest first, a page at a time
//   GET    /v1/reviews/:id                        the review and its posts, riskiest first
//   PUT    /v1/reviews/:id/posts/:position        {decision, note?, reviewer}
//   GET    /v1/reviews/:id/audit                  who decided what, when
//   GET    /v1/reviews/:id/export                 CSV with the decisions (X-Reviewer)
//   DELETE /v1/reviews/:id                        the review, its key and its text (X-Reviewer)

import { Hono, type Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import * as z from 'zod';
import { toCsv } from '../batch/csv.ts';
import { summarize } from '../batch/summary.ts';
import { csvRow, CSV_HEADER } from '../batch/csv-row.ts';
import type { AppEnv } from '../env.ts';
import { DECISIONS, DEFAULT_AUDIT_RETENTION_DAYS, ReviewKeyUnavailable, reviewStore } from '../reviews/store.ts';
import { reviewKeys } from '../reviews/sealed.ts';
import { requireSecret } from './admin-auth.ts';
import { BatchRequestSchema } from '../schema/batch.ts';
import { DecisionSchema, Reviewer } from '../schema/review.ts';
import { warningsField, withoutUnknownFields } from '../schema/unknown-fields.ts';
import { idempotencyStore } from '../idempotency/store.ts';
import { checkBatch, MAX_BATCH_BYTES, readBatch } from './batch-input.ts';
import { idempotency } from './idempotency.ts';
import { readJsonBody } from './json-body.ts';
import { errorBody, jsonError, zodIssues } from './errors.ts';
import { encodeCursor, readPage } from './pagination.ts';

export const DEFAULT_RETENTION_DAYS = 30;
/** A decision is a few words and a note of at most 2,000 characters. */
const MAX_DECISION_BYTES = 16 * 1024;
const positiveOr = (fallback: number) => (v: string | undefined) => {
  const n = Number(v);
  return Number.isFinite(n) && n > 0 ? n : fallback;
};
export const retentionDays = positiveOr(DEFAULT_RETENTION_DAYS);
export const auditRetentionDays = positiveOr(DEFAULT_AUDIT_RETENTION_DAYS);

const teamSecretGate = requireSecret({
  name: 'TEAM_TOKEN',
  secretOf: (env) => env.TEAM_TOKEN,
  disabled: { code: 'reviews_disabled', message: 'Saved reviews are disabled: set the TEAM_TOKEN secret (wrangler secret put TEAM_TOKEN, or .dev.vars locally).' },
  realm: 'council-post-check reviews',
  missing: 'Saved reviews need the team token: send Authorization: Bearer <token>.',
  wrong: 'The team token is not valid.',
});

/** The team token (TEAM_TOKEN), or a team token tied to councils kept in the TOKENS
 * namespace (token new --team --councils ...): it sees only those councils' reviews.
 * requireApiToken, which runs first on /v1/, has already looked the scoped one up. */
export const requireTeam = () => createMiddleware<AppEnv>(async (c, next) => {
  const scope = c.get('tokenScope');
  if (scope?.kind === 'team' && scope.councils) return next();
  return teamSecretGate(c, next);
});

/** The councils whose reviews this request may see (undefined: all). */
const teamCouncils = (c: Context<AppEnv>): string[] | undefined => {
  const s = c.get('tokenScope');
  return s?.kind === 'team' ? s.councils : undefined;
};

/** A review of a council outside a team token's councils is, to that token, not there. */
const requireReviewInScope = () => createMiddleware<AppEnv>(async (c, next) => {
  const councils = teamCouncils(c);
  if (!councils) return next();
  const profile = await store(c).profileOf(c.req.param('id') ?? '');
  if (profile === null || !councils.includes(profile)) return jsonError(c, 404, 'unknown_review', 'No such review: it may have been deleted or passed its retention period.');
  return next();
});

const requireDatabase = () => createMiddleware<AppEnv>(async (c, next) => {
  if (!c.env?.DB) return c.json(errorBody('reviews_unavailable', 'This Worker has no D1 database bound as DB.'), 503);
  if (!c.env.REVIEW_KEYS) return c.json(errorBody('reviews_unavailable', 'This Worker has no KV namespace bound as REVIEW_KEYS (where each review\'s key is kept).'), 503);
  // Names in the query string would be kept by every log that keeps URLs.
  const inUrl = ['reviewer', 'name'].filter((k) => c.req.query(k) !== undefined);
  if (inUrl.length > 0) {
    return jsonError(c, 400, 'name_in_url', 'Names do not go in the URL (URLs are logged): send the reviewer in the X-Reviewer header and a CSV upload\'s review name in X-Review-Name (percent-encoded), or both in the JSON body.', {
      issues: inUrl.map((k) => ({ path: k, message: `move to the ${k === 'name' ? 'X-Review-Name' : 'X-Reviewer'} header` })),
    });
  }
  try {
    await next();
  } catch (e) {
    if (!(e instanceof ReviewKeyUnavailable)) throw e;
    c.header('Retry-After', '60');
    return jsonError(c, 503, 'review_key_unavailable', "This review's key has not reached this location yet (it can take up to a minute after the review is saved): try again shortly.");
  }
});

/** A header sent percent-encoded (encodeURIComponent), so that any name fits in it. */
function nameHeader(c: Context<AppEnv>, header: string): string | undefined {
  const v = c.req.header(header);
  if (v === undefined) return undefined;
  try { return decodeURIComponent(v); } catch { return v; }
}

/** A JSON upload: the batch plus the review's name and who uploads it (checked below). */
const ReviewRequestSchema = BatchRequestSchema.extend({ name: z.string().optional(), reviewer: z.string().optional() });

export const reviewRoutes = new Hono<AppEnv>();
reviewRoutes.use('*', requireTeam(), requireDatabase());
reviewRoutes.use('/:id', requireReviewInScope());
reviewRoutes.use('/:id/*', requireReviewInScope());
// An upload with an Idempotency-Key is saved once however often it is retried (the names
// in the headers are part of the request).
reviewRoutes.use('/', idempotency({
  maxBytes: MAX_BATCH_BYTES, vary: ['x-review-name', 'x-reviewer'],
  reviewOf: (body) => { const id = (body as { id?: unknown } | null)?.id; return typeof id === 'string' ? id : undefined; },
}));

const store = (c: { env: AppEnv['Bindings'] }) => reviewStore(c.env.DB!, reviewKeys(c.env.REVIEW_KEYS!, () => new Date()));

reviewRoutes.post('/', async (c) => {
  // Name and reviewer come from headers for CSV uploads, from the body for JSON.
  let name = nameHeader(c, 'x-review-name');
  let reviewer = nameHeader(c, 'x-reviewer');
  const read = await readBatch(c, ReviewRequestSchema);
  if (!read.ok) return read.response;
  const extra = read.batch.extra as { name?: string; reviewer?: string };
  name = extra.name ?? name;
  reviewer = extra.reviewer ?? reviewer;
  const who = Reviewer.safeParse(reviewer);
  const title = z.string().trim().min(1).max(200).safeParse(name ?? '');
  if (!who.success || !title.success) {
    return jsonError(c, 400, 'invalid_request', 'A review needs a name and the reviewer who uploads it (headers X-Review-Name and X-Reviewer for CSV, or fields in the JSON).', {
      issues: [...(who.success ? [] : [{ path: 'reviewer', message: 'required (1 to 100 characters)' }]), ...(title.success ? [] : [{ path: 'name', message: 'required (1 to 200 characters)' }])],
    });
  }
  const checked = await checkBatch(c, read.batch);
  if (!checked.ok) return checked.response;
  const posts = checked.results.map((result, i) => ({ result, text: read.batch.texts[i] ?? '' }));
  const review = await store(c).create({
    name: title.data, profileId: checked.profile.id, createdBy: who.data,
    retentionDays: retentionDays(c.env.RETENTION_DAYS), summary: summarize(checked.results), posts,
  });
  return c.json({ ...review, ...warningsField(read.batch.warnings) }, 201);
});

reviewRoutes.get('/', async (c) => {
  const page = readPage(c);
  if (!page.ok) return page.response;
  const { reviews, next } = await store(c).list({ limit: page.limit, after: page.after, profiles: teamCouncils(c) });
  return c.json({ reviews, nextCursor: next ? encodeCursor(next) : null });
});

reviewRoutes.get('/:id', async (c) => {
  const found = await store(c).get(c.req.param('id'));
  return found ? c.json(found) : jsonError(c, 404, 'unknown_review', 'No such review: it may have been deleted or passed its retention period.');
});

reviewRoutes.put('/:id/posts/:position', async (c) => {
  const position = Number(c.req.param('position'));
  if (!Number.isInteger(position) || position < 0) return jsonError(c, 400, 'invalid_request', 'The post position must be a whole number from 0.');
  const read = await readJsonBody(c, MAX_DECISION_BYTES);
  if (!read.ok) return read.response;
  const known = withoutUnknownFields(DecisionSchema, read.body);
  const parsed = DecisionSchema.safeParse(known.body);
  if (!parsed.success) return jsonError(c, 400, 'invalid_request', `A decision is {decision: ${DECISIONS.join(' | ')}, note?, reviewer}.`, { issues: zodIssues(parsed.error) });
  const post = await store(c).decide(c.req.param('id'), position, { decision: parsed.data.decision, note: parsed.data.note?.trim() || null, reviewer: parsed.data.reviewer });
  return post ? c.json({ ...post, ...warningsField(known.warnings) }) : jsonError(c, 404, 'unknown_post', 'No such review or post.');
});

reviewRoutes.get('/:id/audit', async (c) => {
  const s = store(c);
  const exists = await s.exists(c.req.param('id'));
  const audit = await s.audit(c.req.param('id'));
  if (!exists && audit.length === 0) return jsonError(c, 404, 'unknown_review', 'No such review.');
  return c.json({ reviewId: c.req.param('id'), exists, audit });
});

reviewRoutes.get('/:id/export', async (c) => {
  const s = store(c);
  const found = await s.get(c.req.param('id'));
  if (!found) return jsonError(c, 404, 'unknown_review', 'No such review.');
  await s.recordExport(found.review.id, nameHeader(c, 'x-reviewer')?.trim().slice(0, 100) || 'unknown');
  const posts = [...found.posts].sort((a, b) => a.position - b.position);
  const csv = toCsv(posts.map((p) => [...csvRow(p.result), p.decision ?? '', p.note ?? '', p.decidedBy ?? '', p.decidedAt ?? '', p.text]),
    [...CSV_HEADER, 'decision', 'note', 'decided by', 'decided at', 'text']);
  const file = `${found.review.name.replace(/[^\w.-]+/gu, '-').slice(0, 60) || 'review'}.csv`;
  return c.body(`\uFEFF${csv}\r\n`, 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${file}"` });
});

reviewRoutes.delete('/:id', async (c) => {
  const s = store(c);
  if (!(await s.exists(c.req.param('id')))) return jsonError(c, 404, 'unknown_review', 'No such review.');
  // The upload's idempotent result names the review: it goes too (its key first).
  await idempotencyStore(c.env.DB!, c.env.REVIEW_KEYS!).forgetReview(c.req.param('id'));
  await s.delete(c.req.param('id'), nameHeader(c, 'x-reviewer')?.trim().slice(0, 100) || 'unknown');
  return c.body(null, 204);
});
