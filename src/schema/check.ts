// Request and response schemas for /v1/check (and the CLI's batch lines). API types
// come from here (z.infer); tests validate responses against the same schemas.

import * as z from 'zod';
import { isoDate, isoDateOrTime } from './dates.ts';

export const MAX_TEXT_LENGTH = 20_000;
/** At most this many findings per post: enough for any real draft, and a bound on the
 * response however hostile the text. */
export const MAX_FINDINGS = 50;

export const CategorySchema = z.enum(['officer-criticism', 'confidential', 'electioneering', 'abuse']);
export const SeveritySchema = z.enum(['info', 'warning', 'error']);
export const VerdictSchema = z.enum(['ok', 'review', 'block']);
export const AuthorRoleSchema = z.enum(['councillor', 'cabinet_member', 'officer', 'council_account']);
export const ChannelSchema = z.enum(['personal', 'official', 'campaign']);


export const ElectionInputSchema = z.object({
  pollingDay: isoDate,
  periodStart: isoDate.optional(),
}).strict().refine((e) => !e.periodStart || e.periodStart <= e.pollingDay, {
  message: 'periodStart must not be after pollingDay',
  path: ['periodStart'],
});

export const ContextInputSchema = z.object({
  authorRole: AuthorRoleSchema.optional(),
  channel: ChannelSchema.optional(),
  postedAt: isoDateOrTime.optional(),
  sharing: z.boolean().optional(),
  election: ElectionInputSchema.optional(),
}).strict();

/** A context from flat fields (query parameters, command-line options), not yet
 * validated: unset fields left out, pollingDay and periodStart as its election. */
export function contextFromFields(f: { authorRole?: string | undefined; channel?: string | undefined; postedAt?: string | undefined; sharing?: unknown; pollingDay?: string | undefined; periodStart?: string | undefined }): Record<string, unknown> {
  const { pollingDay, periodStart, ...rest } = f;
  const out: Record<string, unknown> = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
  if (pollingDay !== undefined || periodStart !== undefined) out['election'] = { pollingDay, ...(periodStart !== undefined ? { periodStart } : {}) };
  return out;
}

export const SecondOpinionModeSchema = z.enum(['auto', 'always', 'off']);

export const CheckRequestSchema = z.object({
  text: z.string().min(1, 'text must not be empty'),
  profile: z.string().min(1).max(100).optional(),
  context: ContextInputSchema.optional(),
  /** Ask for (or refuse) Claude's second opinion where the council allows it: "auto"
   * (default) sends only posts the rules can't settle. */
  secondOpinion: SecondOpinionModeSchema.optional(),
}).strict();

export const ClauseOutSchema = z.object({ id: z.string(), title: z.string(), quote: z.string() });

export const FindingSchema = z.object({
  ruleId: z.string(),
  category: CategorySchema,
  severity: SeveritySchema,
  confidence: z.number().min(0).max(1),
  offset: z.number().int().min(0),
  length: z.number().int().min(1),
  actual: z.string(),
  message: z.string(),
  suggestion: z.string().optional(),
  /** Text that can replace text.slice(offset, offset + length) as it stands. */
  replacement: z.string().optional(),
  clauses: z.array(ClauseOutSchema).min(1),
  /** "second-opinion" for a finding Claude's second opinion added (absent: the rules). */
  source: z.literal('second-opinion').optional(),
  /** Set on a rules finding the second opinion disagreed with (lowered to a note). */
  overruled: z.object({ by: z.literal('second-opinion'), reason: z.string() }).optional(),
});

const CategoryResultSchema = z.object({ verdict: VerdictSchema, score: z.number().int().min(0).max(100) });

export const CheckResponseSchema = z.object({
  verdict: VerdictSchema,
  score: z.number().int().min(0).max(100),
  categories: z.object({
    'officer-criticism': CategoryResultSchema,
    confidential: CategoryResultSchema,
    electioneering: CategoryResultSchema,
    abuse: CategoryResultSchema,
  }),
  findings: z.array(FindingSchema).max(MAX_FINDINGS),
  /** Present (true) when the post had more than MAX_FINDINGS findings: the most severe
   * are kept. */
  truncated: z.literal(true).optional(),
  election: z.object({
    pollingDay: z.string(),
    periodStart: z.string(),
    inPeriod: z.boolean(),
    source: z.enum(['request', 'profile', 'estimated']),
  }).nullable(),
  profile: z.object({ id: z.string(), name: z.string() }),
  engine: z.object({ version: z.string(), lexiconVersion: z.string() }),
  /** A post that is mostly not English: the rules read English only, so it needs a person
   * (or the second opinion). */
  language: z.object({ code: z.string(), name: z.string(), checked: z.boolean() }).optional(),
  notices: z.array(z.object({ id: z.string(), message: z.string() })).optional(),
  /** What the second opinion did for this post (on /v1/check, and batches that ask). */
  secondOpinion: z.object({
    status: z.enum(['used', 'skipped', 'off', 'unavailable']),
    model: z.string().optional(),
    reason: z.string().optional(),
    /** The whole post rewritten to keep its point without the breach. */
    rewrite: z.string().optional(),
  }).optional(),
});

export type CheckRequest = z.infer<typeof CheckRequestSchema>;
export type ContextInput = z.infer<typeof ContextInputSchema>;
export type CheckResponse = z.infer<typeof CheckResponseSchema>;
export type Finding = z.infer<typeof FindingSchema>;
