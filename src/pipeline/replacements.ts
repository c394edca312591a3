// Suggestions that are safe to apply. A finding offers a `replacement` only when applying
// it gives a post in which that finding is gone and no new finding appears (checked by
// analysing the changed post); otherwise its card gives the advice alone. Officer
// criticism is replaced as a whole statement: the sentence becomes the suggestion's own
// words, aimed at the Cabinet Member, so no attack survives with another name in it.
// Applying a safe replacement and checking again offers nothing more there. Pure.

import type { CheckResponse, Finding } from '../schema/check.ts';
import type { PostDocument } from './document.ts';
import { worst } from './score.ts';
import { SEVERITY_RANK } from './types.ts';

const TRAILING = /[\s.!?…]+$/u;

/** A sentence that goes on about the same person ("She should be ashamed."). */
const CARRIES_ON = /^\s*(?:he|she|they|his|her|their|him|them)\b/iu;

/** The sentence around a span, and the sentences after it that carry on about the same
 * person, without the closing punctuation and spaces: otherwise "She is clueless" would
 * be left pointing at the Cabinet Member. */
function statementSpan(doc: PostDocument, start: number, end: number): { start: number; end: number } | undefined {
  const at = doc.sentences.findIndex((x) => x.start <= start && end <= x.end);
  if (at < 0) return undefined;
  let last = at;
  while (last + 1 < doc.sentences.length && CARRIES_ON.test(doc.text.slice(doc.sentences[last + 1]!.start, doc.sentences[last + 1]!.end))) last++;
  const s = { start: doc.sentences[at]!.start, end: doc.sentences[last]!.end };
  const body = doc.text.slice(s.start, s.end);
  // From the first word (leading emoji and symbols are decoration, not the statement).
  const first = body.search(/[\p{L}\p{N}"'‘“(]/u);
  const lead = first < 0 ? body.length : first;
  const trimmed = body.replace(TRAILING, '');
  return trimmed.length > lead ? { start: s.start + lead, end: s.start + trimmed.length } : undefined;
}

const riskyIn = (r: CheckResponse) => r.findings.filter((f) => f.severity !== 'info');
const overlaps = (f: Finding, start: number, end: number) => f.offset < end && start < f.offset + f.length;

/** Whether `candidate` (a span and its replacement) makes the post safe for this
 * finding without adding any other. */
function safe(text: string, before: CheckResponse, category: Finding['category'], c: { start: number; end: number; replacement: string }, recheck: (t: string) => CheckResponse): boolean {
  const after = recheck(text.slice(0, c.start) + c.replacement + text.slice(c.end));
  const end = c.start + c.replacement.length;
  if (riskyIn(after).some((f) => f.category === category && overlaps(f, c.start, end))) return false;
  if (worst(before.verdict, after.verdict) !== before.verdict) return false;
  // No new finding: each rule fires no more often than before, less those replaced.
  const left = new Map<string, number>();
  for (const f of riskyIn(before)) if (!overlaps(f, c.start, c.end)) left.set(f.ruleId, (left.get(f.ruleId) ?? 0) + 1);
  for (const f of riskyIn(after)) {
    const n = left.get(f.ruleId) ?? 0;
    if (n === 0) return false;
    left.set(f.ruleId, n - 1);
  }
  return true;
}

/** The order findings are reported in: by position, then rule. */
export const byPosition = (a: Finding, b: Finding): number =>
  a.offset - b.offset || a.length - b.length || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);

/** The findings with only the replacements that pass (statements spanning their
 * sentence), checking the `limit` most severe findings' offers; the same array when
 * there is nothing to check. */
export function safeReplacements(text: string, doc: PostDocument, before: CheckResponse, offers: ReadonlyArray<{ readonly replacement?: string; readonly statement?: string }>, recheck: (t: string) => CheckResponse, limit: number): Finding[] {
  const order = before.findings.map((f, i) => ({ f, i }))
    .filter(({ f, i }) => f.severity !== 'info' && (offers[i]?.replacement !== undefined || offers[i]?.statement !== undefined))
    .sort((a, b) => SEVERITY_RANK[b.f.severity] - SEVERITY_RANK[a.f.severity] || b.f.confidence - a.f.confidence || a.i - b.i)
    .slice(0, limit);
  if (order.length === 0) return before.findings;
  const findings = [...before.findings];
  for (const { f, i } of order) {
    const o = offers[i]!;
    if (o.statement !== undefined) {
      const span = statementSpan(doc, f.offset, f.offset + f.length);
      if (span && safe(text, before, f.category, { ...span, replacement: o.statement }, recheck)) {
        findings[i] = { ...f, offset: span.start, length: span.end - span.start, actual: text.slice(span.start, span.end), replacement: o.statement };
      }
    } else if (o.replacement !== undefined && safe(text, before, f.category, { start: f.offset, end: f.offset + f.length, replacement: o.replacement }, recheck)) {
      findings[i] = { ...f, replacement: o.replacement };
    }
  }
  return findings.sort(byPosition);
}
