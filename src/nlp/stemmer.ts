// The only importer of natural's Porter stemmer (a single-file deep import: natural's
// root pulls in database drivers that fail in Workers). Results are memoised.

// @ts-expect-error natural ships no types for this deep path
import porter from 'natural/lib/natural/stemmers/porter_stemmer.js';
import { memoize } from '../pipeline/memo.ts';

const stemmer = porter as { stem(word: string): string };

/** Words longer than this are not stemmed: the stemmer's regular expressions are
 * quadratic on a 20,000-letter "word", and no English word needs it. */
const LONGEST_STEMMED = 40;

/** Porter stem of one lower-case word ("blamed" -> "blame", "incompetence" -> "incompet"). */
export const stemWord = memoize((word: string) => (word.length <= LONGEST_STEMMED && /^[a-z]+$/.test(word) ? stemmer.stem(word) : word), 20000);
