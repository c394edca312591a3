// The only importer of natural's Porter stemmer (a single-file deep import: natural's
// root pulls in database drivers that fail in Workers). Results are memoised.

// @ts-expect-error natural ships no types for this deep path
import porter from 'natural/lib/natural/stemmers/porter_stemmer.js';
import { memoize } from '../pipeline/memo.ts';

const stemmer = porter as { stem(word: string): string };

/** Porter stem of one lower-case word ("blamed" -> "blame", "incompetence" -> "incompet"). */
export const stemWord = memoize((word: string) => (/^[a-z]+$/.test(word) ? stemmer.stem(word) : word), 20000);
