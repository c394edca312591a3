// Officer criticism (Southend-on-Sea 6.1.9, 7.1.3, 10.1.5): criticism, blame, ridicule,
// sarcasm or insinuation whose nearest target in the sentence is a council officer,
// named or identifiable by post or team. Criticism of councillors, the Cabinet, parties
// or companies is fine, and so is constructive criticism of a department's report.
// Pure: lexicon data + the document; no Hono, no network.

import { lexicons } from '../lexicon/index.ts';
import type { PostDocument } from '../pipeline/document.ts';
import { basicKey, longestMatches, PhraseMatcher, type Match, type PhraseEntry } from '../pipeline/matcher.ts';
import { perSentence } from '../pipeline/memo.ts';
import type { CheckContext, Evidence } from '../pipeline/types.ts';
import { stemKey } from '../nlp/keys.ts';
import type { Detector } from './types.ts';
import { findAbuseTerms } from './abuse.ts';
import { cabinetMemberFor, findDirectoryPeople, type PersonMention } from '../profiles/directory.ts';
import type { Officer } from '../profiles/schema.ts';
import { confidenceOf, nameTags, nearest, negatedBefore, severityOf, titleCase } from './shared.ts';

const lex = lexicons.officerCriticism;

export type TargetKind = 'individual' | 'group' | 'department' | 'work' | 'other';
type CriticismKind = (typeof lex.criticism)[number]['kind'];
export interface Target { readonly id: string; readonly kind: TargetKind; readonly weight: number; readonly officer?: Officer }
interface Criticism { readonly id: string; readonly kind: CriticismKind; readonly weight: number; readonly negatable: boolean; readonly aims: 'before' | 'after' }

// withDeterminer() below puts a determiner back in front of any target, so a leading
// optional determiner slot is dropped here: otherwise every "the" in a post would start
// a walk through most target phrases.
const LEADING_DETERMINER = /^\(?(?:the|a|an|our|your|their|this|that|these|those|his|her|my)(?:\|(?:the|a|an|our|your|their|this|that|these|those|his|her|my|council))*\)?\?\s+/u;
const dropDeterminer = (phrases: readonly string[]) => phrases.map((p) => p.replace(LEADING_DETERMINER, ''));

const targetEntries: PhraseEntry<Target>[] = [
  ...lex.targets.map((e) => ({ phrases: dropDeterminer(e.phrases), value: { id: e.id, kind: e.kind, weight: e.weight } })),
  ...lex.others.map((e) => ({ phrases: dropDeterminer(e.phrases), value: { id: e.id, kind: 'other' as const, weight: 0 } })),
];
const targetMatcher = new PhraseMatcher<Target>(targetEntries, basicKey, lex.lists);

const criticismMatcher = new PhraseMatcher<Criticism>(
  lex.criticism.map((e) => ({ phrases: e.phrases, value: { id: e.id, kind: e.kind, weight: e.weight, negatable: e.negatable, aims: e.aims } })),
  stemKey,
  lex.lists,
);

