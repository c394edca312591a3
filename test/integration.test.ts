// Issue 12 (integration basics) over HTTP through app.request(): request ids on every
// response and in every JSON error body; unknown top-level fields reported as warnings;
// Idempotency-Key refused when malformed. Storage-backed behaviour (idempotent replays,
// pagination of saved reviews) is tested inside workerd (test/workerd/).

import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { app } from '../src/app.ts';

const local = { LOCAL_OPEN_ACCESS: 'true' };
const TOKEN = 'cpc_integration_token_0123456789';
const digest = (s: string) => createHash('sha256').update(s).digest('hex');
const json = (path: string, body: unknown, headers: Record<string, string> = {}, e: object = local) =>
  app.request(path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) }, e);

/** A PROFILES namespace that fails, to reach the 500 handler. */
const brokenKv = { get: async () => { throw new Error('kv down'); }, list: async () => { throw new Error('kv down'); } };

describe('X-Request-Id', () => {
  const cases: Array<[string, () => Response | Promise<Response>, number]> = [
    ['200 health', () => app.request('/v1/health', {}, local), 200],
    ['200 web page', () => app.request('/', {}, local), 200],
    ['200 reviews page', () => app.request('/reviews', {}, local), 200],
    ['204 CORS preflight', () => app.request('/v1/check', { method: 'OPTIONS', headers: { origin: 'chrome-extension://x', 'access-control-request-method': 'POST' } }, local), 204],
    ['400 invalid_json', () => json('/v1/check', '{"text":'), 400],
    ['401 no token', () => json('/v1/check', { text: 'hi' }, {}, { API_TOKENS: digest(TOKEN) }), 401],
    ['403 wrong token', () => json('/v1/check', { text: 'hi' }, { authorization: 'Bearer nope' }, { API_TOKENS: digest(TOKEN) }), 403],
    ['404 no route', () => app.request('/v2/nothing', {}, local), 404],
    ['404 unknown profile', () => json('/v1/check', { text: 'hi', profile: 'atlantis' }), 404],
    ['405 wrong method', () => app.request('/v1/check', {}, local), 405],
    ['413 payload_too_large', () => json('/v1/check', { text: 'x', pad: 'y'.repeat(200_000) }), 413],
    ['413 too_many_items', () => json('/v1/batch', { items: Array.from({ length: 1001 }, (_, i) => ({ id: i, text: 'hi' })) }), 413],
    ['415 not JSON', () => app.request('/v1/check', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hi' }, local), 415],
    ['429 rate limited', () => json('/v1/check', { text: 'hi' }, { authorization: `Bearer ${TOKEN}` }, { API_TOKENS: digest(TOKEN), RATE_LIMIT_TOKEN: { limit: async () => ({ success: false }) } }), 429],
    ['500 unexpected', () => json('/v1/check', { text: 'hi', profile: 'my-council' }, {}, { ...local, PROFILES: brokenKv }), 500],
    ['503 access not configured', () => json('/v1/check', { text: 'hi' }, {}, {}), 503],
  ];

  it.each(cases)('%s carries one, and a JSON error body repeats it as error.requestId', async (_name, send, status) => {
    const res = await send();
    expect(res.status).toBe(status);
    const id = res.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/u);
    if (status >= 400) {
      const body = await res.json() as { error: { code: string; message: string; requestId: string } };
      expect(body.error.code).toEqual(expect.any(String));
      expect(body.error.requestId).toBe(id);
    }
  });

  it('keeps the rest of an error body and its headers as they were', async () => {
    const res = await app.request('/v1/check', {}, local);
    expect(res.headers.get('allow')).toBe('POST');
    expect(res.headers.get('content-type')).toMatch(/^application\/json/u);
    const body = await res.json() as { error: Record<string, unknown> };
    expect(Object.keys(body.error)).toEqual(['code', 'message', 'requestId']);
  });

  it('echoes a sane id (printable ASCII, up to 128 characters), else makes a new one', async () => {
    const sent = async (id: string) => (await app.request('/v1/nothing', { headers: { 'x-request-id': id } }, local));
    for (const id of ['comms-tool-42', 'Root=1-67a;Parent=53995c3f;Sampled=1', 'a b "c" {d}', 'x'.repeat(128), '~']) {
      const res = await sent(id);
      expect(res.headers.get('x-request-id')).toBe(id);
      expect((await res.json() as { error: { requestId: string } }).error.requestId).toBe(id);
    }
    for (const id of ['x'.repeat(129), 'caf\u00e9', 'tab\there', 'bell\u0007', 'del\u007f']) {
      const res = await sent(id);
      expect(res.headers.get('x-request-id'), JSON.stringify(id)).toMatch(/^[0-9a-f-]{36}$/u);
    }
  });

  it('lets a browser script read it (CORS exposes it) and send it', async () => {
    const ext = { ...local, CORS_ORIGINS: 'chrome-extension://abc' };
    const pre = await app.request('/v1/batch', { method: 'OPTIONS', headers: { origin: 'chrome-extension://abc', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,idempotency-key,x-request-id' } }, ext);
    expect(pre.headers.get('access-control-allow-headers')).toMatch(/idempotency-key/iu);
    expect(pre.headers.get('access-control-allow-headers')).toMatch(/x-request-id/iu);
    const res = await json('/v1/check', { text: 'hi' }, { origin: 'chrome-extension://abc' }, ext);
    expect(res.headers.get('access-control-expose-headers')).toMatch(/x-request-id/iu);
    expect(res.headers.get('access-control-expose-headers')).toMatch(/idempotent-replayed/iu);
  });
});

describe('unknown top-level fields', () => {
  type Warned = { warnings?: Array<{ code: string; field?: string; message: string }>; verdict?: string; error?: { code: string; issues: Array<{ path: string }> } };
  const harmless = 'Thanks to everyone who came to the beach clean today!';

  it('/v1/check ignores them, judges the post as without them, and lists each in warnings', async () => {
    const plain = await (await json('/v1/check', { text: harmless })).json() as Warned & Record<string, unknown>;
    const res = await json('/v1/check', { text: harmless, colour: 'blue', futureOption: { deep: true } });
    expect(res.status).toBe(200);
    const body = await res.json() as Warned & Record<string, unknown>;
    expect(body.warnings).toEqual([
      { code: 'unknown_field', field: 'colour', message: expect.stringContaining('colour') },
      { code: 'unknown_field', field: 'futureOption', message: expect.stringContaining('futureOption') },
    ]);
    const { warnings: _w, ...rest } = body;
    expect(rest).toEqual(plain);
    expect(plain.warnings).toBeUndefined();
  });

  it('unknown values of known fields, and unknown keys inside context or an election, are still 400', async () => {
    for (const bad of [
      { text: harmless, context: { channel: 'tiktok' } },
      { text: harmless, context: { chanel: 'official' } },
      { text: harmless, context: { election: { pollingDay: '2026-05-07', extra: 1 } } },
      { text: harmless, secondOpinion: 'sometimes' },
      { text: 42, colour: 'blue' },
    ]) {
      const res = await json('/v1/check', bad);
      expect(res.status, JSON.stringify(bad)).toBe(400);
      const body = await res.json() as Warned;
      expect(body.error?.code).toBe('invalid_request');
      expect(body.warnings).toBeUndefined();
    }
  });

  it('/v1/batch (JSON) reports them at the top; an unknown key inside an item is that item\'s error', async () => {
    const res = await json('/v1/batch', { items: [{ id: 'a', text: harmless }, { id: 'b', text: harmless, colour: 'red' }], dryRun: true });
    expect(res.status).toBe(200);
    const body = await res.json() as Warned & { results: Array<{ id: string; verdict?: string; error?: { code: string } }> };
    expect(body.warnings).toEqual([{ code: 'unknown_field', field: 'dryRun', message: expect.any(String) }]);
    expect(body.results.map((r) => r.error?.code ?? r.verdict)).toEqual(['ok', 'invalid_item']);
  });

  it('names at most 20 and counts the rest; long names are cut', async () => {
    const body: Record<string, unknown> = { text: harmless, ['k'.repeat(300)]: 1 };
    for (let i = 0; i < 30; i++) body[`extra${i}`] = i;
    const res = await json('/v1/check', body);
    const { warnings } = await res.json() as Warned;
    expect(warnings).toHaveLength(21);
    expect(warnings![0]!.field).toBe(`${'k'.repeat(100)}…`);
    expect(warnings!.at(-1)).toMatchObject({ code: 'unknown_fields_omitted', message: expect.stringContaining('11 more') });
  });

  it('a field named __proto__ is only a warning', async () => {
    const res = await json('/v1/check', `{"text":"${harmless}","__proto__":{"text":""}}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ warnings: [{ field: '__proto__' }] });
  });
});

describe('Idempotency-Key (without storage: the checks that come first)', () => {
  const items = { items: [{ id: 1, text: 'Bins on Tuesday' }] };
  it.each([
    ['empty', ''],
    ['only spaces', '   '],
    ['256 characters', 'k'.repeat(256)],
    ['not ASCII', 'clé-1'],
    ['a control character', 'key\u0001'],
    ['DEL', 'key\u007f'],
  ])('a malformed key (%s) is 400 invalid_idempotency_key, and nothing runs', async (_what, key) => {
    const res = await json('/v1/batch', items, { 'idempotency-key': key });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'invalid_idempotency_key', requestId: expect.any(String) } });
  });

  it('a well-formed key (up to 255 printable characters) needs the storage bindings: 503 without them', async () => {
    for (const key of ['k'.repeat(255), 'a key with spaces and "quotes"', crypto.randomUUID()]) {
      const res = await json('/v1/batch', items, { 'idempotency-key': key });
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ error: { code: 'idempotency_unavailable' } });
    }
  });

  it('is ignored on routes that do not take it, and a batch without it runs as before', async () => {
    expect((await json('/v1/check', { text: 'Bins on Tuesday' }, { 'idempotency-key': '' })).status).toBe(200);
    const res = await json('/v1/batch', items);
    expect(res.status).toBe(200);
    expect(res.headers.get('idempotent-replayed')).toBeNull();
  });
});

describe('canonical request bodies', () => {
  it('ignore key order and spacing, not values or array order', async () => {
    const { canonicalJson } = await import('../src/routes/idempotency.ts');
    expect(canonicalJson(JSON.parse('{"b": 1, "a": {"y": [2, 1], "x": null}}'))).toBe(canonicalJson({ a: { x: null, y: [2, 1] }, b: 1 }));
    expect(canonicalJson({ a: [1, 2] })).not.toBe(canonicalJson({ a: [2, 1] }));
    expect(canonicalJson({ a: '1' })).not.toBe(canonicalJson({ a: 1 }));
  });
});

describe('logs', () => {
  it('never hold the post text, whatever the request and however it ends', async () => {
    const secret = 'Zebra-7781 Sarah in Planning leaked the exempt report';
    const lines: string[] = [];
    const methods = ['log', 'info', 'warn', 'error', 'debug'] as const;
    const originals = methods.map((m) => console[m]);
    for (const m of methods) console[m] = (...args: unknown[]) => { lines.push(args.map(String).join(' ')); };
    try {
      await json('/v1/check', { text: secret, colour: secret });
      await json('/v1/check', { text: secret, profile: 'my-council' }, {}, { ...local, PROFILES: brokenKv }); // a 500
      await json('/v1/check', `{"text":"${secret}`);
      await json('/v1/batch', { items: [{ id: 1, text: secret }], [secret]: 1 });
      await json('/v1/batch', { items: [{ id: 1, text: secret }] }, { 'idempotency-key': 'k1' });
      await json('/v1/batch', { items: [{ id: 1, text: secret }] }, { 'idempotency-key': '' });
    } finally {
      methods.forEach((m, i) => { console[m] = originals[i]!; });
    }
    expect(lines.some((l) => l.includes('unhandled_error'))).toBe(true); // the 500 was logged...
    expect(lines.join('\n')).not.toContain('Zebra-7781'); // ...without the draft
  });
});
