// Access to the API:
//  - CORS: only the origins in CORS_ORIGINS (the browser extension's) may call the API
//    from a browser; the Worker's own page is same-origin and needs no CORS.
//  - API tokens: when API_TOKENS (hashed tokens, a Worker secret) is set, every /v1/
//    route needs Authorization: Bearer <token> (401 without, 403 for a wrong one); the
//    admin and team tokens are accepted too. With none set (local development) the API is open, and
//    /v1/health says so. Tokens are compared as SHA-256 digests in constant time.

import { cors } from 'hono/cors';
import { createMiddleware } from 'hono/factory';
import type { AppEnv, Bindings } from '../env.ts';
import { bearerToken, sameSecret } from './admin-auth.ts';
import { errorBody } from './errors.ts';

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
  allowHeaders: ['content-type', 'authorization'],
  maxAge: 600,
});

export const requireApiToken = () => createMiddleware<AppEnv>(async (c, next) => {
  const hashes = tokenHashes(c.env);
  if (hashes.length === 0 || c.req.method === 'OPTIONS') return next();
  const token = bearerToken(c);
  if (token === undefined) {
    c.header('WWW-Authenticate', 'Bearer realm="council-post-check"');
    return c.json(errorBody('unauthorized', 'This API needs a token: send Authorization: Bearer <token>.'), 401);
  }
  const hash = await sha256Hex(token);
  let ok = false;
  for (const h of hashes) ok = (await sameSecret(hash, h)) || ok; // every hash compared, in constant time
  if (!ok && c.env?.ADMIN_TOKEN) ok = await sameSecret(token, c.env.ADMIN_TOKEN);
  if (!ok && c.env?.TEAM_TOKEN) ok = await sameSecret(token, c.env.TEAM_TOKEN);
  if (!ok) return c.json(errorBody('forbidden', 'The API token is not valid.'), 403);
  return next();
});
