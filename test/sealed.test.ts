// Saved reviews' sealing (src/reviews/sealed.ts): a value opens only with its review's key
// and only in the place it was sealed for.

import { describe, expect, it } from 'vitest';
import { importReviewKey, newReviewKey, seal, unseal } from '../src/reviews/sealed.ts';

describe('sealed review values', () => {
  it('round-trip any text, Welsh, emoji and 20,000 characters included', async () => {
    const k = await newReviewKey();
    for (const text of ['', 'Diolch i bawb 🏴󠁧󠁢󠁷󠁬󠁳󠁿 ŵ ŷ', 'x'.repeat(20_000), '{"findings":[]}']) {
      expect(await unseal(k, await seal(k, text, 'r/0/text'), 'r/0/text')).toBe(text);
    }
  });

  it('hold none of the plain text, and differ each time for the same text', async () => {
    const k = await newReviewKey();
    const a = await seal(k, 'the depot sale is confidential', 'r/0/text');
    const b = await seal(k, 'the depot sale is confidential', 'r/0/text');
    expect(a).not.toBe(b);
    expect(a).not.toMatch(/depot|confidential/u);
    expect(atob(a.split('.')[2]!)).not.toContain('depot');
  });

  it('refuse to open with another key, in another place, or when altered', async () => {
    const k = await newReviewKey();
    const sealed = await seal(k, 'note', 'r/3/note');
    await expect(unseal(await newReviewKey(), sealed, 'r/3/note')).rejects.toThrow();
    await expect(unseal(k, sealed, 'r/4/note')).rejects.toThrow();
    const flipped = sealed.slice(0, -3) + (sealed.at(-3) === 'A' ? 'B' : 'A') + sealed.slice(-2);
    await expect(unseal(k, flipped, 'r/3/note')).rejects.toThrow();
    await expect(unseal(k, 'plain text', 'r/3/note')).rejects.toThrow();
  });

  it('a key stored as text opens what the original sealed', async () => {
    const k = await newReviewKey();
    expect(k.raw).toMatch(/^[A-Za-z0-9+/]{43}=$/u);
    expect(await unseal(await importReviewKey(k.raw), await seal(k, 'x', 'p'), 'p')).toBe('x');
  });
});
