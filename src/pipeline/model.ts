// The fitted scorer's data: logistic models over the features (weights fitted on the
// training split by `npm run train`) and the thresholds chosen on the dev split and on
// training posts held out by writer. The file
// lexicons/scorer.json is data like the lexicons, validated here by zod. Pure.

import * as z from 'zod';
import { decodeWeights, packWeights, unpackWeights } from './packed-weights.ts';

export const MODEL_NAMES = [
  'officer-criticism.flag', 'officer-criticism.block',
  'confidential.flag', 'confidential.block',
  'abuse.flag', 'abuse.block',
  // Electioneering depends on who posts where (the labelling guide's table), so it has
  // a model for official voices (council accounts, official channels, officers), one for
  // councillors' personal channels, and one for whether the words themselves promote a
  // party or ask for votes (partisan), which decides block on an official channel.
  'electioneering.partisan', 'electioneering.official', 'electioneering.personal',
] as const;
export type ModelName = (typeof MODEL_NAMES)[number];

const Threshold = z.number().gt(0).lt(1);
const PerModel = z.array(z.number().finite()).length(MODEL_NAMES.length);
const PerModelSteps = z.array(z.number().int()).length(MODEL_NAMES.length);

const ScorerFields = z.object({
  version: z.string(),
  description: z.string(),
  /** How it was fitted: the files, the post counts and the training settings. */
  training: z.object({
    train: z.array(z.string()),
    dev: z.array(z.string()),
    posts: z.number().int(),
    settings: z.record(z.string(), z.union([z.number(), z.string()])),
  }),
  /** The models, in the order of MODEL_NAMES. */
  models: z.array(z.enum(MODEL_NAMES)).length(MODEL_NAMES.length),
  /** Each model's intercept, and each feature's weight in every model, in steps of
   * 1/scale (whole numbers keep the file small). */
  scale: z.number().int().positive(),
  bias: PerModel,
  /** Subtracted from a window's score before it is compared with the whole post's: a
   * long post has many windows, and the best of many is biased upwards. Chosen with the
   * thresholds. */
  windowOffset: z.number().min(0),
  weights: z.record(z.string().min(1), PerModelSteps),
  thresholds: z.object({
    'officer-criticism': z.object({ review: Threshold, block: Threshold }),
    confidential: z.object({ review: Threshold, block: Threshold }),
    abuse: z.object({ review: Threshold, block: Threshold }),
    /** A councillor's personal channel: `personal` in the pre-election period,
     * `personalOutside` outside it (where the guide's bar is higher: only council
     * resources make it a breach), `personalBlock` for block in the period. */
    electioneering: z.object({ official: Threshold, partisan: Threshold, personal: Threshold, personalOutside: Threshold, personalBlock: Threshold }),
  }),
});

const modelsInOrder = (s: { models: readonly string[] }) => s.models.every((m, i) => m === MODEL_NAMES[i]);
const ORDER = { message: 'models must be listed in the order of MODEL_NAMES', path: ['models'] };

export const ScorerSchema = ScorerFields.strict().refine(modelsInOrder, ORDER);

export type Scorer = z.infer<typeof ScorerSchema>;

/** The committed file (lexicons/scorer.json): the same, with the weights packed
 * (packed-weights.ts): `features` names them in order, `weights` holds one string per model. */
export const ScorerFileSchema = ScorerFields.omit({ weights: true }).extend({
  features: z.array(z.string().min(1)),
  weights: z.array(z.string()).length(MODEL_NAMES.length),
}).strict().refine(modelsInOrder, ORDER);

export type ScorerFile = z.infer<typeof ScorerFileSchema>;

/** The scorer a committed file holds, validated. */
export function scorerFromFile(file: unknown): Scorer {
  const { features, weights, ...rest } = ScorerFileSchema.parse(file);
  return ScorerSchema.parse({ ...rest, weights: unpackWeights({ features, weights }) });
}

/** The file form of a scorer (features sorted, so a retrained file lists what changed). */
export function scorerToFile(s: Scorer): ScorerFile {
  const { weights, ...rest } = s;
  return { ...rest, ...packWeights(Object.keys(weights).sort(), weights, MODEL_NAMES.length) };
}

/** The logistic function. */
export function sigmoid(x: number): number {
  return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
}

