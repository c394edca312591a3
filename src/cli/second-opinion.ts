// The CLI's second opinion: the SDK's standard environment variables (ANTHROPIC_API_KEY,
// ANTHROPIC_BASE_URL; SECOND_OPINION_MODEL, SECOND_OPINION_TIMEOUT_MS too). Whoever runs
// the CLI with their own key and --second-opinion has chosen to send, for any council.

import { SecondOpinionModeSchema } from '../schema/check.ts';
import { dailyCap, memoryBudget } from '../second-opinion/budget.ts';
import { secondOpinionSettings, type CallBudget, type SecondOpinionMode, type SecondOpinionSettings } from '../second-opinion/index.ts';

export function cliSecondOpinion(): SecondOpinionSettings | undefined {
  const s = secondOpinionSettings(process.env);
  return s ? { ...s, councils: '*', timeoutMs: Number(process.env.SECOND_OPINION_TIMEOUT_MS) > 0 ? s.timeoutMs : 20_000 } : undefined;
}

/** The run's daily cap (SECOND_OPINION_DAILY_CAP, default 1000), counted in this process. */
export function cliBudget(): CallBudget {
  return memoryBudget(dailyCap(process.env.SECOND_OPINION_DAILY_CAP));
}

/** --second-opinion's value, or the message for a wrong one. */
export function secondOpinionMode(v: string | undefined): { ok: true; mode: SecondOpinionMode | undefined } | { ok: false; message: string } {
  if (v === undefined) return { ok: true, mode: undefined };
  const parsed = SecondOpinionModeSchema.safeParse(v);
  return parsed.success ? { ok: true, mode: parsed.data } : { ok: false, message: `--second-opinion must be auto, always or off, not "${v}"` };
}
