// People from a council profile, found in a draft: officers in the directory (even
// misspelt or shortened: "Sara Jone", "Mr Okafor"), and councillors, so that a
// councillor who shares an officer's surname is not taken for the officer. Also finds
// the Cabinet Member whose portfolio covers a service. Pure; compiled once per profile.

import type { PostDocument, Token } from '../pipeline/document.ts';
import { nameWordSimilarity } from '../nlp/fuzzy-names.ts';
import { nameTags } from '../detectors/shared.ts';
import type { CabinetMember, Officer, Profile } from './schema.ts';

export interface PersonMention {
  /** Token range (half-open) and original span. */
  readonly from: number;
  readonly to: number;
  readonly start: number;
  readonly end: number;
  readonly kind: 'officer' | 'councillor';
  readonly officer?: Officer;
  readonly score: number;
}

interface Person { readonly first: string; readonly last: string; readonly kind: 'officer' | 'councillor'; readonly officer?: Officer }

const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr']);
const COUNCILLOR_TITLES = new Set(['cllr', 'councillor']);
const FULL_MATCH = 0.86;
const SURNAME_MATCH = 0.9;

/** People by the first letter of their first and last names: misspellings keep the first
 * letter, so only those are compared. */
interface Directory { readonly all: readonly Person[]; readonly byInitial: ReadonlyMap<string, readonly Person[]> }
const compiled = new WeakMap<Profile, Directory>();

function directoryOf(profile: Profile): Directory {
  let dir = compiled.get(profile);
  if (!dir) {
    const split = (name: string) => {
      const words = name.replace(/^(?:cllr|councillor)\.?\s+/iu, '').split(/\s+/u);
      return { first: words[0]!.toLowerCase(), last: words.at(-1)!.toLowerCase() };
    };
    const all: Person[] = [
      ...profile.people.officers.map((o) => ({ ...split(o.name), kind: 'officer' as const, officer: o })),
      ...profile.people.councillors.map((c) => ({ ...split(c.name), kind: 'councillor' as const })),
      ...profile.people.cabinet.map((c) => ({ ...split(c.name), kind: 'councillor' as const })),
    ];
    const byInitial = new Map<string, Person[]>();
    for (const p of all) {
      for (const initial of new Set([p.first[0]!, p.last[0]!])) {
        const list = byInitial.get(initial) ?? [];
        list.push(p);
        byInitial.set(initial, list);
      }
    }
    dir = { all, byInitial };
    compiled.set(profile, dir);
  }
  return dir;
}

const isNameWord = (t: Token | undefined): t is Token => !!t && t.capitalized && /^\p{L}[\p{L}'-]*$/u.test(t.text);

/** How well the words (after any honorific) name the person: 0 when they do not. */
function score(words: readonly string[], honorific: boolean, p: Person): number {
  if (words.length >= 2) {
    const first = nameWordSimilarity(words[0]!, p.first);
    const last = nameWordSimilarity(words.at(-1)!.replace(/'s$/u, ''), p.last);
    return first >= FULL_MATCH && last >= FULL_MATCH ? (first + last) / 2 : 0;
  }
  const last = nameWordSimilarity(words[0]!.replace(/'s$/u, ''), p.last);
  // A bare surname counts only when it is spelt exactly; with "Mr/Ms" it may be misspelt.
  if (honorific) return last >= SURNAME_MATCH ? last * 0.95 : 0;
  return last === 1 ? 0.9 : 0;
}

export function findDirectoryPeople(doc: PostDocument, profile: Profile): PersonMention[] {
  const dir = directoryOf(profile);
  if (dir.all.length === 0) return [];
  const out: PersonMention[] = [];
  const tokens = doc.tokens;
  for (let i = 0; i < tokens.length; i++) {
    if (!isNameWord(tokens[i]) || nameTags(tokens[i]!).length === 0 || HONORIFICS.has(tokens[i]!.text) || COUNCILLOR_TITLES.has(tokens[i]!.text)) continue;
    const people = dir.byInitial.get(tokens[i]!.text[0]!) ?? [];
    if (people.length === 0) continue;
    const before = tokens[i - 1]?.sentence === tokens[i]!.sentence ? tokens[i - 1]?.text : undefined;
    const honorific = before !== undefined && HONORIFICS.has(before);
    const titledCouncillor = before !== undefined && COUNCILLOR_TITLES.has(before);
    // Try the two-word name first ("Sarah Jones"), then the single word ("Okafor").
    const twoWords = isNameWord(tokens[i + 1]) && tokens[i + 1]!.sentence === tokens[i]!.sentence;
    let j = i;
    let best: { p: Person; s: number } | undefined;
    let bestCouncillor = 0;
    for (const end of twoWords ? [i + 1, i] : [i]) {
      const words = tokens.slice(i, end + 1).map((t) => t.text);
      for (const p of people) {
        const s = score(words, honorific, p);
        if (s === 0) continue;
        if (p.kind === 'councillor') bestCouncillor = Math.max(bestCouncillor, s);
        if (!best || s > best.s) best = { p, s };
      }
      if (best) { j = end; break; }
    }
    if (!best) continue;
    const from = honorific || titledCouncillor ? i - 1 : i;
    // "Cllr Jones", or a name that fits a councillor at least as well: not an officer.
    const kind = titledCouncillor || bestCouncillor >= best.s ? 'councillor' : best.p.kind;
    out.push({
      from, to: j + 1, start: tokens[from]!.start, end: tokens[j]!.end, kind, score: best.s,
      ...(kind === 'officer' && best.p.officer ? { officer: best.p.officer } : {}),
    });
    i = j;
  }
  return out;
}

/** The Cabinet Member whose portfolio covers a service, if the profile names one. */
export function cabinetMemberFor(profile: Profile, service: string | undefined): CabinetMember | undefined {
  if (!service) return undefined;
  const s = service.toLowerCase();
  return profile.people.cabinet.find((c) => c.services.some((x) => x.toLowerCase() === s))
    ?? profile.people.cabinet.find((c) => c.services.some((x) => s.includes(x.toLowerCase()) || x.toLowerCase().includes(s)));
}
