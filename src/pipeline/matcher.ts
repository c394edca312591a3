// The lexicon phrase matcher: the cheap pass that runs on every post (microseconds).
//
// Phrase syntax (space-separated slots):
//   word        exact word (compared after the matcher's key function, e.g. stemming)
//   a|b|c       any of the alternatives (one word each)
//   (a b|c)     any of the alternatives, which may be several words
//   word*       any word starting with "word" (compared on the raw token text);
//               a bare * is any one word
//   slot?       the slot may be absent
//   {list}      any item of a named list (items may be several words)
//   <tag>       a token carrying that tag (e.g. <name>, given by the caller)
//
// Each phrase is kept as its sequence of slots (never expanded into every combination,
// which for "{service} {service} {staff-noun}" would be millions of paths) and indexed
// by the words it can start with. Matches never cross a sentence boundary. Pure.

import type { PostDocument, Token } from './document.ts';

export interface PhraseEntry<T> {
  readonly phrases: readonly string[];
  readonly value: T;
}

export interface Match<T> {
  readonly value: T;
  /** Token range, half-open. */
  readonly from: number;
  readonly to: number;
  /** Original text span, half-open. */
  readonly start: number;
  readonly end: number;
}

export type KeyFn = (word: string) => string;

/** Drop a possessive ending so "officer's" and "officers'" match "officer(s)". */
export function basicKey(word: string): string {
  return word.endsWith("'s") ? word.slice(0, -2) : word;
}

type Word = { readonly kind: 'exact' | 'prefix' | 'tag'; readonly text: string; /** An exact word's number (wordId). */ readonly id: number };

/** Every exact word of every matcher as a small number, given as matchers are built:
 * matching compares numbers and looks them up in maps keyed by number, which is cheaper
 * than doing both with strings. Only building adds to it, so no post can grow it. */
const WORD_IDS = new Map<string, number>();
function wordId(key: string): number {
  let id = WORD_IDS.get(key);
  if (id === undefined) { id = WORD_IDS.size; WORD_IDS.set(key, id); }
  return id;
}
/** A token whose key no matcher uses. */
const NO_WORD = -1;
type Alt = readonly Word[];
interface Slot {
  readonly optional: boolean;
  /** Alternatives by the key of their first word (exact words only). */
  readonly byKey: ReadonlyMap<number, readonly Alt[]>;
  /** Alternatives that start with a prefix or a tag. */
  readonly others: readonly Alt[];
  /** The same, for walking: prefix alternatives by their first letters, and the rest
   * (tags, bare "*"), so a token tries only those that can fit it. */
  readonly prefixByInitial: ReadonlyMap<number, readonly Alt[]>;
  readonly unindexed: readonly Alt[];
}
interface Phrase<T> { readonly slots: readonly Slot[]; readonly value: T }
interface Start<T> { readonly phrase: Phrase<T>; readonly slot: number }

export class PhraseMatcher<T> {
  private readonly keyOf: KeyFn;
  /** Where a match may start: by the key of its first word, by the first letters of a
   * prefix word, by a tag, or (a bare *) anywhere. */
  private readonly startsByKey = new Map<number, Start<T>[]>();
  private readonly startsByInitial = new Map<number, Start<T>[]>();
  private readonly startsByTag = new Map<string, Start<T>[]>();
  private readonly startsAnywhere: Start<T>[] = [];

  /** The phrases to parse and index, until the first match asks for them (ready()). */
  private pending: { readonly entries: ReadonlyArray<PhraseEntry<T>>; readonly lists: Readonly<Record<string, readonly string[]>> } | undefined;

  constructor(
    entries: ReadonlyArray<PhraseEntry<T>>,
    keyOf: KeyFn = basicKey,
    lists: Readonly<Record<string, readonly string[]>> = {},
  ) {
    this.keyOf = keyOf;
    this.pending = { entries, lists };
  }

  /** Parse and index the phrases now (a phrase naming an unknown list throws here).
   * The first match does it otherwise: the Worker builds its fifteen matchers on the
   * first check instead of at start-up (about 25 ms of workerd's start-up CPU). */
  ready(): this {
    const p = this.pending;
    if (!p) return this;
    this.pending = undefined;
    for (const entry of p.entries) {
      for (const text of entry.phrases) this.index({ slots: this.parsePhrase(text, p.lists), value: entry.value });
    }
    this.slotCache.clear();
    return this;
  }

  private parseWord(w: string): Word {
    if (/^<[a-z]+>$/u.test(w)) return { kind: 'tag', text: w, id: NO_WORD };
    if (w.endsWith('*')) return { kind: 'prefix', text: w.slice(0, -1), id: NO_WORD };
    const key = this.keyOf(w);
    return { kind: 'exact', text: key, id: wordId(key) };
  }

