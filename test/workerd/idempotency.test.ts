// Issue 12 inside workerd, against miniflare's real D1 and KV: Idempotency-Key on
// POST /v1/batch and POST /v1/reviews. A repeat within 24 hours gets the first response
// without running again; a different request under the same key is refused; keys belong
// to the caller; failures are not kept; what is kept holds no readable post text.

import { createExecutionContext, createScheduledController, waitOnExecutionContext } from 'cloudflare:test';
import { env, exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { app } from '../../src/app.ts';
import type { Bindings } from '../../src/env.ts';
import { idempotencyStore, MAX_SEALED_CHARS, scopeOf } from '../../src/idempotency/store.ts';
import entry from '../../src/index.ts';

const worker = (exports as unknown as { default: { fetch(r: Request): Promise<Response> } }).default;
const bindings = env as unknown as Bindings & { STAND_IN_URL: string };
const db = bindings.DB!;
const kv = bindings.REVIEW_KEYS!;
const TEAM = { authorization: 'Bearer test-team-token-0123456789abcdefg' };
const ctx = { waitUntil() {}, passThroughOnException() {}, props: {} } as unknown as ExecutionContext;
const recorded = async () => ((await (await fetch(`${bindings.STAND_IN_URL}/__recorded`)).json()) as string[]).length;

const DRAFT = 'Another fine decision from the team in charge of parking. Bravo. Quokka-5521';
const batchBody = (text = DRAFT) => ({ profile: 'rugby', secondOpinion: 'always', items: [{ id: 'p1', text }] });
const batch = (key: string | undefined, body: unknown, headers: Record<string, string> = {}, path = '/v1/batch') => worker.fetch(new Request(`http://localhost${path}`, {
  method: 'POST',
  headers: { 'content-type': 'application/json', ...(key === undefined ? {} : { 'idempotency-key': key }), ...headers },
  body: typeof body === 'string' ? body : JSON.stringify(body),
}));
const rowOf = async (token: string, key: string) => db.prepare('SELECT * FROM idempotency_keys WHERE scope = ?').bind(await scopeOf({ token, key })).first<Record<string, unknown>>();

describe('Idempotency-Key on POST /v1/batch', () => {
  it('a repeat gets the first response (same status and body) marked Idempotent-Replayed, without running again', async () => {
    const key = crypto.randomUUID();
    const calls = await recorded();
    const first = await batch(key, batchBody());
    expect(first.status).toBe(200);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    const firstText = await first.text();
    expect(JSON.parse(firstText)).toMatchObject({ results: [{ id: 'p1', secondOpinion: { status: 'used' } }] });
    expect(await recorded()).toBe(calls + 1);

    // Same request: keys in another order, other spacing.
    const again = await batch(key, `{ "items": [{"text": ${JSON.stringify(DRAFT)}, "id": "p1"}],  "secondOpinion": "always", "profile": "rugby" }`);
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.headers.get('content-type')).toMatch(/^application\/json/u);
    expect(again.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/u);
    expect(await again.text()).toBe(firstText);
    expect(await recorded()).toBe(calls + 1); // the second opinion was not asked again
    // Without the key, the same request runs again.
    expect((await batch(undefined, batchBody())).headers.get('idempotent-replayed')).toBeNull();
    expect(await recorded()).toBe(calls + 2);
  });

  it('the same key with a different request is 422 idempotency_key_reused', async () => {
    const key = crypto.randomUUID();
    expect((await batch(key, batchBody())).status).toBe(200);
    for (const [what, send] of [
      ['another text', () => batch(key, batchBody('Bins on Tuesday'))],
      ['another query', () => batch(key, batchBody(), {}, '/v1/batch?profile=tendring')],
      ['an extra field', () => batch(key, { ...batchBody(), note: 'x' })],
      ['CSV instead of JSON', () => batch(key, `id,text\np1,${DRAFT}\n`, { 'content-type': 'text/csv' })],
    ] as const) {
      const res = await send();
      expect(res.status, what).toBe(422);
      expect(await res.json()).toMatchObject({ error: { code: 'idempotency_key_reused', requestId: expect.any(String) } });
    }
  });

  it('keeps no readable post text: the record holds hashes and a sealed body, KV only key material', async () => {
    const key = `order-${crypto.randomUUID()}`;
    expect((await batch(key, batchBody())).status).toBe(200);
    const row = (await rowOf('', key))!;
    expect(row).toMatchObject({ state: 'done', status: 200, fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/u), body: expect.stringMatching(/^v1\./u) });
    const stored = JSON.stringify(await db.prepare('SELECT * FROM idempotency_keys').all());
    for (const plain of ['Quokka', 'parking', 'Bravo', key, 'rugby', 'officer-criticism']) expect(stored, plain).not.toContain(plain);
    const material = await kv.get(`idempotency:${row.entry as string}`);
    expect(material).toMatch(/^[A-Za-z0-9+/]{43}=$/u);
  });

  it('a key belongs to its caller: two tokens using one key never meet or read each other\'s result', async () => {
    const digest = async (s: string) => [...new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(s)))].map((b) => b.toString(16).padStart(2, '0')).join('');
    const [teamA, teamB] = ['cpc_team_a_token_0123456789abcdef', 'cpc_team_b_token_0123456789abcdef'];
    const deployed = { ...bindings, LOCAL_OPEN_ACCESS: undefined, API_TOKENS: `${await digest(teamA)},${await digest(teamB)}` };
    const send = (token: string, text: string) => app.fetch(new Request('http://localhost/v1/batch', {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'idempotency-key': 'weekly-batch-1' },
      body: JSON.stringify({ items: [{ id: 1, text }] }),
    }), deployed, ctx);
    const a = await send(teamA, 'Bins on Tuesday');
    const b = await send(teamB, 'The library opens at nine');
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(b.headers.get('idempotent-replayed')).toBeNull();
    const [aText, bText] = [await a.text(), await b.text()];
    expect(aText).not.toBe(bText);
    expect(await (await send(teamA, 'Bins on Tuesday')).text()).toBe(aText);
    expect(await (await send(teamB, 'The library opens at nine')).text()).toBe(bText);
    expect((await send(teamB, 'Bins on Tuesday')).status).toBe(422);
    // Without a token there is no caller: 401 before the key is looked at.
    const none = await app.fetch(new Request('http://localhost/v1/batch', { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': 'weekly-batch-1' }, body: '{"items":[]}' }), deployed, ctx);
    expect(none.status).toBe(401);
  });

  it('a refused or failed request is not kept: the key runs again, even with another body', async () => {
    const key = crypto.randomUUID();
    expect((await batch(key, '{"items": [')).status).toBe(400);
    expect((await batch(key, { items: [], profile: 'atlantis' })).status).toBe(404);
    expect(await rowOf('', key)).toBeNull();
    const ok = await batch(key, { items: [{ id: 1, text: 'Bins on Tuesday' }] });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('idempotent-replayed')).toBeNull();
  });

  it('a repeat while the first is still running is 409 with Retry-After; a reservation left by a dead request is taken over after its lease', async () => {
    const key = crypto.randomUUID();
    const body = { items: [{ id: 1, text: 'Bins on Tuesday' }] };
    expect((await batch(key, body)).status).toBe(200);
    const scope = await scopeOf({ token: '', key });
    await db.prepare("UPDATE idempotency_keys SET state = 'pending', body = NULL WHERE scope = ?").bind(scope).run();
    const busy = await batch(key, body);
    expect(busy.status).toBe(409);
    expect(busy.headers.get('retry-after')).toBe('1');
    expect(await busy.json()).toMatchObject({ error: { code: 'idempotency_in_progress' } });
    await db.prepare('UPDATE idempotency_keys SET created_at = ? WHERE scope = ?').bind(new Date(Date.now() - 6 * 60_000).toISOString(), scope).run();
    const retried = await batch(key, body);
    expect(retried.status).toBe(200);
    expect(retried.headers.get('idempotent-replayed')).toBeNull();
    expect((await batch(key, body)).headers.get('idempotent-replayed')).toBe('true');
  });

  it('two identical requests at once run once', async () => {
    const key = crypto.randomUUID();
    const calls = await recorded();
    const both = await Promise.all([batch(key, batchBody()), batch(key, batchBody())]);
    const replayedOrBusy = both.filter((r) => r.status === 409 || r.headers.get('idempotent-replayed') === 'true');
    expect(both.filter((r) => r.status === 200 && r.headers.get('idempotent-replayed') === null)).toHaveLength(1);
    expect(replayedOrBusy).toHaveLength(1);
    expect(await recorded()).toBe(calls + 1);
  });

  it('lasts 24 hours: an expired record is replaced by the next request, and the cron deletes it', async () => {
    const key = crypto.randomUUID();
    expect((await batch(key, { items: [{ id: 1, text: 'Bins on Tuesday' }] })).status).toBe(200);
    const row = (await rowOf('', key))!;
    expect(Date.parse(row.expires_at as string) - Date.parse(row.created_at as string)).toBe(24 * 3600_000);
    await db.prepare('UPDATE idempotency_keys SET expires_at = ? WHERE scope = ?').bind(new Date(Date.now() - 1000).toISOString(), row.scope).run();
    const fresh = await batch(key, { items: [{ id: 1, text: 'The library opens at nine' }] });
    expect(fresh.status).toBe(200);
    expect(fresh.headers.get('idempotent-replayed')).toBeNull();

    const old = crypto.randomUUID();
    expect((await batch(old, { items: [] })).status).toBe(200);
    await db.prepare('UPDATE idempotency_keys SET expires_at = ? WHERE scope = ?').bind(new Date(Date.now() - 1000).toISOString(), await scopeOf({ token: '', key: old })).run();
    const cron = createExecutionContext();
    await entry.scheduled(createScheduledController({ scheduledTime: new Date(), cron: '17 3 * * *' }), env as never, cron);
    await waitOnExecutionContext(cron);
    expect(await rowOf('', old)).toBeNull();
    expect(await rowOf('', key)).not.toBeNull();
  });

  it('without its key material (expired, or not yet at this location) a result cannot be opened: 503 with Retry-After', async () => {
    const key = crypto.randomUUID();
    expect((await batch(key, batchBody())).status).toBe(200);
    await kv.delete(`idempotency:${(await rowOf('', key))!.entry as string}`);
    const res = await batch(key, batchBody());
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('60');
    expect(await res.json()).toMatchObject({ error: { code: 'idempotency_key_unavailable' } });
  });
});

