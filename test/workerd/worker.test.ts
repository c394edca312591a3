// Requests to the Worker inside workerd: the bundle really runs in the Workers runtime.

import { exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';

const worker = (exports as unknown as { default: { fetch(r: Request): Promise<Response> } }).default;

const check = (body: unknown, type = 'application/json') => worker.fetch(new Request('http://localhost/v1/check', {
  method: 'POST',
  headers: { 'content-type': type },
  body: typeof body === 'string' ? body : JSON.stringify(body),
}));

describe('inside workerd', () => {
  it('checks a draft that criticises a named officer, citing 6.1.9', async () => {
    const text = 'Sarah in Planning has made a complete mess of this. Useless.';
    const res = await check({ text });
    expect(res.status).toBe(200);
    const body = await res.json() as { verdict: string; findings: Array<{ offset: number; length: number; actual: string; clauses: Array<{ id: string; quote: string }> }> };
    expect(body.verdict).toBe('block');
    const f = body.findings[0]!;
    expect(text.slice(f.offset, f.offset + f.length)).toBe(f.actual);
    expect(f.clauses.map((c) => c.id)).toContain('6.1.9');
  });

  it('answers health, 400, 413 and 415 as documented', async () => {
    expect((await worker.fetch(new Request('http://localhost/v1/health'))).status).toBe(200);
    expect((await check({ text: 42 })).status).toBe(400);
    expect((await check({ text: 'x'.repeat(20_001) })).status).toBe(413);
    expect((await check('hello', 'text/plain')).status).toBe(415);
  });

  it('estimates the election calendar with the runtime clock and Intl', async () => {
    const res = await check({ text: 'Vote Labour!', context: { postedAt: '2026-04-20T09:00:00+01:00', channel: 'official' } });
    const body = await res.json() as { election: { pollingDay: string; inPeriod: boolean }; verdict: string };
    expect(body.election).toMatchObject({ pollingDay: '2026-05-07', inPeriod: true });
    expect(body.verdict).toBe('block');
  });
});