  private parsePhrase(phrase: string, lists: Readonly<Record<string, readonly string[]>>): Slot[] {
    const raws = phrase.trim().match(/\([^)]*\)\??|[^\s(]+/gu) ?? [];
    return raws.map((raw) => {
      const known = this.slotCache.get(raw);
      if (known) return known;
      const made = this.parseSlot(raw, phrase, lists);
      this.slotCache.set(raw, made);
      return made;
    });
  }

  /** Slots already parsed, by how they are written: a family of phrases repeats the same
   * "{service}" or "{party}" slot, and expanding its list (and stemming every item) once
   * instead of once a phrase takes about a quarter off building the matchers at start-up.
   * Slots are read-only, so phrases can share them. */
  private readonly slotCache = new Map<string, Slot>();

  private parseSlot(raw: string, phrase: string, lists: Readonly<Record<string, readonly string[]>>): Slot {
    let word = raw;
    let optional = false;
    if (word.endsWith('?') && word.length > 1) { optional = true; word = word.slice(0, -1); }
    const grouped = word.startsWith('(') && word.endsWith(')');
    if (grouped) word = word.slice(1, -1);
    const alts: Alt[] = [];
    for (const alt of word.split('|')) {
      const words = alt.trim().toLowerCase().split(/\s+/u);
      let expanded: string[][] = [[]];
      for (const w of words) {
        const list = /^\{([\w-]+)\}$/u.exec(w);
        const options = list ? lists[list[1]!]?.map((item) => item.toLowerCase().split(/\s+/u)) : [[w]];
        if (!options) throw new Error(`unknown list {${list![1]}} in phrase "${phrase}"`);
        expanded = expanded.flatMap((prefix) => options.map((o) => [...prefix, ...o]));
      }
      for (const e of expanded) alts.push(e.map((w) => this.parseWord(w)));
    }
    const byKey = new Map<number, Alt[]>();
    const others: Alt[] = [];
    for (const a of alts) {
      if (a[0]!.kind === 'exact') {
        const list = byKey.get(a[0]!.id) ?? [];
        list.push(a);
        byKey.set(a[0]!.id, list);
      } else others.push(a);
    }
    const prefixByInitial = new Map<number, Alt[]>();
    const unindexed: Alt[] = [];
    for (const a of others) {
      const w = a[0]!;
      if (w.kind === 'prefix' && w.text !== '') {
        const head = prefixHead(w.text);
        const list = prefixByInitial.get(head) ?? [];
        list.push(a);
        prefixByInitial.set(head, list);
      } else unindexed.push(a);
    }
    return { optional, byKey, others, prefixByInitial, unindexed };
  }

  /** Index a phrase under every slot it can start at (a leading optional slot may be skipped). */
  private index(phrase: Phrase<T>): void {
    for (let s = 0; s < phrase.slots.length; s++) {
      const slot = phrase.slots[s]!;
      const start = { phrase, slot: s };
      for (const key of slot.byKey.keys()) addTo(this.startsByKey, key, start);
      for (const alt of slot.others) {
        const w = alt[0]!;
        if (w.kind === 'tag') addTo(this.startsByTag, w.text, start);
        else if (w.text === '') { if (!this.startsAnywhere.includes(start)) this.startsAnywhere.push(start); }
        else addTo(this.startsByInitial, prefixHead(w.text), start);
      }
      if (!slot.optional) break;
    }
  }

  /**
   * Every match in the document (all lengths, all starts). `tagsOf` may give a token
   * extra keys to match, such as "<name>" for a capitalised word that may be a name.
   */
  matchAll(doc: PostDocument, tokens: readonly Token[] = doc.tokens, tagsOf?: (t: Token) => readonly string[]): Match<T>[] {
    this.ready();
    const out: Match<T>[] = [];
    const seen = new Set<string>();
    const ids = idsFor(tokens, this.keyOf);
    const tags = tagsOf ? tokens.map(tagsOf) : undefined;
    const ctx: Walk<T> = { tokens, ids, tags, out, seen, valueIds: new Map(), from: 0 };
    for (let i = 0; i < tokens.length; i++) {
      ctx.from = i;
      const id = ids[i]!;
      if (id !== NO_WORD) for (const s of this.startsByKey.get(id) ?? NONE) this.walk(ctx, s.phrase, s.slot, i);
      if (this.startsByInitial.size > 0) {
        const text = tokens[i]!.text;
        for (let n = 1; n <= Math.min(HEAD, text.length); n++) {
          for (const s of this.startsByInitial.get(headKey(text, n)) ?? NONE) this.walk(ctx, s.phrase, s.slot, i);
        }
      }
      for (const tag of tags?.[i] ?? NONE) for (const s of this.startsByTag.get(tag) ?? NONE) this.walk(ctx, s.phrase, s.slot, i);
      for (const s of this.startsAnywhere) this.walk(ctx, s.phrase, s.slot, i);
    }
    return out;
  }

