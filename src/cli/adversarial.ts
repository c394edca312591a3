// Hostile inputs for the linear-time guard (test/hostile-input.test.ts) and the bench's
// worst case: repetitions of every printable ASCII character and of characters that
// normalisation expands (⒈ -> "1.", … -> "...", ﷺ -> 18 letters), each alone, with
// spaces, and alternating with a letter; spaced and dotted single letters; very long
// words and sentences; many officers' titles, names and phone numbers in one sentence.
// Each text is exactly `length` UTF-16 units (a trailing surrogate pair may be cut).

const EXPANDERS = ['⒈', '…', 'ﷺ', '㍻', 'ﬃ', '½', '①', '⑴', 'Ⅷ', '‼', '⁇', '℡', '㎏'];
const OTHERS = ['😀', '🤡', '\u200b', '\u202e', '\u0301', 'é', 'ß', 'ı', 'İ', 'ŉ', 'ω', 'ש', 'ي', '中', '\t', '\n', '\r\n', '\u00a0', '\u2028'];

const PHRASES = [
  'the Head of Planning is useless and ',
  'Sarah Jones Head of Waste Cllr Smith ',
  'a n i d i o t ',
  'f.u.c.k.',
  'f***ing b*****d ',
  '07700 900123 ',
  'vote Labour #TeamRed 🌹 ',
  'between us the confidential exempt report says ',
  'The council is bad. ',
  'Mrs Smith of 12 High Street has dementia ',
  'i d ',
  'a ',
  'a.',
  'a-',
  '"a" ',
  '@a',
  '#a',
];

function fill(unit: string, length: number): string {
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

/** Named hostile texts of the given length. */
export function adversarialCorpus(length: number): Array<{ name: string; text: string }> {
  const out: Array<{ name: string; text: string }> = [];
  const chars = [...Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)), ...EXPANDERS, ...OTHERS];
  for (const c of chars) {
    const label = JSON.stringify(c);
    out.push({ name: `${label} repeated`, text: fill(c, length) });
    out.push({ name: `${label} + space`, text: fill(`${c} `, length) });
    out.push({ name: `${label} + letter`, text: fill(`${c}a`, length) });
  }
  for (const p of PHRASES) out.push({ name: `${JSON.stringify(p)} repeated`, text: fill(p, length) });
  out.push({ name: '"…" then a letter', text: `${fill('…', length - 1)}a` });
  out.push({ name: 'one long word', text: fill('abcdefghij', length) });
  return out;
}
