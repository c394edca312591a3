// Access to the API:
//  - CORS: only the origins in CORS_ORIGINS (the browser extension's) may call the API
//    from a browser; the Worker's own page is same-origin and needs no CORS.
//  - API tokens: when API_TOKENS (hashed tokens, a Worker secret) is set, or the TOKENS
//    KV namespace of scoped tokens is bound, every /v1/ route needs Authorization:
//    Bearer <token> (401 without, 403 for a wrong one); the admin and team tokens are
//    accepted too. A scoped token (src/tokens/) sets c.var.tokenScope: its council and
//    default role and channel, which the check routes apply. Tokens are compared as SHA-256 digests in
//    constant time. With none set, a deployed Worker refuses /v1/ (503
//    access_not_configured); only `npm run dev` (LOCAL_OPEN_ACCESS=true) is open, and
//    /v1/health says which.
//  - Rate limits per token and, for missing or wrong tokens, per address (rate-limit.ts).

import type { Context } from 'hono';
import { cors } from 'hono/cors';
import { createMiddleware } from 'hono/factory';
import type { AppEnv, Bindings } from '../env.ts';
import { bearerToken, sameSecret, strongSecret } from './admin-auth.ts';
import { clientAddress, overLimit } from './rate-limit.ts';
import { errorBody } from './errors.ts';
import { scopeOfDigest } from '../tokens/store.ts';

const split = (s: string | undefined) => (s ?? '').split(/[\s,]+/u).map((x) => x.trim()).filter(Boolean);

export function allowedOrigins(env: Bindings | undefined): string[] {
  return split(env?.CORS_ORIGINS);
}

export function tokenHashes(env: Bindings | undefined): string[] {
  return split(env?.API_TOKENS).map((h) => h.toLowerCase());
}

export async function sha256Hex(s: string): Promise<string> {
  const d = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(s)));
  return [...d].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export const apiCors = () => cors({
  origin: (origin, c) => (allowedOrigins(c.env as Bindings | undefined).includes(origin) ? origin : null),
  allowMethods: ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS'],
  allowHeaders: ['content-type', 'authorization', 'idempotency-key', 'x-request-id'],
  // Readable by the calling script: which request this was, and whether it was a replay.
  exposeHeaders: ['x-request-id', 'idempotent-replayed', 'retry-after'],
  maxAge: 600,
});

/** The API may answer without tokens: only under `npm run dev` (LOCAL_OPEN_ACCESS=true),
 * or in-process with no Worker environment at all (the Node tests). */
export const openLocally = (env: Bindings | undefined): boolean => env === undefined || env.LOCAL_OPEN_ACCESS === 'true';

/** How the API is reached: "token", "open" (local development) or "closed" (a
 * deployment with neither API_TOKENS nor the TOKENS namespace of scoped tokens: /v1/
 * answers 503 until one is set). */
export function accessMode(env: Bindings | undefined, hashes: readonly string[] = tokenHashes(env)): 'token' | 'open' | 'closed' {
  if (hashes.length > 0) return 'token';
  if (openLocally(env)) return 'open';
  return env?.TOKENS ? 'token' : 'closed';
}

/** Where a request's token is: the Bearer header, or (LanguageTool's clients) also a
 * form field the route has read. */
export type TokenSource = (c: Context<AppEnv>) => string | undefined;

export const requireApiToken = (tokenOf: TokenSource = bearerToken) => createMiddleware<AppEnv>(async (c, next) => {
  if (c.req.method === 'OPTIONS') return next();
  const hashes = tokenHashes(c.env);
  const mode = accessMode(c.env, hashes);
  if (mode === 'open') {
    // No token is needed, but a scoped one still brings its council and defaults.
    const given = tokenOf(c);
    const scope = given === undefined || !c.env?.TOKENS ? null : await scopeOfDigest(c.env.TOKENS, await sha256Hex(given));
    if (scope) c.set('tokenScope', scope);
    return next();
  }
  // Health stays answerable (it holds no data) so a monitor can see what is wrong.
  if (mode === 'closed') {
    if (c.req.path.replace(/\/+$/u, '') === '/v1/health') return next();
    return c.json(errorBody('access_not_configured', 'This checker has no API tokens configured, so it answers nobody. Set the API_TOKENS secret (digests from `council-post-check token new`), or run it locally with npm run dev.'), 503);
  }
  const token = tokenOf(c);
  if (token === undefined) {
    const limited = await overLimit(c, 'ip', clientAddress(c));
    if (limited) return limited;
    c.header('WWW-Authenticate', 'Bearer realm="council-post-check"');
    return c.json(errorBody('unauthorized', 'This API needs a token: send Authorization: Bearer <token>.'), 401);
  }
  const hash = await sha256Hex(token);
  let ok = false;
  for (const h of hashes) ok = (await sameSecret(hash, h)) || ok; // every hash compared, in constant time
  const admin = strongSecret(c.env?.ADMIN_TOKEN);
  const team = strongSecret(c.env?.TEAM_TOKEN);
  if (!ok && admin) ok = await sameSecret(token, admin);
  if (!ok && team) ok = await sameSecret(token, team);
  if (!ok) {
    // A scoped token (the TOKENS namespace): valid, tied to its council and defaults.
    const scope = await scopeOfDigest(c.env?.TOKENS, hash);
    if (scope) { ok = true; c.set('tokenScope', scope); }
  }
  if (!ok) return (await overLimit(c, 'ip', clientAddress(c))) ?? c.json(errorBody('forbidden', 'The API token is not valid.'), 403);
  const limited = await overLimit(c, 'token', hash.slice(0, 16));
  if (limited) return limited;
  return next();
});
