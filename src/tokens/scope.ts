// What an API token is tied to (issue 12): at most one council profile, and a default
// author role and channel, so a client that knows only the server and its key (a plain
// LanguageTool client, a scheduler) gets that council's judgement for that kind of
// account. A team token (kind "team") is tied to one or more councils: it sees only
// their saved reviews. The profile is a limit (a request for another council is refused); the role
// and channel are defaults (a request that says its own wins). Pure.

import * as z from 'zod';
import { AuthorRoleSchema, ChannelSchema, type ContextInput } from '../schema/check.ts';

export const TokenScopeSchema = z.object({
  /** "api" (default): a token for checking. "team": a communications team's token for
   * saved reviews, which sees only the reviews of its councils. */
  kind: z.enum(['api', 'team']).optional(),
  /** The council profile this token may check against, and checks against by default. */
  profile: z.string().min(1).max(100).optional(),
  /** A team token's councils (the first is its default). */
  councils: z.array(z.string().min(1).max(100)).min(1).max(50).optional(),
  /** Defaults for a request's context that does not say. */
  authorRole: AuthorRoleSchema.optional(),
  channel: ChannelSchema.optional(),
  /** Who or what the token is for (shown nowhere but the store). */
  label: z.string().max(200).optional(),
  createdAt: z.string().optional(),
}).strict();

export type TokenScope = z.infer<typeof TokenScopeSchema>;

/** The profiles a token may use, or undefined for any. */
export function allowedProfiles(scope: TokenScope | undefined): string[] | undefined {
  if (!scope) return undefined;
  return scope.profile ? [scope.profile] : scope.councils;
}

export type Scoped<T> = { ok: true; value: T } | { ok: false; code: 'token_scope'; message: string; allowed: string[] };

/** The profile a request is checked against under a token: the request's, which must
 * be the token's own when the token has one, else the token's. */
export function scopedProfile(scope: TokenScope | undefined, requested: string | undefined): Scoped<string | undefined> {
  const allowed = allowedProfiles(scope);
  if (!allowed) return { ok: true, value: requested };
  if (requested !== undefined && !allowed.includes(requested)) return outOfScope(allowed, requested);
  return { ok: true, value: requested ?? allowed[0] };
}

export function outOfScope(allowed: readonly string[], requested: string): { ok: false; code: 'token_scope'; message: string; allowed: string[] } {
  return { ok: false, code: 'token_scope', message: `This token is for ${allowed.length === 1 ? `the ${allowed[0]} profile` : `the profiles ${allowed.join(', ')}`} only; it cannot use ${requested}.`, allowed: [...allowed] };
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
