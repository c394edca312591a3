// The analysis core: text + context + profile -> the /v1/check response.
// normalise -> document -> detectors -> resolve spans -> score -> cite.
// Synchronous and pure: no Hono, no env, no network, and it never logs the text.

import pkg from '../../package.json' with { type: 'json' };
import { detectors } from '../detectors/index.ts';
import { findTargets } from '../detectors/officer-criticism.ts';
import { lexiconVersion } from '../lexicon/index.ts';
import { notEnglish } from '../nlp/language.ts';
import type { Profile } from '../profiles/schema.ts';
import { MAX_FINDINGS, type CheckResponse, type ContextInput, type Finding } from '../schema/check.ts';
import { yearInRange } from '../schema/dates.ts';
import { citeClauses } from './cite.ts';
import { buildDocument, MAX_TOKENS } from './document.ts';
import { DisjointSpans } from './spans.ts';
import { safeReplacements } from './replacements.ts';
import { resolveElection } from './election.ts';
import { explainFitted } from './explain.ts';
import { extractFeatures, sentenceOfOffset, type Features } from './features.ts';
import { overall, scoreCategories, strongestSentence, worst, type CategoryJudgement } from './score.ts';
import { CATEGORIES, SEVERITY_RANK, type Category, type CheckContext, type Evidence, type Severity } from './types.ts';
import type { PostDocument } from './document.ts';

export const ENGINE_VERSION: string = pkg.version;

const londonDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar date (UK time) of a posting time given as an ISO date or date-time. */
export function postingDate(postedAt: string | undefined, now: Date): string {
  // The edges validate dates to 1900-2200; a caller of the core that did not is judged
  // as posting now rather than sending the calendar code years it cannot handle.
  if (postedAt && /^\d{4}-\d{2}-\d{2}$/u.test(postedAt)) return yearInRange(postedAt) ? postedAt : londonDay(now);
  const d = postedAt ? new Date(postedAt) : now;
  const day = londonDay(Number.isNaN(d.getTime()) ? now : d);
  return yearInRange(day) ? day : londonDay(now);
}

// Intl formatting costs more than a short post's analysis: remember the last minute's
// answer (a UK calendar day never changes within a minute).
let lastMinute = Number.NaN;
let lastDay = '';
function londonDay(d: Date): string {
  const minute = Math.floor(d.getTime() / 60_000);
  if (minute !== lastMinute) { lastMinute = minute; lastDay = londonDate.format(d); }
  return lastDay;
}

// The election a post is judged against depends only on its day, the request's
// election and the profile's calendar: batches of posts share a handful of answers.
const electionMemo = new WeakMap<object, Map<string, ReturnType<typeof resolveElection>>>();
const NO_CALENDAR = {};
function electionFor(postedOn: string, requested: ContextInput['election'], profile: Profile) {
  const calendar = profile.elections ?? NO_CALENDAR;
  let memo = electionMemo.get(calendar);
  if (!memo) { memo = new Map(); electionMemo.set(calendar, memo); }
  const key = requested ? `${postedOn}|${requested.pollingDay}|${requested.periodStart ?? ''}` : postedOn;
  let found = memo.get(key);
  if (!found) {
    if (memo.size > 5000) memo.clear();
    found = resolveElection(postedOn, requested, profile.elections);
    memo.set(key, found);
  }
  return { ...found };
}

/** Apply the documented defaults to the request context. */
export function resolveContext(input: ContextInput | undefined, profile: Profile, now: Date = new Date()): CheckContext {
  const authorRole = input?.authorRole ?? 'councillor';
  const channel = authorRole === 'council_account' ? 'official' : input?.channel ?? 'personal';
  const postedOn = postingDate(input?.postedAt, now);
  return {
    authorRole,
    channel,
    postedOn,
    sharing: input?.sharing ?? false,
    election: electionFor(postedOn, input?.election, profile),
    profile,
  };
}

/** Most severe first, then most confident, then earliest. */
const strongestFirst = (a: Evidence, b: Evidence): number =>
  SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || b.confidence - a.confidence || a.start - b.start;
/** The order findings are reported in: by position, then rule. */
const inTextOrder = (a: Evidence, b: Evidence): number =>
  a.start - b.start || a.end - b.end || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);

