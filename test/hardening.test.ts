// Issue 9 over HTTP (app.request in Node): no 500 for odd dates or profile ids, one bad
// batch row is its own error, bounded profiles and responses, bodies cut off at the
// limit however they are sent, request ids and nosniff, strong secrets only, formula-
// looking CSV cells neutralised, long tokens never cached.

import { describe, expect, it } from 'vitest';
import { app, loggableMessage } from '../src/app.ts';
import { toCsv } from '../src/batch/csv.ts';
import { analyze } from '../src/pipeline/analyze.ts';
import { memoize } from '../src/pipeline/memo.ts';
import { getProfile } from '../src/profiles/index.ts';
import { PROFILE_LIMITS, ProfileSchema } from '../src/profiles/schema.ts';
import { MAX_BODY_BYTES } from '../src/routes/check.ts';
import { MAX_FINDINGS } from '../src/schema/check.ts';

const local = { LOCAL_OPEN_ACCESS: 'true' };
const json = (path: string, body: unknown, e: object = local, method = 'POST') =>
  app.request(path, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }, e);
const southend = getProfile('southend-on-sea')!;

describe('dates', () => {
  it.each(['0999-05-01T10:00:00Z', '0000-01-01', '10000-01-01T00:00:00Z', '1899-12-31', '2201-01-01', '2026-02-30', '2026-02-29'])('postedAt %s is a 400 naming the field', async (postedAt) => {
    const res = await json('/v1/check', { text: 'Vote for us on Thursday', context: { postedAt } });
    expect(res.status).toBe(400);
    const body = await res.json() as { error: { issues: Array<{ path: string }> } };
    expect(body.error.issues.map((i) => i.path)).toContain('context.postedAt');
  });

  it('accepts real days in range, leap days included', async () => {
    for (const postedAt of ['2028-02-29', '1900-01-01', '2200-12-31T23:00:00Z', '2026-05-01T10:00:00+01:00']) {
      expect((await json('/v1/check', { text: 'Lovely day', context: { postedAt } })).status).toBe(200);
    }
  });

  it('a batch item with a bad date gets its own error; the others are checked', async () => {
    const res = await json('/v1/batch', { items: [{ id: 'a', text: 'Lovely day' }, { id: 'b', text: 'Vote Labour', context: { postedAt: '0999-05-01T10:00:00Z' } }, { id: 'c', text: 'Bins on Tuesday' }] });
    expect(res.status).toBe(200);
    const { results } = await res.json() as { results: Array<{ id: string; verdict?: string; error?: { code: string } }> };
    expect(results.map((r) => [r.id, r.error?.code ?? r.verdict])).toEqual([['a', 'ok'], ['b', 'invalid_item'], ['c', 'ok']]);
  });

  it('so does a CSV row', async () => {
    const csv = 'Post ID,Message,Scheduled\r\n1,Lovely day,2026-05-01 09:00\r\n2,Vote Labour,0999-05-01 09:00\r\n3,Bins on Tuesday,2026-05-02\r\n';
    const res = await app.request('/v1/batch', { method: 'POST', headers: { 'content-type': 'text/csv' }, body: csv }, local);
    expect(res.status).toBe(200);
    const { results } = await res.json() as { results: Array<{ error?: unknown }> };
    expect(results.map((r) => 'error' in r)).toEqual([false, true, false]);
  });

  it('the analysis core never throws on an out-of-range date from a caller that did not validate', () => {
    for (const postedAt of ['0999-05-01T10:00:00Z', '+010000-01-01T00:00:00Z', '0000-01-01']) {
      expect(() => analyze('Vote Labour', { profile: southend, context: { postedAt } })).not.toThrow();
    }
  });
});

