// Middleware: the admin token for changing profiles. The token is a Worker secret
// (ADMIN_TOKEN); the comparison is constant-time over SHA-256 digests, so neither the
// content nor the length of the token leaks through timing.
//   no secret configured -> 403 admin_disabled; no bearer token -> 401; wrong token -> 403.

import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../env.ts';
import { errorBody } from './errors.ts';

async function digest(s: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(s)));
}

/** Constant-time equality of two strings (compares their SHA-256 digests). */
export async function sameSecret(a: string, b: string): Promise<boolean> {
  const [x, y] = await Promise.all([digest(a), digest(b)]);
  let diff = 0;
  for (let i = 0; i < x.length; i++) diff |= x[i]! ^ y[i]!;
  return diff === 0;
}

export const requireAdmin = () => createMiddleware<AppEnv>(async (c, next) => {
  const secret = c.env?.ADMIN_TOKEN;
  if (!secret) {
    return c.json(errorBody('admin_disabled', 'Profile uploads are disabled: set the ADMIN_TOKEN secret (wrangler secret put ADMIN_TOKEN, or .dev.vars locally).'), 403);
  }
  const header = c.req.header('authorization') ?? '';
  const match = /^Bearer\s+(\S+)\s*$/iu.exec(header);
  if (!match) {
    c.header('WWW-Authenticate', 'Bearer realm="council-post-check admin"');
    return c.json(errorBody('unauthorized', 'Send the admin token as Authorization: Bearer <token>.'), 401);
  }
  if (!(await sameSecret(match[1]!, secret))) {
    return c.json(errorBody('forbidden', 'The admin token is not valid.'), 403);
  }
  await next();
});
