// Fitting the scorer: L2-regularised logistic regression by AdaGrad over sparse
// features, in a fixed order from a seeded shuffle (same input, same weights), and the
// grid and F1 the threshold choice (train.ts) uses. Pure: no files, no clock, no randomness
// beyond the seed.

export interface SparseExample {
  /** Feature indices (0 is the bias) and their values. */
  readonly index: Int32Array;
  readonly value: Float64Array;
  readonly y: 0 | 1;
}

export interface FitSettings { readonly epochs: number; readonly rate: number; readonly l2: number; readonly seed: number }

/** A small deterministic generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sigmoid = (x: number) => (x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x)));

export function fitLogistic(examples: readonly SparseExample[], size: number, s: FitSettings): Float64Array {
  const w = new Float64Array(size);
  // The weights returned are the average over the last third of the epochs (Polyak
  // averaging): steadier than the last step's.
  const mean = new Float64Array(size);
  const averageFrom = Math.floor((2 * s.epochs) / 3);
  let averaged = 0;
  const g2 = new Float64Array(size).fill(1e-8);
  const order = examples.map((_, i) => i);
  const next = random(s.seed);
  for (let epoch = 0; epoch < s.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const k of order) {
      const ex = examples[k]!;
      let z = w[0]!;
      for (let n = 0; n < ex.index.length; n++) z += w[ex.index[n]!]! * ex.value[n]!;
      const err = sigmoid(z) - ex.y;
      g2[0] = g2[0]! + err * err;
      w[0] = w[0]! - (s.rate * err) / Math.sqrt(g2[0]!);
      for (let n = 0; n < ex.index.length; n++) {
        const f = ex.index[n]!;
        const g = err * ex.value[n]! + s.l2 * w[f]!;
        g2[f] = g2[f]! + g * g;
        w[f] = w[f]! - (s.rate * g) / Math.sqrt(g2[f]!);
      }
    }
    if (epoch >= averageFrom) {
      averaged++;
      for (let i = 0; i < size; i++) mean[i] = mean[i]! + (w[i]! - mean[i]!) / averaged;
    }
  }
  return averaged > 0 ? mean : w;
}

export interface Counts { tp: number; fp: number; fn: number }
export const f1 = ({ tp, fp, fn }: Counts): number => (tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn));

export const GRID: readonly number[] = Array.from({ length: 37 }, (_, i) => Math.round((0.05 + i * 0.025) * 1000) / 1000);