  private walk(ctx: Walk<T>, phrase: Phrase<T>, slotIndex: number, at: number): void {
    if (slotIndex === phrase.slots.length) {
      if (at > ctx.from) {
        // The same value over the same tokens can be reached by several paths: report it once.
        let id = ctx.valueIds.get(phrase.value);
        if (id === undefined) { id = ctx.valueIds.size; ctx.valueIds.set(phrase.value, id); }
        const key = `${ctx.from}:${at}:${id}`;
        if (!ctx.seen.has(key)) {
          ctx.seen.add(key);
          ctx.out.push({ value: phrase.value, from: ctx.from, to: at, start: ctx.tokens[ctx.from]!.start, end: ctx.tokens[at - 1]!.end });
        }
      }
      return;
    }
    const slot = phrase.slots[slotIndex]!;
    if (slot.optional) this.walk(ctx, phrase, slotIndex + 1, at);
    if (at >= ctx.tokens.length) return;
    const id = ctx.ids[at]!;
    if (id !== NO_WORD) for (const alt of slot.byKey.get(id) ?? NONE) this.tryAlt(ctx, phrase, slotIndex, at, alt);
    if (slot.prefixByInitial.size > 0) {
      const text = ctx.tokens[at]!.text;
      for (let n = 1; n <= Math.min(HEAD, text.length); n++) {
        for (const alt of slot.prefixByInitial.get(headKey(text, n)) ?? NONE) this.tryAlt(ctx, phrase, slotIndex, at, alt);
      }
    }
    for (const alt of slot.unindexed) this.tryAlt(ctx, phrase, slotIndex, at, alt);
  }

  private tryAlt(ctx: Walk<T>, phrase: Phrase<T>, slotIndex: number, at: number, alt: Alt): void {
    const sentence = ctx.tokens[ctx.from]!.sentence;
    for (let k = 0; k < alt.length; k++) {
      const i = at + k;
      const tok = ctx.tokens[i];
      if (!tok || tok.sentence !== sentence) return;
      const w = alt[k]!;
      const ok = w.kind === 'exact' ? ctx.ids[i] === w.id
        : w.kind === 'prefix' ? tok.text.startsWith(w.text)
        : (ctx.tags?.[i]?.includes(w.text) ?? false);
      if (!ok) return;
    }
    this.walk(ctx, phrase, slotIndex + 1, at + alt.length);
  }
}

interface Walk<T> {
  readonly tokens: readonly Token[];
  readonly ids: Int32Array;
  readonly tags: ReadonlyArray<readonly string[]> | undefined;
  readonly out: Match<T>[];
  readonly seen: Set<string>;
  readonly valueIds: Map<T, number>;
  from: number;
}

const NONE: readonly never[] = [];

/** Prefix words ("incompet*") are indexed by their first HEAD letters (all of them when
 * shorter), so a token only tries the prefixes that can fit it. */
const HEAD = 3;
/** The first n (1..HEAD) UTF-16 units of a word as one number: no string is made. */
function headKey(text: string, n: number): number {
  let k = n;
  for (let i = 0; i < n; i++) k = k * 65536 + text.charCodeAt(i);
  return k;
}
const prefixHead = (prefix: string): number => headKey(prefix, Math.min(HEAD, prefix.length));

/** Each token's word number under a key function (NO_WORD where no matcher has the
 * word), computed once per document and key function (most matchers share one). */
const idCache = new WeakMap<readonly Token[], Map<KeyFn, { ids: Int32Array; words: number }>>();
function idsFor(tokens: readonly Token[], keyOf: KeyFn): Int32Array {
  let byFn = idCache.get(tokens);
  if (!byFn) { byFn = new Map(); idCache.set(tokens, byFn); }
  let known = byFn.get(keyOf);
  // (A matcher built since, with words of its own, makes them stale.)
  if (!known || known.words !== WORD_IDS.size) {
    const ids = new Int32Array(tokens.length);
    for (let i = 0; i < tokens.length; i++) ids[i] = WORD_IDS.get(keyOf(tokens[i]!.text)) ?? NO_WORD;
    known = { ids, words: WORD_IDS.size };
    byFn.set(keyOf, known);
  }
  return known.ids;
}

function addTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (!list) map.set(key, [value]);
  else if (!list.includes(value)) list.push(value);
}

/** Keep, among overlapping matches, the longest (then earliest) ones. Tokens already
 * covered are marked, so the cost is the matches' total length, not their count squared. */
export function longestMatches<T>(matches: readonly Match<T>[]): Match<T>[] {
  const sorted = [...matches].sort((a, b) => (b.to - b.from) - (a.to - a.from) || a.from - b.from);
  const taken: Match<T>[] = [];
  const covered = new Set<number>();
  for (const m of sorted) {
    let free = true;
    for (let i = m.from; i < m.to && free; i++) free = !covered.has(i);
    if (!free) continue;
    for (let i = m.from; i < m.to; i++) covered.add(i);
    taken.push(m);
  }
  return taken.sort((a, b) => a.from - b.from);
}
