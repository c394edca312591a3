// Scoped API tokens kept in Workers KV (binding TOKENS): the key is `token:<SHA-256 hex
// of the token>`, the value the token's scope as JSON (src/tokens/scope.ts). Only the
// digest is stored, so the namespace leaks no token. Managed with
// `council-post-check token new --profile ID --role ROLE` (which writes the entry with
// wrangler) and `token revoke DIGEST`. A lookup is cached in the isolate for a minute,
// so a check does not wait on KV each time; a revoked token stops within that minute.

import { TokenScopeSchema, type TokenScope } from './scope.ts';

export const TOKEN_KEY_PREFIX = 'token:';
const CACHE_MS = 60_000;
const MAX_CACHED = 1000;
const cache = new Map<string, { scope: TokenScope | null; until: number }>();

/** The scope stored for a token's digest; null when there is none (or it is unreadable). */
export async function scopeOfDigest(kv: KVNamespace | undefined, digest: string, now = Date.now()): Promise<TokenScope | null> {
  if (!kv) return null;
  const hit = cache.get(digest);
  if (hit && hit.until > now) return hit.scope;
  const raw = await kv.get(TOKEN_KEY_PREFIX + digest, 'json');
  const parsed = raw === null ? undefined : TokenScopeSchema.safeParse(raw);
  const scope = parsed?.success ? parsed.data : null;
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(digest, { scope, until: now + CACHE_MS });
  return scope;
}

/** Forget cached lookups (tests; a revocation seen by this isolate). */
export function clearTokenCache(): void { cache.clear(); }
