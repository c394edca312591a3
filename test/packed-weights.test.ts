// The committed scorer's packed weights: what is packed comes back unchanged, and a file
// whose strings hold too few or too many weights is refused rather than misread.

import { describe, expect, it } from 'vitest';
import { packWeights, unpackWeights } from '../src/pipeline/packed-weights.ts';

describe('packed weights', () => {
  it('round-trips small, large and negative whole numbers', () => {
    const weights = { 'w:a': [3, -1, 0], 'w:b': [0, 200, -64], 'b:c_d': [-5000, 63, 64], 'o:x': [2 ** 31, -(2 ** 31), 1] };
    const names = Object.keys(weights).sort();
    const packed = packWeights(names, weights, 3);
    expect(packed.features).toEqual(names);
    expect(packed.weights).toHaveLength(3);
    expect(unpackWeights(packed)).toEqual(weights);
  });

  it('keeps small numbers one character (the point of packing), larger ones a few more', () => {
    const names = Array.from({ length: 300 }, (_, i) => `w:${i}`);
    const small = Object.fromEntries(names.map((n, i) => [n, [(i % 88) - 44]]));
    expect(packWeights(names, small, 1).weights[0]).toHaveLength(300);
    expect(packWeights(['w:a'], { 'w:a': [44] }, 1).weights[0]!.length).toBeGreaterThan(1);
  });

  it('writes only characters a JSON string holds unescaped', () => {
    const names = Array.from({ length: 500 }, (_, i) => `w:${i}`);
    const weights = Object.fromEntries(names.map((n, i) => [n, [(i - 250) * 37]]));
    const [text] = packWeights(names, weights, 1).weights;
    expect(text).toMatch(/^[!#-[\]-~]+$/u);
    expect(JSON.stringify(text)).toBe(`"${text}"`);
  });

  it('refuses fractions when packing', () => {
    expect(() => packWeights(['w:a'], { 'w:a': [0.5] }, 1)).toThrow(/whole number/u);
  });

  it('refuses a model string with too few or too many weights', () => {
    const packed = packWeights(['w:a', 'w:b'], { 'w:a': [1], 'w:b': [300] }, 1);
    expect(() => unpackWeights({ features: ['w:a', 'w:b', 'w:c'], weights: packed.weights })).toThrow(/end before feature "w:c"/u);
    expect(() => unpackWeights({ features: ['w:a'], weights: packed.weights })).toThrow(/more than 1 features/u);
    expect(() => unpackWeights({ features: ['w:a'], weights: ['"'] })).toThrow(/not a digit/u);
  });
});
