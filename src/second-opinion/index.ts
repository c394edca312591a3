// Claude's second opinion for the posts the rules can't settle. Off unless a key is set
// and the council allows it; "auto" sends only unsettled posts (gate.ts), with residents'
// personal data replaced (redact.ts), the prompt built by prompt.ts, the answer checked
// and folded in by combine.ts. Any failure (timeout, 429, 5xx, bad answer, daily cap)
// gives back the rules' own result with status "unavailable": never an error. Nothing of
// the draft is logged or kept.

import type { Detailed as FullDetailed } from '../pipeline/analyze.ts';
import type { Profile } from '../profiles/schema.ts';
import type * as z from 'zod';
import type { CheckResponse, SecondOpinionModeSchema } from '../schema/check.ts';
import type { OpinionClient } from './client.ts';
import { combine, parseOpinion } from './combine.ts';
import { needsSecondOpinion } from './gate.ts';
import { buildRequest, DEFAULT_MODEL } from './prompt.ts';
import { redact } from './redact.ts';

export type SecondOpinionMode = z.infer<typeof SecondOpinionModeSchema>;

export interface SecondOpinionSettings {
  readonly apiKey?: string | undefined;
  readonly baseURL?: string | undefined;
  readonly model: string;
  /** Whole call, retry included. */
  readonly timeoutMs: number;
  /** Councils (profile ids) the deployment allows it for, or every council. A profile can
   * also allow it itself ("secondOpinion": true). */
  readonly councils: '*' | ReadonlySet<string>;
}

/** A daily budget of calls: take() is false once it is spent. */
export interface CallBudget { take(): Promise<boolean> }

export const DEFAULT_TIMEOUT_MS = 3000;

/** The deployment's settings from Worker bindings or environment variables. */
export function secondOpinionSettings(env: Record<string, string | undefined>): SecondOpinionSettings | undefined {
  const apiKey = env.ANTHROPIC_API_KEY;
  if (!apiKey) return undefined;
  const list = (env.SECOND_OPINION_COUNCILS ?? '').split(/[\s,]+/u).filter(Boolean);
  return {
    apiKey,
    baseURL: env.ANTHROPIC_BASE_URL || undefined,
    model: env.SECOND_OPINION_MODEL || DEFAULT_MODEL,
    timeoutMs: Number(env.SECOND_OPINION_TIMEOUT_MS) > 0 ? Number(env.SECOND_OPINION_TIMEOUT_MS) : DEFAULT_TIMEOUT_MS,
    councils: list.includes('*') ? '*' : new Set(list),
  };
}

export function allowedFor(settings: SecondOpinionSettings | undefined, profile: Profile): boolean {
  if (!settings?.apiKey) return false;
  return profile.secondOpinion === true || settings.councils === '*' || settings.councils.has(profile.id);
}

/** What the rules concluded and from what (the gate reads the probabilities). */
export type Detailed = Pick<FullDetailed, 'response' | 'judged' | 'ctx'>;

type Status = NonNullable<CheckResponse['secondOpinion']>;
const withStatus = (r: CheckResponse, s: Status): CheckResponse => ({ ...r, secondOpinion: s });

/** Whether a post would be sent, and why (no network). */
export function plan(d: Detailed, profile: Profile, mode: SecondOpinionMode | undefined, settings: SecondOpinionSettings | undefined): { send: boolean; status?: Status; reasons: string[] } {
  if (!settings?.apiKey) return { send: false, status: { status: 'off', reason: 'not configured on this checker' }, reasons: [] };
  if (!allowedFor(settings, profile)) return { send: false, status: { status: 'off', reason: `${profile.name} has not switched the second opinion on` }, reasons: [] };
  const m = mode ?? 'auto';
  if (m === 'off') return { send: false, status: { status: 'off', reason: 'not asked for' }, reasons: [] };
  if (m === 'always') return { send: true, reasons: ['asked for'] };
  const gate = needsSecondOpinion(d);
  return gate.send ? { send: true, reasons: gate.reasons } : { send: false, status: { status: 'skipped', reason: 'the rules settled this post' }, reasons: [] };
}

export async function withSecondOpinion(i: {
  text: string; profile: Profile; detailed: Detailed; mode?: SecondOpinionMode | undefined;
  settings: SecondOpinionSettings | undefined; budget?: CallBudget | undefined; client?: OpinionClient | undefined;
}): Promise<CheckResponse> {
  const local = i.detailed.response;
  const p = plan(i.detailed, i.profile, i.mode, i.settings);
  if (!p.send) return withStatus(local, p.status!);
  const settings = i.settings!;
  const model = settings.model;
  if (i.budget && !(await i.budget.take())) return withStatus(local, { status: 'unavailable', model, reason: "today's limit of second opinions is reached" });
  const redacted = redact(i.text, i.profile);
  // The SDK is loaded only when a post is sent (the CLI's start-up stays fast).
  const client = i.client ?? (await import('./client.ts')).opinionClient({ apiKey: settings.apiKey, baseURL: settings.baseURL });
  let message;
  try {
    message = await client.create(buildRequest({ model, profile: i.profile, ctx: i.detailed.ctx, redactedText: redacted.text }), AbortSignal.timeout(settings.timeoutMs));
  } catch (e) {
    return withStatus(local, { status: 'unavailable', model, reason: failure(e) });
  }
  const parsed = parseOpinion(message);
  if (!parsed.ok) return withStatus(local, { status: 'unavailable', model, reason: parsed.reason });
  const combined = combine({ text: i.text, redacted, profile: i.profile, local, opinion: parsed.opinion });
  // The rewrite keeps any placeholders: personal data is better left out of a post anyway.
  const rewrite = parsed.opinion.rewrite;
  return withStatus(combined, { status: 'used', model, reason: p.reasons.join('; '), ...(rewrite.trim() ? { rewrite } : {}) });
}

/** Why a call failed, in words (no content: the SDK's messages can quote the request). */
function failure(e: unknown): string {
  const name = (e as { name?: string })?.name ?? '';
  const status = (e as { status?: number })?.status;
  if (name === 'TimeoutError' || name === 'AbortError' || name === 'APIUserAbortError' || name === 'APIConnectionTimeoutError') return 'no answer in time';
  if (status === 429) return 'the model is rate-limited';
  if (typeof status === 'number' && status >= 500) return 'the model service had an error';
  if (typeof status === 'number') return `the model service refused the request (${status})`;
  return 'the model service could not be reached';
}
