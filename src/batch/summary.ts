// Counts for a batch: how many posts got each verdict (and how many could not be
// checked), and for each risk how many posts it puts at review or block.

import { CATEGORIES, type Category } from '../pipeline/types.ts';
import { isError, type ItemResult } from './items.ts';

export interface BatchSummary {
  total: number;
  verdicts: { ok: number; review: number; block: number; error: number };
  categories: Record<Category, { review: number; block: number }>;
}

export function emptySummary(): BatchSummary {
  return {
    total: 0,
    verdicts: { ok: 0, review: 0, block: 0, error: 0 },
    categories: Object.fromEntries(CATEGORIES.map((c) => [c, { review: 0, block: 0 }])) as BatchSummary['categories'],
  };
}

export function addToSummary(s: BatchSummary, r: ItemResult): BatchSummary {
  s.total++;
  if (isError(r)) { s.verdicts.error++; return s; }
  s.verdicts[r.verdict]++;
  for (const c of CATEGORIES) {
    const v = r.categories[c].verdict;
    if (v !== 'ok') s.categories[c][v]++;
  }
  return s;
}

export const summarize = (results: Iterable<ItemResult>) => {
  const s = emptySummary();
  for (const r of results) addToSummary(s, r);
  return s;
};
