// The fitted scorer: the committed file is what `npm run train` makes from the committed
// fixtures (same input, same file), it validates, and the way it combines features
// (windows of sentences, the electioneering context table, thresholds) behaves as
// documented. The window and table tests use small hand-made scorers, not the fitted
// weights, so they test the mechanism rather than bake in an answer.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEV_FILES, readSplit, SCORER_PATH, serialise, train, TRAIN_FILES } from '../src/cli/train.ts';
import { loadScorer, loadScorerFile, MODEL_NAMES, postProbabilities, scorerFromFile, ScorerSchema, type Scorer } from '../src/pipeline/model.ts';
import { defaultScorer, judgeAll, type Probabilities } from '../src/pipeline/score.ts';
import type { CheckContext } from '../src/pipeline/types.ts';

const thresholds: Scorer['thresholds'] = {
  'officer-criticism': { review: 0.5, block: 0.8 },
  confidential: { review: 0.5, block: 0.8 },
  abuse: { review: 0.5, block: 0.8 },
  electioneering: { official: 0.5, partisan: 0.5, personal: 0.5, personalOutside: 0.7, personalBlock: 0.8 },
};

function handMade(weights: Record<string, number>, windowOffset = 0): ReturnType<typeof loadScorer> {
  return loadScorer(ScorerSchema.parse({
    version: 'test', description: 'hand-made', training: { train: [], dev: [], posts: 0, settings: {} },
    models: [...MODEL_NAMES], scale: 1, bias: MODEL_NAMES.map(() => -2), windowOffset,
    weights: Object.fromEntries(Object.entries(weights).map(([k, w]) => [k, MODEL_NAMES.map((_, i) => (i === 0 ? w : 0))])),
    thresholds,
  }));
}

describe('the committed scorer', () => {
  it('validates and lists its models in order', () => {
    const s = defaultScorer();
    expect(s.data.models).toEqual(MODEL_NAMES);
    expect(s.table.size).toBeGreaterThan(1000);
  });

  it("is loaded for checking with the same weights as the training script's reading of it", () => {
    const file = JSON.parse(readFileSync(SCORER_PATH, 'utf8')) as unknown;
    const fast = loadScorerFile(file);
    const { weights, ...data } = scorerFromFile(file);
    const slow = loadScorer({ ...data, weights });
    expect(fast.data).toEqual(data);
    expect(fast.table.size).toBe(Object.keys(weights).length);
    for (const [name, w] of slow.table) expect([...fast.table.get(name)!], name).toEqual([...w]);
    // A file whose weight strings are cut short is refused, not misread.
    const cut = JSON.parse(readFileSync(SCORER_PATH, 'utf8')) as { weights: string[] };
    cut.weights[3] = cut.weights[3]!.slice(0, -1);
    expect(() => loadScorerFile(cut)).toThrow(/model 3's weights end before feature/u);
  });

  it('is what npm run train makes from the committed fixtures', () => {
    const files = { train: TRAIN_FILES, dev: DEV_FILES };
    expect(serialise(train(readSplit(files.train), readSplit(files.dev), files))).toBe(readFileSync(SCORER_PATH, 'utf8'));
  }, 300_000);
});

describe('windows of sentences', () => {
  const s = handMade({ 'w:bad': 3, 'w:calm': -1, ...Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`w:calm${i}`, -1])) });
  const features = (sentences: string[][]) => {
    const entries = new Map<string, { value: number; where: number[] }>();
    sentences.forEach((words, i) => { for (const w of words) { const e = entries.get(`w:${w}`) ?? { value: 1, where: [] }; e.where.push(i); entries.set(`w:${w}`, e); } });
    return { entries, sentenceCount: sentences.length };
  };
  const p = (sentences: string[][]) => postProbabilities(s, features(sentences))['officer-criticism.flag'];

  it('a short post is scored whole', () => {
    expect(p([['bad'], ['calm']])).toBeCloseTo(1 / (1 + Math.exp(-(-2 + 3 - 1))), 6);
  });

  it('one bad sentence buried in a long calm post is judged with its neighbours only', () => {
    const calm = Array.from({ length: 10 }, (_, i) => [`calm${i}`]);
    const buried = [...calm.slice(0, 5), ['bad'], ...calm.slice(5)];
    // The whole post: -2 + 3 - 10; the window around the bad sentence: -2 + 3 - 2.
    expect(p(buried)).toBeCloseTo(1 / (1 + Math.exp(1)), 6);
    expect(p(calm)).toBeCloseTo(1 / (1 + Math.exp(4)), 6);
  });

  it('takes the window offset off a window, never off the whole post', () => {
    const calm = Array.from({ length: 10 }, (_, i) => [`calm${i}`]);
    const buried = [...calm.slice(0, 5), ['bad'], ...calm.slice(5)];
    const offset = handMade({ 'w:bad': 3, ...Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`w:calm${i}`, -1])) }, 0.5);
    expect(postProbabilities(offset, features(buried))['officer-criticism.flag']).toBeCloseTo(1 / (1 + Math.exp(1.5)), 6);
    expect(postProbabilities(offset, features([['bad'], ['calm0']]))['officer-criticism.flag']).toBeCloseTo(1 / (1 + Math.exp(0)), 6);
  });

  it('counts a feature once per window even when it repeats in neighbouring sentences', () => {
    const many = [['x'], ['bad'], ['bad'], ['bad'], ['y'], ['z']];
    expect(p(many)).toBeCloseTo(1 / (1 + Math.exp(-(-2 + 3))), 6);
  });
});

