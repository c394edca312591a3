#!/usr/bin/env node
// npm run eval [-- FILE...] [--misses]: accuracy on labelled posts, for each fixture
// file separately (the training files, the dev split, each blind set). For each:
// precision, recall and F1 per risk (a risk counts as flagged at review or block),
// macro F1, false alarms on posts that should pass, block recall, the confusion matrix
// of verdicts, and the expected clauses cited. --misses lists the dev split's errors
// (only the dev split's: blind sets are read as aggregates). Dates are judged as of a
// fixed day (2026-11-22) unless a post gives postedAt.

import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { analyze, analyzeDetailed } from '../pipeline/analyze.ts';
import type { CheckResponse } from '../schema/check.ts';
import { secondOpinionForItems } from '../second-opinion/batch.ts';
import { cliSecondOpinion } from './second-opinion.ts';
import { CATEGORIES, type Category, type Verdict } from '../pipeline/types.ts';
import { getProfile } from '../profiles/index.ts';
import { categoryVerdicts, readFixtures, type FixturePost } from './fixtures.ts';
import { FIXTURE_NOW, FIXTURES } from './train.ts';

const VERDICTS: readonly Verdict[] = ['ok', 'review', 'block'];

export interface Tally {
  posts: number; negatives: number; falseAlarms: number; blocks: number; blocksFound: number;
  citing: number; citedRight: number;
  counts: Record<Category, { tp: number; fp: number; fn: number }>;
  /** confusion[want][got] over post verdicts. */
  confusion: Record<Verdict, Record<Verdict, number>>;
  misses: string[];
}

export const newTally = (): Tally => ({
  posts: 0, negatives: 0, falseAlarms: 0, blocks: 0, blocksFound: 0, citing: 0, citedRight: 0, misses: [],
  counts: Object.fromEntries(CATEGORIES.map((c) => [c, { tp: 0, fp: 0, fn: 0 }])) as Tally['counts'],
  confusion: Object.fromEntries(VERDICTS.map((w) => [w, Object.fromEntries(VERDICTS.map((g) => [g, 0]))])) as Tally['confusion'],
});

/** Tally the posts' results: the rules' own, or (`given`) results made another way. */
export function score(posts: readonly FixturePost[], t: Tally, given?: readonly CheckResponse[]): Tally {
  for (const [i, p] of posts.entries()) {
    const profile = getProfile(p.profile);
    if (!profile) throw new Error(`${p.id}: unknown profile "${p.profile}"`);
    const r = given?.[i] ?? analyze(p.text, { profile, context: p.context, now: FIXTURE_NOW });
    const want = categoryVerdicts(p);
    const cited = new Set(r.findings.flatMap((f) => f.clauses.map((c) => c.id)));
    t.posts++;
    for (const c of CATEGORIES) {
      const w = want[c] !== 'ok';
      const got = r.categories[c].verdict !== 'ok';
      if (w && got) t.counts[c].tp++;
      else if (!w && got) t.counts[c].fp++;
      else if (w && !got) t.counts[c].fn++;
      if (want[c] !== r.categories[c].verdict) t.misses.push(`${p.id} ${c}: expected ${want[c]}, got ${r.categories[c].verdict} ${JSON.stringify(r.findings.filter((f) => f.category === c).map((f) => f.actual.slice(0, 60)))}  | ${JSON.stringify(p.context ?? {})} ${p.text.slice(0, 160)}`);
    }
    if (p.verdict === 'ok') { t.negatives++; if (r.verdict !== 'ok') t.falseAlarms++; }
    if (p.verdict === 'block') { t.blocks++; if (r.verdict === 'block') t.blocksFound++; }
    t.confusion[p.verdict][r.verdict]++;
    if (p.cites) {
      t.citing++;
      if (p.cites.every((id) => cited.has(id))) t.citedRight++;
      else t.misses.push(`${p.id} cites: expected ${JSON.stringify(p.cites)}, got ${JSON.stringify([...cited])}`);
    }
  }
  return t;
}

export interface Summary { macroF1: number; f1: Record<Category, number>; recall: Record<Category, number>; precision: Record<Category, number>; falseAlarmRate: number; blockRecall: number }

