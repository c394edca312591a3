// Offsets are UTF-16 code units of the original text, half-open: text.slice(offset,
// offset + length) is the span, through emoji, ZWJ sequences, look-alikes and
// zero-width characters. A property test checks that any string analyses without
// throwing and with valid offsets.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../src/pipeline/analyze.ts';
import { normalizeText, toOriginalSpan } from '../src/pipeline/normalize.ts';
import { getProfile } from '../src/profiles/index.ts';
import { CheckResponseSchema } from '../src/schema/check.ts';
import { NOW } from './helpers.ts';

const profile = getProfile()!;
const check = (text: string) => analyze(text, { profile, now: NOW });

function expectValidOffsets(text: string) {
  const r = CheckResponseSchema.parse(check(text));
  for (const f of r.findings) {
    expect(f.offset).toBeGreaterThanOrEqual(0);
    expect(f.offset + f.length).toBeLessThanOrEqual(text.length);
    expect(text.slice(f.offset, f.offset + f.length)).toBe(f.actual);
    // never cut a surrogate pair in half
    expect((text.charCodeAt(f.offset) & 0xfc00) === 0xdc00).toBe(false);
  }
  return r;
}

describe('offsets', () => {
  it('map spans back after emoji and ZWJ sequences', () => {
    const text = '👨‍👩‍👧‍👦🏳️‍🌈 Sarah in Planning is clueless 🤡';
    const r = expectValidOffsets(text);
    const f = r.findings.find((x) => x.category === 'officer-criticism')!;
    expect(f.actual).toBe('Sarah in Planning is clueless 🤡');
  });

  it('map spans back through zero-width characters and look-alike letters', () => {
    const text = 'Cllr Brown is an i\u200Bd\u200Bi\u200Bo\u200Bt and a m\u043Er\u043En.';
    const r = expectValidOffsets(text);
    const actual = r.findings.filter((f) => f.category === 'abuse').map((f) => f.actual);
    expect(actual).toEqual(['i\u200Bd\u200Bi\u200Bo\u200Bt', 'm\u043Er\u043En']);
  });

  it('map spans back through full-width letters (NFKC)', () => {
    const text = 'What an ｉｄｉｏｔ.';
    const f = expectValidOffsets(text).findings[0]!;
    expect(f.actual).toBe('ｉｄｉｏｔ');
  });

  it('keep the original span when normalisation expands a character', () => {
    const n = normalizeText('ﬁne…ok');
    expect(n.norm).toBe('fine...ok');
    expect(toOriginalSpan(n, 0, 4)).toEqual({ start: 0, end: 3 });
    expect(toOriginalSpan(n, 4, 7)).toEqual({ start: 3, end: 4 });
  });

  it('handle RTL, lone surrogates and control characters', () => {
    for (const text of ['\u202Eالمخطط\u202C idiot', '\uD800 idiot \uDC00', '\u0000\u0007 officers are useless', '\u200B']) {
      expectValidOffsets(text);
    }
  });

  it('analyse 20,000 characters of mixed content', () => {
    const unit = 'The Head of Housing is useless 🤡 and I was told in confidence that £2m is owed. Vote Labour! ';
    expectValidOffsets(unit.repeat(Math.ceil(20_000 / unit.length)).slice(0, 20_000));
  });

  it('any string analyses without throwing, with valid offsets', () => {
    const pieces = fc.constantFrom('officer', 'Sarah in Planning', 'idiot', '1d10t', '🤡', '👨‍👩‍👧', '\u200B', 'і', 'ｉ', "'expert'", '£2m', 'Part 2', 'Vote Labour', ' ', '.', '\n', '@x', 'é', '\uD83D', 'ﬁ');
    fc.assert(fc.property(
      fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.array(pieces, { maxLength: 40 }).map((a) => a.join(''))),
      (text) => { expectValidOffsets(text); },
    ), { numRuns: 400 });
  });
});
