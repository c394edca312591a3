// Scoring: combine the evidence of each category into a score (0..100) and a verdict.
// A category's verdict is its most severe finding (error -> block, warning -> review,
// info -> ok); its score combines the findings like independent signals,
// 1 - prod(1 - weight x confidence), kept inside the band of its verdict.

import { CATEGORIES, type Category, type Evidence, type Severity, type Verdict } from './types.ts';

const SEVERITY_WEIGHT: Record<Severity, number> = { info: 0.15, warning: 0.6, error: 1 };
const BAND: Record<Verdict, [number, number]> = { ok: [0, 39], review: [40, 69], block: [70, 100] };
const RANK: Record<Verdict, number> = { ok: 0, review: 1, block: 2 };

export interface CategoryScore { readonly verdict: Verdict; readonly score: number }

export function verdictOf(severity: Severity): Verdict {
  return severity === 'error' ? 'block' : severity === 'warning' ? 'review' : 'ok';
}

export function worst(a: Verdict, b: Verdict): Verdict {
  return RANK[a] >= RANK[b] ? a : b;
}

export function scoreCategories(evidence: readonly Evidence[]): Record<Category, CategoryScore> {
  const out = {} as Record<Category, CategoryScore>;
  for (const category of CATEGORIES) {
    const mine = evidence.filter((e) => e.category === category);
    let verdict: Verdict = 'ok';
    let keep = 1;
    for (const e of mine) {
      verdict = worst(verdict, verdictOf(e.severity));
      keep *= 1 - SEVERITY_WEIGHT[e.severity] * e.confidence;
    }
    const [lo, hi] = BAND[verdict];
    out[category] = { verdict, score: Math.min(hi, Math.max(lo, Math.round(100 * (1 - keep)))) };
  }
  return out;
}

export function overall(categories: Record<Category, CategoryScore>): CategoryScore {
  let verdict: Verdict = 'ok';
  let score = 0;
  for (const c of Object.values(categories)) {
    verdict = worst(verdict, c.verdict);
    score = Math.max(score, c.score);
  }
  return { verdict, score };
}
