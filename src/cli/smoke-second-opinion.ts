#!/usr/bin/env node
// npm run smoke:second-opinion: three posts sent to the real Messages API with
// "always" (a clear breach, a fine post, a Welsh one), printing what came back. Needs
// ANTHROPIC_API_KEY; without it, says so and exits 0. Sends nothing personal.

import { analyzeDetailed } from '../pipeline/analyze.ts';
import { getProfile } from '../profiles/index.ts';
import { withSecondOpinion } from '../second-opinion/index.ts';
import { cliSecondOpinion } from './second-opinion.ts';

const settings = cliSecondOpinion();
if (!settings) { console.log('skipped: no ANTHROPIC_API_KEY'); process.exit(0); }
const profile = getProfile('southend-on-sea')!;
let failed = 0;
for (const text of [
  "Our so-called 'experts' in Transport have done it again. Whoever signed this off should be named.",
  'Lovely morning at the pier with the ward team.',
  'Mae’r Pennaeth Cynllunio yn hollol anobeithiol ac fe ddylai fynd.',
]) {
  const detailed = analyzeDetailed(text, { profile });
  const t0 = performance.now();
  const r = await withSecondOpinion({ text, profile, detailed, mode: 'always', settings });
  const ms = Math.round(performance.now() - t0);
  if (r.secondOpinion?.status !== 'used') failed++;
  console.log(`${r.secondOpinion?.status} in ${ms} ms (${settings.model}): rules ${detailed.response.verdict} -> ${r.verdict}; ${r.findings.filter((f) => f.source === 'second-opinion').length} added, ${r.findings.filter((f) => f.overruled).length} overruled${r.secondOpinion?.reason ? `; ${r.secondOpinion.reason}` : ''}`);
}
process.exit(failed > 0 ? 1 : 0);
