// Reading Claude's answer and folding it into the rules' result. The answer is validated
// (zod); each quote must be words of the draft that was sent, and is mapped back to the
// original text's offsets, or dropped; clause ids must be the profile's. The rules are
// the floor: the second opinion may add findings and raise a verdict (each such finding
// says source "second-opinion"), and may lower a rules "review" it disagrees with to a
// note carrying its reason; it never clears a "block". Pure.

import * as z from 'zod';
import type { Message } from './client.ts';
import { byPosition } from '../pipeline/replacements.ts';
import { worst } from '../pipeline/score.ts';
import { CATEGORIES, type Category, type Verdict } from '../pipeline/types.ts';
import type { Profile } from '../profiles/schema.ts';
import { CategorySchema, VerdictSchema, type CheckResponse, type Finding } from '../schema/check.ts';
import type { Redacted } from './redact.ts';

const RiskOpinionSchema = z.object({
  category: CategorySchema,
  verdict: VerdictSchema,
  quotes: z.array(z.string().max(2000)).max(20),
  reason: z.string().max(1000),
  clauseIds: z.array(z.string().max(100)).max(20),
});
export const OpinionSchema = z.object({ risks: z.array(RiskOpinionSchema).max(8), rewrite: z.string().max(40_000) });
export type Opinion = z.infer<typeof OpinionSchema>;

/** The answer's JSON, or why it can't be used. */
export function parseOpinion(message: Message): { ok: true; opinion: Opinion } | { ok: false; reason: string } {
  const text = message.content.find((b) => b.type === 'text');
  if (!text || text.type !== 'text') return { ok: false, reason: 'no text in the answer' };
  if (message.stop_reason === 'max_tokens') return { ok: false, reason: 'the answer was cut off' };
  let json: unknown;
  try { json = JSON.parse(text.text); } catch { return { ok: false, reason: 'the answer was not JSON' }; }
  const parsed = OpinionSchema.safeParse(json);
  return parsed.success ? { ok: true, opinion: parsed.data } : { ok: false, reason: 'the answer did not match the schema' };
}

const SCORE: Record<Verdict, number> = { ok: 0, review: 55, block: 85 };
const withoutReplacement = ({ replacement: _r, ...f }: Finding): Finding => f;

export interface CombineInput {
  readonly text: string;
  readonly redacted: Redacted;
  readonly profile: Profile;
  readonly local: CheckResponse;
  readonly opinion: Opinion;
}

/** The quote's span in the original text, when it is words of the text that was sent. */
function locate(quote: string, r: Redacted, text: string): { start: number; end: number } | undefined {
  const q = quote.trim();
  if (q.length === 0) return undefined;
  const at = r.text.indexOf(q);
  if (at < 0) return undefined;
  const span = r.toOriginal(at, at + q.length);
  return span.end > span.start && span.end <= text.length ? span : undefined;
}

export function combine(o: CombineInput): CheckResponse {
  const clauseById = new Map(o.profile.clauses.map((c) => [c.id, c]));
  const categories = structuredClone(o.local.categories);
  let findings: Finding[] = [...o.local.findings];
  const byCategory = new Map<Category, z.infer<typeof RiskOpinionSchema>>();
  for (const r of o.opinion.risks) if (!byCategory.has(r.category)) byCategory.set(r.category, r);

  for (const c of CATEGORIES) {
    const op = byCategory.get(c);
    if (!op) continue;
    const local = categories[c].verdict;
    if (worst(op.verdict, local) === op.verdict && op.verdict !== local) {
      // Raise: only on words of the draft.
      const spans = op.quotes.map((q) => locate(q, o.redacted, o.text)).filter((s) => s !== undefined);
      if (spans.length === 0) continue;
      const cited = op.clauseIds.map((id) => clauseById.get(id)).filter((x) => x !== undefined);
      const fallback = findings.find((f) => f.category === c)?.clauses
        ?? (o.profile.rules[c] ?? []).map((k) => o.profile.clauses.find((x) => x.key === k)).filter((x) => x !== undefined);
      const clauses = (cited.length > 0 ? cited : fallback).map(({ id, title, quote }) => ({ id, title, quote }));
      if (clauses.length === 0) continue;
      for (const s of spans) {
        findings.push({
          ruleId: `second-opinion.${c}`,
          category: c,
          severity: op.verdict === 'block' ? 'error' : 'warning',
          confidence: 0.7,
          offset: s.start,
          length: s.end - s.start,
          actual: o.text.slice(s.start, s.end),
          message: op.reason,
          clauses,
          source: 'second-opinion',
        });
      }
      categories[c] = { verdict: op.verdict, score: Math.max(categories[c].score, SCORE[op.verdict]) };
    } else if (op.verdict === 'ok' && local === 'review') {
      // Disagree with a review: the rules' findings stay, as notes with the reason.
      findings = findings.map((f) => (f.category === c && f.severity === 'warning' && f.source === undefined
        ? { ...withoutReplacement(f), severity: 'info', overruled: { by: 'second-opinion', reason: op.reason } }
        : f));
      if (!findings.some((f) => f.category === c && f.severity !== 'info')) categories[c] = { verdict: 'ok', score: Math.min(categories[c].score, 39) };
    }
  }
  let verdict: Verdict = 'ok';
  let score = 0;
  for (const c of CATEGORIES) { verdict = worst(verdict, categories[c].verdict); score = Math.max(score, categories[c].score); }
  findings.sort(byPosition);
  // A post the rules could not read (not English) has now been read, by the second opinion.
  const language = o.local.language && !o.local.language.checked ? { language: { ...o.local.language, checked: true } } : {};
  const notices = o.local.notices?.filter((n) => n.id !== 'language.not-checked');
  const { notices: _old, ...rest } = o.local;
  return { ...rest, verdict, score, categories, findings, ...language, ...(notices && notices.length > 0 ? { notices } : {}) };
}
