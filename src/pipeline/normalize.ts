// Normalise a draft for matching while keeping a map back to the original text.
// Steps, per code point: drop invisible format characters (zero-width, bidi marks,
// soft hyphen, variation selectors), NFKC (full-width and styled letters), strip
// diacritics, lower-case, fold look-alike letters (Cyrillic/Greek confusables) and
// typographic quotes/dashes. Every output character remembers the half-open UTF-16
// span of the original it came from, so any match maps back exactly.
// Pure: imports nothing but data.

import confusablesData from '../../lexicons/confusables.json' with { type: 'json' };

export interface NormalizedText {
  /** Normalised, lower-case text used by every matcher. */
  readonly norm: string;
  /** For each UTF-16 unit of `norm`, where its source starts in the original. */
  readonly starts: Int32Array;
  /** For each UTF-16 unit of `norm`, where its source ends (exclusive) in the original. */
  readonly ends: Int32Array;
}

const INVISIBLE = /[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0]/u;
const COMBINING = /\p{M}/gu;
const ASCII = /^[\x00-\x7f]*$/u;

const confusables: ReadonlyMap<string, string> = new Map(Object.entries(confusablesData.map));

const cache = new Map<string, string>();
/** The most UTF-16 units one code point may normalise to ("viii" for Ⅷ, "(1)" for ⑴). */
const MAX_EXPANSION = 4;

/** The normalised form of one code point ('' when it should vanish). */
function foldCodePoint(cp: string): string {
  const hit = cache.get(cp);
  if (hit !== undefined) return hit;
  let out: string;
  if (INVISIBLE.test(cp)) out = '';
  else {
    const mapped = confusables.get(cp);
    if (mapped !== undefined) out = mapped;
    else {
      out = cp.normalize('NFKC').normalize('NFD').replace(COMBINING, '').toLowerCase();
      // NFKC can expand a code point to several; fold look-alikes inside the result too.
      let folded = '';
      for (const ch of out) folded += confusables.get(ch) ?? ch;
      // A code point that NFKC spells out at length (U+FDFA is 18 letters) stays as it
      // is: no disguise needs it, and it would let a short text grow eighteenfold.
      out = folded.length <= MAX_EXPANSION ? folded : cp.toLowerCase();
    }
  }
  if (cache.size < 4096) cache.set(cp, out);
  return out;
}

/** Normalise `text` and keep the offset map. Never throws, whatever the input. */
export function normalizeText(text: string): NormalizedText {
  // Most posts are plain ASCII: lower-casing is then the whole job, one unit for one.
  if (ASCII.test(text)) {
    const starts = new Int32Array(text.length);
    const ends = new Int32Array(text.length);
    for (let i = 0; i < text.length; i++) { starts[i] = i; ends[i] = i + 1; }
    return { norm: text.toLowerCase(), starts, ends };
  }
  const parts: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    // Keep lone surrogates as they are (one unit) so offsets stay valid.
    const isPair = code >= 0xd800 && code <= 0xdbff && i + 1 < text.length &&
      (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    const width = isPair ? 2 : 1;
    const cp = text.slice(i, i + width);
    const folded = width === 1 && code < 0x80
      ? (code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : cp)
      : foldCodePoint(cp);
    for (let k = 0; k < folded.length; k++) {
      parts.push(folded[k]!);
      starts.push(i);
      ends.push(i + width);
    }
    i += width;
  }
  return { norm: parts.join(''), starts: Int32Array.from(starts), ends: Int32Array.from(ends) };
}

/** Map a half-open span of the normalised text back to the original text. */
export function toOriginalSpan(n: NormalizedText, normStart: number, normEnd: number): { start: number; end: number } {
  if (n.norm.length === 0) return { start: 0, end: 0 };
  const a = Math.min(Math.max(normStart, 0), n.norm.length - 1);
  const b = Math.min(Math.max(normEnd - 1, a), n.norm.length - 1);
  return { start: n.starts[a]!, end: n.ends[b]! };
}
