// Reading a JSON request body with clear errors: 415 when it is not JSON, 413 when it is
// over the size cap, 400 when it does not parse. Shared by every route that takes JSON.

import type { Context } from 'hono';
import { jsonError } from './errors.ts';

export type JsonBody = { ok: true; body: unknown } | { ok: false; response: Response };

export async function readJsonBody(c: Context, maxBytes: number): Promise<JsonBody> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/(?:[\w.+-]+\+)?json\b/iu.test(type)) {
    return { ok: false, response: jsonError(c, 415, 'unsupported_media_type', 'Send JSON with Content-Type: application/json.', { received: type || null }) };
  }
  const tooLarge = () => ({ ok: false as const, response: jsonError(c, 413, 'payload_too_large', `The request body may be at most ${maxBytes} bytes.`, { limit: maxBytes }) });
  if (Number(c.req.header('content-length') ?? '0') > maxBytes) return tooLarge();
  const raw = await c.req.text();
  if (raw.length > maxBytes) return tooLarge();
  try {
    return { ok: true, body: JSON.parse(raw) };
  } catch {
    return { ok: false, response: jsonError(c, 400, 'invalid_json', 'The request body is not valid JSON.') };
  }
}
