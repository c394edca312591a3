// Issue 12 inside workerd, against miniflare's D1: GET /v1/reviews a page at a time
// (newest first by created time, then id) with an opaque cursor; and the review routes'
// JSON bodies reporting unknown top-level fields as warnings.

import { env, exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/batch/summary.ts';
import type { Bindings } from '../../src/env.ts';
import { reviewKeys } from '../../src/reviews/sealed.ts';
import { reviewStore } from '../../src/reviews/store.ts';
import { DEFAULT_PAGE_SIZE, encodeCursor } from '../../src/routes/pagination.ts';

const worker = (exports as unknown as { default: { fetch(r: Request): Promise<Response> } }).default;
const TEAM = { authorization: 'Bearer test-team-token-0123456789abcdefg' };
const call = (path: string, init: RequestInit = {}) => worker.fetch(new Request(`http://localhost${path}`, init));
const db = (env as unknown as Bindings).DB!;
const kv = (env as unknown as Bindings).REVIEW_KEYS!;

/** Reviews made "in the future", so they are the newest whatever else the database holds. */
async function makeReviews(at: (i: number) => Date, n: number, tag: string): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const t = at(i);
    const made = await reviewStore(db, reviewKeys(kv, () => t), () => t).create({ name: `${tag} ${i}`, profileId: 'southend-on-sea', createdBy: 'Test', retentionDays: 30, summary: summarize([]), posts: [] });
    ids.push(made.id);
  }
  return ids;
}
type Page = { reviews: Array<{ id: string; name: string; createdAt: string }>; nextCursor: string | null };
const page = async (query: string) => {
  const res = await call(`/v1/reviews${query}`, { headers: TEAM });
  expect(res.status).toBe(200);
  return await res.json() as Page;
};

describe('GET /v1/reviews, a page at a time', () => {
  it('walks every review once, newest first (ties by id), and ends with nextCursor null', async () => {
    // Seven reviews; three share one created time, so the order falls back on the id.
    const base = Date.parse('2096-01-01T00:00:00.000Z');
    const ids = await makeReviews((i) => new Date(base + Math.min(i, 4) * 1000), 7, 'walk');
    const created = await Promise.all(ids.map(async (id) => (await db.prepare('SELECT id, created_at FROM reviews WHERE id = ?').bind(id).first<{ id: string; created_at: string }>())!));
    const expected = created.sort((a, b) => (a.created_at === b.created_at ? (a.id < b.id ? 1 : -1) : a.created_at < b.created_at ? 1 : -1)).map((r) => r.id);

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const p: Page = await page(`?limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(p.reviews.length).toBeLessThanOrEqual(3);
      seen.push(...p.reviews.map((r) => r.id));
      cursor = p.nextCursor;
      pages++;
    } while (cursor && seen.length < 7);
    expect(seen.slice(0, 7)).toEqual(expected);
    expect(pages).toBe(3);
    // The last page says so: exactly as many as there are gives nextCursor null, one fewer does not.
    const live = (await db.prepare('SELECT COUNT(*) AS n FROM reviews WHERE expires_at > ?').bind(new Date().toISOString()).first<{ n: number }>())!.n;
    expect(live).toBeLessThanOrEqual(200);
    expect((await page(`?limit=${live}`)).nextCursor).toBeNull();
    expect((await page(`?limit=${live - 1}`)).nextCursor).toEqual(expect.any(String));
    expect(await page(`?cursor=${encodeCursor({ createdAt: '2000-01-01T00:00:00.000Z', id: '0' })}`)).toEqual({ reviews: [], nextCursor: null });
  });

  it('is stable while reviews are added: no repeats, nothing skipped', async () => {
    const base = Date.parse('2097-01-01T00:00:00.000Z');
    const ids = await makeReviews((i) => new Date(base + i * 1000), 4, 'stable');
    const first = await page('?limit=2');
    expect(first.reviews.map((r) => r.id)).toEqual([ids[3], ids[2]]);
    await makeReviews(() => new Date(base + 10_000), 1, 'newer'); // newer than all: belongs before page one
    const second = await page(`?limit=2&cursor=${encodeURIComponent(first.nextCursor!)}`);
    expect(second.reviews.map((r) => r.id)).toEqual([ids[1], ids[0]]);
  });

  it(`gives ${DEFAULT_PAGE_SIZE} by default and at most 200`, async () => {
    const base = Date.parse('2098-01-01T00:00:00.000Z');
    await makeReviews((i) => new Date(base + i * 1000), DEFAULT_PAGE_SIZE + 3, 'default');
    const p = await page('');
    expect(p.reviews).toHaveLength(DEFAULT_PAGE_SIZE);
    expect(p.nextCursor).toEqual(expect.any(String));
    expect((await page('?limit=200')).reviews.length).toBeGreaterThan(DEFAULT_PAGE_SIZE);
  });

  it('refuses a malformed limit or cursor with 400', async () => {
    for (const q of ['?limit=0', '?limit=201', '?limit=-1', '?limit=abc', '?limit=1.5', '?limit=', '?limit=99999999999']) {
      const res = await call(`/v1/reviews${q}`, { headers: TEAM });
      expect(res.status, q).toBe(400);
      expect(await res.json()).toMatchObject({ error: { code: 'invalid_request', issues: [{ path: 'limit' }], requestId: expect.any(String) } });
    }
    const forged = btoa('p1|not-a-date|x');
    for (const q of ['?cursor=garbage', '?cursor=', `?cursor=${forged}`, `?cursor=${btoa("p1|2026-01-01T00:00:00.000Z|x' OR 1=1")}`, '?cursor=%F0%9F%98%80']) {
      const res = await call(`/v1/reviews${q}`, { headers: TEAM });
      expect(res.status, q).toBe(400);
      expect(await res.json()).toMatchObject({ error: { code: 'invalid_cursor' } });
    }
  });
});

describe('review routes and unknown top-level fields', () => {
  it('a JSON upload and a decision report them as warnings and save the rest', async () => {
    const res = await call('/v1/reviews', { method: 'POST', headers: { ...TEAM, 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Warned', reviewer: 'Jo', items: [{ id: 1, text: 'Bins on Tuesday' }], priority: 'high' }) });
    expect(res.status).toBe(201);
    const review = await res.json() as { id: string; total: number; warnings: Array<{ code: string; field: string }> };
    expect(review.total).toBe(1);
    expect(review.warnings).toEqual([expect.objectContaining({ code: 'unknown_field', field: 'priority' })]);
    const decided = await call(`/v1/reviews/${review.id}/posts/0`, { method: 'PUT', headers: { ...TEAM, 'content-type': 'application/json' }, body: JSON.stringify({ decision: 'approved', reviewer: 'Jo', urgent: true }) });
    expect(decided.status).toBe(200);
    expect(await decided.json()).toMatchObject({ decision: 'approved', warnings: [{ code: 'unknown_field', field: 'urgent' }] });
    const bad = await call(`/v1/reviews/${review.id}/posts/0`, { method: 'PUT', headers: { ...TEAM, 'content-type': 'application/json' }, body: JSON.stringify({ decision: 'maybe', reviewer: 'Jo', urgent: true }) });
    expect(bad.status).toBe(400);
  });
});
