// Idempotency-Key (issue 12) for POST routes whose repeat should not run twice: a retry
// with the same key and the same request, within 24 hours, gets the first response again
// (same status and body, plus Idempotent-Replayed: true) without running the request.
//   - a key is the caller's: it is scoped by the bearer token (two teams using the same
//     key never meet, nor can one read the other's result);
//   - the same key with a different request is 422 idempotency_key_reused; "the same
//     request" is a SHA-256 over the method, path, query, the headers named in `vary`,
//     the media type, and the body (canonical JSON, so key order and spacing don't count);
//   - while the first is running, a repeat is 409 idempotency_in_progress (Retry-After);
//   - only a 2xx is kept: after a refusal or a failure the key is free again, so a retry
//     runs (nothing was done the first time);
//   - a malformed key (empty, over 255 characters, not printable ASCII) is 400.
// The response is kept sealed (src/idempotency/store.ts says how). Middleware only: it
// reads the body once, puts it back for the handler, and does not care how routes are
// declared. It runs after the access checks. Nothing here logs anything of the request.

import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../env.ts';
import { idempotencyStore, type Caller } from '../idempotency/store.ts';
import { sha256Hex } from './access.ts';
import { bearerToken } from './admin-auth.ts';
import { jsonError } from './errors.ts';
import { isJsonType, readBodyBytes } from './json-body.ts';

export const MAX_IDEMPOTENCY_KEY = 255;
const WELL_FORMED = /^[\x20-\x7e]{1,255}$/u;

export const wellFormedKey = (key: string): boolean => WELL_FORMED.test(key) && key.trim().length > 0;

export interface IdempotencyOptions {
  /** The route's own body limit (a larger body is the same 413 the route gives). */
  maxBytes: number;
  /** Request headers that change the result, besides the media type (e.g. X-Review-Name). */
  vary?: readonly string[];
  /** The review a 2xx response created, so deleting the review forgets its record too. */
  reviewOf?: (body: unknown) => string | undefined;
}

/** JSON with object keys sorted at every level (arrays keep their order). */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    return `{${Object.keys(o).sort().map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** What makes two requests "the same" for a key. */
export async function fingerprintOf(c: Context, bytes: Uint8Array, vary: readonly string[] = []): Promise<string> {
  const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  const text = new TextDecoder().decode(bytes);
  let body = `raw:${text}`;
  if (isJsonType(type)) {
    // Deeply nested JSON could overflow the canonical form's recursion: then the bytes count.
    try { body = `json:${canonicalJson(JSON.parse(text))}`; } catch { /* not JSON: the raw text */ }
  }
  const query = [...new URL(c.req.url).searchParams.entries()].sort(([a, x], [b, y]) => (a === b ? (x < y ? -1 : x > y ? 1 : 0) : a < b ? -1 : 1));
  const headers = vary.map((h) => [h.toLowerCase(), c.req.header(h) ?? null]);
  return sha256Hex(JSON.stringify(['v1', c.req.method, c.req.path, query, type, headers, body]));
}

export const idempotency = (options: IdempotencyOptions) => createMiddleware<AppEnv>(async (c, next) => {
  if (c.req.method !== 'POST') return next();
  const key = c.req.header('idempotency-key');
  if (key === undefined) return next();
  if (!wellFormedKey(key)) {
    return jsonError(c, 400, 'invalid_idempotency_key', `Idempotency-Key must be 1 to ${MAX_IDEMPOTENCY_KEY} printable ASCII characters (a UUID is a good choice).`);
  }
  if (!c.env?.DB || !c.env.REVIEW_KEYS) {
    return jsonError(c, 503, 'idempotency_unavailable', 'This Worker has no D1 database (DB) and KV namespace (REVIEW_KEYS) to keep idempotent results in: send the request without Idempotency-Key, or bind them.');
  }
  const read = await readBodyBytes(c, options.maxBytes);
  if (!read.ok) return read.response;
  // The handler reads the body again: give it back the same bytes.
  c.req.raw = new Request(c.req.raw, { body: read.bytes.byteLength > 0 ? read.bytes : null });
  const caller: Caller = { token: bearerToken(c) ?? '', key };
  const store = idempotencyStore(c.env.DB, c.env.REVIEW_KEYS);
  const claim = await store.claim(caller, await fingerprintOf(c, read.bytes, options.vary));
  switch (claim.kind) {
    case 'mismatch':
      return jsonError(c, 422, 'idempotency_key_reused', 'This Idempotency-Key was already used for a different request in the last 24 hours: use a new key for a new request.');
    case 'in_progress':
      c.header('Retry-After', '1');
      return jsonError(c, 409, 'idempotency_in_progress', 'A request with this Idempotency-Key is still being handled: retry shortly to get its result.');
    case 'gone':
      return jsonError(c, 410, 'idempotent_result_gone', 'The review this Idempotency-Key created has since been deleted: use a new key to upload again.');
    case 'key_unavailable':
      c.header('Retry-After', '60');
      return jsonError(c, 503, 'idempotency_key_unavailable', 'The result of this Idempotency-Key was kept at another location and has not reached this one yet (up to a minute): try again shortly.');
    case 'replay':
      return new Response(claim.body, { status: claim.status, headers: { 'content-type': claim.contentType, 'Idempotent-Replayed': 'true' } });
  }
  try {
    await next();
  } catch (e) {
    await store.release(claim);
    throw e;
  }
  const res = c.res;
  if (res.status < 200 || res.status >= 300) { await store.release(claim); return; }
  const body = new Uint8Array(await res.clone().arrayBuffer());
  let reviewId: string | undefined;
  if (options.reviewOf) { try { reviewId = options.reviewOf(JSON.parse(new TextDecoder().decode(body))); } catch { reviewId = undefined; } }
  try {
    await store.complete(caller, claim, { status: res.status, contentType: res.headers.get('content-type') ?? 'application/json', body, reviewId });
  } catch (e) {
    // The request was done: answer it. Without a kept result, a retry runs it again.
    console.error(JSON.stringify({ event: 'idempotency_not_kept', requestId: c.get('requestId'), error: e instanceof Error ? e.name : 'error' }));
    await store.release(claim).catch(() => undefined);
  }
});