const cueMatcher = new PhraseMatcher<true>([{ phrases: lex.lists['sarcasm-cues'] ?? ['🙄'], value: true }]);
const serviceMatcher = new PhraseMatcher<string>(
  (lex.lists['service'] ?? []).map((s) => ({ phrases: [s], value: s })),
);
const negators = new Set(lex.negators);
const scareQuoted = new Set(lex.scareQuoted);
const SCARE_QUOTE = /(^|[\s(\[])(['"])([^'"\n]{2,40}?)\2(?=$|[\s.,!?;:)\]])/gu;
const RIDICULE: Criticism = { id: 'scare-quotes', kind: 'ridicule', weight: 0.85, negatable: false, aims: 'before' };
const INSULT: Criticism = { id: 'insult', kind: 'ridicule', weight: 0.9, negatable: true, aims: 'before' };
const LINKS = new Set(['in', 'from', 'at', 'of', 'within']);
const DETERMINERS = new Set(['the', 'a', 'an', 'our', 'your', 'their', 'this', 'that', 'these', 'those', 'his', 'her', 'my']);

/** Every target may start with a determiner, so "the planning officer" is one target
 * that outranks "the planning" (a team) followed by "officer". */
function withDeterminer(doc: PostDocument, m: Match<Target>): Match<Target> {
  const before = doc.tokens[m.from - 1];
  if (!before || before.sentence !== doc.tokens[m.from]!.sentence || !DETERMINERS.has(before.text)) return m;
  if (DETERMINERS.has(doc.tokens[m.from]!.text)) return m;
  return { ...m, from: m.from - 1, start: before.start };
}

/** Insults found by the abuse detector count as ridicule when aimed at an officer. */
function insults(doc: PostDocument): Match<Criticism>[] {
  const { tokens, hits } = findAbuseTerms(doc);
  return hits.map((h) => ({ value: INSULT, from: tokens[h.from]!.index, to: tokens[h.to - 1]!.index + 1, start: h.start, end: h.end }));
}

/**
 * Tidy the targets: "the case officer in Planning" is one officer target, not an
 * officer and a team; "the council's planners" is about the planners, not the council.
 */
function resolveTargets(doc: PostDocument, raw: readonly Match<Target>[]): Match<Target>[] {
  const out: Match<Target>[] = [];
  for (let i = 0; i < raw.length; i++) {
    const t = raw[i]!;
    const next = raw[i + 1];
    if (t.value.kind === 'other' && next && next.from - t.to <= 2 && next.value.kind !== 'other' && doc.tokens[t.to - 1]!.text.endsWith("'s")) continue;
    if ((t.value.kind === 'individual' || t.value.kind === 'group') && next?.value.kind === 'department' &&
        (next.from === t.to || (next.from === t.to + 1 && LINKS.has(doc.tokens[t.to]!.text)))) {
      out.push({ ...t, to: next.to, end: next.end });
      i++;
      continue;
    }
    out.push(t);
  }
  return out;
}

/** The targets of a sentence that can be nearest to a criticism: all of them in a real
 * sentence; in one of hundreds of targets (a hostile run-on, "the Head of Planning is
 * useless and the Head of Planning is useless and ...") only the few either side of it,
 * so that each criticism costs the same however long the sentence. */
const NEAR = 4;
function near(c: Match<Criticism>, targets: readonly Match<Target>[]): readonly Match<Target>[] {
  if (targets.length <= 2 * NEAR) return targets;
  let lo = 0;
  let hi = targets.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (targets[mid]!.from < c.from) lo = mid + 1; else hi = mid; }
  return targets.slice(Math.max(0, lo - NEAR), lo + NEAR);
}

/** The target a criticism is aimed at: the nearest one before it in the sentence (the
 * subject: "the officer made a mess of the consultation"), else the nearest after it. */
function aimOf(c: Match<Criticism>, candidates: readonly Match<Target>[]): Match<Target> | undefined {
  const overlapping = (t: Match<Target>) => t.from < c.to && c.from < t.to;
  const preferred = candidates.filter((t) => overlapping(t) || (c.value.aims === 'after' ? t.from >= c.to : t.to <= c.from));
  return nearest(c, preferred.length > 0 ? preferred : candidates);
}

/** Scare quotes around words of competence ("our 'expert' planners") count as ridicule. */
function scareQuotes(doc: PostDocument): Match<Criticism>[] {
  const out: Match<Criticism>[] = [];
  for (const m of doc.normalized.norm.matchAll(SCARE_QUOTE)) {
    const inner = m[3]!.trim();
    const last = inner.split(/\s+/u).at(-1)!;
    if (!scareQuoted.has(inner) && !scareQuoted.has(last)) continue;
    const qStart = m.index + m[1]!.length;
    const qEnd = qStart + inner.length + 2;
    const inside = doc.tokens.filter((t) => t.nStart >= qStart && t.nEnd <= qEnd);
    if (inside.length === 0) continue;
    const span = doc.normSpan(qStart, qEnd);
    out.push({ value: RIDICULE, from: inside[0]!.index, to: inside.at(-1)!.index + 1, start: span.start, end: span.end });
  }
  return out;
}

function hasSarcasmCue(doc: PostDocument, c: Match<Criticism>, crits: readonly Match<Criticism>[], cues: readonly Match<true>[]): boolean {
  // In a short post the cue may sit in a neighbouring sentence ("Well done ... 👏 Geniuses.").
  const s = doc.tokens[c.from]!.sentence;
  const short = doc.sentences.length <= 3;
  const inSentence = (m: { from: number }) => short || doc.tokens[m.from]!.sentence === s;
  const words = (m: { start: number; end: number }) => doc.normalized.norm.slice(m.start, m.end);
  return cues.some((m) => inSentence(m) && (m.to <= c.from || m.from >= c.to)) ||
    // Other criticism, or a second, different piece of praise ("Well done ... Geniuses").
    crits.some((m) => m !== c && inSentence(m) && (m.value.kind !== 'sarcasm' || words(m) !== words(c)));
}

const SAYS: Record<CriticismKind, (who: string) => string> = {
  personal: (who) => `criticises ${who} personally`,
  blame: (who) => `blames ${who}`,
  ridicule: (who) => `ridicules ${who}`,
  sarcasm: (who) => `mocks ${who}`,
  insinuation: (who) => `insinuates wrongdoing by ${who}`,
  substantive: (who) => `criticises ${who}`,
};

function describeTarget(t: Target, words: string): string {
  switch (t.kind) {
    case 'individual':
      if (t.officer) return `a named officer ("${words}", ${t.officer.title})`;
      return t.id === 'named-officer' ? `a named officer ("${words}")` : `an officer identifiable by post ("${words}")`;
    case 'group': return `council officers ("${words}")`;
    case 'department': return `a council team ("${words}")`;
    default: return `officers' work ("${words}")`;
  }
}

function ruleFor(t: Target): string {
  if (t.kind === 'individual') return t.id === 'named-officer' || t.officer ? 'officer-criticism.named-officer' : 'officer-criticism.identified-officer';
  if (t.kind === 'group') return 'officer-criticism.officers';
  return 'officer-criticism.team-ridicule';
}

/** The first council service named in a sentence (asked once per sentence, however
 * many officers the sentence names). */
const serviceOfSentence = perSentence((doc: PostDocument, index: number): string | undefined => {
  const sentence = doc.sentences[index]!;
  return longestMatches(serviceMatcher.matchAll(doc, doc.tokens.slice(sentence.from, sentence.to)))[0]?.value;
});

const targetMemo = new WeakMap<PostDocument, Match<Target>[]>();

/** Who the post talks about: officers (directory, post, team, their work) and the
 * elected or outside people they are told apart from (kind "other"). Memoised per
 * document: the detector and the scorer's features both ask. */
export function findTargets(doc: PostDocument, profile: CheckContext['profile']): Match<Target>[] {
  let found = targetMemo.get(doc);
  if (!found) {
    const people = findDirectoryPeople(doc, profile).map(personTarget);
    found = resolveTargets(doc, preferPeople(people, longestMatches(targetMatcher.matchAll(doc, doc.tokens, nameTags).map((m) => withDeterminer(doc, m)))))
      // "not the officers" / "never the staff": the criticism is pointed elsewhere.
      .filter((t) => !negatedBefore(doc, t.from, NOT_TARGET, 2));
    targetMemo.set(doc, found);
  }
  return found;
}

function detect(doc: PostDocument, ctx: CheckContext): Evidence[] {
  if (doc.tokens.length === 0) return [];
  const crits = [...longestMatches(criticismMatcher.matchAll(doc)), ...scareQuotes(doc), ...insults(doc)];
  if (crits.length === 0) return [];
  const targets = findTargets(doc, ctx.profile);
  if (targets.length === 0) return [];
  const cues = cueMatcher.matchAll(doc);

  const best = new Map<Match<Target>, { crit: Match<Criticism>; strength: number; all: Match<Criticism>[] }>();
  const bySentence = new Map<number, Match<Target>[]>();
  for (const t of targets) {
    const s = doc.tokens[t.from]!.sentence;
    const list = bySentence.get(s);
    if (list) list.push(t); else bySentence.set(s, [t]);
  }
  for (const c of crits) {
    if (c.value.negatable && negatedBefore(doc, c.from, negators)) continue;
    if (c.value.kind === 'sarcasm' && !hasSarcasmCue(doc, c, crits, cues)) continue;
    const sentence = doc.tokens[c.from]!.sentence;
    const here = near(c, bySentence.get(sentence) ?? []);
    // A criticism standing alone ("... overflowing bins. Clueless.") is aimed at the
    // strongest target of the nearest sentence before it (up to two back).
    const t = here.length > 0 ? aimOf(c, here) : strongest(earlierTargets(bySentence, sentence));
    if (!t || t.value.kind === 'other') continue;
    const strength = t.value.weight * c.value.weight;
    const prev = best.get(t);
    if (!prev) best.set(t, { crit: c, strength, all: [c] });
    else best.set(t, prev.strength >= strength ? { ...prev, all: [...prev.all, c] } : { crit: c, strength, all: [...prev.all, c] });
  }

  const out: Evidence[] = [];
  for (const [t, { crit, strength, all }] of best) {
    const boosted = strength + 0.05 * (all.length - 1);
    const severity = severityOf(boosted);
    if (severity === 'info') continue; // constructive criticism of a team or report: allowed (7.1.3)
    // The span runs from the target over the criticism aimed at it in the same sentence.
    let start = t.start;
    let end = t.end;
    for (const c of all) {
      if (doc.tokens[c.from]!.sentence !== doc.tokens[t.from]!.sentence) continue;
      const s = Math.min(start, c.start);
      const e = Math.max(end, c.end);
      if (e - s <= 240) { start = s; end = e; }
    }
    const service = t.value.officer?.service ?? serviceOfSentence(doc, doc.tokens[t.from]!.sentence);
    const who = describeTarget(t.value, doc.text.slice(t.start, t.end));
    const member = cabinetMemberFor(ctx.profile, service);
    const cabinet = member ? `${member.name}, Cabinet Member for ${member.portfolio}`
      : service ? `the Cabinet Member for ${titleCase(service)}` : 'the Cabinet Member responsible for the service';
    // Not the same attack with another name in it: the whole statement, redirected to
    // the Cabinet Member, and no insult carried onto anyone.
    const redirected = member ? `${member.name} (Cabinet Member for ${member.portfolio})` : cabinet;
    const statement = `I'll be asking ${redirected} to explain this and put it right`;
    out.push({
      ruleId: ruleFor(t.value),
      category: 'officer-criticism',
      severity,
      confidence: confidenceOf(boosted + 0.1),
      start,
      end,
      message: `This ${SAYS[crit.value.kind](who)}${ctx.sharing ? ', in content you are sharing' : ''}. Officers cannot answer back in public: direct public criticism at the Cabinet Member responsible, not at the officers who carried out the decision.`,
      suggestion: ctx.sharing
        ? `Add your own comment that points the criticism at ${cabinet}, or don't share it: e.g. "${statement}."`
        : `Aim it at ${cabinet} instead: "${statement}."`,
      // Someone else's content is shared, not rewritten.
      ...(ctx.sharing ? {} : { statement }),
    });
  }
  return out;
}

const NOT_TARGET = new Set(['not', 'never', "don't", 'dont']);

const DIRECTORY_OFFICER: Target = { id: 'directory-officer', kind: 'individual', weight: 1 };
const DIRECTORY_COUNCILLOR: Target = { id: 'directory-councillor', kind: 'other', weight: 0 };

/** People recognised from the council's directory, as targets. */
function personTarget(p: PersonMention): Match<Target> {
  const value = p.kind === 'officer' && p.officer ? { ...DIRECTORY_OFFICER, officer: p.officer } : DIRECTORY_COUNCILLOR;
  return { value, from: p.from, to: p.to, start: p.start, end: p.end };
}

/** Directory people win over lexicon targets they overlap, unless the lexicon target
 * is longer and contains them ("Sarah Jones, the case officer" stays an officer). */
function preferPeople(people: readonly Match<Target>[], lexical: readonly Match<Target>[]): Match<Target>[] {
  const kept = lexical.filter((t) => !people.some((p) => p.from < t.to && t.from < p.to && (t.to - t.from <= p.to - p.from || t.value.kind === 'other')));
  return [...people, ...kept].sort((a, b) => a.from - b.from);
}

function earlierTargets(bySentence: ReadonlyMap<number, readonly Match<Target>[]>, sentence: number): readonly Match<Target>[] {
  for (let s = sentence - 1; s >= Math.max(0, sentence - 2); s--) {
    const found = bySentence.get(s);
    if (found && found.length > 0) return found;
  }
  return [];
}

function strongest(candidates: readonly Match<Target>[]): Match<Target> | undefined {
  return candidates.reduce<Match<Target> | undefined>((a, b) => (!a || b.value.weight > a.value.weight ? b : a), undefined);
}

export const officerCriticism: Detector = {
  id: 'officer-criticism',
  category: 'officer-criticism',
  detect,
  examples: {
    flag: [
      '[[Sarah in Planning]] has made a complete mess of this application.',
      "Well done to our [[planners]] for approving yet another eyesore 🙄",
      "Our [[planners]] 'experts' strike again.",
      { text: 'Sharing this: [[the Head of Highways]] is clueless.', context: { sharing: true } },
    ],
    pass: [
      'The Cabinet Member for Planning has made a complete mess of this application.',
      'Thank you to the Highways team for fixing the potholes on Elm Road so quickly.',
      "The Planning department's report underestimates traffic on the A127; I'll raise it at scrutiny.",
      'The Chief Executive opened the new library this morning.',
    ],
  },
};
