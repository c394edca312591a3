// Masked swearing: "f***", "sh!t", "b*****ds", "c*nt". The visible letters must fit a
// profanity of the same length, with each mask character standing for one letter.
// Works on the normalised (lower-case) text, where the tokenizer would have split the
// word on "!" or dropped the trailing stars. Pure.

import { lexicons } from '../lexicon/index.ts';

export interface MaskedSpot { readonly word: string; readonly start: number; readonly end: number }

// A word with at least one letter and at least one mask character inside or at the end.
const MASKED = /(?<![\p{L}\p{N}])\p{L}[\p{L}*!@#$%?1|.]*[*!@#$%?|][\p{L}*!@#$%?1|.]*(?![\p{L}\p{N}*])/gu;
const MASK = /[*!@#$%?1|.]/u;

const byLength = new Map<number, string[]>();
for (const w of lexicons.abuse.masked) {
  const list = byLength.get(w.length) ?? [];
  list.push(w);
  byLength.set(w.length, list);
}

function fits(masked: string, word: string): boolean {
  let letters = 0;
  for (let i = 0; i < word.length; i++) {
    const c = masked[i]!;
    if (MASK.test(c)) continue;
    if (c !== word[i]) return false;
    letters++;
  }
  return letters >= 1 && masked[0] === word[0];
}

export function findMaskedWords(norm: string): MaskedSpot[] {
  const out: MaskedSpot[] = [];
  // Cheap gate: a mask character inside a word, or a run of stars after a letter.
  if (!/\p{L}[*@#$%|]|\p{L}[!?]\p{L}|\p{L}[!?][*@#$%|!?]/u.test(norm)) return out;
  for (const m of norm.matchAll(MASKED)) {
    let s = m[0];
    // A sentence's own "!" or "?" or "." at the end is punctuation, not a mask.
    while (s.length > 1 && /[!?.]$/u.test(s) && !/[*@#$%|]/u.test(s.slice(1))) s = s.slice(0, -1);
    if (!/[*!@#$%?|]/u.test(s.slice(1))) continue;
    const word = byLength.get(s.length)?.find((w) => fits(s, w));
    if (word) out.push({ word, start: m.index, end: m.index + s.length });
  }
  return out;
}
