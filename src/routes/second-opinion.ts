// The Worker's second-opinion settings: the ANTHROPIC_API_KEY secret (off without it),
// ANTHROPIC_BASE_URL, SECOND_OPINION_MODEL, SECOND_OPINION_TIMEOUT_MS (default 3000),
// SECOND_OPINION_COUNCILS (profile ids, or *), and SECOND_OPINION_DAILY_CAP (default
// 1000 calls a day, counted in D1 when bound).

import type { Bindings } from '../env.ts';
import type { Profile } from '../profiles/schema.ts';
import type { CheckResponse } from '../schema/check.ts';
import { d1Budget, dailyCap, memoryBudget } from '../second-opinion/budget.ts';
import { secondOpinionSettings, withSecondOpinion, type Detailed, type SecondOpinionMode } from '../second-opinion/index.ts';

export function secondOpinionFor(env: Bindings | undefined) {
  const settings = secondOpinionSettings((env ?? {}) as unknown as Record<string, string | undefined>);
  const cap = dailyCap(env?.SECOND_OPINION_DAILY_CAP);
  const budget = settings ? (env?.DB ? d1Budget(env.DB, cap) : memoryBudget(cap)) : undefined;
  return {
    settings,
    budget,
    judge: (i: { text: string; profile: Profile; detailed: Detailed; mode?: SecondOpinionMode | undefined }): Promise<CheckResponse> =>
      withSecondOpinion({ ...i, settings, budget }),
  };
}
