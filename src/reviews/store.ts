// Saved reviews in Cloudflare D1: a review, its posts (text, result, decision) and an
// audit trail of every decision. Edge code: the analysis core never imports this.

import type { ItemResult } from '../batch/items.ts';
import type { BatchSummary } from '../batch/summary.ts';

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

/** Posts per INSERT: one JSON parameter each, kept well under D1's 2 MB value limit. */
const CHUNK = 100;
const RANK = "CASE verdict WHEN 'block' THEN 0 WHEN 'review' THEN 1 WHEN 'error' THEN 2 ELSE 3 END";

const reviewOf = (r: Record<string, unknown>): ReviewRow => ({
  id: r.id as string, name: r.name as string, profileId: r.profile_id as string, createdAt: r.created_at as string,
  createdBy: r.created_by as string, expiresAt: r.expires_at as string, total: r.total as number,
  summary: JSON.parse(r.summary as string) as BatchSummary, decided: (r.decided as number | undefined) ?? 0,
});
const postOf = (r: Record<string, unknown>): PostRow => ({
  position: r.position as number, postId: r.post_id as string | null, text: r.text as string,
  result: JSON.parse(r.result as string) as ItemResult, verdict: r.verdict as string, score: r.score as number,
  decision: r.decision as Decision | null, note: r.note as string | null, decidedBy: r.decided_by as string | null, decidedAt: r.decided_at as string | null,
});

/** Expired reviews deleted per D1 batch. */
export const PURGE_CHUNK = 50;

