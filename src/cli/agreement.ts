#!/usr/bin/env node
// npm run agreement: how far two people who label by LABELLING.md agree, next to how far
// the checker agrees with either. fixtures/agreement/second-labeller-f-g.jsonl holds a
// second labeller's verdicts on 128 posts of blind-f and blind-g (every fifth post), made
// from the text, the context, LABELLING.md and the protocols only (no first labels, no
// code). Printed as npm run eval prints a set: the first side is taken as the truth.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../pipeline/analyze.ts';
import { CATEGORIES, type Category, type Verdict } from '../pipeline/types.ts';
import { getProfile } from '../profiles/index.ts';
import type { CheckResponse } from '../schema/check.ts';
import { newTally, score, summarise } from './eval.ts';
import { readFixtures, type FixturePost } from './fixtures.ts';
import { FIXTURE_NOW, FIXTURES } from './train.ts';

type Verdicts = Record<Category, Verdict>;
const first = new Map(['blind-f.jsonl', 'blind-g.jsonl'].flatMap((f) => readFixtures(join(FIXTURES, f))).map((p) => [p.id, p]));
const second = readFileSync(join(FIXTURES, 'agreement/second-labeller-f-g.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { id: string; categories: Verdicts });
const rows = second.map((s) => {
  const post = first.get(s.id);
  if (!post) throw new Error(`${s.id} is in no blind set`);
  const got = analyze(post.text, { profile: getProfile(post.profile)!, context: post.context, now: FIXTURE_NOW });
  return { post, writer: post.categories as Verdicts, second: s.categories, checker: Object.fromEntries(CATEGORIES.map((c) => [c, got.categories[c].verdict])) as Verdicts };
});
type Row = (typeof rows)[number];

const worstOf = (v: Verdicts): Verdict => (CATEGORIES.some((c) => v[c] === 'block') ? 'block' : CATEGORIES.some((c) => v[c] === 'review') ? 'review' : 'ok');
/** A post labelled with these verdicts (the truth side), and a response that gives them. */
const labelled = (post: FixturePost, v: Verdicts): FixturePost => ({ ...post, categories: v, verdict: worstOf(v) });
const response = (v: Verdicts) => ({ verdict: worstOf(v), categories: Object.fromEntries(CATEGORIES.map((c) => [c, { verdict: v[c] }])), findings: [] }) as unknown as CheckResponse;

/** The truth side as npm run eval scores a set, and the share of posts whose four verdicts all agree. */
function compare(label: string, truth: (r: Row) => Verdicts, given: (r: Row) => Verdicts): void {
  const s = summarise(score(rows.map((r) => labelled(r.post, truth(r))), newTally(), rows.map((r) => response(given(r)))));
  const same = rows.filter((r) => CATEGORIES.every((c) => truth(r)[c] === given(r)[c])).length / rows.length;
  console.log(`${label.padEnd(30)} macro F1 ${s.macroF1.toFixed(3)} (${CATEGORIES.map((c) => s.f1[c].toFixed(3)).join(' / ')}), false alarms ${(100 * s.falseAlarmRate).toFixed(1)}%, block recall ${s.blockRecall.toFixed(3)}, all four verdicts the same ${Math.round(100 * same)}%`);
}

console.log(`${rows.length} posts of blind-f and blind-g; F1 per risk: ${CATEGORIES.join(' / ')}`);
compare('second labeller vs writer', (r) => r.writer, (r) => r.second);
compare('checker vs writer', (r) => r.writer, (r) => r.checker);
compare('checker vs second labeller', (r) => r.second, (r) => r.checker);