describe('profile ids', () => {
  it.each([['too long for a KV key', 'x'.repeat(600)], ['a lone surrogate', '%ED%A0%80'], ['a slash', 'a%2Fb'], ['upper case', 'Rugby']])('%s: 404, never a 500', async (_what, id) => {
    for (const path of [`/v1/profiles/${id}`, `/v1/profiles/${id}/clauses`]) {
      expect((await app.request(path, {}, local)).status).toBe(404);
    }
    expect((await app.request(`/v1/batch?profile=${id}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"items":[{"id":1,"text":"hi"}]}' }, local)).status).toBeLessThan(500);
  });

  it('a profile named in the body with a lone surrogate is an error, not a 500', async () => {
    const res = await app.request('/v1/check', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"text":"hi","profile":"\\ud800"}' }, local);
    expect([400, 404]).toContain(res.status);
  });
});

describe('bounded profiles and responses', () => {
  const base = JSON.parse(JSON.stringify(southend)) as Record<string, unknown> & { clauses: Array<Record<string, unknown>>; people: { officers: unknown[] } };
  it('refuses a clause quote over the limit, too many clauses and too many officers', () => {
    const longQuote = { ...base, clauses: base.clauses.map((c, i) => (i === 0 ? { ...c, quote: 'x'.repeat(500_000) } : c)) };
    expect(ProfileSchema.safeParse(longQuote).success).toBe(false);
    const many = { ...base, clauses: [...base.clauses, ...Array.from({ length: PROFILE_LIMITS.clauses }, (_, i) => ({ key: `k${i}`, id: `${i}`, title: 't', quote: 'q' }))] };
    expect(ProfileSchema.safeParse(many).success).toBe(false);
    const officers = { ...base, people: { ...base.people, officers: Array.from({ length: PROFILE_LIMITS.officers + 1 }, (_, i) => ({ name: `Officer ${i}`, title: 'Planner', service: 'planning' })) } };
    expect(ProfileSchema.safeParse(officers).success).toBe(false);
    expect(ProfileSchema.safeParse(base).success).toBe(true);
  });

  it(`caps findings at ${MAX_FINDINGS} and says so`, async () => {
    const res = await json('/v1/check', { text: 'You idiot. '.repeat(1000) });
    const body = await res.json() as { findings: unknown[]; truncated?: boolean; verdict: string };
    expect(body.findings.length).toBe(MAX_FINDINGS);
    expect(body.truncated).toBe(true);
    const small = await (await json('/v1/check', { text: 'You idiot.' })).json() as { truncated?: boolean };
    expect(small.truncated).toBeUndefined();
  });
});

describe('request bodies', () => {
  it('a chunked body with no Content-Length is cut off at the limit, without reading the rest', async () => {
    let pulled = 0;
    const chunk = new TextEncoder().encode(`{"text":"${'a'.repeat(16 * 1024)}`);
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) { pulled++; if (pulled > 10_000) controller.close(); else controller.enqueue(chunk); },
    });
    const res = await app.request(new Request('http://x/v1/check', { method: 'POST', headers: { 'content-type': 'application/json' }, body: stream, duplex: 'half' } as RequestInit), undefined, local);
    expect(res.status).toBe(413);
    expect(pulled).toBeLessThan(MAX_BODY_BYTES / chunk.byteLength + 5);
  });

  it('compares bytes with bytes: multi-byte text over the limit in bytes is a 413', async () => {
    const text = '€'.repeat(Math.ceil(MAX_BODY_BYTES / 3) + 10); // fewer characters than bytes allowed, more bytes
    expect(text.length).toBeLessThan(MAX_BODY_BYTES);
    const res = await app.request('/v1/check', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text }) }, local);
    expect(res.status).toBe(413);
  });
});

describe('headers', () => {
  it('every response has nosniff and a request id, echoing a well-formed one', async () => {
    for (const [path, init] of [['/v1/health', {}], ['/nothing', {}], ['/', {}], ['/v1/check', { method: 'POST', body: 'x' }]] as const) {
      const res = await app.request(path, init, local);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/u);
    }
    const echoed = await app.request('/v1/health', { headers: { 'x-request-id': 'comms-tool-42' } }, local);
    expect(echoed.headers.get('x-request-id')).toBe('comms-tool-42');
    // Issue 12: any printable ASCII of up to 128 characters is sane; anything else is replaced.
    const refused = await app.request('/v1/health', { headers: { 'x-request-id': `bad-${'x'.repeat(128)}` } }, local);
    expect(refused.headers.get('x-request-id')).not.toContain('bad');
  });

  it('the error log line blanks anything quoted', () => {
    expect(loggableMessage('Unexpected token \'a\', "secret draft" is not valid JSON')).toBe('Unexpected token "…", "…" is not valid JSON');
    expect(loggableMessage('x'.repeat(1000)).length).toBe(200);
  });
});

describe('secrets', () => {
  it('a short admin or team token switches its feature off with 503 weak_secret, and is not an API token', async () => {
    const weak = { ...local, ADMIN_TOKEN: 'short-admin', TEAM_TOKEN: 'short-team' };
    const put = await app.request('/v1/profiles/example', { method: 'PUT', headers: { 'content-type': 'application/json', authorization: 'Bearer short-admin' }, body: '{}' }, weak);
    expect(put.status).toBe(503);
    expect(await put.json()).toMatchObject({ error: { code: 'weak_secret' } });
    const reviews = await app.request('/v1/reviews', { headers: { authorization: 'Bearer short-team' } }, weak);
    expect(reviews.status).toBe(503);
    const tokens = { API_TOKENS: 'a'.repeat(64), ADMIN_TOKEN: 'short-admin' };
    expect((await app.request('/v1/health', { headers: { authorization: 'Bearer short-admin' } }, tokens)).status).toBe(403);
  });
});

describe('CSV exports', () => {
  it('neutralise cells a spreadsheet would run as formulas', () => {
    const csv = toCsv([['=HYPERLINK("http://evil","x")', '+1+1', '-2+3', '@SUM(A1)', '\tx', 'plain']]);
    expect(csv).not.toMatch(/(^|,)"?[=+\-@\t]/u);
    expect(csv).toContain('plain');
  });
});

describe('caches', () => {
  it('never keep a key longer than a word', () => {
    let calls = 0;
    const f = memoize((k: string) => { calls++; return k.length; }, 10);
    f('word'); f('word');
    expect(calls).toBe(1);
    const long = 'x'.repeat(20_000);
    f(long); f(long);
    expect(calls).toBe(3);
  });
});
