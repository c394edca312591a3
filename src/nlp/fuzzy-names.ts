// The only importer of natural's Jaro-Winkler distance and Double Metaphone (single-file
// deep imports). How alike two name words are, so "Sara Jone" finds "Sarah Jones" and
// "Okafur" finds "Okafor".

// @ts-expect-error natural ships no types for this deep path
import jaroWinkler from 'natural/lib/natural/distance/jaro-winkler_distance.js';
// @ts-expect-error natural ships no types for this deep path
import DoubleMetaphone from 'natural/lib/natural/phonetics/double_metaphone.js';
import { memoize } from '../pipeline/memo.ts';

const jw = jaroWinkler as (a: string, b: string) => number;
const metaphone = new (DoubleMetaphone as new () => { process(word: string): [string, string] })();
const codesOf = memoize((word: string) => metaphone.process(word), 5000);

/** Similarity of two name words, 0..1: Jaro-Winkler, or 0.9 when they sound alike. */
export function nameWordSimilarity(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  if (x === y) return 1;
  const score = jw(x, y);
  const [p1, s1] = codesOf(x);
  const [p2, s2] = codesOf(y);
  const soundsAlike = p1 !== '' && (p1 === p2 || p1 === s2 || s1 === p2);
  return Math.max(score, soundsAlike && score >= 0.75 ? 0.9 : 0);
}
