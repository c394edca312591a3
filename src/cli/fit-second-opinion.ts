#!/usr/bin/env node
// npm run fit:second-opinion: the uncertainty bands of the second opinion's "auto" mode,
// fitted on the dev split. For each risk, the band of local probabilities [low, high]
// that holds the most of the dev split's errors on that risk (flagged when it should not
// be, or missed) while holding at most MAX_SHARE of the posts. A post is sent when any
// risk's probability falls in its band, or when it is mostly not English. Writes
// lexicons/second-opinion.json (a test checks it is what this makes) and prints what
// auto would send.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeDetailed } from '../pipeline/analyze.ts';
import { CATEGORIES, type Category } from '../pipeline/types.ts';
import { getProfile } from '../profiles/index.ts';
import { needsSecondOpinion, type Bands } from '../second-opinion/gate.ts';
import { categoryVerdicts, readFixtures } from './fixtures.ts';
import { FIXTURE_NOW } from './train.ts';

const root = join(import.meta.dirname, '../..');
export const SECOND_OPINION_FILE = join(root, 'lexicons/second-opinion.json');
/** At most this share of the dev posts in any one risk's band. */
const MAX_SHARE = 0.05;
const round = (x: number) => Math.round(x * 10000) / 10000;

export function fitSecondOpinion(): { lines: string[]; file: string } {
  const rows = readFixtures(join(root, 'fixtures/dev.jsonl')).map((p) => ({
    d: analyzeDetailed(p.text, { profile: getProfile(p.profile ?? 'southend-on-sea')!, context: p.context, now: FIXTURE_NOW }),
    gold: categoryVerdicts(p),
  }));
  const wrongOn = (r: (typeof rows)[number], c: Category) => (r.d.response.categories[c].verdict !== 'ok') !== (r.gold[c] !== 'ok');
  const bands = {} as Bands;
  const lines: string[] = [];
  for (const c of CATEGORIES) {
    const points = rows.map((r) => ({ p: r.d.judged[c].probability, wrong: wrongOn(r, c) })).sort((a, b) => a.p - b.p);
    const limit = Math.floor(MAX_SHARE * points.length);
    let best = { low: 1, high: 0, caught: -1, size: 0 };
    for (let i = 0; i < points.length; i++) {
      let caught = 0;
      for (let j = i; j < points.length && j - i < limit; j++) {
        if (points[j]!.wrong) caught++;
        const size = j - i + 1;
        if (caught > best.caught || (caught === best.caught && size < best.size)) best = { low: points[i]!.p, high: points[j]!.p, caught, size };
      }
    }
    bands[c] = { low: round(best.low), high: round(best.high) };
    lines.push(`${c.padEnd(18)} band ${bands[c].low}-${bands[c].high}: ${best.caught} of ${points.filter((x) => x.wrong).length} dev errors, ${best.size} of ${points.length} posts`);
  }
  const sent = rows.filter((r) => needsSecondOpinion(r.d, bands).send).length;
  const wrongPosts = rows.filter((r) => CATEGORIES.some((c) => wrongOn(r, c)));
  const wrongSent = wrongPosts.filter((r) => needsSecondOpinion(r.d, bands).send).length;
  const share = sent / rows.length;
  lines.push(`auto would send ${sent} of ${rows.length} dev posts (${(share * 100).toFixed(1)}%), holding ${wrongSent} of the ${wrongPosts.length} posts the rules get wrong on some risk`);
  const file = `${JSON.stringify({
    description: 'Fitted by npm run fit:second-opinion on the dev split: a risk whose local probability is inside its band is unsettled, and auto sends the post for a second opinion. Do not edit by hand.',
    maxShare: MAX_SHARE,
    dev: { posts: rows.length, sent, share: round(share), wrongPosts: wrongPosts.length, wrongSent },
    bands,
  }, null, 1)}\n`;
  return { lines, file };
}

if (import.meta.main) {
  const fitted = fitSecondOpinion();
  console.log(fitted.lines.join('\n'));
  writeFileSync(SECOND_OPINION_FILE, fitted.file);
}
