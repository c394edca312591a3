// LanguageTool's /v2/check wire format, so the clients that already speak it (its
// browser add-on, LibreOffice, editor plugins, client libraries) can use this checker
// as their server. Pure: request fields in, our check response out to LanguageTool's
// response shape. No Hono, no env, no network.
//
// Mapping (documented in the README's API section):
//   match.rule.id          our ruleId
//   match.rule.category    { id: our risk, name: its label }
//   match.rule.issueType   from severity: error -> "non-conformance" (a breach of the
//                          protocol), warning -> "register" (wording to reconsider),
//                          info -> "style"
//   match.message          our message and the clause numbers it cites
//   match.replacements     our checked replacement, when there is one
//   extra fields           match.clauses, match.severity, match.confidence;
//                          top-level verdict, categories (alongside, not instead)

import * as z from 'zod';
import { SecondOpinionModeSchema, type CheckResponse, type Finding } from '../schema/check.ts';
import { CATEGORY_LABEL } from '../ui/labels.ts';

/** The languages a LanguageTool client may ask for. The rules read English; Welsh is
 * accepted (the response says when a post is mostly not English). */
export const LANGUAGES = [
  { name: 'English (GB)', code: 'en', longCode: 'en-GB' },
  { name: 'English', code: 'en', longCode: 'en' },
  { name: 'English (US)', code: 'en', longCode: 'en-US' },
  { name: 'Welsh', code: 'cy', longCode: 'cy' },
  { name: 'Welsh', code: 'cy', longCode: 'cy-GB' },
] as const;

const LANGUAGE = /^(?:auto|en(?:-[A-Za-z]{2})?|cy(?:-GB)?)$/u;

/** LanguageTool's annotated text: text parts are checked, markup parts are skipped but
 * still count for offsets. */
const AnnotationSchema = z.object({
  annotation: z.array(z.union([
    z.object({ text: z.string() }).passthrough(),
    z.object({ markup: z.string(), interpretAs: z.string().optional() }).passthrough(),
  ])).min(1),
}).passthrough();

/** The request as LanguageTool defines it, plus this checker's context fields. Fields
 * LanguageTool defines that change nothing here (level, enabledOnly, motherTongue,
 * preferredVariants, enabledRules, disabledRules, username...) are accepted and ignored. */
export const LanguageToolRequestSchema = z.object({
  text: z.string().optional(),
  data: z.string().optional(),
  language: z.string().regex(LANGUAGE, 'language must be "auto", an English code (en, en-GB, en-US) or Welsh (cy)'),
  profile: z.string().min(1).max(100).optional(),
  authorRole: z.string().optional(),
  channel: z.string().optional(),
  postedAt: z.string().optional(),
  /** As on /v1/check: auto (the default where the council allows it), always or off. */
  secondOpinion: SecondOpinionModeSchema.optional(),
  apiKey: z.string().optional(),
}).passthrough().refine((r) => (r.text === undefined) !== (r.data === undefined), { message: 'send either text or data (not both)', path: ['text'] });

export type LanguageToolRequest = z.infer<typeof LanguageToolRequestSchema>;

/** The text to check from `text` or annotated `data`: markup becomes its interpretAs
 * (or spaces), padded or cut to the markup's own length, so every offset in the answer
 * is an offset into the whole annotated document, as LanguageTool's are. */
export function textOf(request: { text?: string | undefined; data?: string | undefined }): { ok: true; text: string } | { ok: false; message: string } {
  if (request.text !== undefined) return { ok: true, text: request.text };
  let parsed: unknown;
  try { parsed = JSON.parse(request.data ?? ''); } catch { return { ok: false, message: 'data is not valid JSON' }; }
  const a = AnnotationSchema.safeParse(parsed);
  if (!a.success) return { ok: false, message: 'data must be {"annotation": [{"text": ...} or {"markup": ...}, ...]}' };
  let out = '';
  for (const part of a.data.annotation) {
    if ('text' in part && typeof part.text === 'string') { out += part.text; continue; }
    const { markup, interpretAs } = part as { markup: string; interpretAs?: string };
    const as = (interpretAs ?? '').slice(0, markup.length);
    out += as + ' '.repeat(markup.length - as.length);
  }
  return { ok: true, text: out };
}

const ISSUE_TYPE = { error: 'non-conformance', warning: 'register', info: 'style' } as const;
const CONTEXT_CHARS = 40;

/** The sentence around [start, end): from the last sentence end before it to the next one after. */
export function sentenceAround(text: string, start: number, end: number): string {
  let from = start;
  while (from > 0 && !/[.!?\n]/u.test(text[from - 1]!)) from--;
  let to = end;
  while (to < text.length && !/[.!?\n]/u.test(text[to]!)) to++;
  if (to < text.length && text[to] !== '\n') to++;
  return text.slice(from, to).trim();
}

function match(text: string, f: Finding) {
  const from = Math.max(0, f.offset - CONTEXT_CHARS);
  const to = Math.min(text.length, f.offset + f.length + CONTEXT_CHARS);
  const ids = [...new Set(f.clauses.map((c) => c.id))];
  const label = CATEGORY_LABEL[f.category];
  return {
    message: `${f.message} (clause${ids.length > 1 ? 's' : ''} ${ids.join(', ')})`,
    shortMessage: label,
    replacements: f.replacement !== undefined ? [{ value: f.replacement }] : [],
    offset: f.offset,
    length: f.length,
    context: { text: text.slice(from, to), offset: f.offset - from, length: f.length },
    sentence: sentenceAround(text, f.offset, f.offset + f.length),
    type: { typeName: 'Other' },
    rule: {
      id: f.ruleId,
      description: f.suggestion ?? label,
      issueType: ISSUE_TYPE[f.severity],
      category: { id: f.category, name: label },
    },
    ignoreForIncompleteSentence: false,
    contextForSureMatch: 0,
    // Ours, alongside LanguageTool's fields.
    severity: f.severity,
    confidence: f.confidence,
    clauses: f.clauses,
  };
}

export function languageOf(requested: string, response: Pick<CheckResponse, 'language'>) {
  const detected = response.language && !response.language.checked
    ? { name: response.language.name, code: response.language.code, confidence: 0.9 }
    : { name: 'English (GB)', code: 'en-GB', confidence: 0.9 };
  const asked = requested === 'auto' ? detected.code : requested;
  const known = LANGUAGES.find((l) => l.longCode === asked) ?? LANGUAGES[0];
  return { name: known.name, code: known.longCode, detectedLanguage: detected };
}

/** Our check response in LanguageTool's shape. Notes (info) that a second opinion
 * overruled are left out: LanguageTool clients show every match as a problem. */
export function toLanguageTool(text: string, requestedLanguage: string, response: CheckResponse, softwareVersion: string) {
  return {
    software: { name: 'council-post-check', version: softwareVersion, buildDate: null, apiVersion: 1, premium: false, status: '' },
    warnings: { incompleteResults: response.truncated === true },
    language: languageOf(requestedLanguage, response),
    matches: response.findings.filter((f) => !f.overruled).map((f) => match(text, f)),
    // Ours, alongside.
    verdict: response.verdict,
    categories: response.categories,
    profile: response.profile,
  };
}

export type LanguageToolResponse = ReturnType<typeof toLanguageTool>;
