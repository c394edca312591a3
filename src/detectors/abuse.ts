// Bullying and abuse toward anyone (Southend-on-Sea 10.1.5, 7.1.3): insults, threats,
// profanity, dehumanising words and mocking emoji, found through obfuscation. The
// normaliser has already folded look-alike letters and removed zero-width characters;
// here we also undo leet-speak ("m0r0n"), spaced or dotted letters ("i d i o t",
// "f.u.c.k") and stretched letters ("idiooot"). Pure.

import { lexicons } from '../lexicon/index.ts';
import type { PostDocument, Token } from '../pipeline/document.ts';
import { basicKey, longestMatches, PhraseMatcher, type Match } from '../pipeline/matcher.ts';
import { memoize, perSentence } from '../pipeline/memo.ts';
import type { CheckContext, Evidence } from '../pipeline/types.ts';
import type { Detector } from './types.ts';
import { confidenceOf, nameTags, severityOf } from './shared.ts';

const lex = lexicons.abuse;
type Term = (typeof lex.terms)[number];

const leet = new Map(Object.entries(lex.leet));
const allow = new Set(lex.allow);

/** De-obfuscated key: leet undone (only inside words that have letters), dots and
 * hyphens between single letters dropped, repeated letters squashed. */
export const abuseKey = memoize(computeAbuseKey, 20000);

