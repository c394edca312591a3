#!/usr/bin/env node
// npm run agreement: how far two people who label by LABELLING.md agree, next to how far
// the checker agrees with either. fixtures/agreement/second-labeller-f-g.jsonl holds a
// second labeller's verdicts on 128 posts of blind-f and blind-g (every fifth post), made
// from the text, the context, LABELLING.md and the protocols only (no first labels, no
// code). Printed as npm run eval prints a set: the first side is taken as the truth.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../pipeline/analyze.ts';
import { CATEGORIES, type Category } from '../pipeline/types.ts';
import { getProfile } from '../profiles/index.ts';
import { readFixtures } from './fixtures.ts';
import { FIXTURE_NOW } from './train.ts';

type Verdicts = Record<Category, string>;
const FIXTURES = join(import.meta.dirname, '../../fixtures');
const first = new Map(['blind-f.jsonl', 'blind-g.jsonl'].flatMap((f) => readFixtures(join(FIXTURES, f))).map((p) => [p.id, p]));
const second = readFileSync(join(FIXTURES, 'agreement/second-labeller-f-g.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { id: string; categories: Verdicts });
const rows = second.map((s) => {
  const post = first.get(s.id);
  if (!post) throw new Error(`${s.id} is in no blind set`);
  const got = analyze(post.text, { profile: getProfile(post.profile)!, context: post.context, now: FIXTURE_NOW });
  return { writer: post.categories as Verdicts, second: s.categories, checker: Object.fromEntries(CATEGORIES.map((c) => [c, got.categories[c].verdict])) as Verdicts };
});
type Row = (typeof rows)[number];

function compare(label: string, truth: (r: Row) => Verdicts, given: (r: Row) => Verdicts): void {
  const f1 = CATEGORIES.map((c) => {
    let tp = 0, fp = 0, fn = 0;
    for (const r of rows) {
      const t = truth(r)[c] !== 'ok', g = given(r)[c] !== 'ok';
      if (t && g) tp++; else if (g) fp++; else if (t) fn++;
    }
    return tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
  });
  const fine = rows.filter((r) => CATEGORIES.every((c) => truth(r)[c] === 'ok'));
  const blocked = rows.filter((r) => CATEGORIES.some((c) => truth(r)[c] === 'block'));
  const falseAlarms = fine.filter((r) => CATEGORIES.some((c) => given(r)[c] !== 'ok')).length / fine.length;
  const blockRecall = blocked.filter((r) => CATEGORIES.some((c) => given(r)[c] === 'block')).length / blocked.length;
  const same = rows.filter((r) => CATEGORIES.every((c) => truth(r)[c] === given(r)[c])).length / rows.length;
  console.log(`${label.padEnd(30)} macro F1 ${(f1.reduce((a, b) => a + b) / f1.length).toFixed(3)} (${f1.map((x) => x.toFixed(3)).join(' / ')}), false alarms ${(100 * falseAlarms).toFixed(1)}%, block recall ${blockRecall.toFixed(3)}, all four verdicts the same ${Math.round(100 * same)}%`);
}

console.log(`${rows.length} posts of blind-f and blind-g; F1 per risk: ${CATEGORIES.join(' / ')}`);
compare('second labeller vs writer', (r) => r.writer, (r) => r.second);
compare('checker vs writer', (r) => r.writer, (r) => r.checker);
compare('checker vs second labeller', (r) => r.second, (r) => r.checker);
