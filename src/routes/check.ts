// POST /v1/check: validate, analyse, respond. The draft is never logged.

import { Hono } from 'hono';
import { analyze } from '../pipeline/analyze.ts';
import { getProfile, profileIds } from '../profiles/index.ts';
import { CheckRequestSchema, MAX_TEXT_LENGTH } from '../schema/check.ts';
import { jsonError, zodIssues } from './errors.ts';

/** Largest request body accepted, in bytes (20,000 characters of 4-byte UTF-8 plus JSON). */
export const MAX_BODY_BYTES = 128 * 1024;

export const checkRoutes = new Hono();

checkRoutes.post('/', async (c) => {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/(?:[\w.+-]+\+)?json\b/iu.test(type)) {
    return jsonError(c, 415, 'unsupported_media_type', 'Send the draft as JSON with Content-Type: application/json.', { received: type || null });
  }
  const declared = Number(c.req.header('content-length') ?? '0');
  if (declared > MAX_BODY_BYTES) {
    return jsonError(c, 413, 'payload_too_large', `The request body may be at most ${MAX_BODY_BYTES} bytes.`, { limit: MAX_BODY_BYTES });
  }
  const raw = await c.req.text();
  if (raw.length > MAX_BODY_BYTES) {
    return jsonError(c, 413, 'payload_too_large', `The request body may be at most ${MAX_BODY_BYTES} bytes.`, { limit: MAX_BODY_BYTES });
  }
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    return jsonError(c, 400, 'invalid_json', 'The request body is not valid JSON.');
  }
  const text = (body as { text?: unknown } | null)?.text;
  if (typeof text === 'string' && text.length > MAX_TEXT_LENGTH) {
    return jsonError(c, 413, 'text_too_long', `text may be at most ${MAX_TEXT_LENGTH} characters; this one has ${text.length}.`, { limit: MAX_TEXT_LENGTH, length: text.length });
  }
  const parsed = CheckRequestSchema.safeParse(body);
  if (!parsed.success) {
    return jsonError(c, 400, 'invalid_request', 'The request does not match the schema.', { issues: zodIssues(parsed.error) });
  }
  const profile = getProfile(parsed.data.profile);
  if (!profile) {
    return jsonError(c, 404, 'unknown_profile', `No council profile "${parsed.data.profile}".`, { known: profileIds() });
  }
  return c.json(analyze(parsed.data.text, { profile, context: parsed.data.context }));
});
