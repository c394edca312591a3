import { analyzeParts } from './src/pipeline/analyze.ts';
import { defaultScorer } from './src/pipeline/score.ts';
import { postProbabilities } from './src/pipeline/model.ts';
import { getProfile } from './src/profiles/index.ts';
const s = defaultScorer();
const m = Number(process.env.M ?? 0);
for (const text of process.argv.slice(2)) {
  const p = analyzeParts(text, { profile: getProfile()!, now: new Date('2026-11-22') });
  const pr = postProbabilities(s, p.features);
  console.log('\n' + text); console.log(Object.entries(pr).map(([k, v]) => `${k}=${v.toFixed(2)}`).join(' '));
  const contrib = [...p.features.values].map(([k, v]) => [k, (s.table.get(k)?.[m] ?? 0) * v] as [string, number]).filter(([, w]) => w !== 0).sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]));
  console.log('bias', s.data.bias[m], contrib.slice(0, 30).map(([k, w]) => `${k}:${w.toFixed(2)}`).join(' '));
  console.log('evidence', p.evidence.map((e) => e.ruleId + ':' + e.severity + ':' + e.confidence));
}
