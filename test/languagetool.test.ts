// Issue 12: LanguageTool's /v2/check and /v2/languages, with requests shaped as
// LanguageTool's clients send them (its browser add-on: form fields text or data,
// language=auto, level, enabledOnly; libraries: form-encoded or multipart; some: JSON),
// and the answer in LanguageTool's response shape with our fields alongside.

import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { app } from '../src/app.ts';
import { sentenceAround, textOf } from '../src/languagetool/shape.ts';

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const form = (fields: Record<string, string>, headers: Record<string, string> = {}, env?: object) =>
  app.request('/v2/check', { method: 'POST', headers: { ...FORM, ...headers }, body: new URLSearchParams(fields).toString() }, env);

interface Match {
  offset: number; length: number; message: string; shortMessage: string;
  replacements: Array<{ value: string }>; context: { text: string; offset: number; length: number };
  sentence: string; rule: { id: string; description: string; issueType: string; category: { id: string; name: string } };
  clauses: Array<{ id: string }>;
}
interface Answer { software: { name: string }; language: { code: string; detectedLanguage: { code: string } }; matches: Match[]; verdict: string }

const CRITICISM = 'Thanks to everyone who came on Saturday. The Head of Planning, John Smith, is useless and should be sacked.';

describe('POST /v2/check as LanguageTool\'s browser add-on sends it', () => {
  it('answers a form-encoded text in LanguageTool\'s shape: offsets, context, sentence, rule, clauses', async () => {
    const res = await form({ text: CRITICISM, language: 'auto', level: 'picky', enabledOnly: 'false', motherTongue: 'en-GB' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/json/u);
    const a = await res.json() as Answer;
    expect(a.software.name).toBe('council-post-check');
    expect(a.language.code).toBe('en-GB');
    expect(a.verdict).toBe('block');
    const m = a.matches.find((x) => x.rule.category.id === 'officer-criticism');
    expect(m).toBeDefined();
    // The span is a slice of the text sent, and context/sentence point at the same words.
    const span = CRITICISM.slice(m!.offset, m!.offset + m!.length);
    expect(span.length).toBeGreaterThan(0);
    expect(m!.context.text.slice(m!.context.offset, m!.context.offset + m!.context.length)).toBe(span);
    expect(m!.sentence).toContain(span);
    expect(m!.sentence).not.toContain('Saturday');
    expect(m!.rule.issueType).toBe('non-conformance');
    expect(m!.clauses.length).toBeGreaterThan(0);
    for (const c of m!.clauses) expect(m!.message).toContain(c.id);
    expect(m!.shortMessage.length).toBeGreaterThan(0);
  });

  it('offers our checked replacement as LanguageTool\'s replacements', async () => {
    const a = await (await form({ text: 'Vote Labour on 6 May!', language: 'en-GB', authorRole: 'council_account', channel: 'official', postedAt: '2027-04-20' })).json() as Answer;
    const m = a.matches.find((x) => x.rule.category.id === 'electioneering');
    expect(m).toBeDefined();
    expect(Array.isArray(m!.replacements)).toBe(true);
    for (const r of m!.replacements) expect(typeof r.value).toBe('string');
  });

  it('takes the context fields: the same text from a council account in the period is blocked, from a campaign account it is not', async () => {
    const text = 'Vote Labour on 6 May!';
    const official = await (await form({ text, language: 'en-GB', authorRole: 'council_account', channel: 'official', postedAt: '2027-04-20' })).json() as Answer;
    const campaign = await (await form({ text, language: 'en-GB', authorRole: 'councillor', channel: 'campaign', postedAt: '2027-04-20' })).json() as Answer;
    expect(official.verdict).toBe('block');
    expect(campaign.verdict).toBe('ok');
    // On the campaign account it is only a note (the imprint), which LanguageTool shows as style.
    expect(campaign.matches.map((m) => m.rule.issueType)).not.toContain('non-conformance');
    expect(official.matches.map((m) => m.rule.issueType)).toContain('non-conformance');
  });

  it('reads annotated data: markup is skipped and offsets count it, as LanguageTool\'s do', async () => {
    const annotation = [{ markup: '<p>' }, { text: 'Lovely day at the fete. ' }, { markup: '<b>', interpretAs: '' }, { text: 'The Head of Planning is useless and should be sacked.' }, { markup: '</b></p>', interpretAs: '\n\n' }];
    const whole = annotation.map((p) => ('text' in p ? p.text : p.markup)).join('');
    const a = await (await form({ data: JSON.stringify({ annotation }), language: 'auto' })).json() as Answer;
    const m = a.matches.find((x) => x.rule.category.id === 'officer-criticism');
    expect(m).toBeDefined();
    // The offset is into the whole document, markup included.
    const span = whole.slice(m!.offset, m!.offset + m!.length);
    expect(span).not.toMatch(/[<>]/u);
    expect('The Head of Planning is useless and should be sacked.').toContain(span);
  });

  it('accepts multipart and JSON bodies as well', async () => {
    const fd = new FormData();
    fd.set('text', CRITICISM);
    fd.set('language', 'en-GB');
    const multi = await app.request('/v2/check', { method: 'POST', body: fd });
    expect(multi.status).toBe(200);
    expect(((await multi.json()) as Answer).verdict).toBe('block');
    const json = await app.request('/v2/check', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: CRITICISM, language: 'en' }) });
    expect(json.status).toBe(200);
    expect(((await json.json()) as Answer).verdict).toBe('block');
  });

  it('answers a fine post and an empty one with no matches', async () => {
    for (const text of ['Great turnout at the Pier Hill litter pick this morning, thank you all!', '']) {
      const a = await (await form({ text, language: 'auto' })).json() as Answer;
      expect(a.matches).toEqual([]);
      expect(a.verdict).toBe('ok');
    }
  });
});

