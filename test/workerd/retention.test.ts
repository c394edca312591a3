// Issue 9: an expired review is gone for every read at once (not only after the cron),
// and the purge deletes any number of expired reviews in chunks D1 accepts.

import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/batch/summary.ts';
import type { Bindings } from '../../src/env.ts';
import { PURGE_CHUNK, reviewStore } from '../../src/reviews/store.ts';

const db = (env as unknown as Bindings).DB!;
const t0 = new Date('2026-03-01T09:00:00Z');
const later = new Date('2026-03-03T09:00:00Z');
const input = (name: string) => ({ name, profileId: 'southend-on-sea', createdBy: 'Test', retentionDays: 1, summary: summarize([]), posts: [{ text: 'A confidential draft', result: { id: 1, error: { code: 'invalid_item', message: 'x' } } }] });

describe('retention', () => {
  it('an expired review cannot be listed, read, checked for or decided on before the purge runs', async () => {
    const made = await reviewStore(db, () => t0).create(input('expiring'));
    const before = reviewStore(db, () => t0);
    expect(await before.get(made.id)).toBeDefined();
    const after = reviewStore(db, () => later);
    expect(await after.get(made.id)).toBeUndefined();
    expect(await after.exists(made.id)).toBe(false);
    expect((await after.list()).map((r) => r.id)).not.toContain(made.id);
    expect(await after.decide(made.id, 0, { decision: 'approved', note: null, reviewer: 'Test' })).toBeUndefined();
  });

  it(`the purge deletes more than ${PURGE_CHUNK * 2} expired reviews, chunk by chunk, and their text`, async () => {
    const store = reviewStore(db, () => t0);
    const count = PURGE_CHUNK * 2 + 7;
    for (let i = 0; i < count; i++) await store.create(input(`bulk ${i}`));
    const purged = await reviewStore(db, () => later).purgeExpired();
    expect(purged).toBeGreaterThanOrEqual(count);
    const left = await db.prepare('SELECT COUNT(*) AS n FROM review_posts p JOIN reviews r ON r.id = p.review_id WHERE r.expires_at <= ?').bind(later.toISOString()).first<{ n: number }>();
    expect(left?.n).toBe(0);
    expect((await db.prepare("SELECT COUNT(*) AS n FROM review_posts WHERE text = 'A confidential draft'").first<{ n: number }>())?.n).toBe(0);
  });
});
