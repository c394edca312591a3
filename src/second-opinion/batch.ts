// Second opinions for a batch: only the items the gate sends (in auto), a few at a time,
// within the deployment's daily budget. Each item gets the same treatment as /v1/check.

import { isError, withResponse, type CheckedItem, type ItemResult } from '../batch/items.ts';
import { plan, withSecondOpinion, type CallBudget, type SecondOpinionMode, type SecondOpinionSettings } from './index.ts';
import type { OpinionClient } from './client.ts';

export const BATCH_CONCURRENCY = 4;
/** Rough tokens per call for the estimate printed before a run: the cached system
 * prompt (labelling guide and clauses), the post and the JSON answer. */
export const TOKENS_PER_CALL = { cachedInput: 5000, input: 250, output: 350 };

/** How many of the items would be sent (no network). */
export function countToSend(items: readonly CheckedItem[], mode: SecondOpinionMode | undefined, settings: SecondOpinionSettings | undefined): number {
  return items.filter((i) => i.detailed && i.profile && plan(i.detailed, i.profile, mode, settings).send).length;
}

export async function secondOpinionForItems(items: readonly CheckedItem[], o: {
  mode: SecondOpinionMode | undefined; settings: SecondOpinionSettings | undefined; budget?: CallBudget | undefined;
  client?: OpinionClient | undefined;
}): Promise<ItemResult[]> {
  const out: ItemResult[] = items.map((i) => i.result);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const k = next++;
      const item = items[k]!;
      if (isError(item.result) || !item.head || !item.detailed || !item.profile || item.text === undefined) continue;
      const response = await withSecondOpinion({ text: item.text, profile: item.profile, detailed: item.detailed, mode: o.mode, settings: o.settings, budget: o.budget, client: o.client });
      out[k] = withResponse(item.head, response);
    }
  };
  await Promise.all(Array.from({ length: BATCH_CONCURRENCY }, worker));
  return out;
}
