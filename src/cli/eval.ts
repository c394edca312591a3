#!/usr/bin/env node
// npm run eval [-- FILE...] [--verbose]: accuracy on labelled posts. For each file (by
// default every fixtures/*.jsonl) and for all of them together: precision, recall and
// F1 per category (a category counts as flagged at review or block), macro F1, the
// false-alarm rate on posts that should pass, and overall verdict accuracy.
// Dates are judged as of a fixed day (2026-11-22) unless a post gives postedAt.

import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { analyze } from '../pipeline/analyze.ts';
import { CATEGORIES, type Category } from '../pipeline/types.ts';
import { getProfile } from '../profiles/index.ts';
import { readFixtures, type FixturePost } from './fixtures.ts';

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const fixturesDir = join(import.meta.dirname, '../../fixtures');
const files = args.filter((a) => !a.startsWith('--'));
const paths = files.length > 0 ? files : readdirSync(fixturesDir).filter((f) => f.endsWith('.jsonl')).sort().map((f) => join(fixturesDir, f));
const now = new Date('2026-11-22T12:00:00Z');

interface Tally { posts: number; negatives: number; falseAlarms: number; verdictRight: number; citing: number; citedRight: number; counts: Record<Category, { tp: number; fp: number; fn: number }>; misses: string[] }

const newTally = (): Tally => ({
  posts: 0, negatives: 0, falseAlarms: 0, verdictRight: 0, citing: 0, citedRight: 0, misses: [],
  counts: Object.fromEntries(CATEGORIES.map((c) => [c, { tp: 0, fp: 0, fn: 0 }])) as Tally['counts'],
});

function score(posts: readonly FixturePost[], into: Tally[]): void {
  for (const p of posts) {
    const profile = getProfile(p.profile);
    if (!profile) throw new Error(`${p.id}: unknown profile "${p.profile}"`);
    const r = analyze(p.text, { profile, context: p.context, now });
    const cited = new Set(r.findings.flatMap((f) => f.clauses.map((c) => c.id)));
    for (const t of into) {
      t.posts++;
      for (const c of CATEGORIES) {
        const want = p.labels.includes(c);
        const got = r.categories[c].verdict !== 'ok';
        if (want && got) t.counts[c].tp++;
        else if (!want && got) t.counts[c].fp++;
        else if (want && !got) t.counts[c].fn++;
        if (want !== got) t.misses.push(`${p.id} ${c}: expected ${want ? 'flag' : 'pass'}, got ${r.categories[c].verdict} ${JSON.stringify(r.findings.filter((f) => f.category === c).map((f) => f.actual))}  | ${p.text.slice(0, 90)}`);
      }
      if (p.labels.length === 0) { t.negatives++; if (r.verdict !== 'ok') t.falseAlarms++; }
      if (p.cites) {
        t.citing++;
        if (p.cites.every((id) => cited.has(id))) t.citedRight++;
        else t.misses.push(`${p.id} cites: expected ${JSON.stringify(p.cites)}, got ${JSON.stringify([...cited])}`);
      }
      if (r.verdict === p.verdict) t.verdictRight++;
      else t.misses.push(`${p.id} verdict: expected ${p.verdict}, got ${r.verdict}  | ${p.text.slice(0, 90)}`);
    }
  }
}

function report(name: string, t: Tally): void {
  const f = (x: number) => x.toFixed(3);
  console.log(`\n${name}: ${t.posts} posts (${t.negatives} should pass)`);
  console.log('  category            precision  recall  F1     (tp/fp/fn)');
  let macro = 0;
  for (const c of CATEGORIES) {
    const { tp, fp, fn } = t.counts[c];
    const precision = tp + fp ? tp / (tp + fp) : 1;
    const recall = tp + fn ? tp / (tp + fn) : 1;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    macro += f1 / CATEGORIES.length;
    console.log(`  ${c.padEnd(19)} ${f(precision).padStart(9)}  ${f(recall).padStart(6)}  ${f(f1)}  (${tp}/${fp}/${fn})`);
  }
  console.log(`  macro F1: ${f(macro)}`);
  console.log(`  false alarms on posts that should pass: ${t.falseAlarms}/${t.negatives} = ${(100 * t.falseAlarms / Math.max(1, t.negatives)).toFixed(1)}%`);
  console.log(`  verdict accuracy: ${t.verdictRight}/${t.posts} = ${(100 * t.verdictRight / Math.max(1, t.posts)).toFixed(1)}%`);
  if (t.citing > 0) console.log(`  expected clauses cited: ${t.citedRight}/${t.citing}`);
  if (verbose) for (const m of t.misses) console.log(`    miss ${m}`);
}

const all = newTally();
for (const path of paths) {
  const mine = newTally();
  score(readFixtures(path), [mine, all]);
  report(basename(path), mine);
}
if (paths.length > 1) report('all files', { ...all, misses: [] });
