// Reading a request body with clear errors: 415 when it is not the right type, 413 when
// it is over the size cap, 400 when JSON does not parse. Shared by every route that
// takes a body.

import type { Context } from 'hono';
import { jsonError } from './errors.ts';

export type JsonBody = { ok: true; body: unknown } | { ok: false; response: Response };

/** application/json, or any +json type. */
export const isJsonType = (type: string) => /^application\/(?:[\w.+-]+\+)?json\b/iu.test(type);

/** The body's bytes, or a 413 when it is over `maxBytes` bytes. A declared length over
 * the limit is refused before reading; otherwise the body is read as a stream and
 * reading stops as soon as the bytes pass the limit (chunked uploads send no length). */
export async function readBodyBytes(c: Context, maxBytes: number): Promise<{ ok: true; bytes: Uint8Array } | { ok: false; response: Response }> {
  const tooLarge = () => ({ ok: false as const, response: jsonError(c, 413, 'payload_too_large', `The request body may be at most ${maxBytes} bytes.`, { limit: maxBytes }) });
  if (Number(c.req.header('content-length') ?? '0') > maxBytes) return tooLarge();
  const body = c.req.raw.body;
  if (!body) return { ok: true, bytes: new Uint8Array(0) };
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    if (bytes > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return tooLarge();
    }
    chunks.push(value);
  }
  const all = new Uint8Array(bytes);
  let at = 0;
  for (const chunk of chunks) { all.set(chunk, at); at += chunk.byteLength; }
  return { ok: true, bytes: all };
}

/** The body as text (UTF-8), or a 413 when it is over `maxBytes` bytes (readBodyBytes). */
export async function readBodyText(c: Context, maxBytes: number): Promise<{ ok: true; text: string } | { ok: false; response: Response }> {
  const read = await readBodyBytes(c, maxBytes);
  return read.ok ? { ok: true, text: new TextDecoder().decode(read.bytes) } : read;
}

export async function readJsonBody(c: Context, maxBytes: number): Promise<JsonBody> {
  const type = c.req.header('content-type') ?? '';
  if (!isJsonType(type)) {
    return { ok: false, response: jsonError(c, 415, 'unsupported_media_type', 'Send JSON with Content-Type: application/json.', { received: type || null }) };
  }
  const read = await readBodyText(c, maxBytes);
  if (!read.ok) return read;
  try {
    return { ok: true, body: JSON.parse(read.text) };
  } catch {
    return { ok: false, response: jsonError(c, 400, 'invalid_json', 'The request body is not valid JSON.') };
  }
}