describe('the idempotency store', () => {
  it(`does not keep a response whose sealed form is over ${MAX_SEALED_CHARS} characters, and frees its key`, async () => {
    const store = idempotencyStore(db, kv);
    const caller = { token: 't', key: crypto.randomUUID() };
    const claim = await store.claim(caller, 'f'.repeat(64));
    expect(claim.kind).toBe('claimed');
    if (claim.kind !== 'claimed') return;
    const noise = new Uint8Array(1_500_000);
    for (let i = 0; i < noise.length; i += 65_536) crypto.getRandomValues(noise.subarray(i, i + 65_536)); // does not compress
    expect(await store.complete(caller, claim, { status: 200, contentType: 'application/json', body: noise })).toBe(false);
    expect(await rowOf('t', caller.key)).toBeNull();
  });
});

describe('Idempotency-Key on POST /v1/reviews', () => {
  const CSV = 'Post ID,Message\r\np1,Sarah in Planning has made a complete mess of Elm Road\r\np2,Bins on Tuesday\r\n';
  const upload = (key: string, name = 'Week 20', headers: Record<string, string> = TEAM) => worker.fetch(new Request('http://localhost/v1/reviews', {
    method: 'POST', headers: { ...headers, 'idempotency-key': key, 'x-reviewer': 'Jo', 'x-review-name': encodeURIComponent(name), 'content-type': 'text/csv' }, body: CSV,
  }));

  it('saves one review however often the upload is retried, and replays the first 201 exactly', async () => {
    const key = crypto.randomUUID();
    const name = `Idempotent ${key}`;
    const first = await upload(key, name);
    expect(first.status).toBe(201);
    const text = await first.text();
    const review = JSON.parse(text) as { id: string };
    const decided = await worker.fetch(new Request(`http://localhost/v1/reviews/${review.id}/posts/0`, { method: 'PUT', headers: { ...TEAM, 'content-type': 'application/json' }, body: JSON.stringify({ decision: 'approved', reviewer: 'Jo' }) }));
    expect(decided.status).toBe(200);
    const again = await upload(key, name);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await again.text()).toBe(text); // the first response, not today's state of the review
    expect((await db.prepare('SELECT COUNT(*) AS n FROM reviews WHERE name = ?').bind(name).first<{ n: number }>())!.n).toBe(1);
    const row = (await rowOf(TEAM.authorization.slice(7), key))!;
    expect(row.review_id).toBe(review.id);
    expect(JSON.stringify(row)).not.toContain(name);
    expect(JSON.stringify(row)).not.toContain('Sarah');
    // Another review name in the header is another request.
    expect((await upload(key, 'Week 21')).status).toBe(422);
  });

  it('after the review is deleted, its record is shredded and a replay is 410', async () => {
    const key = crypto.randomUUID();
    const review = await (await upload(key)).json() as { id: string };
    const row = (await rowOf(TEAM.authorization.slice(7), key))!;
    expect(await kv.get(`idempotency:${row.entry as string}`)).not.toBeNull();
    expect((await worker.fetch(new Request(`http://localhost/v1/reviews/${review.id}`, { method: 'DELETE', headers: { ...TEAM, 'x-reviewer': 'Jo' } }))).status).toBe(204);
    expect(await kv.get(`idempotency:${row.entry as string}`)).toBeNull();
    expect((await rowOf(TEAM.authorization.slice(7), key))).toMatchObject({ state: 'gone', body: null });
    const res = await upload(key);
    expect(res.status).toBe(410);
    expect(await res.json()).toMatchObject({ error: { code: 'idempotent_result_gone' } });
  });

  it('checks the team token before the key, and refuses a malformed key', async () => {
    expect((await upload(crypto.randomUUID(), 'x', {})).status).toBe(401);
    const bad = await upload('k'.repeat(256));
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: 'invalid_idempotency_key' } });
  });
});