function computeAbuseKey(word: string): string {
  let w = basicKey(word);
  if (/^(?:[\p{L}\p{N}][-'.])+[\p{L}\p{N}]$/u.test(w)) w = w.replace(/[-'.]/gu, '');
  if (/\p{L}/u.test(w) && /[0-9@$!|+]/u.test(w)) w = [...w].map((c) => leet.get(c) ?? c).join('');
  return w.replace(/(\p{L})\1+/gu, '$1');
}

const termMatcher = new PhraseMatcher<Term>(lex.terms.map((t) => ({ phrases: t.phrases, value: t })), abuseKey);
/** Keys of one-word terms: a spaced-letter run is merged only into one of these. */
const singleWordKeys = new Set(lex.terms.flatMap((t) => t.phrases).filter((p) => !/\s/u.test(p)).map(abuseKey));
const targetMatcher = new PhraseMatcher<boolean>([
  { phrases: lex.targets, value: false },
  { phrases: lex.directTargets, value: true },
]);

const SPACER = /^[\s.\-_*·,/]{1,3}$/u;

/** The longest run of single letters tried as one word: longer than any one-word term
 * even with stretched letters, so runs of any length cost time in proportion. */
const MAX_SPELLED = 40;

/** Tokens with runs of three or more single characters ("i d i o t") merged into one.
 * Each run is found once and only its sub-runs of up to MAX_SPELLED letters ending at
 * its end are tried, so the merge is linear in the number of tokens. */
function mergeSpacedLetters(doc: PostDocument): Token[] {
  const out: Token[] = [];
  const tokens = doc.tokens;
  let i = 0;
  while (i < tokens.length) {
    let j = i;
    while (j + 1 < tokens.length && tokens[j]!.text.length === 1 && tokens[j + 1]!.text.length === 1 &&
      !tokens[j]!.emoji && !tokens[j + 1]!.emoji && tokens[j + 1]!.sentence === tokens[i]!.sentence &&
      SPACER.test(doc.normalized.norm.slice(tokens[j]!.nEnd, tokens[j + 1]!.nStart))) j++;
    const merged = j - i >= 2 ? bestSubRun(tokens, i, j) : undefined;
    if (merged) {
      const [a, z] = merged;
      for (let k = i; k < a; k++) out.push(tokens[k]!);
      const run = tokens.slice(a, z + 1);
      out.push({ ...tokens[a]!, text: run.map((t) => t.text).join(''), end: tokens[z]!.end, nEnd: tokens[z]!.nEnd });
      for (let k = z + 1; k <= j; k++) out.push(tokens[k]!);
    } else for (let k = i; k <= j; k++) out.push(tokens[k]!);
    i = j + 1;
  }
  return out;
}

/** The part of a run of single letters (tokens i..j) that spells a known term
 * ("a m u p p e t" -> "muppet"): the earliest start whose letters to the run's end (or
 * to one before it) make a one-word term. */
function bestSubRun(tokens: readonly Token[], i: number, j: number): [number, number] | undefined {
  for (let a = Math.max(i, j - MAX_SPELLED); a <= j - 2; a++) {
    for (let z = j; z >= Math.max(j - 1, a + 2); z--) {
      const word = tokens.slice(a, z + 1).map((t) => t.text).join('');
      if (singleWordKeys.has(abuseKey(word))) return [a, z];
    }
  }
  return undefined;
}

const MENTION = /(^|\s)@\w/u;
/** Whether a sentence holds an @mention (tested once per sentence, not per term). */
const hasMention = perSentence((doc: PostDocument, sentence: number): boolean => {
  const s = doc.sentences[sentence]!;
  return MENTION.test(doc.text.slice(Math.max(0, s.start - 1), s.end));
});

function sentencePointsAtPerson(doc: PostDocument, sentence: number, termFrom: number, targetSentences: ReadonlySet<number>, directSentences: ReadonlySet<number>): boolean {
  if (targetSentences.has(sentence)) return true;
  // In a short post the person may be addressed in the next sentence ("C.l.o.w.n. That's what you are").
  if (doc.sentences.length <= 3 && (directSentences.has(sentence - 1) || directSentences.has(sentence + 1))) return true;
  const s = doc.sentences[sentence]!;
  if (hasMention(doc, sentence)) return true;
  // A name just before the term ("Cllr Green 🤡", "so John is pathetic"); a capitalised
  // first word of a sentence is not taken for a name unless the next word is capitalised too.
  for (let i = Math.max(s.from, termFrom - 3); i < termFrom; i++) {
    const t = doc.tokens[i]!;
    if (nameTags(t).length === 0) continue;
    if (i > s.from || doc.tokens[i + 1]?.capitalized) return true;
  }
  return false;
}

const KIND_TEXT: Record<Term['kind'], string> = {
  insult: 'an insult',
  threat: 'a threat',
  ridicule: 'mockery',
  profanity: 'abusive language',
  dehumanising: 'dehumanising language',
};

interface AbuseHits { readonly tokens: Token[]; readonly hits: Match<Term>[] }
const memo = new WeakMap<PostDocument, AbuseHits>();

/** Abuse terms in the post (memoised per document: the officer-criticism detector
 * also treats insults aimed at an officer as personal criticism). */
export function findAbuseTerms(doc: PostDocument): AbuseHits {
  let found = memo.get(doc);
  if (!found) {
    const tokens = mergeSpacedLetters(doc);
    const hits = longestMatches(termMatcher.matchAll(doc, tokens))
      .filter((m) => !(m.to - m.from === 1 && allow.has(tokens[m.from]!.text)));
    found = { tokens, hits };
    memo.set(doc, found);
  }
  return found;
}

const personTargets = new WeakMap<PostDocument, { targets: Set<number>; direct: Set<number> }>();

/** Whether the sentence of token `at` points at a person (a name, an @mention, "you", a
 * councillor or officer): swearing at things ("b*llocks this consultation") is not
 * abuse. The detector and the scorer's features ask; the targets are found once a post. */
export function pointsAtPerson(doc: PostDocument, at: number): boolean {
  let found = personTargets.get(doc);
  if (!found) {
    const targets = targetMatcher.matchAll(doc);
    found = {
      targets: new Set(targets.map((m) => doc.tokens[m.from]!.sentence)),
      direct: new Set(targets.filter((m) => m.value).map((m) => doc.tokens[m.from]!.sentence)),
    };
    personTargets.set(doc, found);
  }
  const token = doc.tokens[at]!;
  return sentencePointsAtPerson(doc, token.sentence, at, found.targets, found.direct);
}

function detect(doc: PostDocument, _ctx: CheckContext): Evidence[] {
  if (doc.tokens.length === 0) return [];
  const { tokens, hits } = findAbuseTerms(doc);
  if (hits.length === 0) return [];
  const out: Evidence[] = [];
  for (const h of hits) {
    const term = h.value;
    if (term.needsTarget && !pointsAtPerson(doc, tokens[h.from]!.index)) continue;
    const severity = severityOf(term.weight);
    const words = doc.text.slice(h.start, h.end);
    out.push({
      ruleId: `abuse.${term.id}`,
      category: 'abuse',
      severity,
      confidence: confidenceOf(term.weight + 0.1),
      start: h.start,
      end: h.end,
      message: `"${words}" is ${KIND_TEXT[term.kind]}. Content must not be offensive, intimidating, malicious or insulting, whoever it is aimed at.`,
      suggestion: term.kind === 'threat'
        ? 'Remove this. If you have a genuine concern, raise it through the proper channel (the Monitoring Officer or a formal complaint).'
        : 'Criticise the decision or the record, not the person: say what was done and why you disagree.',
    });
  }
  return out;
}

export const abuse: Detector = {
  id: 'abuse',
  category: 'abuse',
  detect,
  examples: {
    flag: [
      'Cllr Smith is a complete [[1d10t]].',
      'You are an [[іdіоt]] (Cyrillic letters).',
      'Total [[idi\u200Bot]].',
      'What an [[ｉｄｉｏｔ]].',
      'He is a [[muuuppet]].',
    ],
    pass: [
      'Thank you to everyone who came to the ward surgery 😊',
      'The Cabinet Member’s plan is wrong and I will vote against it.',
      '🎉🎉🎉',
    ],
  },
};