describe('POST /v2/check refuses what it cannot read, with a structured error', () => {
  it('400 for a language it does not check, neither or both of text and data, bad data, bad context; 415; 413; 405 for GET', async () => {
    const codeOf = async (r: Response) => ((await r.json()) as { error: { code: string } }).error.code;
    let r = await form({ text: 'hello', language: 'fr' });
    expect(r.status).toBe(400);
    expect(await codeOf(r)).toBe('invalid_request');
    expect((await form({ language: 'en' })).status).toBe(400);
    expect((await form({ text: 'a', data: '{"annotation":[{"text":"a"}]}', language: 'en' })).status).toBe(400);
    expect((await form({ data: 'not json', language: 'en' })).status).toBe(400);
    expect((await form({ data: '{"annotation":[]}', language: 'en' })).status).toBe(400);
    expect((await form({ text: 'hello', language: 'en', authorRole: 'mayor' })).status).toBe(400);
    expect((await form({ text: 'hello', language: 'en', postedAt: 'next Tuesday' })).status).toBe(400);
    expect((await form({ text: 'hello', language: 'en', secondOpinion: 'sometimes' })).status).toBe(400);
    expect((await form({ text: 'hello', language: 'en', profile: 'atlantis' })).status).toBe(404);
    r = await app.request('/v2/check', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hello' });
    expect(r.status).toBe(415);
    expect(await codeOf(r)).toBe('unsupported_media_type');
    r = await form({ text: 'a'.repeat(25_000), language: 'en' });
    expect(r.status).toBe(413);
    r = await app.request('/v2/check?text=hello&language=en');
    expect(r.status).toBe(405);
    expect(r.headers.get('allow')).toContain('POST');
  });
});

describe('GET /v2/languages', () => {
  it('lists English and Welsh in LanguageTool\'s shape', async () => {
    const res = await app.request('/v2/languages');
    expect(res.status).toBe(200);
    const list = await res.json() as Array<{ name: string; code: string; longCode: string }>;
    expect(list.map((l) => l.longCode)).toEqual(expect.arrayContaining(['en-GB', 'cy']));
    for (const l of list) expect(l.longCode.startsWith(l.code)).toBe(true);
  });
});

describe('/v2/check and API tokens', () => {
  const TOKEN = 'cpc_lt_token_0123456789';
  const env = { API_TOKENS: createHash('sha256').update(TOKEN).digest('hex') };
  it('takes the token as LanguageTool\'s apiKey field or as a Bearer header: 401 without, 403 wrong', async () => {
    expect((await form({ text: 'hello', language: 'en' }, {}, env)).status).toBe(401);
    expect((await form({ text: 'hello', language: 'en', apiKey: 'wrong' }, {}, env)).status).toBe(403);
    expect((await form({ text: 'hello', language: 'en', apiKey: TOKEN, username: 'someone@example.org' }, {}, env)).status).toBe(200);
    expect((await form({ text: 'hello', language: 'en' }, { authorization: `Bearer ${TOKEN}` }, env)).status).toBe(200);
    // The languages list holds nothing private; LanguageTool's clients ask for it before any key.
    expect((await app.request('/v2/languages', {}, env)).status).toBe(200);
  });
});

describe('the shape helpers', () => {
  it('textOf keeps annotated offsets: each markup part becomes its interpretAs padded to its own length', () => {
    const got = textOf({ data: JSON.stringify({ annotation: [{ text: 'A' }, { markup: '<br/>', interpretAs: '\n' }, { text: 'B' }, { markup: '<x>' }] }) });
    expect(got).toEqual({ ok: true, text: 'A\n    B   ' });
    expect(textOf({ text: 'plain' })).toEqual({ ok: true, text: 'plain' });
    expect(textOf({ data: '[1]' }).ok).toBe(false);
  });

  it('sentenceAround finds the sentence holding a span', () => {
    const t = 'First one. Second has the span here! Third.';
    const at = t.indexOf('span');
    expect(sentenceAround(t, at, at + 4)).toBe('Second has the span here!');
    expect(sentenceAround('no stop at all', 3, 7)).toBe('no stop at all');
  });
});
