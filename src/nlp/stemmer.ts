// The only importer of natural's Porter stemmer (a single-file deep import: natural's
// root pulls in database drivers that fail in Workers). Results are memoised.

// @ts-expect-error natural ships no types for this deep path
import porter from 'natural/lib/natural/stemmers/porter_stemmer.js';

const stemmer = porter as { stem(word: string): string };
const memo = new Map<string, string>();

/** Porter stem of one lower-case word ("blamed" -> "blame", "incompetence" -> "incompet"). */
export function stemWord(word: string): string {
  let s = memo.get(word);
  if (s === undefined) {
    s = /^[a-z]+$/.test(word) ? stemmer.stem(word) : word;
    if (memo.size > 20000) memo.clear();
    memo.set(word, s);
  }
  return s;
}
