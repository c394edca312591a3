// The only importer of compromise. Finds people's names in a short piece of text.
// compromise costs ~1.5 ms per 280 characters, so callers pass only the sentence that
// already holds other evidence; the cheap lexicon pass runs on every post instead.

import nlp from 'compromise/two';

export interface NameSpan {
  /** Offsets within the string passed in (UTF-16, half-open). */
  readonly start: number;
  readonly end: number;
  readonly name: string;
}

interface OffsetJson { text: string; offset: { start: number; length: number } }

/** Names of people (with an optional honorific) in `text`. */
export function findPeople(text: string): NameSpan[] {
  const found = nlp(text).match('#Honorific? #Person+').json({ offset: true }) as OffsetJson[];
  return found.map((m) => {
    const trimmed = m.text.replace(/[\s,.;:!?]+$/u, '');
    return { start: m.offset.start, end: m.offset.start + trimmed.length, name: trimmed };
  });
}
