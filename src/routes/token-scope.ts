// Applying a scoped API token (c.var.tokenScope, set by requireApiToken) to a request:
// its council is the only one it may check against (403 token_scope otherwise) and the
// default; its role and channel fill in a context that does not say.

import type { Context } from 'hono';
import type { AppEnv } from '../env.ts';
import type { ContextInput } from '../schema/check.ts';
import { scopedContext, scopedProfile } from '../tokens/scope.ts';
import { jsonError } from './errors.ts';

export function withTokenScope<R extends { profile?: string | undefined; context?: ContextInput | undefined }>(c: Context<AppEnv>, request: R): { ok: true; request: R } | { ok: false; response: Response } {
  const scope = c.get('tokenScope');
  if (!scope) return { ok: true, request };
  const profile = scopedProfile(scope, request.profile);
  if (!profile.ok) return { ok: false, response: jsonError(c, 403, profile.code, profile.message, { allowed: profile.allowed }) };
  const context = scopedContext(scope, request.context);
  return { ok: true, request: { ...request, ...(profile.value !== undefined ? { profile: profile.value } : {}), ...(context !== undefined ? { context } : {}) } };
}
