// Saved reviews in Cloudflare D1: a review, its posts (text, result, decision) and an
// audit trail of every decision. A review's post text, results and notes are sealed with
// the review's own key (sealed.ts), kept in KV: deleting the review deletes the key, so
// whatever D1 still holds of it is unreadable. Edge code: the analysis core never imports
// this.

import type { ItemResult } from '../batch/items.ts';
import type { BatchSummary } from '../batch/summary.ts';
import { seal, unseal, type ReviewKey, type ReviewKeys } from './sealed.ts';

export const DECISIONS = ['approved', 'needs_edit', 'rejected'] as const;
export type Decision = typeof DECISIONS[number];

export interface ReviewRow {
  id: string; name: string; profileId: string; createdAt: string; createdBy: string;
  expiresAt: string; total: number; summary: BatchSummary; decided: number;
}
export interface PostRow {
  position: number; postId: string | null; text: string; result: ItemResult;
  verdict: string; score: number; decision: Decision | null; note: string | null;
  decidedBy: string | null; decidedAt: string | null;
}
export interface AuditRow { id: number; position: number | null; actor: string; at: string; action: string; decision: string | null; note: string | null }

/** Posts per INSERT: one JSON parameter each, kept under D1's 2 MB value limit. */
const CHUNK = 50;

/** The review is alive but its key can't be read (KV is eventually consistent: a key
 * written in one place may take up to a minute to be seen in another). */
export class ReviewKeyUnavailable extends Error {
  constructor() { super('review key not available yet'); this.name = 'ReviewKeyUnavailable'; }
}
const RANK = "CASE verdict WHEN 'block' THEN 0 WHEN 'review' THEN 1 WHEN 'error' THEN 2 ELSE 3 END";

const reviewOf = (r: Record<string, unknown>): ReviewRow => ({
  id: r.id as string, name: r.name as string, profileId: r.profile_id as string, createdAt: r.created_at as string,
  createdBy: r.created_by as string, expiresAt: r.expires_at as string, total: r.total as number,
  summary: JSON.parse(r.summary as string) as BatchSummary, decided: (r.decided as number | undefined) ?? 0,
});
/** Where each sealed value belongs (bound in as associated data). */
const at = (reviewId: string, position: number, field: 'text' | 'result' | 'note') => `${reviewId}/${position}/${field}`;

async function postOf(r: Record<string, unknown>, k: ReviewKey): Promise<PostRow> {
  const id = r.review_id as string, position = r.position as number;
  return {
    position, postId: r.post_id as string | null, text: await unseal(k, r.text as string, at(id, position, 'text')),
    result: JSON.parse(await unseal(k, r.result as string, at(id, position, 'result'))) as ItemResult, verdict: r.verdict as string, score: r.score as number,
    decision: r.decision as Decision | null, note: r.note === null ? null : await unseal(k, r.note as string, at(id, position, 'note')),
    decidedBy: r.decided_by as string | null, decidedAt: r.decided_at as string | null,
  };
}

/** Expired reviews deleted per D1 batch. */
export const PURGE_CHUNK = 50;

/** Days an audit row (who did what, when: no text) is kept; default 365. */
export const DEFAULT_AUDIT_RETENTION_DAYS = 365;