export function reviewStore(db: D1Database, now: () => Date = () => new Date()) {
  const audit = (reviewId: string, position: number | null, actor: string, action: string, decision: string | null = null, note: string | null = null) =>
    db.prepare('INSERT INTO review_audit (review_id, position, actor, at, action, decision, note) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .bind(reviewId, position, actor, now().toISOString(), action, decision, note);

  return {
    async create(input: { name: string; profileId: string; createdBy: string; retentionDays: number; summary: BatchSummary; posts: Array<{ text: string; result: ItemResult }> }): Promise<ReviewRow> {
      const id = crypto.randomUUID();
      const created = now();
      const expires = new Date(created.getTime() + input.retentionDays * 86_400_000);
      const statements = [
        db.prepare('INSERT INTO reviews (id, name, profile_id, created_at, created_by, expires_at, total, summary) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
          .bind(id, input.name, input.profileId, created.toISOString(), input.createdBy, expires.toISOString(), input.posts.length, JSON.stringify(input.summary)),
      ];
      for (let i = 0; i < input.posts.length; i += CHUNK) {
        const rows = input.posts.slice(i, i + CHUNK).map((p, j) => {
          const r = p.result as ItemResult & { verdict?: string; score?: number };
          return { p: i + j, id: r.id === null ? null : String(r.id), t: p.text, r: JSON.stringify(p.result), v: 'error' in r ? 'error' : r.verdict, s: r.score ?? 0 };
        });
        statements.push(db.prepare(`INSERT INTO review_posts (review_id, position, post_id, text, result, verdict, score)
          SELECT ?1, json_extract(value, '$.p'), json_extract(value, '$.id'), json_extract(value, '$.t'), json_extract(value, '$.r'), json_extract(value, '$.v'), json_extract(value, '$.s')
          FROM json_each(?2)`).bind(id, JSON.stringify(rows)));
      }
      statements.push(audit(id, null, input.createdBy, 'created', null, `${input.posts.length} posts`));
      await db.batch(statements);
      return { id, name: input.name, profileId: input.profileId, createdAt: created.toISOString(), createdBy: input.createdBy, expiresAt: expires.toISOString(), total: input.posts.length, summary: input.summary, decided: 0 };
    },

    async list(): Promise<ReviewRow[]> {
      const { results } = await db.prepare(`SELECT r.*, (SELECT COUNT(*) FROM review_posts p WHERE p.review_id = r.id AND p.decision IS NOT NULL) AS decided
        FROM reviews r WHERE r.expires_at > ? ORDER BY r.created_at DESC`).bind(now().toISOString()).all();
      return results.map(reviewOf);
    },

    async exists(id: string): Promise<boolean> {
      return (await db.prepare('SELECT 1 FROM reviews WHERE id = ? AND expires_at > ?').bind(id, now().toISOString()).first()) !== null;
    },

    async get(id: string): Promise<{ review: ReviewRow; posts: PostRow[] } | undefined> {
      const row = await db.prepare(`SELECT r.*, (SELECT COUNT(*) FROM review_posts p WHERE p.review_id = r.id AND p.decision IS NOT NULL) AS decided
        FROM reviews r WHERE r.id = ? AND r.expires_at > ?`).bind(id, now().toISOString()).first();
      if (!row) return undefined;
      const { results } = await db.prepare(`SELECT * FROM review_posts WHERE review_id = ? ORDER BY ${RANK}, score DESC, position`).bind(id).all();
      return { review: reviewOf(row), posts: results.map(postOf) };
    },

    async decide(id: string, position: number, d: { decision: Decision; note: string | null; reviewer: string }): Promise<PostRow | undefined> {
      const at = now().toISOString();
      const [updated] = await db.batch([
        db.prepare(`UPDATE review_posts SET decision = ?, note = ?, decided_by = ?, decided_at = ? WHERE review_id = ? AND position = ?
          AND EXISTS (SELECT 1 FROM reviews WHERE id = ? AND expires_at > ?) RETURNING *`)
          .bind(d.decision, d.note, d.reviewer, at, id, position, id, at),
        db.prepare(`INSERT INTO review_audit (review_id, position, actor, at, action, decision, note)
          SELECT ?, ?, ?, ?, 'decided', ?, ? WHERE EXISTS (SELECT 1 FROM review_posts WHERE review_id = ? AND position = ?)
          AND EXISTS (SELECT 1 FROM reviews WHERE id = ? AND expires_at > ?)`)
          .bind(id, position, d.reviewer, at, d.decision, d.note, id, position, id, at),
      ]);
      const row = updated?.results[0] as Record<string, unknown> | undefined;
      return row ? postOf(row) : undefined;
    },

    async audit(id: string): Promise<AuditRow[]> {
      const { results } = await db.prepare('SELECT id, position, actor, at, action, decision, note FROM review_audit WHERE review_id = ? ORDER BY id').bind(id).all();
      return results as unknown as AuditRow[];
    },

    async recordExport(id: string, actor: string): Promise<void> { await audit(id, null, actor, 'exported').run(); },

    /** Delete a review and its post text; the audit trail (no text) stays. */
    async delete(id: string, actor: string): Promise<void> {
      await db.batch([
        db.prepare('DELETE FROM review_posts WHERE review_id = ?').bind(id),
        db.prepare('DELETE FROM reviews WHERE id = ?').bind(id),
        audit(id, null, actor, 'deleted'),
      ]);
    },

    /** The retention rule: delete every review past its expiry (run by the cron trigger).
     * Reviews go PURGE_CHUNK at a time (three statements each), well inside D1's limit on
     * queries per invocation; reads already treat an expired review as gone. */
    async purgeExpired(): Promise<number> {
      const at = now().toISOString();
      let purged = 0;
      for (;;) {
        const { results } = await db.prepare('SELECT id FROM reviews WHERE expires_at <= ? LIMIT ?').bind(at, PURGE_CHUNK).all<{ id: string }>();
        if (results.length === 0) return purged;
        await db.batch(results.flatMap(({ id }) => [
          db.prepare('DELETE FROM review_posts WHERE review_id = ?').bind(id),
          db.prepare('DELETE FROM reviews WHERE id = ?').bind(id),
          audit(id, null, 'retention', 'expired'),
        ]));
        purged += results.length;
        if (results.length < PURGE_CHUNK) return purged;
      }
    },
  };
}

export type ReviewStore = ReturnType<typeof reviewStore>;
