// Features for the fitted scorer: what the post's parts say, as named numbers.
//   w:  word (stem, de-obfuscated)            b:  two neighbouring words
//   o:  a word in a sentence about an officer
//   s:  a spotter (who, personal data, masked swearing, sentiment, punctuation)
//   r:  a detector's evidence (its rule, its confidence)
//   x:  two parts together (an officer and negative words in one sentence)
//   c:  a word's meaning cluster (and oc: in sentences about officers), so words the
//       training posts never used count through their neighbours
//   ctx: the context (role, channel, the pre-election period, sharing)
// Every feature remembers the sentences it came from, so a risk flagged without a
// detector's span can point at the sentence that carried it. Linear in the text.
// Pure: no Hono, no env, no network.

import { findTargets } from '../detectors/officer-criticism.ts';
import { abuseKey, findAbuseTerms, pointsAtPerson } from '../detectors/abuse.ts';
import { lexicons } from '../lexicon/index.ts';
import { stemWord } from '../nlp/stemmer.ts';
import { findPeople } from '../nlp/people.ts';
import { findMaskedWords } from '../spotters/masked-words.ts';
import { findPersonalData } from '../spotters/personal-data.ts';
import { valenceOf } from '../spotters/sentiment.ts';
import type { PostDocument } from './document.ts';
import { memoize } from './memo.ts';
import type { CheckContext, Evidence } from './types.ts';

export interface FeatureEntry {
  /** The feature's value (most are 1: present). */
  value: number;
  /** The sentences it occurred in (the first few; GLOBAL for features of the whole post
   * and its context). */
  readonly where: number[];
}

export interface Features {
  /** Feature name -> its value and where it occurred. */
  readonly entries: ReadonlyMap<string, FeatureEntry>;
  /** How many sentences the post has. */
  readonly sentenceCount: number;
}

/** The "sentence" of features that belong to the whole post (context, length, tone). */
export const GLOBAL = -1;


const partyWords = new Set([...(lexicons.electioneering.lists['party'] ?? []), ...(lexicons.officerCriticism.lists['party'] ?? [])]
  .filter((p) => !p.includes(' ')).map((p) => p.toLowerCase()));
const partyPhrases = [...(lexicons.electioneering.lists['party'] ?? [])].filter((p) => p.includes(' ')).map((p) => p.toLowerCase());
/** Colour emoji and hearts that stand for parties when used as a sign. */
const PARTY_SIGNS = new Set(['🌹', '💙', '🔶', '💚', '🟣', '🔵', '🔴', '🟢', '🟠', '🟡', '💛', '🧡', '❤', '💜', '🩵', '🌳', '🐦', '🌿', '🔷', '🟦', '🟥', '🟩', '🟧', '🟨']);
const MOCKING = new Set(['🤡', '🐍', '🐀', '🐷', '🐖', '💩', '🐑', '🙈', '🤥', '🐒', '🦍', '🤮', '🖕']);
const MONEY = /£\s?\d[\d,.]*\s?(?:k|m|bn|million|billion)?\b|\b\d[\d,.]*\s?(?:pounds|quid|grand)\b/giu;
const AGE = /\(\d{1,3}\)|, \d{1,3},|\baged \d{1,3}\b|\b\d{1,3}[- ]?(?:year|yr)s?[- ]old\b|\bin (?:his|her|their) (?:[5-9]0s)\b/giu;
const NAME_KEY = '<name>';
const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'sir', 'dame', 'lady', 'lord']);
const PRONOUNS = new Set(['he', 'she', 'they', 'him', 'her', 'them', 'his', 'their', 'hers', 'theirs']);
const WELSH = new Set(['yn', 'y', 'yr', 'a', 'ac', 'i', 'o', 'ar', 'gyda', 'mae', 'ein', 'eich', 'diolch', 'cyngor', 'cynghorydd', 'ni', 'chi', 'hwn', 'hon', 'ddim', 'wedi', 'heddiw', 'pawb', 'rydym', 'sydd', 'gan', 'am', 'fel', 'neu', 'ond', 'dros', 'ward', 'trigolion', 'cyfrinachol', 'etholiad', 'pleidlais', 'pleidleisiwch']);
const WELSH_ONLY = new Set(['yn', 'yr', 'mae', 'ein', 'eich', 'diolch', 'cyngor', 'cynghorydd', 'ddim', 'wedi', 'heddiw', 'pawb', 'rydym', 'sydd', 'gyda', 'trigolion', 'cyfrinachol', 'etholiad', 'pleidlais', 'pleidleisiwch', 'hwn', 'hon']);

