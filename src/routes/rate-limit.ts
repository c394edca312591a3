// Rate limits through the Workers Rate Limiting binding (wrangler.toml [[ratelimits]]):
//  - RATE_LIMIT_TOKEN: requests per API token (keyed by a prefix of the token's digest);
//  - RATE_LIMIT_IP: unauthenticated and failed attempts per client address, so guessing
//    tokens is slow.
// Over a limit: 429 with Retry-After and the RateLimit / RateLimit-Policy headers of the
// IETF draft (the binding does not say how many remain, so only the refusal carries
// "remaining=0"). Without the bindings (the Node tests, the CLI) nothing is limited.

import type { Context } from 'hono';
import type { AppEnv } from '../env.ts';
import { errorBody } from './errors.ts';

/** The limits configured in wrangler.toml, for the headers (a test checks they agree). */
export const RATE_LIMITS = {
  token: { limit: 600, period: 60 },
  ip: { limit: 30, period: 60 },
} as const;

export type Limiter = keyof typeof RATE_LIMITS;

/** The client's address as Cloudflare reports it (not X-Forwarded-For, which anyone can set). */
export const clientAddress = (c: Context<AppEnv>): string => c.req.header('cf-connecting-ip') ?? 'unknown';

/** Count one request against `key`; undefined when allowed, else the 429 to send. */
export async function overLimit(c: Context<AppEnv>, which: Limiter, key: string): Promise<Response | undefined> {
  const binding = which === 'token' ? c.env?.RATE_LIMIT_TOKEN : c.env?.RATE_LIMIT_IP;
  if (!binding) return undefined;
  const { limit, period } = RATE_LIMITS[which];
  c.header('RateLimit-Policy', `${limit};w=${period}`);
  let success = true;
  try { ({ success } = await binding.limit({ key: `${which}:${key}` })); } catch { success = true; /* the limiter being down must not take the API down */ }
  if (success) return undefined;
  c.header('Retry-After', String(period));
  c.header('RateLimit', `limit=${limit}, remaining=0, reset=${period}`);
  const who = which === 'token' ? 'this API token' : 'this address (unauthenticated or failed attempts)';
  return c.json(errorBody('rate_limited', `Too many requests from ${who}: at most ${limit} per ${period} s. Try again in ${period} s.`, { retryAfter: period }), 429);
}
