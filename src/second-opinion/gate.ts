// Which posts "auto" sends for a second opinion: those the rules can't settle. A risk is
// unsettled when its local probability lies inside the band fitted on the dev split
// (lexicons/second-opinion.json, npm run fit:second-opinion); a post mostly not in
// English is unsettled whatever the probabilities. Clear posts, either way, stay here.
// Pure.

import bandsData from '../../lexicons/second-opinion.json' with { type: 'json' };
import type { CategoryJudgement } from '../pipeline/score.ts';
import { CATEGORIES, type Category } from '../pipeline/types.ts';
import type { CheckResponse } from '../schema/check.ts';

export type Bands = Record<Category, { low: number; high: number }>;
export const FITTED_BANDS: Bands = bandsData.bands as Bands;

export function needsSecondOpinion(d: { response: CheckResponse; judged: Record<Category, CategoryJudgement> }, bands: Bands = FITTED_BANDS): { send: boolean; reasons: string[] } {
  const reasons: string[] = [];
  if (d.response.language && !d.response.language.checked) reasons.push(`in ${d.response.language.name}`);
  for (const c of CATEGORIES) {
    const p = d.judged[c].probability;
    const b = bands[c];
    if (p >= b.low && p <= b.high) reasons.push(`${c} unsettled`);
  }
  return { send: reasons.length > 0, reasons };
}
