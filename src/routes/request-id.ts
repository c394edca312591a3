// Every response carries an X-Request-Id (the caller's, when it sent a sane one, else a
// new UUID) and X-Content-Type-Options: nosniff, and every JSON error body carries the
// same id as error.requestId. The id is what the 500 handler logs, so a user's report can
// be matched to a log line that holds no request content. Nothing here reads or logs a
// request body.
//
// The error bodies are completed here, after the handler, rather than where each error
// is made: one place covers every route, the 404/405/413/429 answers, the access and
// secret checks and any validator a router adds later.

import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../env.ts';

/** Printable ASCII (space to tilde), 1 to 128 characters. */
const SANE = /^[\x20-\x7e]{1,128}$/u;

export const saneRequestId = (given: string | undefined): given is string => given !== undefined && SANE.test(given);

export const requestIds = () => createMiddleware<AppEnv>(async (c, next) => {
  const given = c.req.header('x-request-id');
  const id = saneRequestId(given) ? given : crypto.randomUUID();
  c.set('requestId', id);
  await next();
  await withRequestIdInError(c, id);
  c.res.headers.set('X-Request-Id', id);
  c.res.headers.set('X-Content-Type-Options', 'nosniff');
});

/** A JSON error response ({ error: {...} }) gets error.requestId, once. */
async function withRequestIdInError(c: Context, id: string): Promise<void> {
  const res = c.res;
  if (res.status < 400 || !res.body || !/\bjson\b/iu.test(res.headers.get('content-type') ?? '')) return;
  let body: unknown;
  try { body = await res.clone().json(); } catch { return; }
  const error = (body as { error?: unknown } | null)?.error;
  if (!error || typeof error !== 'object' || Array.isArray(error) || 'requestId' in error) return;
  (error as Record<string, unknown>).requestId = id;
  const headers = new Headers(res.headers);
  headers.delete('content-length');
  // Unset first: Hono's setter would otherwise copy the old response's headers over.
  c.res = undefined;
  c.res = new Response(JSON.stringify(body), { status: res.status, statusText: res.statusText, headers });
}
