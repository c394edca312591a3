// Saved reviews inside workerd, against miniflare's local D1 with the repo's migrations:
// the team token, upload (CSV), decisions and their audit trail, export, delete, and the
// retention cron trigger.

import { createExecutionContext, createScheduledController, waitOnExecutionContext } from 'cloudflare:test';
import { env, exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import entry from '../../src/index.ts';

const worker = (exports as unknown as { default: { fetch(r: Request): Promise<Response> } }).default;
const TEAM = { authorization: 'Bearer test-team-token-0123456789abcdefg' };
const call = (path: string, init: RequestInit = {}) => worker.fetch(new Request(`http://localhost${path}`, init));
const db = (env as unknown as { DB: D1Database }).DB;
const keys = (env as unknown as { REVIEW_KEYS: KVNamespace }).REVIEW_KEYS;
const as = (reviewer: string) => ({ 'x-reviewer': encodeURIComponent(reviewer) });

const EXPORT = '\uFEFFPost ID,Message,Scheduled\r\n'
  + 'p1,"Lovely day at the pier, well done all",2026-05-02 10:00\r\n'
  + 'p2,"Sarah in Planning has made a complete mess\nof the Elm Road application.",01/05/2026 09:00\r\n'
  + 'p3,Residents can email the ward team,2026-05-03\r\n';

async function upload(name = 'Week 19 posts') {
  const res = await call('/v1/reviews', { method: 'POST', headers: { ...TEAM, ...as('Jo Comms'), 'x-review-name': encodeURIComponent(name), 'content-type': 'text/csv' }, body: EXPORT });
  expect(res.status).toBe(201);
  return await res.json() as { id: string; total: number; expiresAt: string; createdAt: string };
}

describe('saved reviews', () => {
  it('need the team token: 401 without, 403 wrong', async () => {
    const none = await call('/v1/reviews');
    expect(none.status).toBe(401);
    expect(await none.json()).toMatchObject({ error: { code: 'unauthorized' } });
    expect((await call('/v1/reviews', { headers: { authorization: 'Bearer nope' } })).status).toBe(403);
    expect((await call('/v1/reviews', { headers: TEAM })).status).toBe(200);
  });

  it('save a checked CSV, riskiest first, and keep it for the retention period', async () => {
    const review = await upload();
    expect(review.total).toBe(3);
    expect(Date.parse(review.expiresAt) - Date.parse(review.createdAt)).toBe(30 * 86_400_000);
    const got = await (await call(`/v1/reviews/${review.id}`, { headers: TEAM })).json() as { posts: Array<{ postId: string; verdict: string; text: string; decision: null }> };
    // Riskiest first: the post criticising a named officer, then the two that pass.
    expect(got.posts.map((p) => p.postId).sort()).toEqual(['p1', 'p2', 'p3']);
    expect(got.posts[0]!.postId).toBe('p2');
    expect(got.posts.map((p) => p.verdict !== 'ok')).toEqual([true, false, false]);
    expect(got.posts[0]!.text).toContain('\nof the Elm Road');
    const list = await (await call('/v1/reviews', { headers: TEAM })).json() as { reviews: Array<{ id: string }> };
    expect(list.reviews.map((r) => r.id)).toContain(review.id);
  });

  it('record decisions with who and when, keep every one in the audit trail, and export them', async () => {
    const review = await upload('Decisions');
    const decide = (position: number, body: object) => call(`/v1/reviews/${review.id}/posts/${position}`, { method: 'PUT', headers: { ...TEAM, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect((await decide(1, { decision: 'needs_edit', note: 'Aim it at the Cabinet Member', reviewer: 'Jo Comms' })).status).toBe(200);
    const second = await decide(1, { decision: 'rejected', reviewer: 'Sam Lead' });
    expect(await second.json()).toMatchObject({ position: 1, decision: 'rejected', decidedBy: 'Sam Lead', note: null });
    expect((await decide(0, { decision: 'approved', reviewer: 'Jo Comms' })).status).toBe(200);
    expect((await decide(0, { decision: 'maybe', reviewer: 'Jo' })).status).toBe(400);
    expect((await decide(0, { decision: 'approved' })).status).toBe(400); // who decided is required
    expect((await decide(9, { decision: 'approved', reviewer: 'Jo' })).status).toBe(404);

    const audit = await (await call(`/v1/reviews/${review.id}/audit`, { headers: TEAM })).json() as { audit: Array<{ action: string; actor: string; position: number | null; decision: string | null; note: string | null }> };
    expect(audit.audit.map((a) => [a.action, a.actor, a.position, a.decision])).toEqual([
      ['created', 'Jo Comms', null, null],
      ['decided', 'Jo Comms', 1, 'needs_edit'],
      ['decided', 'Sam Lead', 1, 'rejected'],
      ['decided', 'Jo Comms', 0, 'approved'],
    ]);
    expect(audit.audit[1]!.note).toBe('Aim it at the Cabinet Member');

    const exported = await call(`/v1/reviews/${review.id}/export`, { headers: { ...TEAM, ...as('Sam Lead') } });
    expect(exported.headers.get('content-type')).toMatch(/^text\/csv/u);
    expect(exported.headers.get('content-disposition')).toContain('Decisions.csv');
    const csv = await exported.text();
    const lines = csv.replace(/^\uFEFF/u, '').split('\r\n');
    expect(lines[0]).toMatch(/^id,row,verdict,score,.*,decision,note,decided by,decided at,text$/u);
    expect(lines[1]).toMatch(/^p1,2,ok,\d+,.*,approved,,Jo Comms,/u);
    expect(csv).toContain('rejected,,Sam Lead,');
    const after = await (await call(`/v1/reviews/${review.id}/audit`, { headers: TEAM })).json() as { audit: Array<{ action: string; actor: string }> };
    expect(after.audit.at(-1)).toMatchObject({ action: 'exported', actor: 'Sam Lead' });
  });

  it('keep post text, results and notes in D1 only sealed, under a key kept in KV', async () => {
    const review = await upload('Sealed');
    await call(`/v1/reviews/${review.id}/posts/1`, { method: 'PUT', headers: { ...TEAM, 'content-type': 'application/json' }, body: JSON.stringify({ decision: 'needs_edit', note: 'Ask Sarah first', reviewer: 'Jo' }) });
    const stored = JSON.stringify((await db.prepare('SELECT * FROM review_posts WHERE review_id = ?').bind(review.id).all()).results)
      + JSON.stringify((await db.prepare('SELECT * FROM review_audit WHERE review_id = ?').bind(review.id).all()).results);
    for (const plain of ['Lovely day at the pier', 'Elm Road', 'Sarah', 'Ask Sarah first']) expect(stored).not.toContain(plain);
    expect(stored).toMatch(/"text":"v1\./u);
    expect(await keys.get(`review:${review.id}`)).toMatch(/^[A-Za-z0-9+/]{43}=$/u);
  });

  it('take names from headers, percent-encoded, and refuse them in the URL', async () => {
    const welsh = await call('/v1/reviews', { method: 'POST', headers: { ...TEAM, ...as('Siôn Ŵyn'), 'x-review-name': encodeURIComponent('Wythnos 19 · posts'), 'content-type': 'text/csv' }, body: EXPORT });
    expect(welsh.status).toBe(201);
    expect(await welsh.json()).toMatchObject({ createdBy: 'Siôn Ŵyn', name: 'Wythnos 19 · posts' });
    for (const path of ['/v1/reviews?reviewer=Jo', '/v1/reviews?name=Week%2019']) {
      const res = await call(path, { method: 'POST', headers: { ...TEAM, 'content-type': 'text/csv' }, body: EXPORT });
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ error: { code: 'name_in_url' } });
    }
    expect((await call('/v1/reviews/some-id?reviewer=Jo', { method: 'DELETE', headers: TEAM })).status).toBe(400);
  });

  it('delete a review with its text and its key; the audit trail stays, without text or notes', async () => {
    const review = await upload('To delete');
    await call(`/v1/reviews/${review.id}/posts/0`, { method: 'PUT', headers: { ...TEAM, 'content-type': 'application/json' }, body: JSON.stringify({ decision: 'approved', note: 'Fine by Mrs Okafor', reviewer: 'Jo' }) });
    expect(await keys.get(`review:${review.id}`)).not.toBeNull();
    expect((await call(`/v1/reviews/${review.id}`, { method: 'DELETE', headers: { ...TEAM, ...as('Jo') } })).status).toBe(204);
    expect(await keys.get(`review:${review.id}`)).toBeNull();
    expect((await call(`/v1/reviews/${review.id}`, { headers: TEAM })).status).toBe(404);
    const left = await db.prepare('SELECT COUNT(*) AS n FROM review_posts WHERE review_id = ?').bind(review.id).first<{ n: number }>();
    expect(left?.n).toBe(0);
    const audit = await (await call(`/v1/reviews/${review.id}/audit`, { headers: TEAM })).json() as { exists: boolean; audit: Array<{ action: string; note: string | null }> };
    expect(audit.exists).toBe(false);
    expect(audit.audit.map((a) => a.action)).toEqual(['created', 'decided', 'deleted']);
    expect(audit.audit[1]!.note).toBeNull();
    expect((await db.prepare("SELECT note FROM review_audit WHERE review_id = ? AND action = 'decided'").bind(review.id).first<{ note: string | null }>())?.note).toBeNull();
  });

  it('the cron trigger deletes reviews past their retention period and nothing else', async () => {
    const old = await upload('Old');
    const fresh = await upload('Fresh');
    await db.prepare('UPDATE reviews SET expires_at = ? WHERE id = ?').bind(new Date(Date.now() - 1000).toISOString(), old.id).run();
    // The Worker entry's own scheduled() handler, as the cron trigger calls it.
    const ctx = createExecutionContext();
    await entry.scheduled(createScheduledController({ scheduledTime: new Date(), cron: '17 3 * * *' }), env as never, ctx);
    await waitOnExecutionContext(ctx);
    expect((await call(`/v1/reviews/${old.id}`, { headers: TEAM })).status).toBe(404);
    expect((await db.prepare('SELECT COUNT(*) AS n FROM review_posts WHERE review_id = ?').bind(old.id).first<{ n: number }>())?.n).toBe(0);
    expect((await call(`/v1/reviews/${fresh.id}`, { headers: TEAM })).status).toBe(200);
    const audit = await (await call(`/v1/reviews/${old.id}/audit`, { headers: TEAM })).json() as { audit: Array<{ action: string; actor: string }> };
    expect(audit.audit.at(-1)).toMatchObject({ action: 'expired', actor: 'retention' });
  });

  it('refuse an upload without a name or reviewer, and a CSV without a text column', async () => {
    const anon = await call('/v1/reviews', { method: 'POST', headers: { ...TEAM, 'x-review-name': 'x', 'content-type': 'text/csv' }, body: EXPORT });
    expect(anon.status).toBe(400);
    expect(await anon.json()).toMatchObject({ error: { issues: [{ path: 'reviewer' }] } });
    const noText = await call('/v1/reviews', { method: 'POST', headers: { ...TEAM, ...as('y'), 'x-review-name': 'x', 'content-type': 'text/csv' }, body: 'id,when\n1,now\n' });
    expect(noText.status).toBe(400);
    expect(await noText.json()).toMatchObject({ error: { code: 'no_text_column', columns: ['id', 'when'] } });
  });
});
