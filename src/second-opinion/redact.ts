// What leaves the Worker for a second opinion: the draft with residents' personal data
// replaced by typed placeholders. Phone numbers (but not public helplines), emails, NI and
// NHS numbers, postcodes and house-number addresses go; so do people's names in a
// sentence that also holds personal data or a sensitive detail (health, benefits, care,
// crime), unless the name is an officer or councillor the council's profile knows (the
// judgement needs those). Offsets map both ways, so quotes that come back point at the
// original text. Pure.

import { lexicons } from '../lexicon/index.ts';
import { findPeople } from '../nlp/people.ts';
import { buildDocument } from '../pipeline/document.ts';
import { PhraseMatcher } from '../pipeline/matcher.ts';
import { findDirectoryPeople } from '../profiles/directory.ts';
import type { Profile } from '../profiles/schema.ts';
import { findPersonalData, type PersonalDataKind } from '../spotters/personal-data.ts';

export type Placeholder = '[PHONE]' | '[EMAIL]' | '[NI NUMBER]' | '[NHS NUMBER]' | '[POSTCODE]' | '[ADDRESS]' | '[RESIDENT]';

const PLACEHOLDER: Record<PersonalDataKind, Placeholder | undefined> = {
  'phone-mobile': '[PHONE]', 'phone-landline': '[PHONE]', 'phone-public': undefined,
  email: '[EMAIL]', 'ni-number': '[NI NUMBER]', 'nhs-number': '[NHS NUMBER]', postcode: '[POSTCODE]', address: '[ADDRESS]',
};

const sensitiveMatcher = new PhraseMatcher<true>(lexicons.confidential.sensitive.map((s) => ({ phrases: s.phrases, value: true as const })));
const TITLE_BEFORE = /(?:\b(?:cllr|councillor|mp|minister)\.?\s+)$/iu;

interface Segment { readonly from: number; readonly to: number; readonly at: number; readonly placeholder?: Placeholder }

export interface Redacted {
  /** The text that may be sent. */
  readonly text: string;
  /** What was replaced, by kind (for tests and the response, never the values). */
  readonly replaced: Readonly<Record<string, number>>;
  /** The original span of a span of the redacted text (a placeholder maps to all it hid). */
  toOriginal(start: number, end: number): { start: number; end: number };
}

export function redact(text: string, profile: Profile): Redacted {
  const spans: Array<{ start: number; end: number; placeholder: Placeholder }> = [];
  for (const p of findPersonalData(text)) {
    const placeholder = PLACEHOLDER[p.kind];
    if (placeholder) spans.push({ start: p.start, end: p.end, placeholder });
  }
  // Residents' names where the sentence also says something personal about someone.
  const doc = buildDocument(text);
  const sensitive = new Set(sensitiveMatcher.matchAll(doc).map((m) => doc.tokens[m.from]!.sentence));
  for (const s of spans) sensitive.add(sentenceOf(doc, s.start));
  if (sensitive.size > 0) {
    const known = findDirectoryPeople(doc, profile).map((m) => ({ start: m.start, end: m.end }));
    for (const n of findPeople(text)) {
      if (!sensitive.has(sentenceOf(doc, n.start))) continue;
      if (known.some((k) => n.start < k.end && k.start < n.end)) continue;
      if (TITLE_BEFORE.test(text.slice(Math.max(0, n.start - 14), n.start))) continue;
      spans.push({ start: n.start, end: n.end, placeholder: '[RESIDENT]' });
    }
  }
  // Overlaps: the earlier (then longer) span wins.
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const segments: Segment[] = [];
  const replaced: Record<string, number> = {};
  let out = '';
  let pos = 0;
  for (const s of spans) {
    if (s.start < pos) continue;
    if (s.start > pos) { segments.push({ from: pos, to: s.start, at: out.length }); out += text.slice(pos, s.start); }
    segments.push({ from: s.start, to: s.end, at: out.length, placeholder: s.placeholder });
    out += s.placeholder;
    replaced[s.placeholder] = (replaced[s.placeholder] ?? 0) + 1;
    pos = s.end;
  }
  if (pos < text.length || segments.length === 0) { segments.push({ from: pos, to: text.length, at: out.length }); out += text.slice(pos); }

  const lengthOf = (g: Segment) => (g.placeholder ? g.placeholder.length : g.to - g.from);
  const segmentAt = (offset: number) => {
    let lo = 0;
    let hi = segments.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (segments[mid]!.at <= offset) lo = mid; else hi = mid - 1;
    }
    return segments[lo]!;
  };
  const point = (offset: number, edge: 'start' | 'end') => {
    const g = segmentAt(edge === 'end' && offset > 0 ? offset - 1 : offset);
    if (g.placeholder) return edge === 'start' ? g.from : g.to;
    return g.from + Math.min(offset - g.at, lengthOf(g));
  };
  return {
    text: out,
    replaced,
    toOriginal: (start, end) => {
      const s = point(start, 'start');
      return { start: s, end: Math.max(s, point(end, 'end')) };
    },
  };
}

function sentenceOf(doc: ReturnType<typeof buildDocument>, offset: number): number {
  const i = doc.sentences.findIndex((s) => offset >= s.start && offset < s.end);
  return i < 0 ? doc.sentences.length - 1 : i;
}
