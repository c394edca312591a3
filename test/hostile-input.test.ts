// Issue 9: analysis is linear in the input. Each hostile text of 20,000 characters must
// analyse, without throwing, in under 250 ms (before the fix the worst took 16 s, and
// the spaced-letter, sentence-splitting, service and stemming paths each took 0.3-5 s).
// The margin is wide on purpose: the bench prints the real worst case.

import { describe, expect, it } from 'vitest';
import { adversarialCorpus } from '../src/cli/adversarial.ts';
import { analyze } from '../src/pipeline/analyze.ts';
import { getProfile } from '../src/profiles/index.ts';

const profile = getProfile()!;
const corpus = adversarialCorpus(20_000);

describe('hostile input', () => {
  it('analyses a short post first (warms the lexicons)', () => {
    expect(analyze('The Head of Planning is clueless.', { profile }).verdict).not.toBe('ok');
  });

  it.each(corpus.map((c) => [c.name, c.text] as const))('%s: 20,000 characters in under 250 ms', (_name, text) => {
    const t0 = performance.now();
    const result = analyze(text, { profile });
    const ms = performance.now() - t0;
    expect(ms).toBeLessThan(250);
    for (const f of result.findings) {
      expect(f.offset).toBeGreaterThanOrEqual(0);
      expect(f.offset + f.length).toBeLessThanOrEqual(text.length);
      expect(text.slice(f.offset, f.offset + f.length)).toBe(f.actual);
    }
  });
});

describe('posts too long in words to read whole', () => {
  it('reads the first 8,000 words, says so, and does not call the post OK', () => {
    const text = '½'.repeat(20_000); // "1⁄2" each time: 40,000 words
    const r = analyze(text, { profile });
    expect(r.notices?.map((n) => n.id)).toContain('text.partly-checked');
    expect(r.verdict).not.toBe('ok');
  });

  it('finds what is in the words it reads, and leaves a long real post alone', () => {
    const padded = `The Head of Planning is clueless. ${'½ '.repeat(9000)}`;
    expect(analyze(padded, { profile }).categories['officer-criticism'].verdict).not.toBe('ok');
    const newsletter = 'Bins go out on Tuesday and the library is open late on Thursday. '.repeat(300); // ~20,000 characters, ~4,000 words
    const r = analyze(newsletter, { profile });
    expect(r.notices ?? []).toEqual([]);
    expect(r.verdict).toBe('ok');
  });
});

describe('a run-on sentence of hundreds of targets', () => {
  it('aims each criticism at a target next to it (looking only at its neighbours)', () => {
    const text = `${'the Head of Planning is useless and '.repeat(300)}that is that.`;
    const r = analyze(text, { profile });
    expect(r.categories['officer-criticism'].verdict).toBe('block');
    const officer = r.findings.filter((f) => f.category === 'officer-criticism');
    expect(officer.length).toBeGreaterThan(0);
    for (const f of officer) expect(f.actual.toLowerCase()).toMatch(/head of planning|useless/u);
  });
});