export function summarise(t: Tally): Summary {
  const precision = {} as Record<Category, number>;
  const recall = {} as Record<Category, number>;
  const f1 = {} as Record<Category, number>;
  for (const c of CATEGORIES) {
    const { tp, fp, fn } = t.counts[c];
    precision[c] = tp + fp ? tp / (tp + fp) : 1;
    recall[c] = tp + fn ? tp / (tp + fn) : 1;
    f1[c] = precision[c] + recall[c] ? (2 * precision[c] * recall[c]) / (precision[c] + recall[c]) : 0;
  }
  const macroF1 = CATEGORIES.reduce((s, c) => s + f1[c], 0) / CATEGORIES.length;
  return { macroF1, f1, recall, precision, falseAlarmRate: t.falseAlarms / Math.max(1, t.negatives), blockRecall: t.blocksFound / Math.max(1, t.blocks) };
}

function report(name: string, t: Tally, misses: boolean): void {
  const f = (x: number) => x.toFixed(3);
  const s = summarise(t);
  console.log(`\n${name}: ${t.posts} posts (${t.negatives} should pass, ${t.blocks} should be blocked)`);
  console.log('  risk                precision  recall  F1     (tp/fp/fn)');
  for (const c of CATEGORIES) {
    const { tp, fp, fn } = t.counts[c];
    console.log(`  ${c.padEnd(19)} ${f(s.precision[c]).padStart(9)}  ${f(s.recall[c]).padStart(6)}  ${f(s.f1[c])}  (${tp}/${fp}/${fn})`);
  }
  console.log(`  macro F1: ${f(s.macroF1)}`);
  console.log(`  false alarms on posts that should pass: ${t.falseAlarms}/${t.negatives} = ${(100 * s.falseAlarmRate).toFixed(1)}%`);
  console.log(`  block recall: ${t.blocksFound}/${t.blocks} = ${f(s.blockRecall)}`);
  console.log(`  verdicts (rows expected, columns given):   ok  review  block`);
  for (const w of VERDICTS) console.log(`    ${w.padEnd(38)} ${VERDICTS.map((g) => String(t.confusion[w][g]).padStart(w === 'ok' && g === 'ok' ? 4 : 6)).join(' ')}`);
  if (t.citing > 0) console.log(`  expected clauses cited: ${t.citedRight}/${t.citing}`);
  if (misses) for (const m of t.misses) console.log(`    miss ${m}`);
}

/** The posts' results with the second opinion in auto mode (the rules' for the rest). */
async function withSecondOpinion(posts: readonly FixturePost[]): Promise<{ results: CheckResponse[]; sent: number }> {
  const settings = cliSecondOpinion()!;
  const items = posts.map((p, i) => {
    const profile = getProfile(p.profile)!;
    const detailed = analyzeDetailed(p.text, { profile, context: p.context, now: FIXTURE_NOW });
    return { result: { id: i, ...detailed.response }, head: { id: i }, detailed, text: p.text, profile };
  });
  const judged = await secondOpinionForItems(items, { mode: 'auto', settings });
  const results = judged.map((r) => r as unknown as CheckResponse);
  return { results, sent: results.filter((r) => r.secondOpinion?.status === 'used').length };
}

if (import.meta.main) {
  const args = process.argv.slice(2);
  const showMisses = args.includes('--misses');
  const second = args.includes('--second-opinion');
  if (second && !process.env.ANTHROPIC_API_KEY) { console.log('skipped: no ANTHROPIC_API_KEY'); process.exit(0); }
  const files = args.filter((a) => !a.startsWith('--'));
  const paths = files.length > 0 ? files : readdirSync(FIXTURES).filter((f) => f.endsWith('.jsonl')).sort().map((f) => join(FIXTURES, f));
  for (const path of paths) {
    const name = basename(path);
    const posts = readFixtures(path);
    if (second) {
      const { results, sent } = await withSecondOpinion(posts);
      report(`${name} (rules)`, score(posts, newTally()), false);
      report(`${name} (with the second opinion, auto: ${sent} of ${posts.length} posts sent)`, score(posts, newTally(), results), false);
    } else {
      report(name, score(posts, newTally()), showMisses && name === 'dev.jsonl');
    }
  }
}
