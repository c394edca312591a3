// The spotters: small pure functions that mark parts of a post for the fitted scorer.
// Each is tested on what it must find and what it must leave alone, with spans.

import { describe, expect, it } from 'vitest';
import { findMaskedWords } from '../src/spotters/masked-words.ts';
import { findPersonalData, MAX_PHONE_NUMBERS } from '../src/spotters/personal-data.ts';
import { valenceOf } from '../src/spotters/sentiment.ts';

const spans = (text: string) => findPersonalData(text).map((s) => [s.kind, text.slice(s.start, s.end)]);

describe('personal data', () => {
  it('finds UK phone numbers however they are written', () => {
    expect(spans('Ring Mrs Dale on 07700 900123 or 07700-900-456')).toEqual([['phone-mobile', '07700 900123'], ['phone-mobile', '07700-900-456']]);
    expect(spans('Call (01702) 215000 or +44 1702 215 000')).toEqual([['phone-landline', '(01702) 215000'], ['phone-landline', '+44 1702 215 000']]);
    expect(spans('Our helpline is 0800 123 4567')).toEqual([['phone-public', '0800 123 4567']]);
  });

  it('does not take dates, sums or reference numbers for phone numbers', () => {
    expect(spans('The 2019-2020 budget was £1,234,567; planning ref 2023/01234/FUL; meeting on 12 03 2027.')).toEqual([]);
  });

  it('bounds its work on hostile pastes of numbers, and still finds the number in a long post full of figures', () => {
    // 1,500 copies of one number run together: libphonenumber tried 3,224 candidates
    // (~170 ms) before maxTries; now it gives up after 200.
    const run = '07700 900123 '.repeat(1540);
    const t0 = performance.now();
    findPersonalData(run);
    expect(performance.now() - t0).toBeLessThan(100);
    // Distinct numbers, each found: the list stops at the cap.
    const many = Array.from({ length: 100 }, (_, i) => `Ring 01702 ${String(215000 + i)}.`).join(' ');
    expect(findPersonalData(many).filter((s) => s.kind === 'phone-landline')).toHaveLength(MAX_PHONE_NUMBERS);
    // A budget post's figures (each an invalid candidate) leave the phone number at its end found.
    const figures = Array.from({ length: 30 }, (_, i) => `Line ${i + 1}: £${(i + 3) * 1234},000 in 2026-27.`).join(' ');
    expect(spans(`${figures} Questions? Ring Mrs Dale on 07700 900123`)).toContainEqual(['phone-mobile', '07700 900123']);
  });

  it('finds emails, NI and NHS numbers, postcodes and house-number addresses', () => {
    expect(spans('Email jo.bloggs@example.org')).toEqual([['email', 'jo.bloggs@example.org']]);
    expect(spans('NI number QQ 12 34 56 C')).toEqual([['ni-number', 'QQ 12 34 56 C']]);
    // 943 476 5919 passes the NHS number's mod-11 check; 943 476 5918 does not.
    expect(spans('NHS no. 943 476 5919')).toEqual([['nhs-number', '943 476 5919']]);
    expect(spans('NHS no. 943 476 5918').filter(([k]) => k === 'nhs-number')).toEqual([]);
    expect(spans('She lives at 14 Brambleside Close, SS2 9ZZ')).toEqual([['address', '14 Brambleside Close'], ['postcode', 'SS2 9ZZ']]);
  });
});

describe('masked swearing', () => {
  const words = (text: string) => findMaskedWords(text.toLowerCase()).map((m) => [m.word, text.slice(m.start, m.end)]);

  it('reads masks as letters when the visible ones fit a profanity of that length', () => {
    expect(words('what a load of sh!t')).toEqual([['shit', 'sh!t']]);
    expect(words('f*** off, you b*****ds')).toEqual([['fuck', 'f***'], ['bastards', 'b*****ds']]);
    expect(words('absolute c*nt')).toEqual([['cunt', 'c*nt']]);
  });

  it('leaves punctuation, prices and words that fit nothing alone', () => {
    expect(words('Brilliant!! Well done!')).toEqual([]);
    expect(words('Tickets £5*, see T&Cs; p*ssword reset')).toEqual([]);
    expect(words('Is that it?')).toEqual([]);
  });
});

describe('sentiment', () => {
  it('gives AFINN valences and 0 for unknown words', () => {
    expect(valenceOf('disgrace')).toBeLessThan(0);
    expect(valenceOf('brilliant')).toBeGreaterThan(0);
    expect(valenceOf('toString')).toBe(0);
    expect(valenceOf('councillor')).toBe(0);
  });
});
