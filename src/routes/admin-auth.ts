// Bearer-token middleware for secrets held as Worker secrets: the admin token for
// changing profiles (ADMIN_TOKEN) and the team token for saved reviews (TEAM_TOKEN).
// The comparison is constant-time over SHA-256 digests, so neither the content nor the
// length of the token leaks through timing.
//   no secret configured -> 403 (the feature is off); one shorter than 32 characters ->
//   503 weak_secret (off, saying why); no bearer token -> 401; wrong token -> 403.

import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { AppEnv, Bindings } from '../env.ts';
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

/** The token of an `Authorization: Bearer <token>` header, if there is one. */
export function bearerToken(c: Context): string | undefined {
  return /^Bearer\s+(\S+)\s*$/iu.exec(c.req.header('authorization') ?? '')?.[1];
}

/** The shortest admin or team token accepted: 32 characters (e.g. `openssl rand -hex 32`
 * gives 64). A shorter one switches its feature off rather than protect it weakly. */
export const MIN_SECRET_LENGTH = 32;

/** The secret when it is strong enough to use, else undefined. */
export const strongSecret = (secret: string | undefined): string | undefined =>
  secret !== undefined && secret.length >= MIN_SECRET_LENGTH ? secret : undefined;

interface SecretGate {
  /** The secret's name, for the message when it is too short. */
  name: string;
  secretOf: (env: Bindings) => string | undefined;
  /** The error when the secret is not configured (the feature is switched off). */
  disabled: { code: string; message: string };
  realm: string;
  missing: string;
  wrong: string;
}

export const requireSecret = (gate: SecretGate) => createMiddleware<AppEnv>(async (c, next) => {
  const secret = c.env ? gate.secretOf(c.env) : undefined;
  if (!secret) return c.json(errorBody(gate.disabled.code, gate.disabled.message), 403);
  if (!strongSecret(secret)) {
    return c.json(errorBody('weak_secret', `${gate.name} is set but shorter than ${MIN_SECRET_LENGTH} characters, so this feature is off until it is replaced by a strong one (e.g. openssl rand -hex 32).`), 503);
  }
  const token = bearerToken(c);
  if (token === undefined) {
    c.header('WWW-Authenticate', `Bearer realm="${gate.realm}"`);
    return c.json(errorBody('unauthorized', gate.missing), 401);
  }
  if (!(await sameSecret(token, secret))) return c.json(errorBody('forbidden', gate.wrong), 403);
  await next();
});

export const requireAdmin = () => requireSecret({
  name: 'ADMIN_TOKEN',
  secretOf: (env) => env.ADMIN_TOKEN,
  disabled: { code: 'admin_disabled', message: 'Profile uploads are disabled: set the ADMIN_TOKEN secret (wrangler secret put ADMIN_TOKEN, or .dev.vars locally).' },
  realm: 'council-post-check admin',
  missing: 'Send the admin token as Authorization: Bearer <token>.',
  wrong: 'The admin token is not valid.',
});
