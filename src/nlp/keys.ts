// Matching keys built on the stemmer: "blamed", "blaming" and "blames" share a key.

import { basicKey } from '../pipeline/matcher.ts';
import { stemWord } from './stemmer.ts';

export const stemKey = (word: string): string => stemWord(basicKey(word));
