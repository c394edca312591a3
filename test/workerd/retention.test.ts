// Issue 9: an expired review is gone for every read at once (not only after the cron),
// and the purge deletes any number of expired reviews in chunks D1 accepts.

import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/batch/summary.ts';
import type { Bindings } from '../../src/env.ts';
import { reviewKeys } from '../../src/reviews/sealed.ts';
import { PURGE_CHUNK, reviewStore } from '../../src/reviews/store.ts';

const db = (env as unknown as Bindings).DB!;
const kv = (env as unknown as Bindings).REVIEW_KEYS!;
const storeAt = (t: Date) => reviewStore(db, reviewKeys(kv, () => t), () => t);
const t0 = new Date('2026-03-01T09:00:00Z');
const later = new Date('2026-03-03T09:00:00Z');
const input = (name: string) => ({ name, profileId: 'southend-on-sea', createdBy: 'Test', retentionDays: 1, summary: summarize([]), posts: [{ text: 'A confidential draft', result: { id: 1, error: { code: 'invalid_item', message: 'x' } } }] });

describe('retention', () => {
  it('an expired review cannot be listed, read, checked for or decided on before the purge runs', async () => {
    const made = await storeAt(t0).create(input('expiring'));
    const before = storeAt(t0);
    expect(await before.get(made.id)).toBeDefined();
    const after = storeAt(later);
    expect(await after.get(made.id)).toBeUndefined();
    expect(await after.exists(made.id)).toBe(false);
    expect((await after.list({ limit: 200 })).reviews.map((r) => r.id)).not.toContain(made.id);
    expect(await after.decide(made.id, 0, { decision: 'approved', note: null, reviewer: 'Test' })).toBeUndefined();
  });

  it(`the purge deletes more than ${PURGE_CHUNK * 2} expired reviews, chunk by chunk, and their text`, async () => {
    const store = storeAt(t0);
    const count = PURGE_CHUNK * 2 + 7;
    for (let i = 0; i < count; i++) await store.create(input(`bulk ${i}`));
    const purged = await storeAt(later).purgeExpired();
    expect(purged).toBeGreaterThanOrEqual(count);
    const left = await db.prepare('SELECT COUNT(*) AS n FROM review_posts p JOIN reviews r ON r.id = p.review_id WHERE r.expires_at <= ?').bind(later.toISOString()).first<{ n: number }>();
    expect(left?.n).toBe(0);
  });

  it('the purge drops audit rows older than the audit retention, and the notes of purged reviews at once', async () => {
    const made = await storeAt(t0).create(input('audited'));
    await storeAt(t0).decide(made.id, 0, { decision: 'needs_edit', note: 'Ring Mrs Patel first', reviewer: 'Test' });
    expect((await storeAt(t0).audit(made.id)).find((a) => a.action === 'decided')?.note).toBe('Ring Mrs Patel first');
    await storeAt(later).purgeExpired(400);
    const kept = await storeAt(later).audit(made.id);
    expect(kept.map((a) => a.action)).toEqual(['created', 'decided', 'expired']);
    expect(kept.find((a) => a.action === 'decided')?.note).toBeNull();
    expect((await db.prepare("SELECT COUNT(*) AS n FROM review_audit WHERE review_id = ? AND note IS NOT NULL AND action = 'decided'").bind(made.id).first<{ n: number }>())?.n).toBe(0);
    // A year and more later, the trail itself goes.
    await storeAt(new Date('2027-05-01T00:00:00Z')).purgeExpired(365);
    expect(await storeAt(later).audit(made.id)).toEqual([]);
  });
});