/** Keep spans inside the text and off the middle of a surrogate pair. */
function clampSpan(text: string, start: number, end: number): { start: number; end: number } {
  let s = Math.max(0, Math.min(start, text.length));
  let e = Math.max(s, Math.min(end, text.length));
  if (s > 0 && (text.charCodeAt(s) & 0xfc00) === 0xdc00) s--;
  if (e < text.length && (text.charCodeAt(e) & 0xfc00) === 0xdc00) e++;
  if (e === s) e = Math.min(text.length, s + 1);
  return { start: s, end: e };
}

/** Drop duplicates of the same rule on overlapping spans, keeping the strongest. */
function mergeEvidence(evidence: readonly Evidence[]): Evidence[] {
  const sorted = [...evidence].sort(strongestFirst);
  const kept: Evidence[] = [];
  const byRule = new Map<string, DisjointSpans>();
  for (const e of sorted) {
    let spans = byRule.get(e.ruleId);
    if (!spans) { spans = new DisjointSpans(); byRule.set(e.ruleId, spans); }
    if (spans.take(e.start, e.end)) kept.push(e);
  }
  return kept.sort(inTextOrder);
}

export interface AnalyzeOptions {
  readonly profile: Profile;
  readonly context?: ContextInput | undefined;
  readonly now?: Date;
}

/** Everything the scorer judges a post on: the document, the context, the detectors'
 * evidence and the features. The training script uses the same parts. */
export interface PostParts {
  readonly doc: PostDocument;
  readonly ctx: CheckContext;
  readonly evidence: readonly Evidence[];
  readonly features: Features;
}

export function analyzeParts(text: string, options: AnalyzeOptions): PostParts {
  const ctx = resolveContext(options.context, options.profile, options.now);
  const doc = buildDocument(text);
  const evidence = mergeEvidence(detectors.flatMap((d) => d.detect(doc, ctx)).map((e) => ({ ...e, ...clampSpan(text, e.start, e.end) })));
  return { doc, ctx, evidence, features: extractFeatures(doc, ctx, evidence) };
}

/** The evidence that stands after the scorer's judgement: a flagged risk keeps its
 * detectors' spans at the risk's severity, or (where no detector fired) gets one finding
 * on the sentence that carried the judgement; a risk judged ok keeps only its notes. */
function judgedEvidence(parts: PostParts, judged: Record<Category, CategoryJudgement>): Evidence[] {
  const out: Evidence[] = [];
  for (const c of CATEGORIES) {
    const j = judged[c];
    const mine = parts.evidence.filter((e) => e.category === c);
    if (j.verdict === 'ok') { out.push(...mine.filter((e) => e.severity === 'info')); continue; }
    const severity: Severity = j.verdict === 'block' ? 'error' : 'warning';
    const confidence = Math.round(j.probability * 100) / 100;
    const flagged = mine.filter((e) => e.severity !== 'info');
    if (flagged.length > 0) { for (const e of flagged) out.push({ ...e, severity, confidence }); continue; }
    const sentence = parts.doc.sentences[strongestSentence(parts.features, j.model) ?? 0];
    if (!sentence) continue;
    out.push({ ...explainFitted(c, parts.ctx), severity, confidence, ...clampSpan(parts.doc.text, sentence.start, sentence.end) });
  }
  return out.sort(inTextOrder);
}

/** Whether a piece of abuse evidence is aimed at an officer: an officer is named or
 * described in its sentence, or in the one before ("...the Head of Waste. What a clown."). */
function aimedAtOfficer(doc: PostDocument, ctx: CheckContext, evidence: readonly Evidence[]): (e: Evidence) => boolean {
  if (!evidence.some((e) => e.category === 'abuse')) return () => false;
  const officerSentences = new Set(findTargets(doc, ctx.profile).filter((t) => t.value.kind !== 'other').map((t) => doc.tokens[t.from]!.sentence));
  return (e) => {
    if (e.category !== 'abuse') return false;
    const s = sentenceOfOffset(doc, e.start);
    return officerSentences.has(s) || officerSentences.has(s - 1);
  };
}

/** The `limit` most severe (then most confident, then earliest) findings, in text order. */
function mostSevere(evidence: readonly Evidence[], limit: number): Evidence[] {
  return [...evidence].sort(strongestFirst).slice(0, limit).sort(inTextOrder);
}

/** The response, without replacements (batches, evaluation): no suggestion is offered to
 * apply unless it has been checked, and checking costs an analysis per suggestion. */
