// The post document: built once per draft from the normalised text, shared by every
// detector. Tokens carry both normalised and original offsets; sentences are ranges of
// tokens. Expensive views (stems, de-obfuscated keys) are computed lazily, only when a
// detector asks. Pure: no Hono, no env, no network.

import { normalizeText, toOriginalSpan, type NormalizedText } from './normalize.ts';

export interface Token {
  /** Normalised lower-case text of the token. */
  readonly text: string;
  /** Half-open span in the original text (UTF-16 units). */
  readonly start: number;
  readonly end: number;
  /** Half-open span in the normalised text. */
  readonly nStart: number;
  readonly nEnd: number;
  /** The original token starts with an upper-case letter. */
  readonly capitalized: boolean;
  /** An emoji or pictograph rather than a word. */
  readonly emoji: boolean;
  /** Index of the sentence the token belongs to. */
  readonly sentence: number;
  /** Index of this token in the document. */
  readonly index: number;
}

export interface Sentence {
  /** First token index (inclusive) and last (exclusive). */
  readonly from: number;
  readonly to: number;
  /** Half-open span in the original text. */
  readonly start: number;
  readonly end: number;
}

export interface PostDocument {
  readonly text: string;
  readonly normalized: NormalizedText;
  readonly tokens: readonly Token[];
  readonly sentences: readonly Sentence[];
  /** Original span for a half-open range of tokens. */
  span(fromToken: number, toToken: number): { start: number; end: number };
  /** Original span for a half-open range of the normalised text. */
  normSpan(nStart: number, nEnd: number): { start: number; end: number };
  /** The text has more than MAX_TOKENS words: only the first MAX_TOKENS are tokens. */
  readonly partial?: true;
}

/** Words read per post. A real post of the longest allowed length (20,000 characters)
 * has about 3,500; a hostile one can have 40,000 ("½" repeated is "1⁄2" each time), and
 * every later step's cost grows with the words. Past this many the rest is not read,
 * and the response says so (analyze.ts). */
export const MAX_TOKENS = 8000;

// Words (letters/digits joined by inner apostrophes, hyphens, or the symbols people use
// to disguise letters: "w@nker", "f*ck", "$cum") and emoji.
const TOKEN = /[\p{L}\p{N}]+(?:(?:['-]|[@$*]+)[\p{L}\p{N}]+)*|\p{Extended_Pictographic}/gu;
const PICTOGRAPHIC = /\p{Extended_Pictographic}/u;
// A run of . ! ? ends a sentence when a space, a closing quote or bracket, or the end
// follows it; newlines always do. Each run is matched whole and the next character
// checked by hand (a lookahead after a greedy run backtracks: quadratic on "....a").
const SENTENCE_MARKS = /[.!?]+|\n+/gu;
const AFTER_END = /[\s"')\]]/u;

/** Sentence boundaries (positions just after each end) in the normalised text. */
function sentenceBoundaries(norm: string): number[] {
  const out: number[] = [];
  for (const m of norm.matchAll(SENTENCE_MARKS)) {
    const end = m.index + m[0].length;
    if (m[0].charCodeAt(0) === 10 || end === norm.length || AFTER_END.test(norm.charAt(end))) out.push(end);
  }
  return out;
}

export function buildDocument(text: string): PostDocument {
  const normalized = normalizeText(text);
  const { norm } = normalized;

  // Sentence boundaries in normalised coordinates.
  const boundaries = sentenceBoundaries(norm);

  const tokens: Token[] = [];
  let sentence = 0;
  let b = 0;
  let partial = false;
  for (const m of norm.matchAll(TOKEN)) {
    if (tokens.length === MAX_TOKENS) { partial = true; break; }
    const nStart = m.index;
    const nEnd = nStart + m[0].length;
    while (b < boundaries.length && boundaries[b]! <= nStart) { b++; }
    sentence = b;
    const { start, end } = toOriginalSpan(normalized, nStart, nEnd);
    const first = text.charAt(start);
    tokens.push({
      text: m[0],
      start,
      end,
      nStart,
      nEnd,
      capitalized: first !== first.toLowerCase() && first === first.toUpperCase(),
      emoji: m[0].charCodeAt(0) > 0xff && PICTOGRAPHIC.test(m[0]),
      sentence,
      index: tokens.length,
    });
  }

  // Renumber sentences densely and record their token ranges.
  const sentences: Sentence[] = [];
  let prev = -1;
  for (const t of tokens) {
    if (t.sentence !== prev) {
      sentences.push({ from: t.index, to: t.index + 1, start: t.start, end: t.end });
      prev = t.sentence;
    } else {
      const s = sentences[sentences.length - 1] as { to: number; end: number };
      s.to = t.index + 1;
      s.end = t.end;
    }
    (t as { sentence: number }).sentence = sentences.length - 1;
  }

  return {
    text,
    normalized,
    tokens,
    sentences,
    span(fromToken, toToken) {
      const a = tokens[fromToken];
      const z = tokens[Math.max(fromToken, toToken - 1)];
      if (!a || !z) return { start: 0, end: 0 };
      return { start: a.start, end: z.end };
    },
    normSpan(nStart, nEnd) {
      return toOriginalSpan(normalized, nStart, nEnd);
    },
    ...(partial ? { partial: true as const } : {}),
  };
}
