// What the second opinion may send (src/second-opinion/redact.ts): placeholders for
// personal data, officers kept, and offsets that map back to the original text.

import { describe, expect, it } from 'vitest';
import { getProfile } from '../src/profiles/index.ts';
import { redact } from '../src/second-opinion/redact.ts';

const profile = getProfile('southend-on-sea')!;

describe('redaction', () => {
  it('replaces personal data by kind and keeps public helplines and officers', () => {
    const r = redact('Ring 07700 900123 or 0800 123 4567. Sarah Jones, Head of Planning, replied to j.bloggs@example.com.', profile);
    expect(r.text).toBe('Ring [PHONE] or 0800 123 4567. Sarah Jones, Head of Planning, replied to [EMAIL].');
    expect(r.replaced).toEqual({ '[PHONE]': 1, '[EMAIL]': 1 });
  });

  it('names a resident only when the sentence says something personal about someone', () => {
    expect(redact('Lovely to meet John Smith at the pier today.', profile).text).toBe('Lovely to meet John Smith at the pier today.');
    expect(redact('John Smith has dementia and lives alone.', profile).text).toBe('[RESIDENT] has dementia and lives alone.');
    expect(redact('Cllr Peter Jones says John Smith is on universal credit.', profile).text).toBe('Cllr Peter Jones says [RESIDENT] is on universal credit.');
  });

  it('maps spans of the redacted text back to the original, a placeholder to what it hid', () => {
    const text = 'Mrs Patel at 4 Elm Road has cancer 😢 and Head of Housing did nothing.';
    const r = redact(text, profile);
    expect(r.text).toBe('[RESIDENT] at [ADDRESS] has cancer 😢 and Head of Housing did nothing.');
    const at = (s: string) => { const i = r.text.indexOf(s); const o = r.toOriginal(i, i + s.length); return text.slice(o.start, o.end); };
    expect(at('Head of Housing did nothing')).toBe('Head of Housing did nothing');
    expect(at('[ADDRESS] has cancer')).toBe('4 Elm Road has cancer');
    expect(at('[RESIDENT]')).toBe('Mrs Patel');
    expect(at('😢')).toBe('😢');
    expect(at('DRESS] has')).toBe('4 Elm Road has');
  });

  it('leaves text without personal data as it is, offsets one to one', () => {
    const text = 'Nothing personal here at all.';
    const r = redact(text, profile);
    expect(r.text).toBe(text);
    expect(r.toOriginal(8, 16)).toEqual({ start: 8, end: 16 });
  });
});