/** A scorer ready to use: one lookup per feature gives its weight in every model. */
export interface LoadedScorer {
  readonly data: Omit<Scorer, 'weights'>;
  readonly table: ReadonlyMap<string, Float64Array>;
}

export function loadScorer(data: Scorer): LoadedScorer {
  return { data, table: new Map(Object.entries(data.weights).map(([k, w]) => [k, Float64Array.from(w, (x) => x / data.scale)])) };
}

/** The committed file straight to a ready scorer, as the Worker's first check needs it:
 * the file validated, every weight decoded into one array (a view of it per feature),
 * without the record of arrays that scorerFromFile builds and validates again. The same
 * table as loadScorer(scorerFromFile(file)) (the scorer test checks), several times faster. */
export function loadScorerFile(file: unknown): LoadedScorer {
  const { features, weights, ...data } = ScorerFileSchema.parse(file);
  const n = MODEL_NAMES.length;
  const flat = new Float64Array(features.length * n);
  decodeWeights({ features, weights }, (j, m, w) => { flat[j * n + m] = w / data.scale; });
  const table = new Map<string, Float64Array>();
  for (let j = 0; j < features.length; j++) table.set(features[j]!, flat.subarray(j * n, j * n + n));
  return { data, table };
}

export const MODEL_INDEX: Readonly<Record<ModelName, number>> = Object.fromEntries(MODEL_NAMES.map((n, i) => [n, i])) as Record<ModelName, number>;

/** Sentences either side of a sentence that make up a window. */
const REACH = 1;

export interface ScorableFeatures {
  readonly entries: ReadonlyMap<string, { readonly value: number; readonly where: readonly number[] }>;
  readonly sentenceCount: number;
}

function isAscending(xs: readonly number[]): boolean {
  for (let i = 1; i < xs.length; i++) if (xs[i]! < xs[i - 1]!) return false;
  return true;
}

/**
 * Every model's probability for a post: the larger of the whole post's and that of its
 * most telling window of sentences (one either side), so one bad sentence in a long
 * newsletter is judged as it would be on its own, with the post's context (less the
 * window offset).
 */
export function postProbabilities(s: LoadedScorer, f: ScorableFeatures): Record<ModelName, number> {
  const n = MODEL_NAMES.length;
  const whole = Float64Array.from(s.data.bias);
  const count = f.sentenceCount > 2 * REACH + 1 ? f.sentenceCount : 0;
  // Features of one sentence are summed per sentence (most are); features seen in
  // several sentences go straight into each window they fall in, once.
  const bySentence = new Float64Array(count * n);
  const windows = new Float64Array(count * n);
  const global = Float64Array.from(s.data.bias);
  for (const [name, { value, where }] of f.entries) {
    const w = s.table.get(name);
    if (!w) continue;
    for (let i = 0; i < n; i++) whole[i] = whole[i]! + w[i]! * value;
    if (count === 0) continue;
    if (where[0] === -1) { for (let i = 0; i < n; i++) global[i] = global[i]! + w[i]! * value; continue; }
    if (where.length === 1) {
      const o = where[0]! * n;
      for (let i = 0; i < n; i++) bySentence[o + i] = bySentence[o + i]! + w[i]! * value;
      continue;
    }
    // A window centred on c holds sentences c-REACH..c+REACH; each feature counts once
    // per window (the sentences are visited in order, so a centre is never revisited).
    const sorted = isAscending(where) ? where : [...where].sort((x, y) => x - y);
    let next = 0;
    for (const at of sorted) {
      for (let c = Math.max(next, at - REACH); c <= Math.min(count - 1, at + REACH); c++) {
        const o = c * n;
        for (let i = 0; i < n; i++) windows[o + i] = windows[o + i]! + w[i]! * value;
        next = c + 1;
      }
    }
  }
  const best = whole;
  for (let c = 0; c < count; c++) {
    const o = c * n;
    for (let i = 0; i < n; i++) {
      let z = global[i]! + windows[o + i]! - s.data.windowOffset;
      for (let d = Math.max(0, c - REACH); d <= Math.min(count - 1, c + REACH); d++) z += bySentence[d * n + i]!;
      if (z > best[i]!) best[i] = z;
    }
  }
  const out = {} as Record<ModelName, number>;
  for (let i = 0; i < n; i++) out[MODEL_NAMES[i]!] = sigmoid(best[i]!);
  return out;
}
