// Issue 12: LanguageTool's /v2/check over real HTTP against wrangler dev (the suite's
// server), with the requests LanguageTool's clients make: GET /v2/languages first, then a
// form-encoded POST with the browser add-on's fields, or markdown as annotated `data`
// the way editor plugins send it. No browser is needed here; the server is shared.

import { describe, expect, inject, it } from 'vitest';

interface Answer { software: { name: string }; matches: Array<{ offset: number; length: number; message: string; context: { text: string; offset: number; length: number }; rule: { id: string; issueType: string; category: { id: string } } }>; verdict: string }

const post = (fields: Record<string, string>) => fetch(`${inject('checkerUrl')}/v2/check`, {
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded; charset=UTF-8', accept: 'application/json' },
  body: new URLSearchParams(fields).toString(),
});

describe('LanguageTool clients against wrangler dev', () => {
  it('lists the languages, then answers the add-on\'s form with matches whose context marks the words', async () => {
    const langs = await fetch(`${inject('checkerUrl')}/v2/languages`);
    expect(langs.status).toBe(200);
    expect((await langs.json() as Array<{ longCode: string }>).map((l) => l.longCode)).toContain('en-GB');

    const text = 'Lovely turnout at the fete 🎉\n\nBut the Head of Waste is a total disgrace and should resign.';
    const res = await post({ text, language: 'auto', level: 'picky', enabledOnly: 'false', motherTongue: 'en-GB', preferredVariants: 'en-GB' });
    expect(res.status).toBe(200);
    const a = await res.json() as Answer;
    expect(a.software.name).toBe('council-post-check');
    expect(a.verdict).toBe('block');
    const m = a.matches.find((x) => x.rule.category.id === 'officer-criticism')!;
    expect(m.rule.issueType).toBe('non-conformance');
    // UTF-16 offsets (the emoji is two code units), as LanguageTool's clients expect.
    const span = text.slice(m.offset, m.offset + m.length);
    expect(m.context.text.slice(m.context.offset, m.context.offset + m.context.length)).toBe(span);
    expect(span).not.toBe('');
  });

  it('takes markdown as annotated data: the findings point into the markdown itself', async () => {
    const md = '# Ward news\n\nThanks to everyone at the **fete** on Saturday.\n\nVote Labour on 6 May!\n';
    const annotation = [
      { markup: '# ' }, { text: 'Ward news' }, { markup: '\n\n', interpretAs: '\n\n' },
      { text: 'Thanks to everyone at the ' }, { markup: '**' }, { text: 'fete' }, { markup: '**' }, { text: ' on Saturday.' },
      { markup: '\n\n', interpretAs: '\n\n' }, { text: 'Vote Labour on 6 May!' }, { markup: '\n', interpretAs: '\n' },
    ];
    expect(annotation.map((p) => ('text' in p ? p.text : p.markup)).join('')).toBe(md);
    const res = await post({ data: JSON.stringify({ annotation }), language: 'en-GB', authorRole: 'council_account', channel: 'official', postedAt: '2027-04-20' });
    expect(res.status).toBe(200);
    const a = await res.json() as Answer;
    const m = a.matches.find((x) => x.rule.category.id === 'electioneering')!;
    expect(m).toBeDefined();
    expect('Vote Labour on 6 May!').toContain(md.slice(m.offset, m.offset + m.length));
    expect(m.offset).toBeGreaterThanOrEqual(md.indexOf('Vote'));
  });
});
