// What an API token is tied to (issue 12): at most one council profile, and a default
// author role and channel, so a client that knows only the server and its key (a plain
// LanguageTool client, a scheduler) gets that council's judgement for that kind of
// account. The profile is a limit (a request for another council is refused); the role
// and channel are defaults (a request that says its own wins). Pure.

import * as z from 'zod';
import { AuthorRoleSchema, ChannelSchema, type ContextInput } from '../schema/check.ts';

export const TokenScopeSchema = z.object({
  /** The council profile this token may check against, and checks against by default. */
  profile: z.string().min(1).max(100).optional(),
  /** Defaults for a request's context that does not say. */
  authorRole: AuthorRoleSchema.optional(),
  channel: ChannelSchema.optional(),
  /** Who or what the token is for (shown nowhere but the store). */
  label: z.string().max(200).optional(),
  createdAt: z.string().optional(),
}).strict();

export type TokenScope = z.infer<typeof TokenScopeSchema>;

export type Scoped<T> = { ok: true; value: T } | { ok: false; code: 'token_scope'; message: string; allowed: string };

/** The profile a request is checked against under a token: the request's, which must
 * be the token's own when the token has one, else the token's. */
export function scopedProfile(scope: TokenScope | undefined, requested: string | undefined): Scoped<string | undefined> {
  if (!scope?.profile) return { ok: true, value: requested };
  if (requested !== undefined && requested !== scope.profile) {
    return { ok: false, code: 'token_scope', message: `This API token is for the ${scope.profile} profile only; it cannot check against ${requested}.`, allowed: scope.profile };
  }
  return { ok: true, value: scope.profile };
}

/** The request's context with the token's role and channel filled in where it says none. */
export function scopedContext<C extends ContextInput | undefined>(scope: TokenScope | undefined, context: C): C | ContextInput {
  if (!scope?.authorRole && !scope?.channel) return context;
  const out: ContextInput = { ...(context ?? {}) };
  if (out.authorRole === undefined && scope.authorRole) out.authorRole = scope.authorRole;
  // A council account always posts on the official channel; a token's channel fills in
  // only where the role leaves it open.
  if (out.channel === undefined && scope.channel && out.authorRole !== 'council_account') out.channel = scope.channel;
  return out;
}
