// Which language a post is mostly in: franc's method (Titus Wormer's franc-all, MIT) on
// data cut from it (lexicons/languages.json, built by npm run build:languages). The
// script most of the letters are in decides first (Arabic, Cyrillic, Bengali...); Latin
// script is told apart by trigram distance among the languages a UK council hears,
// Welsh among them. A test checks the answers against franc-all itself. Pure.

import { asTuples } from 'trigram-utils';
import languagesData from '../../lexicons/languages.json' with { type: 'json' };

/** franc's constants: the sample is cut to 2,048 characters; an unseen trigram costs 300. */
const MAX_LENGTH = 2048;
const MAX_DIFFERENCE = 300;

const scripts = Object.entries(languagesData.scripts as Record<string, string>).map(([name, script]) => ({ name, pattern: new RegExp(`\\p{Script=${script}}`, 'gu') }));
const models = Object.entries(languagesData.latin as Record<string, string>).map(([code, list]) => {
  const trigrams = new Map<string, number>();
  list.split('|').forEach((t, rank) => trigrams.set(t, rank));
  return { code, trigrams };
});
const names = languagesData.names as Record<string, string>;

export interface LanguageGuess {
  /** ISO 639-3 code, a script name for scripts shared by many languages, or "und". */
  readonly code: string;
  readonly name: string;
  /** 0..1: how much closer the best Latin-script model is than the runner-up. */
  readonly margin: number;
  /** 0..1: how much closer the best model is than English's (0 when it is English). */
  readonly gapToEnglish: number;
}

function topScript(value: string): { name: string | undefined; share: number } {
  let best: string | undefined;
  let share = -1;
  for (const s of scripts) {
    s.pattern.lastIndex = 0;
    const n = value.match(s.pattern)?.length ?? 0;
    const r = n / value.length;
    if (r > share) { share = r; best = s.name; }
  }
  return { name: best, share };
}

/** The language of `text`, as franc-all limited to this data would say. */
export function identifyLanguage(text: string): LanguageGuess {
  const value = text.slice(0, MAX_LENGTH);
  const script = topScript(value);
  if (!script.name || script.share === 0) return { code: 'und', name: 'undetermined', margin: 0, gapToEnglish: 0 };
  if (script.name !== 'Latin') return { code: script.name, name: names[script.name] ?? script.name, margin: 1, gapToEnglish: 1 };
  const tuples = asTuples(value) as Array<[string, number]>;
  const distances = models.map((m) => {
    let d = 0;
    for (const [trigram, count] of tuples) {
      const rank = m.trigrams.get(trigram);
      d += rank === undefined ? MAX_DIFFERENCE : Math.abs(count - rank - 1);
    }
    return { code: m.code, d };
  }).sort((a, b) => a.d - b.d);
  const [first, second] = distances;
  if (!first) return { code: 'und', name: 'undetermined', margin: 0, gapToEnglish: 0 };
  const span = value.length * MAX_DIFFERENCE - first.d;
  const margin = second && span > 0 ? (second.d - first.d) / span : 1;
  const english = distances.find((x) => x.code === 'eng')!;
  return { code: first.code, name: names[first.code] ?? first.code, margin, gapToEnglish: span > 0 ? (english.d - first.d) / span : 0 };
}

// English's commonest words ("a" and "i" left out: they are Welsh words too).
const ENGLISH_WORDS = new Set(['the', 'and', 'to', 'of', 'in', 'is', 'for', 'on', 'that', 'it', 'with', 'you', 'this', 'be', 'are', 'at', 'our', 'we', 'have', 'will', 'was', 'not', 'but', 'they', 'from', 'your', 'all', 'my', 'me', 'so', 'just', 'can', 'has', 'been', 'who', 'what', 'if', 'about', 'more', 'up', 'out', 'there', 'their', 'would', 'should', 'he', 'she', 'his', 'her', 'its', 'by', 'an', 'or', 'as', 'do', 'no', 'thanks', 'thank', 'today', 'tonight']);

/** A fast answer for the common case, before any trigrams: nearly all letters are A-Z and
 * at least one word in seven is one of English's commonest. (Only saves time: a post it
 * lets through still gets the full identification.) */
function plainlyEnglish(text: string, letters: number): boolean {
  const ascii = asciiLetters(text);
  if (ascii < 0.95 * letters) return false;
  const words = text.toLowerCase().match(/[a-z']+/gu) ?? [];
  let common = 0;
  for (const w of words) if (ENGLISH_WORDS.has(w)) common++;
  return words.length > 0 && common / words.length >= 1 / 7;
}

function asciiLetters(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) { const c = text.charCodeAt(i) | 32; if (c >= 97 && c <= 122) n++; }
  return n;
}

const LETTER = /\p{L}/u;
/** Letters (any script) in the text: short posts are not judged for language. */
export function letterCount(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 128) { const l = c | 32; if (l >= 97 && l <= 122) n++; continue; }
    const cp = text.codePointAt(i)!;
    if (cp > 0xffff) i++;
    if (LETTER.test(String.fromCodePoint(cp))) n++;
  }
  return n;
}

/** Not English enough for the rules to judge: most letters in another script, or a
 * Latin-script post whose trigrams are clearly another language's. Thresholds measured
 * on the fixtures (11,500 posts): 2 English posts of 50+ letters pass the Latin rule (a
 * vote ask with a Spanish-looking name, a short English hint), every Welsh post of 30+
 * letters with a clear Welsh profile is caught; franc is unreliable below that. */
export function notEnglish(text: string): LanguageGuess | undefined {
  const letters = letterCount(text);
  if (letters < 10) return undefined;
  if (plainlyEnglish(text, letters)) return undefined;
  const g = identifyLanguage(text);
  if (g.code === 'eng' || g.code === 'und') return undefined;
  if (!/^[a-z]{3}$/u.test(g.code) || !languagesData.latin[g.code as keyof typeof languagesData.latin]) return g; // another script
  if (letters >= 50 && g.gapToEnglish >= 0.3) return g;
  if (g.code === 'cym' && letters >= 30 && g.gapToEnglish >= 0.35) return g;
  return undefined;
}
