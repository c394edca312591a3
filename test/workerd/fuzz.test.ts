// Issue 9: no input gives a 5xx. Random requests over every route (src/cli/fuzz-requests.ts)
// against the Worker inside workerd, with miniflare's real KV and D1. A few hundred run
// here; `npm run fuzz -- 100000` runs as many as asked against wrangler dev.

import { env } from 'cloudflare:workers';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { app } from '../../src/app.ts';
import { fuzzRequest, toRequest } from '../../src/cli/fuzz-requests.ts';
import type { Bindings } from '../../src/env.ts';

const bindings = env as unknown as Bindings;
const ctx = { waitUntil() {}, passThroughOnException() {}, props: {} } as unknown as ExecutionContext;

describe('fuzzed requests', () => {
  it('never answer 5xx and always carry a request id and nosniff', async () => {
    const seen = new Map<number, number>();
    await fc.assert(fc.asyncProperty(fuzzRequest({ admin: bindings.ADMIN_TOKEN!, team: bindings.TEAM_TOKEN! }), async (r) => {
      const res = await app.fetch(toRequest('http://localhost', r), bindings, ctx);
      seen.set(res.status, (seen.get(res.status) ?? 0) + 1);
      await res.arrayBuffer();
      expect(res.status, `${r.method} ${r.path}`).toBeLessThan(500);
      expect(res.headers.get('x-request-id')).toBeTruthy();
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    }), { numRuns: 400 });
    // The generator reaches both successes and refusals.
    expect([...seen.keys()].some((s) => s < 300)).toBe(true);
    expect([...seen.keys()].some((s) => s >= 400)).toBe(true);
  }, 120_000);
});
