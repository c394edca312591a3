// Issue 9, inside workerd with miniflare's real bindings: the Workers Rate Limiting
// bindings of wrangler.toml refuse with 429 + Retry-After once a token or an address is
// over its limit, and a deployment without API_TOKENS is closed.

import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { app } from '../../src/app.ts';
import type { Bindings } from '../../src/env.ts';
import { RATE_LIMITS } from '../../src/routes/rate-limit.ts';

const TOKEN = 'cpc_workerd_rate_limit_token_0123456789';
const digest = async (s: string) => [...new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(s)))].map((b) => b.toString(16).padStart(2, '0')).join('');
const ctx = { waitUntil() {}, passThroughOnException() {}, props: {} } as unknown as ExecutionContext;

async function deployed(): Promise<Bindings> {
  const base = env as unknown as Bindings;
  return { ...base, LOCAL_OPEN_ACCESS: undefined, API_TOKENS: await digest(TOKEN) };
}
const check = (e: Bindings, headers: Record<string, string>) => app.fetch(new Request('http://localhost/v1/check', {
  method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ text: 'Lovely day in the park.' }),
}), e, ctx);

describe('rate limits (Workers Rate Limiting binding, miniflare)', () => {
  it('the bindings are configured as the headers say', () => {
    expect(typeof (env as unknown as Bindings).RATE_LIMIT_TOKEN?.limit).toBe('function');
    expect(typeof (env as unknown as Bindings).RATE_LIMIT_IP?.limit).toBe('function');
  });

  it('wrong tokens from one address: 403 until the limit, then 429 with Retry-After', async () => {
    const e = await deployed();
    const statuses: number[] = [];
    let refused: Response | undefined;
    for (let i = 0; i < RATE_LIMITS.ip.limit + 5; i++) {
      const res = await check(e, { authorization: `Bearer wrong-${i}`, 'cf-connecting-ip': '203.0.113.9' });
      statuses.push(res.status);
      if (res.status === 429) refused ??= res;
    }
    expect(statuses.slice(0, RATE_LIMITS.ip.limit).every((s) => s === 403)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    expect(refused!.headers.get('retry-after')).toBe(String(RATE_LIMITS.ip.period));
    expect(refused!.headers.get('ratelimit')).toMatch(/remaining=0/u);
    expect(await refused!.json()).toMatchObject({ error: { code: 'rate_limited' } });
    // Another address is not affected.
    expect((await check(e, { authorization: 'Bearer wrong', 'cf-connecting-ip': '198.51.100.1' })).status).toBe(403);
  });

  it('a valid token is served until its own limit, then 429', async () => {
    const e = await deployed();
    let first429 = -1;
    for (let i = 0; i < RATE_LIMITS.token.limit + 5 && first429 < 0; i++) {
      const res = await app.fetch(new Request('http://localhost/v1/health', { headers: { authorization: `Bearer ${TOKEN}` } }), e, ctx);
      if (res.status === 429) first429 = i;
      else expect(res.status).toBe(200);
    }
    expect(first429).toBe(RATE_LIMITS.token.limit);
  });
});

describe('closed by default', () => {
  it('a deployment with neither API_TOKENS nor the TOKENS namespace answers 503 access_not_configured', async () => {
    const e = { ...(env as unknown as Bindings), LOCAL_OPEN_ACCESS: undefined, API_TOKENS: undefined, TOKENS: undefined };
    const res = await check(e, {});
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ error: { code: 'access_not_configured' } });
  });

  it('a deployment as wrangler.toml binds it (TOKENS namespace, no tokens made) answers 401 without a token, 403 with any', async () => {
    const e = { ...(env as unknown as Bindings), LOCAL_OPEN_ACCESS: undefined, API_TOKENS: undefined };
    expect((await check(e, {})).status).toBe(401);
    expect((await check(e, { authorization: 'Bearer cpc_made_up_0123456789' })).status).toBe(403);
  });
});
