#!/usr/bin/env node
// npm run eval [-- FILE] [--verbose]: accuracy on labelled posts. Prints precision,
// recall and F1 per category (a category counts as flagged at review or block), the
// false-alarm rate on posts that should pass, and overall verdict accuracy.
// Dates are judged as of a fixed day (2026-11-22) unless a post gives postedAt.

import { join } from 'node:path';
import { analyze } from '../pipeline/analyze.ts';
import { CATEGORIES } from '../pipeline/types.ts';
import { getProfile } from '../profiles/index.ts';
import { readFixtures } from './fixtures.ts';

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const file = args.find((a) => !a.startsWith('--')) ?? join(import.meta.dirname, '../../fixtures/posts.jsonl');
const now = new Date('2026-11-22T12:00:00Z');
const profile = getProfile()!;
const posts = readFixtures(file);

const counts = Object.fromEntries(CATEGORIES.map((c) => [c, { tp: 0, fp: 0, fn: 0 }]));
let negatives = 0, falseAlarms = 0, verdictRight = 0;
const misses: string[] = [];

for (const p of posts) {
  const r = analyze(p.text, { profile, context: p.context, now });
  for (const c of CATEGORIES) {
    const want = p.labels.includes(c);
    const got = r.categories[c].verdict !== 'ok';
    if (want && got) counts[c]!.tp++;
    else if (!want && got) counts[c]!.fp++;
    else if (want && !got) counts[c]!.fn++;
    if (want !== got) misses.push(`${p.id} ${c}: expected ${want ? 'flag' : 'pass'}, got ${r.categories[c].verdict} ${JSON.stringify(r.findings.filter((f) => f.category === c).map((f) => f.actual))}  | ${p.text.slice(0, 90)}`);
  }
  if (p.labels.length === 0) { negatives++; if (r.verdict !== 'ok') falseAlarms++; }
  if (r.verdict === p.verdict) verdictRight++;
  else if (verbose) misses.push(`${p.id} verdict: expected ${p.verdict}, got ${r.verdict}  | ${p.text.slice(0, 90)}`);
}

const f = (x: number) => x.toFixed(3);
console.log(`posts: ${posts.length} (${negatives} should pass)`);
console.log('category            precision  recall  F1     (tp/fp/fn)');
let macro = 0;
for (const c of CATEGORIES) {
  const { tp, fp, fn } = counts[c]!;
  const precision = tp + fp ? tp / (tp + fp) : 1;
  const recall = tp + fn ? tp / (tp + fn) : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  macro += f1 / CATEGORIES.length;
  console.log(`${c.padEnd(19)} ${f(precision).padStart(9)}  ${f(recall).padStart(6)}  ${f(f1)}  (${tp}/${fp}/${fn})`);
}
console.log(`macro F1: ${f(macro)}`);
console.log(`false alarms on posts that should pass: ${falseAlarms}/${negatives} = ${(100 * falseAlarms / Math.max(1, negatives)).toFixed(1)}%`);
console.log(`verdict accuracy: ${verdictRight}/${posts.length} = ${(100 * verdictRight / posts.length).toFixed(1)}%`);
if (verbose) for (const m of misses) console.log(`  miss ${m}`);
