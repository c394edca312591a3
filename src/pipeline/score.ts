// Scoring: the fitted scorer turns a post's features into a calibrated probability per
// risk and a verdict (thresholds chosen on the dev split and on training posts held out by writer;
// lexicons/scorer.json).
//   - officer criticism, confidential, abuse: P(flag) against the review threshold, and
//     for a flagged post P(block) against the block threshold;
//   - electioneering, by the context table of the labelling guide: official channels,
//     council accounts and officers by the official model (block in the pre-election
//     period when the words are partisan, else review); a councillor's personal channel
//     by the personal model (it leans on the role or council resources: review, block
//     when explicit in the period); a campaign channel never.
// The score (0..100) is the probability placed inside its verdict's band.
// Pure.

import scorerData from '../../lexicons/scorer.json' with { type: 'json' };
import type { Features } from './features.ts';
import { loadScorerFile, MODEL_INDEX, postProbabilities, type LoadedScorer, type ModelName, type Scorer } from './model.ts';
import { CATEGORIES, type Category, type CheckContext, type Verdict } from './types.ts';

let loaded: LoadedScorer | undefined;
/** The committed scorer, validated on first use (so `npm run train` can replace a file
 * an older schema no longer accepts). */
export function defaultScorer(): LoadedScorer {
  return loaded ??= loadScorerFile(scorerData);
}

const BAND: Record<Verdict, [number, number]> = { ok: [0, 39], review: [40, 69], block: [70, 100] };
const RANK: Record<Verdict, number> = { ok: 0, review: 1, block: 2 };

export interface CategoryScore { readonly verdict: Verdict; readonly score: number }
export interface CategoryJudgement extends CategoryScore {
  /** Calibrated probability that the risk applies. */
  readonly probability: number;
  /** The model whose weights explain the judgement (for locating a span). */
  readonly model: ModelName;
}

export function worst(a: Verdict, b: Verdict): Verdict {
  return RANK[a] >= RANK[b] ? a : b;
}

/** Place a probability inside its verdict's band, monotone in the probability. */
function bandScore(verdict: Verdict, p: number, lo: number, hi: number): number {
  const [a, b] = BAND[verdict];
  const t = verdict === 'ok' ? p / lo : verdict === 'review' ? (p - lo) / Math.max(1e-6, 1 - lo) : (p - hi) / Math.max(1e-6, 1 - hi);
  return Math.round(a + (b - a) * Math.min(1, Math.max(0, t)));
}

export type Probabilities = Record<ModelName, number>;
type Thresholds = Scorer['thresholds'];

type JudgedContext = Pick<CheckContext, 'authorRole' | 'channel' | 'election'>;

/** Which row of the labelling guide's electioneering table a post falls in: an official
 * voice (a council account, an official channel, or an officer anywhere), a councillor's
 * campaign channel, or a councillor's personal channel. */
export function electioneeringVoice(ctx: Pick<CheckContext, 'authorRole' | 'channel'>): 'official' | 'campaign' | 'personal' {
  if (ctx.authorRole === 'officer' || ctx.authorRole === 'council_account' || ctx.channel === 'official') return 'official';
  return ctx.channel === 'campaign' ? 'campaign' : 'personal';
}

function judgeElectioneering(p0: Probabilities, ctx: JudgedContext, thresholds: Thresholds): CategoryJudgement {
  const t = thresholds.electioneering;
  const voice = electioneeringVoice(ctx);
  const inPeriod = ctx.election.inPeriod;
  if (voice === 'official') {
    // Official channels, council accounts and officers: party promotion or a vote ask
    // is block in the period; anything else flagged (council publicity featuring a
    // likely candidate, or party content outside the period) is review.
    const p = p0['electioneering.official'];
    const verdict: Verdict = p < t.official ? 'ok' : inPeriod && p0['electioneering.partisan'] >= t.partisan ? 'block' : 'review';
    return { verdict, probability: p, model: 'electioneering.official', score: bandScore(verdict, p, t.official, t.official) };
  }
  if (voice === 'campaign') return { verdict: 'ok', probability: 0, model: 'electioneering.partisan', score: 0 };
  // A councillor's personal channel: campaigning is fine (the 10.1.5 exception) unless
  // it leans on the council role, an announcement, council resources or a ward meeting.
  // Outside the period only council resources make it a breach, so its bar is its own.
  const p = p0['electioneering.personal'];
  const bar = inPeriod ? t.personal : t.personalOutside;
  const verdict: Verdict = p < bar ? 'ok' : inPeriod && p >= t.personalBlock ? 'block' : 'review';
  return { verdict, probability: p, model: 'electioneering.personal', score: bandScore(verdict, p, bar, t.personalBlock) };
}

function judge(category: Exclude<Category, 'electioneering'>, p0: Probabilities, thresholds: Thresholds): CategoryJudgement {
  const t = thresholds[category];
  // A post the block model is sure of is flagged too (the two models disagree there).
  const block = p0[`${category}.block`];
  const flag = Math.max(p0[`${category}.flag`], block);
  // Block is a degree of a flagged risk: the block model only decides how serious a
  // post the flag model has flagged is, so it never adds a false alarm of its own.
  const verdict: Verdict = flag < t.review ? 'ok' : block >= t.block ? 'block' : 'review';
  return { verdict, probability: flag, model: `${category}.flag`, score: verdict === 'block' ? bandScore('block', block, t.review, t.block) : bandScore(verdict, flag, t.review, t.block) };
}

/** Each risk's judgement from the models' probabilities, the context and thresholds. */
export function judgeAll(p: Probabilities, ctx: JudgedContext, thresholds: Thresholds): Record<Category, CategoryJudgement> {
  const out = {} as Record<Category, CategoryJudgement>;
  for (const c of CATEGORIES) out[c] = c === 'electioneering' ? judgeElectioneering(p, ctx, thresholds) : judge(c, p, thresholds);
  return out;
}

export function scoreCategories(features: Features, ctx: CheckContext, s: LoadedScorer = defaultScorer()): Record<Category, CategoryJudgement> {
  return judgeAll(postProbabilities(s, features), ctx, s.data.thresholds);
}

/** The sentence whose features push a model hardest towards the risk. */
export function strongestSentence(features: Features, model: ModelName, s: LoadedScorer = defaultScorer()): number | undefined {
  const m = MODEL_INDEX[model];
  const bySentence = new Map<number, number>();
  for (const [name, { value, where }] of features.entries) {
    const w = s.table.get(name)?.[m];
    if (w === undefined || w <= 0) continue;
    const v = w * value;
    for (const i of where) if (i >= 0) bySentence.set(i, (bySentence.get(i) ?? 0) + v);
  }
  let best: number | undefined;
  let bestValue = 0;
  for (const [i, v] of bySentence) if (v > bestValue || (v === bestValue && best !== undefined && i < best)) { best = i; bestValue = v; }
  return best;
}

export function overall(categories: Record<Category, CategoryScore>): CategoryScore {
  let verdict: Verdict = 'ok';
  let score = 0;
  for (const c of Object.values(categories)) {
    verdict = worst(verdict, c.verdict);
    score = Math.max(score, c.score);
  }
  return { verdict, score };
}