export function analyze(text: string, options: AnalyzeOptions): CheckResponse {
  return analyzeDetailed(text, options).response;
}

/** The response with the replacements that are safe to apply (one post being written:
 * /v1/check, the CLI's check): each is checked by analysing the changed post. */
export function analyzeWithSuggestions(text: string, options: AnalyzeOptions): CheckResponse {
  return withSafeReplacements(text, analyzeDetailed(text, options), options).response;
}

export interface Detailed {
  response: CheckResponse;
  judged: Record<Category, CategoryJudgement>;
  ctx: CheckContext;
  /** What the findings could offer to apply (checked by withSafeReplacements). */
  readonly offers: ReadonlyArray<{ readonly replacement?: string; readonly statement?: string }>;
  readonly doc: PostDocument;
}

/** At most this many suggestions are checked per post (the most severe findings'). */
export const MAX_CHECKED_SUGGESTIONS = 3;

export function withSafeReplacements(text: string, d: Detailed, options: AnalyzeOptions): Detailed {
  const findings = safeReplacements(text, d.doc, d.response, d.offers, (t) => analyzeDetailed(t, options).response, MAX_CHECKED_SUGGESTIONS);
  return findings === d.response.findings ? d : { ...d, response: { ...d.response, findings } };
}

/** The response, and what it was judged from: the context and each risk's probability
 * (the second opinion's gate reads them). */
export function analyzeDetailed(text: string, options: AnalyzeOptions): Detailed {
  const parts = analyzeParts(text, options);
  const { ctx } = parts;
  const judged = scoreCategories(parts.features, ctx);
  const all = judgedEvidence(parts, judged);
  const evidence = all.length <= MAX_FINDINGS ? all : mostSevere(all, MAX_FINDINGS);
  const categories = Object.fromEntries(CATEGORIES.map((c) => [c, { verdict: judged[c].verdict, score: judged[c].score }])) as Record<Category, { verdict: CheckResponse['verdict']; score: number }>;
  const { verdict, score } = overall(categories);
  const atOfficer = aimedAtOfficer(parts.doc, ctx, evidence);
  const drafted: Finding[] = evidence.map((e) => {
    const cited = citeClauses(options.profile, e, ctx, atOfficer(e));
    // Where the protocol is silent and only the Code of Conduct applies, say so.
    const silent = cited.length > 0 && cited.every((c) => c.codeOfConduct);
    return {
      ruleId: e.ruleId,
      category: e.category,
      severity: e.severity,
      confidence: e.confidence,
      offset: e.start,
      length: e.end - e.start,
      actual: text.slice(e.start, e.end),
      message: silent ? `${e.message} ${options.profile.name}'s protocol has no specific clause on this; it defers to the Members' Code of Conduct.` : e.message,
      ...(e.suggestion ? { suggestion: e.suggestion } : {}),
      clauses: cited.map(({ id, title, quote }) => ({ id, title, quote })),
    };
  });
  // The rules read English: a post mostly in another language is not called OK.
  const foreign = notEnglish(text);
  const notices = [
    ...(foreign ? [{ id: 'language.not-checked', message: `This looks like ${foreign.name}; the checker reads English, so have it reviewed by someone who reads it before posting.` }] : []),
    // A post too long in words to read whole (MAX_TOKENS) is not called OK on its start.
    ...(parts.doc.partial ? [{ id: 'text.partly-checked', message: `This post has more than ${MAX_TOKENS.toLocaleString('en-GB')} words; only the first ${MAX_TOKENS.toLocaleString('en-GB')} were checked, so have the rest read before posting.` }] : []),
  ];
  const unchecked: CheckResponse = {
    verdict: foreign || parts.doc.partial ? worst(verdict, 'review') : verdict,
    score,
    categories,
    findings: drafted,
    ...(evidence.length < all.length ? { truncated: true as const } : {}),
    election: ctx.election,
    profile: { id: options.profile.id, name: options.profile.name },
    engine: { version: ENGINE_VERSION, lexiconVersion },
    ...(foreign ? { language: { code: foreign.code, name: foreign.name, checked: false } } : {}),
    ...(notices.length > 0 ? { notices } : {}),
  };
  const offers = evidence.map((e) => ({ ...(e.replacement !== undefined ? { replacement: e.replacement } : {}), ...(e.statement !== undefined ? { statement: e.statement } : {}) }));
  return { response: unchecked, judged, ctx, offers, doc: parts.doc };
}