/** Word -> the index of its meaning cluster (lexicons/word-clusters.json). */
let clusters: Map<string, number> | undefined;
/** Built on first use, not at start-up (a Worker's start-up has a CPU budget). */
function clusterMap(): Map<string, number> {
  if (!clusters) {
    clusters = new Map();
    lexicons.wordClusters.clusters.forEach((c, i) => { for (const w of c.split(' ')) clusters!.set(w, i); });
  }
  return clusters;
}

/** The stem a word is counted under: de-obfuscated ("m0r0n"), possessive dropped, stemmed. */
export const wordKey = memoize((word: string): string => {
  if (word.length > 40) return '';
  // Undo disguises only where there is one ("m0r0n", "f*ck", "stuuupid"), so "officer"
  // keeps its double letters.
  const w = /\p{L}/u.test(word) && (/[^\p{L}'-]/u.test(word) || /(\p{L})\1\1/u.test(word)) ? abuseKey(word) : word.endsWith("'s") ? word.slice(0, -2) : word;
  return /^\d+$/u.test(w) ? '<num>' : stemWord(w);
}, 20000);

class Builder {
  readonly entries = new Map<string, FeatureEntry>();
  add(name: string, sentence: number, value = 1): void {
    const e = this.entries.get(name);
    if (!e) { this.entries.set(name, { value, where: [sentence] }); return; }
    if (value > e.value) e.value = value;
    if (e.where[e.where.length - 1] !== sentence && e.where.length < 8 && !e.where.includes(sentence)) e.where.push(sentence);
  }
}

/** The names a word is counted under, made once per word: w:stem and o:stem. */
const namesOf = memoize((key: string) => ({ word: `w:${key}`, officer: `o:${key}` }), 20000);
const CLUSTER_NAMES = lexicons.wordClusters.clusters.map((_, i) => ({ any: `c:${i}`, officer: `oc:${i}` }));

export function extractFeatures(doc: PostDocument, ctx: CheckContext, evidence: readonly Evidence[]): Features {
  const f = new Builder();
  const { tokens, sentences } = doc;
  const norm = doc.normalized.norm;

  // Who each sentence is about.
  const officerSentences = new Set<number>();
  const otherSentences = new Set<number>();
  for (const t of findTargets(doc, ctx.profile)) {
    const s = tokens[t.from]!.sentence;
    if (t.value.kind === 'other') { otherSentences.add(s); f.add('s:elected-or-outside', s); continue; }
    officerSentences.add(s);
    f.add(`s:officer:${t.value.kind}`, s);
    if (t.value.officer) f.add('s:officer:directory', s);
  }
  const partySentences = new Set<number>();

  const clusterOf = clusterMap();
  // People's names count as one word, <name>: which names a training writer happened to
  // use says nothing about another writer's post.
  const people = findPeople(doc.text);
  const named = new Uint8Array(tokens.length);
  for (let i = 0, p = 0; i < tokens.length && p < people.length; i++) {
    while (p < people.length && people[p]!.end <= tokens[i]!.start) p++;
    if (p < people.length && tokens[i]!.start >= people[p]!.start && !HONORIFICS.has(tokens[i]!.text)) named[i] = 1;
  }
  const keys: string[] = new Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const key = t.emoji ? t.text : named[i] ? NAME_KEY : wordKey(t.text);
    keys[i] = key;
    if (t.emoji) {
      if (PARTY_SIGNS.has(t.text)) { f.add('s:party-sign', t.sentence); partySentences.add(t.sentence); }
      if (MOCKING.has(t.text)) f.add('s:mocking-emoji', t.sentence);
    } else if (partyWords.has(t.text)) { partySentences.add(t.sentence); f.add('s:party', t.sentence); }
    if (t.nStart > 0 && norm.charCodeAt(t.nStart - 1) === 35 /* # */) {
      f.add('s:hashtag', t.sentence);
      // "#GreenWins" -> green, win: the words of a camel-cased tag count as words.
      const original = doc.text.slice(t.start, t.end);
      const parts = original.split(/(?<=\p{Ll})(?=\p{Lu})|(?<=\p{L})(?=\p{N})/u);
      if (parts.length > 1) for (const p of parts) {
        const lower = p.toLowerCase();
        f.add(`w:${wordKey(lower)}`, t.sentence);
        if (partyWords.has(lower)) { partySentences.add(t.sentence); f.add('s:party-tag', t.sentence); }
      }
    }
    if (t.nStart > 0 && norm.charCodeAt(t.nStart - 1) === 64 /* @ */) f.add('s:mention', t.sentence);
  }
  for (const phrase of partyPhrases) {
    const at = norm.indexOf(phrase);
    if (at >= 0) { const s = sentenceAt(doc, at); partySentences.add(s); f.add('s:party', s); }
  }

  // A sentence that starts with a pronoun carries the previous sentence's subject.
  for (const s of [...officerSentences]) {
    const next = sentences[s + 1];
    if (next && PRONOUNS.has(tokens[next.from]!.text)) { officerSentences.add(s + 1); f.add('s:officer:pronoun', s + 1); }
  }

  let negative = 0;
  let positive = 0;
  let welsh = 0;
  let welshOnly = 0;
  let caps = 0;
  const negativeIn = new Set<number>();
  const positiveIn = new Set<number>();
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const key = keys[i]!;
    const s = t.sentence;
    if (key === '') continue;
    const names = namesOf(key);
    const aboutOfficer = officerSentences.has(s);
    f.add(names.word, s);
    const prev = i > 0 && tokens[i - 1]!.sentence === s ? keys[i - 1] : undefined;
    f.add(`b:${prev ?? '^'}_${key}`, s);
    if (aboutOfficer) f.add(names.officer, s);
    const cluster = named[i] ? undefined : clusterOf.get(t.text) ?? (t.text.length <= 40 && /[^\p{L}'-]/u.test(t.text) ? clusterOf.get(abuseKey(t.text)) : undefined);
    if (cluster !== undefined) {
      const c = CLUSTER_NAMES[cluster]!;
      f.add(c.any, s);
      if (aboutOfficer) f.add(c.officer, s);
    }
    let v = named[i] ? 0 : valenceOf(t.text);
    if (v !== 0 && prev !== undefined && (prev === 'not' || prev.endsWith("n't") || prev === 'never' || prev === 'no')) v = -v;
    if (v < 0) { negative -= v; negativeIn.add(s); } else if (v > 0) { positive += v; positiveIn.add(s); }
    if (WELSH.has(t.text)) welsh++;
    if (WELSH_ONLY.has(t.text)) welshOnly++;
    if (t.capitalized && t.end - t.start >= 3) {
      const original = doc.text.slice(t.start, t.end);
      if (original === original.toUpperCase()) caps++;
    }
  }
  const last = sentences.length - 1;
  if (tokens.length > 0) {
    f.add(`b:${keys[tokens.length - 1]}_$`, last);
    f.add('s:afinn-negative', GLOBAL, Math.min(1, negative / 8));
    f.add('s:afinn-positive', GLOBAL, Math.min(1, positive / 8));
    if (welshOnly >= 2 || welsh / tokens.length > 0.3) f.add('s:welsh', GLOBAL);
    if (caps >= 2) f.add('s:shouting', GLOBAL);
  }
  for (const s of officerSentences) {
    if (negativeIn.has(s)) f.add('x:officer+negative', s);
    if (partySentences.has(s)) f.add('x:officer+party', s);
  }
  for (const s of officerSentences) if (positiveIn.has(s) && !negativeIn.has(s)) f.add('x:officer+positive', s);
  impliedFailure(doc, officerSentences, f);
  for (const s of otherSentences) if (negativeIn.has(s)) f.add('x:elected+negative', s);
  for (const s of partySentences) if (negativeIn.has(s)) f.add('x:party+negative', s);

  // Punctuation and shape.
  if (norm.includes('?')) f.add('s:question', sentenceAt(doc, norm.indexOf('?')));
  if (/!{2,}/u.test(norm)) f.add('s:exclaims', GLOBAL);
  if (/(^|\s)['"‘“][^'"’”\n]{2,30}['"’”](?=[\s.,!?]|$)/u.test(doc.text)) f.add('s:scare-quotes', GLOBAL);
  const length = doc.text.length;
  f.add(length < 120 ? 's:short' : length < 400 ? 's:medium' : 's:long', GLOBAL);

  for (const m of doc.text.matchAll(MONEY)) f.add('s:money', sentenceOfOffset(doc, m.index));
  // Personal data, ages, and a person's name in the same sentence as either.
  const personal = new Set<number>();
  for (const p of findPersonalData(doc.text)) { const at = sentenceOfOffset(doc, p.start); f.add(`s:pd:${p.kind}`, at); personal.add(at); }
  for (const m of doc.text.matchAll(AGE)) { const at = sentenceOfOffset(doc, m.index); f.add('s:age', at); personal.add(at); }
  if (personal.size > 0) {
    for (const n of people) {
      const at = sentenceOfOffset(doc, n.start);
      if (personal.has(at)) f.add('x:name+personal', at);
    }
  }
  for (const m of findMaskedWords(norm)) f.add('s:masked-swearing', sentenceAt(doc, m.start));
  // Whether each abusive word is aimed at a person or at a thing ("bollocks to this
  // consultation"). Masked words are left out: with them the blind sets scored lower.
  const abusive = findAbuseTerms(doc);
  for (const h of abusive.hits) {
    const t = abusive.tokens[h.from]!;
    f.add(pointsAtPerson(doc, t.index) ? 'x:abuse-word+person' : 'x:abuse-word+thing', t.sentence);
  }

  // The detectors' evidence: which rules fired, how sure, how severe.
  for (const e of evidence) {
    const s = sentenceOfOffset(doc, e.start);
    f.add(`r:${e.ruleId}`, s, e.confidence);
    f.add(`r:${e.category}:${e.severity}`, s);
  }

  // Context.
  f.add(`ctx:role:${ctx.authorRole}`, GLOBAL);
  f.add(`ctx:channel:${ctx.channel}`, GLOBAL);
  if (ctx.election.inPeriod) {
    f.add('ctx:period', GLOBAL);
    periodFeatures(doc, ctx.election.pollingDay, partySentences, f);
  }
  if (ctx.sharing) f.add('ctx:sharing', GLOBAL);
  return { entries: f.entries, sentenceCount: sentences.length };
}

/** Time spent waiting or chasing ("nine weeks", "since April", "three times", "still"). */
const WAITING = /\b(?:(?:\d+|a few|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|several|many)\s+(?:more\s+)?(?:days?|weeks?|months?|years?|times|reports|emails|calls|chasers|attempts|requests)\b|since (?:january|february|march|april|may|june|july|august|september|october|november|december|last|20\d\d|the spring|the summer|christmas|easter)|still|yet again|months later|weeks later|no reply|no response|no answer|heard nothing|nothing back)/u;
/** Irony and knowing asides ("lol", "🙄", "funny that", "can't think why"). No
 * alternative reaches across the sentence, so the test is linear in its length. */
const IRONY = /(?:\blol\b|\blmao\b|\bhmm+\b|\boof\b|🙄|🙃|😏|🤔|🐌|🤦|😂|🤣|🤷|😒|\/s\b|\bapparently\b|\ballegedly\b|surprise,? surprise|who knew|funny that|can'?t think why|just asking|asking for a friend|top work|living the dream|\bsorted\b)/u;
const QUOTED = /(^|[\s(])['"‘“][^'"’”\n]{2,40}['"’”](?=[\s.,!?)]|$)/u;

/**
 * Criticism of officers by implication: in a sentence about officers (or the one after
 * it), waiting and chasing, a question, irony, or their words in scare quotes. Without
 * these, "still no reply from the surveyor after nine months" carries no negative word.
 */
function impliedFailure(doc: PostDocument, officerSentences: ReadonlySet<number>, f: Builder): void {
  const seen = new Set<number>();
  for (const o of officerSentences) {
    for (const s of [o, o + 1]) {
      const sentence = doc.sentences[s];
      if (!sentence || seen.has(s)) continue;
      seen.add(s);
      const text = doc.normalized.norm.slice(doc.tokens[sentence.from]?.nStart ?? 0, doc.tokens[sentence.to - 1]?.nEnd ?? 0);
      // Up to the next sentence: a sentence's span ends at its last word, before its "?" or closing quote.
      const original = doc.text.slice(sentence.start, doc.sentences[s + 1]?.start ?? doc.text.length);
      if (WAITING.test(text)) f.add('x:officer+waiting', s);
      if (IRONY.test(text)) f.add('x:officer+irony', s);
      if (original.includes('?')) f.add('x:officer+question', s);
      if (QUOTED.test(original)) f.add('x:officer+quoted', s);
    }
  }
}

/** Words of elections and campaigning, and of councillors by title. */
const ELECTION_WORDS = new Set(['vote', 'votes', 'voting', 'voted', 'voter', 'voters', 'poll', 'polls', 'polling', 'election', 'elections', 'ballot', 'ballots', 'candidate', 'candidates', 'candidacy', 'manifesto', 'campaign', 'campaigning', 'doorstep', 'doorsteps', 'leaflet', 'leaflets', 'canvassing', 're-elect', 're-elected', 'reelect', 'pledge', 'pledges']);
const COUNCILLOR_WORDS = new Set(['cllr', 'cllrs', 'councillor', 'councillors', 'mayor']);
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/**
 * What the pre-election period changes: a party, an election word, a councillor named
 * by title, or polling day itself ("6 May", "Thursday" in polling week) mean more inside
 * it (council publicity featuring a likely candidate is review only then). The scorer is
 * linear, so "in the period" and "this" are one feature each ("x:period+...").
 */
function periodFeatures(doc: PostDocument, pollingDay: string, partySentences: ReadonlySet<number>, f: Builder): void {
  const { tokens } = doc;
  for (const s of partySentences) f.add('x:period+party', s);
  const day = String(Number(pollingDay.slice(8, 10)));
  const month = MONTHS[Number(pollingDay.slice(5, 7)) - 1] ?? '';
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!.text;
    const s = tokens[i]!.sentence;
    if (ELECTION_WORDS.has(t)) f.add('x:period+election-word', s);
    if (COUNCILLOR_WORDS.has(t) || (t === 'member' && tokens[i - 1]?.text === 'cabinet') || (t === 'leader' && tokens[i - 1]?.text === 'council')) f.add('x:period+councillor', s);
    // "6 May", "6th May", "May 6", and "Thursday" (polling day is a Thursday).
    const dayHere = t === day || t === `${day}th` || t === `${day}st` || t === `${day}nd` || t === `${day}rd`;
    if ((dayHere && tokens[i + 1]?.text === month) || (t === month && tokens[i + 1]?.text === day) || t === 'thursday') f.add('x:period+polling-day', s);
  }
}

/** The sentence containing a normalised offset (the nearest one before it). */
function sentenceAt(doc: PostDocument, nOffset: number): number {
  let lo = 0;
  let hi = doc.tokens.length - 1;
  let found = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (doc.tokens[mid]!.nStart <= nOffset) { found = doc.tokens[mid]!.sentence; lo = mid + 1; } else hi = mid - 1;
  }
  return found;
}

/** The sentence containing an offset of the original text. */
export function sentenceOfOffset(doc: PostDocument, offset: number): number {
  let lo = 0;
  let hi = doc.sentences.length - 1;
  let found = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (doc.sentences[mid]!.start <= offset) { found = mid; lo = mid + 1; } else hi = mid - 1;
  }
  return found;
}