describe('the electioneering table', () => {
  const probs = (p: Partial<Probabilities>): Probabilities => ({ ...Object.fromEntries(MODEL_NAMES.map((m) => [m, 0])), ...p }) as Probabilities;
  const ctx = (authorRole: CheckContext['authorRole'], channel: CheckContext['channel'], inPeriod: boolean) =>
    ({ authorRole, channel, election: { inPeriod, pollingDay: '2027-05-06', periodStart: '2027-03-29', source: 'request' } }) as const;
  const verdict = (p: Partial<Probabilities>, c: ReturnType<typeof ctx>) => judgeAll(probs(p), c, thresholds).electioneering.verdict;
  const partisanOfficial = { 'electioneering.official': 0.9, 'electioneering.partisan': 0.9 };

  it('official voices: block in the period when partisan, review outside it or when not partisan', () => {
    expect(verdict(partisanOfficial, ctx('council_account', 'official', true))).toBe('block');
    expect(verdict(partisanOfficial, ctx('council_account', 'official', false))).toBe('review');
    expect(verdict({ 'electioneering.official': 0.9, 'electioneering.partisan': 0.1 }, ctx('council_account', 'official', true))).toBe('review');
    expect(verdict(partisanOfficial, ctx('officer', 'personal', true))).toBe('block');
  });

  it('a councillor: the campaign channel is never flagged; the personal channel only by its own model', () => {
    expect(verdict({ ...partisanOfficial, 'electioneering.personal': 0.99 }, ctx('councillor', 'campaign', true))).toBe('ok');
    expect(verdict(partisanOfficial, ctx('councillor', 'personal', true))).toBe('ok');
    expect(verdict({ 'electioneering.personal': 0.6 }, ctx('councillor', 'personal', true))).toBe('review');
    expect(verdict({ 'electioneering.personal': 0.9 }, ctx('councillor', 'personal', true))).toBe('block');
    expect(verdict({ 'electioneering.personal': 0.9 }, ctx('councillor', 'personal', false))).toBe('review');
  });

  it('other risks: review from the flag model, block from the block model', () => {
    const j = (p: Partial<Probabilities>) => judgeAll(probs(p), ctx('councillor', 'personal', false), thresholds).abuse.verdict;
    expect(j({ 'abuse.flag': 0.4 })).toBe('ok');
    expect(j({ 'abuse.flag': 0.6 })).toBe('review');
    expect(j({ 'abuse.flag': 0.6, 'abuse.block': 0.85 })).toBe('block');
    // the block model grades a flagged post; where it is surer than the flag model, the
    // post counts as flagged at its probability
    expect(j({ 'abuse.flag': 0.4, 'abuse.block': 0.95 })).toBe('block');
    expect(j({ 'abuse.flag': 0.6, 'abuse.block': 0.7 })).toBe('review');
    expect(j({ 'abuse.flag': 0.3, 'abuse.block': 0.45 })).toBe('ok');
  });
});
