// Issue 10: the second opinion's SDK inside workerd (the Worker's runtime), against the
// stand-in for the Messages API that the config starts. Only Rugby allows it here, so
// every other test in this suite keeps the rules' own results.

import { env, exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';

const worker = (exports as unknown as { default: { fetch(r: Request): Promise<Response> } }).default;
const check = async (body: object) => (await worker.fetch(new Request('http://localhost/v1/check', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }))).json() as Promise<{
  verdict: string; secondOpinion?: { status: string; model?: string }; findings: Array<{ source?: string; actual: string }>;
}>;
const recorded = async () => (await fetch(`${(env as unknown as { STAND_IN_URL: string }).STAND_IN_URL}/__recorded`)).json() as Promise<string[]>;

describe('second opinion in workerd', () => {
  it('calls the Messages API through the SDK and folds the answer in, for a council that allows it', async () => {
    const r = await check({ text: 'Another fine decision from the team in charge of parking. Bravo. Call Mrs Lee on 07700 900123.', profile: 'rugby', secondOpinion: 'always' });
    expect(r.secondOpinion).toMatchObject({ status: 'used', model: 'claude-haiku-4-5' });
    expect(r.verdict).toBe('block');
    expect(r.findings.filter((f) => f.source === 'second-opinion').map((f) => f.actual)).toEqual(['team in charge of parking']);
    const sent = (await recorded()).at(-1)!;
    expect(sent).toContain('[PHONE]');
    expect(sent).not.toContain('07700 900123');
  });

  it('is off for a council that has not allowed it, and sends nothing', async () => {
    const before = (await recorded()).length;
    const r = await check({ text: 'Another fine decision from the team in charge of parking. Bravo.', secondOpinion: 'always' });
    expect(r.secondOpinion?.status).toBe('off');
    expect((await recorded()).length).toBe(before);
  });
});
