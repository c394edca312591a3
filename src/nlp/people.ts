// Finds people's names in a short piece of text, from data: an honorific followed by
// a capitalised word ("Mrs Okafor"), or capitalised words that are a known first name
// and/or surname ("John Smith", "Sharon Jones"). The name lists are built from
// compromise's lexicon by src/cli/build-names.ts, so the Worker does not load
// compromise itself (~450 ms to evaluate, ~100 KiB gzip).

import namesData from '../../lexicons/names.json' with { type: 'json' };

export interface NameSpan {
  /** Offsets within the string passed in (UTF-16, half-open). */
  readonly start: number;
  readonly end: number;
  readonly name: string;
}

const firstNames: ReadonlySet<string> = new Set(namesData.firstNames);
const lastNames: ReadonlySet<string> = new Set(namesData.lastNames);

const HONORIFIC = /\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Sir|Dame|Lady|Lord)\.?\s+[A-Z][\p{L}'-]+(?:\s+[A-Z][\p{L}'-]+)?/gu;
const CAPITALISED_PAIR = /\b[A-Z][\p{L}'-]+(?:\s+[A-Z][\p{L}'-]+)?/gu;

const bare = (w: string) => w.toLowerCase().replace(/'s$/u, '');

/** Names of people (with an optional honorific) in `text`. */
export function findPeople(text: string): NameSpan[] {
  const out: NameSpan[] = [];
  const taken = (s: number, e: number) => out.some((n) => s < n.end && n.start < e);
  for (const m of text.matchAll(HONORIFIC)) out.push({ start: m.index, end: m.index + m[0].length, name: m[0] });
  for (const m of text.matchAll(CAPITALISED_PAIR)) {
    const words = m[0].split(/\s+/u);
    const first = bare(words[0]!);
    const second = words[1] ? bare(words[1]) : undefined;
    let end = m.index + m[0].length;
    if (firstNames.has(first) || (second !== undefined && lastNames.has(second))) {
      if (second === undefined) end = m.index + words[0]!.length;
      const name = text.slice(m.index, end).replace(/'s$/u, '');
      if (!taken(m.index, end)) out.push({ start: m.index, end: m.index + name.length, name });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
