// A token trie for lexicon phrases: the cheap pass that runs on every post (~µs).
//
// Phrase syntax (space-separated slots):
//   word        exact word (compared after the matcher's key function, e.g. stemming)
//   a|b|c       any of the alternatives (one word each)
//   (a b|c)     any of the alternatives, which may be several words
//   word*       any word starting with "word" (compared on the raw token text);
//               a bare * is any one word
//   slot?       the slot may be absent
//   {list}      any item of a named list (items may be several words)
// Matches never cross a sentence boundary. Pure.

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

interface Node<T> {
  readonly exact: Map<string, Node<T>>;
  readonly prefix: Array<[string, Node<T>]>;
  readonly ends: T[];
}

export type KeyFn = (word: string) => string;

/** Drop a possessive ending so "officer's" and "officers'" match "officer(s)". */
export function basicKey(word: string): string {
  return word.endsWith("'s") ? word.slice(0, -2) : word;
}

const newNode = <T>(): Node<T> => ({ exact: new Map(), prefix: [], ends: [] });

type Slot = { optional: boolean; alts: string[][] };

function parsePhrase(phrase: string, lists: Readonly<Record<string, readonly string[]>>): Slot[] {
  const raws = phrase.trim().match(/\([^)]*\)\??|[^\s(]+/gu) ?? [];
  return raws.map((raw) => {
    let word = raw;
    let optional = false;
    if (word.endsWith('?') && word.length > 1) { optional = true; word = word.slice(0, -1); }
    const grouped = word.startsWith('(') && word.endsWith(')');
    if (grouped) word = word.slice(1, -1);
    const alts: string[][] = [];
    for (const alt of word.split('|')) {
      const words = alt.trim().toLowerCase().split(/\s+/u);
      if (!grouped && words.length > 1) throw new Error(`phrase "${phrase}": put several-word alternatives in parentheses`);
      const expanded: string[][] = [[]];
      for (const w of words) {
        const list = /^\{([\w-]+)\}$/u.exec(w);
        const options = list ? lists[list[1]!]?.map((item) => item.toLowerCase().split(/\s+/u)) : [[w]];
        if (!options) throw new Error(`unknown list {${list![1]}} in phrase "${phrase}"`);
        const next: string[][] = [];
        for (const prefix of expanded) for (const o of options) next.push([...prefix, ...o]);
        expanded.splice(0, expanded.length, ...next);
      }
      alts.push(...expanded);
    }
    return { optional, alts };
  });
}

export class PhraseMatcher<T> {
  private readonly root: Node<T> = newNode();
  private readonly keyOf: KeyFn;
  readonly size: number;

  constructor(
    entries: ReadonlyArray<PhraseEntry<T>>,
    keyOf: KeyFn = basicKey,
    lists: Readonly<Record<string, readonly string[]>> = {},
  ) {
    this.keyOf = keyOf;
    let n = 0;
    for (const entry of entries) {
      for (const phrase of entry.phrases) {
        this.insert(this.root, parsePhrase(phrase, lists), 0, entry.value);
        n++;
      }
    }
    this.size = n;
  }

  private child(node: Node<T>, word: string): Node<T> {
    if (word.endsWith('*')) {
      const p = word.slice(0, -1);
      let found = node.prefix.find(([q]) => q === p);
      if (!found) { found = [p, newNode<T>()]; node.prefix.push(found); }
      return found[1];
    }
    const key = /^<[a-z]+>$/u.test(word) ? word : this.keyOf(word);
    let next = node.exact.get(key);
    if (!next) { next = newNode<T>(); node.exact.set(key, next); }
    return next;
  }

  private insert(node: Node<T>, slots: Slot[], i: number, value: T): void {
    if (i === slots.length) { if (!node.ends.includes(value)) node.ends.push(value); return; }
    const slot = slots[i]!;
    if (slot.optional) this.insert(node, slots, i + 1, value);
    for (const words of slot.alts) {
      let cur = node;
      for (const w of words) cur = this.child(cur, w);
      this.insert(cur, slots, i + 1, value);
    }
  }

  /**
   * Every match in the document (all lengths, all starts). `tagsOf` may give a token
   * extra keys to match, such as "<name>" for a capitalised word that may be a name.
   */
  matchAll(doc: PostDocument, tokens: readonly Token[] = doc.tokens, tagsOf?: (t: Token) => readonly string[]): Match<T>[] {
    const out: Match<T>[] = [];
    const keys = tokens.map((t) => this.keyOf(t.text));
    const tags = tagsOf ? tokens.map(tagsOf) : undefined;
    for (let i = 0; i < tokens.length; i++) this.walk(this.root, tokens, keys, tags, i, i, out);
    return out;
  }

  private walk(node: Node<T>, tokens: readonly Token[], keys: string[], tags: ReadonlyArray<readonly string[]> | undefined, from: number, at: number, out: Match<T>[]): void {
    if (at > from) {
      for (const value of node.ends) {
        out.push({ value, from, to: at, start: tokens[from]!.start, end: tokens[at - 1]!.end });
      }
    }
    const tok = tokens[at];
    if (!tok || (at > from && tok.sentence !== tokens[from]!.sentence)) return;
    const next = node.exact.get(keys[at]!);
    if (next) this.walk(next, tokens, keys, tags, from, at + 1, out);
    for (const tag of tags?.[at] ?? []) {
      const tagged = node.exact.get(tag);
      if (tagged) this.walk(tagged, tokens, keys, tags, from, at + 1, out);
    }
    for (const [p, child] of node.prefix) {
      if (tok.text.startsWith(p)) this.walk(child, tokens, keys, tags, from, at + 1, out);
    }
  }
}

/** Keep, among overlapping matches, the longest (then earliest) ones. */
export function longestMatches<T>(matches: readonly Match<T>[]): Match<T>[] {
  const sorted = [...matches].sort((a, b) => (b.to - b.from) - (a.to - a.from) || a.from - b.from);
  const taken: Match<T>[] = [];
  for (const m of sorted) {
    if (!taken.some((t) => m.from < t.to && t.from < m.to)) taken.push(m);
  }
  return taken.sort((a, b) => a.from - b.from);
}
