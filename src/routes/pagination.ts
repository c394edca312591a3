// Cursor pagination for lists ordered newest first by created time, then id (issue 12):
// ?limit= (default 50, at most 200) and ?cursor= (opaque: the last item's created time
// and id, base64url). The next page starts strictly after that position, so items added
// or removed meanwhile never shift a page. A malformed limit or cursor is a 400.

import type { Context } from 'hono';
import { jsonError } from './errors.ts';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

/** Where a page ends: the last item's created time (ISO, as toISOString gives) and id. */
export interface Position { createdAt: string; id: string }

const VERSION = 'p1';
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/u;
const ID = /^[\w-]{1,100}$/u;

const toBase64Url = (s: string) => btoa(s).replace(/\+/gu, '-').replace(/\//gu, '_').replace(/=+$/u, '');

export function encodeCursor(p: Position): string {
  return toBase64Url(`${VERSION}|${p.createdAt}|${p.id}`);
}

export function decodeCursor(cursor: string): Position | undefined {
  if (!/^[\w-]{1,400}$/u.test(cursor)) return undefined;
  let text: string;
  try { text = atob(cursor.replace(/-/gu, '+').replace(/_/gu, '/')); } catch { return undefined; }
  const [version, createdAt, id, ...rest] = text.split('|');
  if (version !== VERSION || rest.length > 0 || !createdAt || !id || !ISO.test(createdAt) || !ID.test(id)) return undefined;
  if (Number.isNaN(Date.parse(createdAt))) return undefined;
  return { createdAt, id };
}

export type PageRequest = { ok: true; limit: number; after: Position | undefined } | { ok: false; response: Response };

/** ?limit= and ?cursor= of this request, or the 400 to send. */
export function readPage(c: Context): PageRequest {
  const rawLimit = c.req.query('limit');
  const rawCursor = c.req.query('cursor');
  let limit = DEFAULT_PAGE_SIZE;
  if (rawLimit !== undefined) {
    limit = /^\d{1,4}$/u.test(rawLimit) ? Number(rawLimit) : NaN;
    if (!(limit >= 1 && limit <= MAX_PAGE_SIZE)) {
      return { ok: false, response: jsonError(c, 400, 'invalid_request', `limit is a whole number from 1 to ${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE}).`, { issues: [{ path: 'limit', message: `must be 1 to ${MAX_PAGE_SIZE}` }] }) };
    }
  }
  let after: Position | undefined;
  if (rawCursor !== undefined) {
    after = decodeCursor(rawCursor);
    if (!after) return { ok: false, response: jsonError(c, 400, 'invalid_cursor', 'cursor is not one this API gave out: pass the nextCursor of the previous page as it is, or leave it out to start from the newest.', { issues: [{ path: 'cursor', message: 'not a cursor from this API' }] }) };
  }
  return { ok: true, limit, after };
}
