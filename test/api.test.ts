// The HTTP contract through app.request(): status codes, structured errors, and
// responses that match the schema with valid offsets.

import { describe, expect, it } from 'vitest';
import { app } from '../src/app.ts';
import { CheckResponseSchema } from '../src/schema/check.ts';

const post = (body: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
  app.request('/v1/check', { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });

describe('POST /v1/check', () => {
  it('flags a named officer and cites 6.1.9 with its quote', async () => {
    const text = 'Sarah in Planning has made a complete mess of the Elm Road application. Useless.';
    const res = await post({ text });
    expect(res.status).toBe(200);
    const body = CheckResponseSchema.parse(await res.json());
    expect(body.verdict).toBe('block');
    expect(body.categories['officer-criticism'].verdict).toBe('block');
    const f = body.findings.find((x) => x.category === 'officer-criticism')!;
    expect(text.slice(f.offset, f.offset + f.length)).toBe(f.actual);
    expect(f.actual).toContain('Sarah in Planning');
    const clause = f.clauses.find((c) => c.id === '6.1.9');
    expect(clause?.quote).toMatch(/^When creating social media content or sharing content created by others/);
    expect(f.suggestion).toMatch(/Cabinet Member for Planning/);
    expect(body.profile.id).toBe('southend-on-sea');
  });

  it('returns ok for a harmless post', async () => {
    const res = await post({ text: 'Thanks to everyone who came to the beach clean today!' });
    const body = CheckResponseSchema.parse(await res.json());
    expect(body.verdict).toBe('ok');
    expect(body.findings).toEqual([]);
  });

  it('judges the same electioneering text by context', async () => {
    const text = 'Vote Labour on 7 May for a council that listens!';
    const verdictFor = async (context: object) => CheckResponseSchema.parse(await (await post({ text, context })).json());
    const official = await verdictFor({ channel: 'official', postedAt: '2026-04-20' });
    const farAway = await verdictFor({ channel: 'official', postedAt: '2026-10-01' });
    const personal = await verdictFor({ channel: 'personal', postedAt: '2026-04-20' });
    const campaign = await verdictFor({ channel: 'campaign', postedAt: '2026-04-20' });
    // The labelling guide's table: official channel in the period block, outside it
    // review; a councillor's own campaigning on a personal channel is the 10.1.5 exception.
    expect(official.categories.electioneering.verdict).toBe('block');
    expect(official.election).toMatchObject({ pollingDay: '2026-05-07', periodStart: '2026-03-30', inPeriod: true, source: 'profile' });
    expect(farAway.categories.electioneering.verdict).toBe('review');
    expect(farAway.election?.inPeriod).toBe(false);
    expect(personal.categories.electioneering.verdict).toBe('ok');
    expect(campaign.categories.electioneering.verdict).toBe('ok');
    expect(campaign.findings.map((f) => f.ruleId)).toContain('electioneering.campaign-imprint');
  });

  it('uses the election given in the request', async () => {
    const res = await post({ text: 'Vote Green!', context: { postedAt: '2027-02-10', election: { pollingDay: '2027-02-25' } } });
    const body = CheckResponseSchema.parse(await res.json());
    expect(body.election).toMatchObject({ pollingDay: '2027-02-25', source: 'request', inPeriod: true });
  });

  it('answers 400 with the zod issues for invalid input', async () => {
    const res = await post({ text: '', context: { channel: 'tiktok', postedAt: 'yesterday' } });
    expect(res.status).toBe(400);
    const body = await res.json() as { error: { code: string; issues: Array<{ path: string }> } };
    expect(body.error.code).toBe('invalid_request');
    const paths = body.error.issues.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['text', 'context.channel', 'context.postedAt']));
  });

  it('answers 400 for malformed JSON and for unknown keys inside context; an unknown top-level field is a warning', async () => {
    expect((await post('{"text": "hi"')).status).toBe(400);
    expect((await post({ text: 'hi', context: { colour: 'blue' } })).status).toBe(400);
    const res = await post({ text: 'hi', colour: 'blue' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ warnings: [{ code: 'unknown_field', field: 'colour' }] });
  });

  it('answers 413 for text over 20,000 characters and for a huge body', async () => {
    const long = await post({ text: 'a'.repeat(20_001) });
    expect(long.status).toBe(413);
    expect(await long.json()).toMatchObject({ error: { code: 'text_too_long', limit: 20_000 } });
    const huge = await post({ text: 'x', padding: 'y'.repeat(200_000) });
    expect(huge.status).toBe(413);
  });

  it('accepts exactly 20,000 characters', async () => {
    const res = await post({ text: 'Officers are lovely. '.repeat(1000).slice(0, 20_000) });
    expect(res.status).toBe(200);
  });

  it('answers 415 for a body that is not JSON', async () => {
    const res = await post('text=hello', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(res.status).toBe(415);
    const none = await app.request('/v1/check', { method: 'POST', body: '{"text":"hi"}' });
    expect(none.status).toBe(415);
  });

  it('answers 404 with the known profiles for an unknown profile', async () => {
    const res = await post({ text: 'hello', profile: 'atlantis' });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: 'unknown_profile', known: expect.arrayContaining(['southend-on-sea', 'rushcliffe', 'tendring', 'rugby']) } });
  });

  it('answers 405 for the wrong method and 404 for an unknown route', async () => {
    const get = await app.request('/v1/check');
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    expect((await app.request('/v2/nothing')).status).toBe(404);
  });
});

describe('GET /v1/health', () => {
  it('reports versions', async () => {
    const res = await app.request('/v1/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', engine: { version: expect.any(String), lexiconVersion: expect.any(String) } });
  });
});

describe('profile uploads without an admin token configured', () => {
  it('refuses with 403 admin_disabled, and still serves reads', async () => {
    const local = { LOCAL_OPEN_ACCESS: 'true' };
    const res = await app.request('/v1/profiles/example', { method: 'PUT', headers: { 'content-type': 'application/json', authorization: 'Bearer anything' }, body: '{}' }, local);
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: { code: 'admin_disabled' } });
    expect((await app.request('/v1/profiles', {}, local)).status).toBe(200);
    expect((await app.request('/v1/profiles/schema', {}, local)).status).toBe(200);
    expect((await app.request('/v1/profiles/rugby', { method: 'POST' }, local)).status).toBe(405);
  });
});
