// Issue 12 inside workerd: LanguageTool's /v2/check through the real Worker entry point,
// form-encoded and multipart as LanguageTool's clients send them, with the council's
// second opinion (Rugby allows it here; the stand-in finds sarcasm at the parking team).

import { env, exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';

const worker = (exports as unknown as { default: { fetch(r: Request): Promise<Response> } }).default;

interface Answer { matches: Array<{ offset: number; length: number; rule: { id: string; issueType: string; category: { id: string } }; source?: string }>; verdict: string; language: { code: string } }

const ltForm = (fields: Record<string, string>) => worker.fetch(new Request('http://localhost/v2/check', {
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields).toString(),
}));

describe('LanguageTool /v2/check inside workerd', () => {
  it('answers the browser add-on\'s form (text, language=auto, level, enabledOnly) with matches that slice the text', async () => {
    const text = 'Sarah in Planning has made a complete mess of this. Useless.';
    const res = await ltForm({ text, language: 'auto', level: 'picky', enabledOnly: 'false' });
    expect(res.status).toBe(200);
    const a = await res.json() as Answer;
    expect(a.verdict).toBe('block');
    const m = a.matches.find((x) => x.rule.category.id === 'officer-criticism');
    expect(m?.rule.issueType).toBe('non-conformance');
    expect(text.slice(m!.offset, m!.offset + m!.length).length).toBeGreaterThan(0);
  });

  it('reads multipart annotated data, and gives the council\'s second opinion where it is allowed', async () => {
    const body = new FormData();
    const prefix = '<p>';
    body.set('data', JSON.stringify({ annotation: [{ markup: prefix }, { text: 'Another fine decision from the team in charge of parking. Bravo.' }, { markup: '</p>' }] }));
    body.set('language', 'en-GB');
    body.set('profile', 'rugby');
    body.set('secondOpinion', 'always');
    const res = await worker.fetch(new Request('http://localhost/v2/check', { method: 'POST', body }));
    expect(res.status).toBe(200);
    const a = await res.json() as Answer;
    const m = a.matches.find((x) => x.rule.category.id === 'officer-criticism');
    expect(m).toBeDefined();
    // Offsets count the markup, as LanguageTool's do: the quoted words, after "<p>".
    expect(m!.offset).toBe(prefix.length + 'Another fine decision from the '.length);
    expect(m!.length).toBe('team in charge of parking'.length);
  });

  it('takes a scoped token from the TOKENS namespace as apiKey: its council and role by default, another council refused', async () => {
    const token = 'cpc_workerd_scoped_0123456789abcdef';
    const digest = [...new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(token)))].map((b) => b.toString(16).padStart(2, '0')).join('');
    await (env as unknown as { TOKENS: KVNamespace }).TOKENS.put(`token:${digest}`, JSON.stringify({ profile: 'tendring', authorRole: 'council_account' }));
    const res = await ltForm({ text: 'Vote Labour on 6 May! 🌹', language: 'auto', apiKey: token, postedAt: '2027-04-20' });
    expect(res.status).toBe(200);
    const a = await res.json() as Answer & { profile: { id: string } };
    expect(a.profile.id).toBe('tendring');
    expect(a.verdict).toBe('block');
    const other = await ltForm({ text: 'hello', language: 'auto', apiKey: token, profile: 'rugby' });
    expect(other.status).toBe(403);
  });

  it('answers 415 and 400 as structured errors', async () => {
    const wrong = await worker.fetch(new Request('http://localhost/v2/check', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hello' }));
    expect(wrong.status).toBe(415);
    const bad = await ltForm({ text: 'hello', language: 'de-DE' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: 'invalid_request' } });
  });
});
