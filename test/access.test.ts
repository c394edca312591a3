// Access to the API: CORS only for the configured extension origin, API tokens (stored
// hashed) on every /v1/ route when configured, and /v1/health saying whether it is open.

import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { app } from '../src/app.ts';

const EXTENSION = 'chrome-extension://ohaohhllocbppkncollilgekmndjloaj';
const TOKEN = 'cpc_test_token_123';
const env = { CORS_ORIGINS: EXTENSION, API_TOKENS: `${createHash('sha256').update('other').digest('hex')}, ${createHash('sha256').update(TOKEN).digest('hex')}`, ADMIN_TOKEN: 'admin-secret-0123456789abcdef01234' };
const body = JSON.stringify({ text: 'The Head of Housing should be sacked.' });
const post = (headers: Record<string, string>, e: object = env) =>
  app.request('/v1/check', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body }, e);

describe('CORS', () => {
  it('answers the extension\'s preflight and no other origin\'s', async () => {
    const ok = await app.request('/v1/check', { method: 'OPTIONS', headers: { origin: EXTENSION, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,authorization' } }, env);
    expect(ok.status).toBe(204);
    expect(ok.headers.get('access-control-allow-origin')).toBe(EXTENSION);
    expect(ok.headers.get('access-control-allow-headers')).toMatch(/authorization/iu);
    const evil = await app.request('/v1/check', { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } }, env);
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
    const other = await post({ origin: 'https://evil.example', authorization: `Bearer ${TOKEN}` });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('API tokens', () => {
  it('are required on /v1/ routes when configured: 401 without, 403 wrong, 200 right', async () => {
    const none = await post({});
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toMatch(/^Bearer/u);
    expect((await post({ authorization: 'Bearer nope' })).status).toBe(403);
    const ok = await post({ authorization: `Bearer ${TOKEN}`, origin: EXTENSION });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('access-control-allow-origin')).toBe(EXTENSION);
    expect((await app.request('/v1/health', {}, env)).status).toBe(401);
    expect((await app.request('/v1/profiles', { headers: { authorization: 'Bearer admin-secret-0123456789abcdef01234' } }, env)).status).toBe(200);
  });

  it('leave the API open only where npm run dev says so, and health says which', async () => {
    const local = { LOCAL_OPEN_ACCESS: 'true' };
    expect(await (await app.request('/v1/health', {}, local)).json()).toMatchObject({ access: 'open' });
    expect(await (await app.request('/v1/health', { headers: { authorization: `Bearer ${TOKEN}` } }, env)).json()).toMatchObject({ access: 'token' });
    expect((await post({}, local)).status).toBe(200);
  });

  it('close a deployment that has no API_TOKENS: 503 access_not_configured, health still answers', async () => {
    for (const deployed of [{}, { LOCAL_OPEN_ACCESS: 'false' }, { CORS_ORIGINS: EXTENSION }]) {
      const res = await post({}, deployed);
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ error: { code: 'access_not_configured' } });
      expect((await app.request('/v1/profiles', {}, deployed)).status).toBe(503);
      const health = await app.request('/v1/health', {}, deployed);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ access: 'closed' });
    }
  });
});

describe('replacements', () => {
  it('redirect the whole criticised statement to the Cabinet Member', async () => {
    const text = 'Honestly, the Head of Housing should be sacked.';
    const res = await app.request('/v1/check', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text }) }, { LOCAL_OPEN_ACCESS: 'true' });
    const f = ((await res.json()) as { findings: Array<{ offset: number; length: number; replacement?: string }> }).findings[0]!;
    const fixed = text.slice(0, f.offset) + f.replacement + text.slice(f.offset + f.length);
    expect(fixed).toBe("I'll be asking Cllr Ben Hollis (Cabinet Member for Housing) to explain this and put it right.");
  });
});

describe('token new (CLI)', () => {
  it('makes a token whose digest, put in API_TOKENS, lets that token in', async () => {
    const { newToken } = await import('../src/cli/token.ts');
    const a = await newToken();
    const b = await newToken();
    expect(a.token).not.toBe(b.token);
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/u);
    const e = { API_TOKENS: a.hash };
    expect((await post({ authorization: `Bearer ${a.token}` }, e)).status).toBe(200);
    expect((await post({ authorization: `Bearer ${b.token}` }, e)).status).toBe(403);
  });
});

describe('the team token', () => {
  it('also opens the /v1/ routes when API tokens are configured (the batch tab uses it)', async () => {
    const e = { ...env, TEAM_TOKEN: 'team-secret-0123456789abcdef0123456' };
    expect((await post({ authorization: 'Bearer team-secret-0123456789abcdef0123456' }, e)).status).toBe(200);
    expect((await post({ authorization: 'Bearer team-secre' }, e)).status).toBe(403);
  });
});
