// The CLI's second opinion: the SDK's standard environment variables (ANTHROPIC_API_KEY,
// ANTHROPIC_BASE_URL; SECOND_OPINION_MODEL, SECOND_OPINION_TIMEOUT_MS too). Whoever runs
// the CLI with their own key and --second-opinion has chosen to send, for any council.

import { secondOpinionSettings, type SecondOpinionSettings } from '../second-opinion/index.ts';

export function cliSecondOpinion(): SecondOpinionSettings | undefined {
  const s = secondOpinionSettings(process.env);
  return s ? { ...s, councils: '*', timeoutMs: Number(process.env.SECOND_OPINION_TIMEOUT_MS) > 0 ? s.timeoutMs : 20_000 } : undefined;
}
