// Small helpers shared by the detectors: name-like tokens, negation, nearest target,
// and the mapping from a strength (0..1) to a severity. Pure.

import type { PostDocument, Token } from '../pipeline/document.ts';
import type { Match } from '../pipeline/matcher.ts';
import type { Severity } from '../pipeline/types.ts';

/** Capitalised words that start sentences or titles but are not names. */
const NOT_NAMES = new Set(('a an and are as at be but by can could did do does for from had has have he her his how i if in is it its just me my no not now of on or our she so that the their them then there these they this those to too up us was we well were what when where which who why will with would yes you your ' +
  'thanks thank great good well done shame sorry please today tonight yesterday tomorrow another again update news breaking ' +
  'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december ' +
  'council councillor councillors cllr cabinet mayor leader officer officers planning housing highways parking finance legal labour conservative conservatives tory tories green greens reform lib dem dems liberal democrat democrats independent ' +
  'chief executive director head deputy assistant monitoring section team department service services whoever someone somebody everyone nobody all every ' +
  'hi hello dear residents people local borough city town southend street road park lane avenue').split(' '));

/** Tags for the phrase matcher: "<name>" on a capitalised word that may be a person's name. */
export function nameTags(t: Token): readonly string[] {
  if (!t.capitalized || t.emoji || t.text.length < 2 || !/^\p{L}+$/u.test(t.text)) return NO_TAGS;
  return NOT_NAMES.has(t.text) ? NO_TAGS : NAME_TAG;
}
const NO_TAGS: readonly string[] = [];
const NAME_TAG: readonly string[] = ['<name>'];

/** Is the token range preceded, within `window` tokens of the same sentence, by a negator? */
export function negatedBefore(doc: PostDocument, from: number, negators: ReadonlySet<string>, window = 3): boolean {
  const sentence = doc.tokens[from]?.sentence;
  for (let i = from - 1; i >= Math.max(0, from - window); i--) {
    const t = doc.tokens[i]!;
    if (t.sentence !== sentence) break;
    if (negators.has(t.text) || t.text.endsWith("n't")) return true;
  }
  return false;
}

/** Token distance between two ranges (0 when they overlap). */
export function tokenGap(a: { from: number; to: number }, b: { from: number; to: number }): number {
  if (a.to <= b.from) return b.from - a.to + 1;
  if (b.to <= a.from) return a.from - b.to + 1;
  return 0;
}

/** The match nearest to `anchor`; on a tie, the one before it (usually the subject). */
export function nearest<T>(anchor: { from: number; to: number }, candidates: readonly Match<T>[]): Match<T> | undefined {
  let best: Match<T> | undefined;
  let bestGap = Infinity;
  for (const c of candidates) {
    const gap = tokenGap(anchor, c);
    if (gap < bestGap || (gap === bestGap && best && c.from < best.from)) { best = c; bestGap = gap; }
  }
  return best;
}

/** Strength to severity: the same thresholds for every category. */
export function severityOf(strength: number): Severity {
  if (strength >= 0.6) return 'error';
  if (strength >= 0.35) return 'warning';
  return 'info';
}

/** Clamp to 0..1 with two decimals. */
export function confidenceOf(x: number): number {
  return Math.round(Math.min(1, Math.max(0, x)) * 100) / 100;
}

/** Title-case a lower-case service name for messages ("adult social care" -> "Adult Social Care"). */
export function titleCase(s: string): string {
  return s.replace(/(^|\s)(\p{L})/gu, (_, sp: string, c: string) => sp + c.toUpperCase());
}