export function reviewStore(db: D1Database, keys: ReviewKeys, now: () => Date = () => new Date()) {
  const audit = (reviewId: string, position: number | null, actor: string, action: string, decision: string | null = null, note: string | null = null) =>
    db.prepare('INSERT INTO review_audit (review_id, position, actor, at, action, decision, note) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .bind(reviewId, position, actor, now().toISOString(), action, decision, note);
  const alive = (id: string) => db.prepare('SELECT 1 FROM reviews WHERE id = ? AND expires_at > ?').bind(id, now().toISOString()).first().then((r) => r !== null);
  /** The key of a review that is alive; throws if KV hasn't got it (yet). */
  const keyOf = async (id: string) => {
    const k = await keys.get(id);
    if (!k) throw new ReviewKeyUnavailable();
    return k;
  };
  /** Statements that remove a review's text and the notes about it; the key goes first. */
  const removal = (id: string, actor: string, action: 'deleted' | 'expired') => [
    db.prepare('DELETE FROM review_posts WHERE review_id = ?').bind(id),
    db.prepare('DELETE FROM reviews WHERE id = ?').bind(id),
    db.prepare("UPDATE review_audit SET note = NULL WHERE review_id = ? AND action = 'decided'").bind(id),
    audit(id, null, actor, action),
  ];

  return {
    async create(input: { name: string; profileId: string; createdBy: string; retentionDays: number; summary: BatchSummary; posts: Array<{ text: string; result: ItemResult }> }): Promise<ReviewRow> {
      const id = crypto.randomUUID();
      const created = now();
      const expires = new Date(created.getTime() + input.retentionDays * 86_400_000);
      const k = await keys.create(id, expires);
      const statements = [
        db.prepare('INSERT INTO reviews (id, name, profile_id, created_at, created_by, expires_at, total, summary) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
          .bind(id, input.name, input.profileId, created.toISOString(), input.createdBy, expires.toISOString(), input.posts.length, JSON.stringify(input.summary)),
      ];
      for (let i = 0; i < input.posts.length; i += CHUNK) {
        const rows = await Promise.all(input.posts.slice(i, i + CHUNK).map(async (p, j) => {
          const r = p.result as ItemResult & { verdict?: string; score?: number };
          const position = i + j;
          return {
            p: position, id: r.id === null ? null : String(r.id),
            t: await seal(k, p.text, at(id, position, 'text')), r: await seal(k, JSON.stringify(p.result), at(id, position, 'result')),
            v: 'error' in r ? 'error' : r.verdict, s: r.score ?? 0,
          };
        }));
        statements.push(db.prepare(`INSERT INTO review_posts (review_id, position, post_id, text, result, verdict, score)
          SELECT ?1, json_extract(value, '$.p'), json_extract(value, '$.id'), json_extract(value, '$.t'), json_extract(value, '$.r'), json_extract(value, '$.v'), json_extract(value, '$.s')
          FROM json_each(?2)`).bind(id, JSON.stringify(rows)));
      }
      statements.push(audit(id, null, input.createdBy, 'created', null, `${input.posts.length} posts`));
      await db.batch(statements);
      return { id, name: input.name, profileId: input.profileId, createdAt: created.toISOString(), createdBy: input.createdBy, expiresAt: expires.toISOString(), total: input.posts.length, summary: input.summary, decided: 0 };
    },

    /** Live reviews, newest first (created_at, then id, both descending), `limit` at a time
     * from just after `after`; `next` is where the following page starts (none at the end).
     * Only those of `profiles` when given (a team token tied to councils). */
    async list(page: { limit: number; after?: { createdAt: string; id: string } | undefined; profiles?: readonly string[] | undefined } = { limit: 50 }): Promise<{ reviews: ReviewRow[]; next: { createdAt: string; id: string } | null }> {
      const after = page.after ?? null;
      const { results } = await db.prepare(`SELECT r.*, (SELECT COUNT(*) FROM review_posts p WHERE p.review_id = r.id AND p.decision IS NOT NULL) AS decided
        FROM reviews r WHERE r.expires_at > ?1 AND (?2 IS NULL OR r.created_at < ?2 OR (r.created_at = ?2 AND r.id < ?3))
          AND (?5 IS NULL OR r.profile_id IN (SELECT value FROM json_each(?5)))
        ORDER BY r.created_at DESC, r.id DESC LIMIT ?4`).bind(now().toISOString(), after?.createdAt ?? null, after?.id ?? null, page.limit + 1, page.profiles ? JSON.stringify(page.profiles) : null).all();
      const reviews = results.slice(0, page.limit).map(reviewOf);
      const last = reviews.at(-1);
      return { reviews, next: results.length > page.limit && last ? { createdAt: last.createdAt, id: last.id } : null };
    },

    exists: alive,

    /** The council profile of a review that is alive, or null. */
    async profileOf(id: string): Promise<string | null> {
      const row = await db.prepare('SELECT profile_id FROM reviews WHERE id = ? AND expires_at > ?').bind(id, now().toISOString()).first<{ profile_id: string }>();
      return row?.profile_id ?? null;
    },

    async get(id: string): Promise<{ review: ReviewRow; posts: PostRow[] } | undefined> {
      const row = await db.prepare(`SELECT r.*, (SELECT COUNT(*) FROM review_posts p WHERE p.review_id = r.id AND p.decision IS NOT NULL) AS decided
        FROM reviews r WHERE r.id = ? AND r.expires_at > ?`).bind(id, now().toISOString()).first();
      if (!row) return undefined;
      const k = await keyOf(id);
      const { results } = await db.prepare(`SELECT * FROM review_posts WHERE review_id = ? ORDER BY ${RANK}, score DESC, position`).bind(id).all();
      return { review: reviewOf(row), posts: await Promise.all(results.map((r) => postOf(r, k))) };
    },

    async decide(id: string, position: number, d: { decision: Decision; note: string | null; reviewer: string }): Promise<PostRow | undefined> {
      if (!(await alive(id))) return undefined;
      const k = await keyOf(id);
      const when = now().toISOString();
      const note = d.note === null ? null : await seal(k, d.note, at(id, position, 'note'));
      const [updated] = await db.batch([
        db.prepare(`UPDATE review_posts SET decision = ?, note = ?, decided_by = ?, decided_at = ? WHERE review_id = ? AND position = ?
          AND EXISTS (SELECT 1 FROM reviews WHERE id = ? AND expires_at > ?) RETURNING *`)
          .bind(d.decision, note, d.reviewer, when, id, position, id, when),
        db.prepare(`INSERT INTO review_audit (review_id, position, actor, at, action, decision, note)
          SELECT ?, ?, ?, ?, 'decided', ?, ? WHERE EXISTS (SELECT 1 FROM review_posts WHERE review_id = ? AND position = ?)
          AND EXISTS (SELECT 1 FROM reviews WHERE id = ? AND expires_at > ?)`)
          .bind(id, position, d.reviewer, when, d.decision, note, id, position, id, when),
      ]);
      const row = updated?.results[0] as Record<string, unknown> | undefined;
      return row ? postOf(row, k) : undefined;
    },

    /** Who did what, when. Decision notes are readable while the review lives; once it is
     * deleted or expired they are gone (nulled, and their key deleted). */
    async audit(id: string): Promise<AuditRow[]> {
      const { results } = await db.prepare('SELECT id, position, actor, at, action, decision, note FROM review_audit WHERE review_id = ? ORDER BY id').bind(id).all<AuditRow>();
      const k = (await alive(id)) ? await keyOf(id) : undefined;
      return Promise.all(results.map(async (r) => ({
        ...r,
        note: r.action !== 'decided' || r.note === null ? r.note : k ? await unseal(k, r.note, at(id, r.position ?? -1, 'note')) : null,
      })));
    },

    async recordExport(id: string, actor: string): Promise<void> { await audit(id, null, actor, 'exported').run(); },

    /** Delete a review: its key first (whatever D1 keeps of the text is then unreadable),
     * then its posts, and the notes in its audit trail; the trail (no text) stays. */
    async delete(id: string, actor: string): Promise<void> {
      await keys.delete(id);
      await db.batch(removal(id, actor, 'deleted'));
    },

    /** The retention rule: delete every review past its expiry (run by the cron trigger).
     * Reviews go PURGE_CHUNK at a time (four statements each), well inside D1's limit on
     * queries per invocation; reads already treat an expired review as gone, and the keys
     * expire in KV by themselves. Audit rows older than `auditDays` go too. */
    async purgeExpired(auditDays = DEFAULT_AUDIT_RETENTION_DAYS): Promise<number> {
      const when = now();
      await db.prepare('DELETE FROM review_audit WHERE at < ?').bind(new Date(when.getTime() - auditDays * 86_400_000).toISOString()).run();
      let purged = 0;
      for (;;) {
        const { results } = await db.prepare('SELECT id FROM reviews WHERE expires_at <= ? LIMIT ?').bind(when.toISOString(), PURGE_CHUNK).all<{ id: string }>();
        if (results.length === 0) return purged;
        await db.batch(results.flatMap(({ id }) => removal(id, 'retention', 'expired')));
        purged += results.length;
        if (results.length < PURGE_CHUNK) return purged;
      }
    },
  };
}

export type ReviewStore = ReturnType<typeof reviewStore>;
