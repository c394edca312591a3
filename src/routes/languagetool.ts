// LanguageTool-compatible endpoints (issue 12), so LanguageTool's browser add-on,
// LibreOffice, editor plugins and client libraries can use this Worker as their server:
//   POST /v2/check      form-encoded (as every LanguageTool client sends it), multipart or
//                       JSON; `text` or annotated `data`, `language`; optional `profile`,
//                       `authorRole`, `channel`, `postedAt`, `secondOpinion`. The token may come as a
//                       Bearer header or as LanguageTool's `apiKey` field.
//   GET  /v2/languages  the languages accepted.
// The shape conversion is src/languagetool/shape.ts; the check is /v1/check's own.
// The draft is never logged.

import { Hono } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../env.ts';
import { LANGUAGES, LanguageToolRequestSchema, textOf, toLanguageTool } from '../languagetool/shape.ts';
import { ENGINE_VERSION } from '../pipeline/analyze.ts';
import { contextFromFields, ContextInputSchema, MAX_TEXT_LENGTH } from '../schema/check.ts';
import { apiCors, requireApiToken } from './access.ts';
import { bearerToken } from './admin-auth.ts';
import { checkPost, MAX_BODY_BYTES } from './check.ts';
import { jsonError, zodIssues } from './errors.ts';
import { isJsonType, readBodyBytes } from './json-body.ts';
import { unknownProfile } from './profiles.ts';
import { withTokenScope } from './token-scope.ts';

const FORM = /^application\/x-www-form-urlencoded\b/iu;
const MULTIPART = /^multipart\/form-data\b/iu;

/** Reads the body's fields once (form, multipart or a JSON object of strings) into
 * c.var.form; 415 for other types, 413 over the size cap, 400 for bad JSON. */
const readForm = () => createMiddleware<AppEnv>(async (c, next) => {
  if (c.req.method !== 'POST') return next();
  const type = c.req.header('content-type') ?? '';
  if (!FORM.test(type) && !MULTIPART.test(type) && !isJsonType(type)) {
    return jsonError(c, 415, 'unsupported_media_type', 'Send the fields form-encoded (application/x-www-form-urlencoded), as multipart/form-data or as JSON.', { received: type || null });
  }
  const read = await readBodyBytes(c, MAX_BODY_BYTES);
  if (!read.ok) return read.response;
  const form: Record<string, string> = {};
  if (isJsonType(type)) {
    let body: unknown;
    try { body = JSON.parse(new TextDecoder().decode(read.bytes)); } catch { return jsonError(c, 400, 'invalid_json', 'The request body is not valid JSON.'); }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return jsonError(c, 400, 'invalid_request', 'The JSON body must be an object of fields.');
    for (const [k, v] of Object.entries(body)) {
      // LanguageTool's `data` may come as an object in JSON; everything else is a string.
      if (typeof v === 'string') form[k] = v;
      else if (k === 'data' && typeof v === 'object' && v !== null) form[k] = JSON.stringify(v);
      else if (typeof v === 'number' || typeof v === 'boolean') form[k] = String(v);
    }
  } else {
    let fields: Iterable<[string, unknown]>;
    try {
      fields = FORM.test(type)
        ? new URLSearchParams(new TextDecoder().decode(read.bytes))
        : await new Response(read.bytes, { headers: { 'content-type': type } }).formData();
    } catch {
      return jsonError(c, 400, 'invalid_form', 'The form body could not be read.');
    }
    for (const [k, v] of fields) if (typeof v === 'string' && !(k in form)) form[k] = v;
  }
  c.set('form', form);
  return next();
});

export const languageToolRoutes = new Hono<AppEnv>();

languageToolRoutes.use('*', apiCors());
languageToolRoutes.use('/check', readForm());
languageToolRoutes.use('/check', requireApiToken((c) => bearerToken(c) ?? (c.get('form')?.['apiKey'] || undefined)));

languageToolRoutes.get('/languages', (c) => c.json(LANGUAGES));

languageToolRoutes.post('/check', async (c) => {
  const parsed = LanguageToolRequestSchema.safeParse(c.get('form') ?? {});
  if (!parsed.success) return jsonError(c, 400, 'invalid_request', 'The request does not match LanguageTool\'s /v2/check fields.', { issues: zodIssues(parsed.error) });
  const got = textOf(parsed.data);
  if (!got.ok) return jsonError(c, 400, 'invalid_request', got.message, { issues: [{ path: 'data', message: got.message }] });
  const text = got.text;
  if (text.length > MAX_TEXT_LENGTH) {
    return jsonError(c, 413, 'text_too_long', `text may be at most ${MAX_TEXT_LENGTH} characters; this one has ${text.length}.`, { limit: MAX_TEXT_LENGTH, length: text.length });
  }
  const { authorRole, channel, postedAt } = parsed.data;
  const context = ContextInputSchema.safeParse(contextFromFields({ authorRole, channel, postedAt }));
  if (!context.success) return jsonError(c, 400, 'invalid_request', 'authorRole, channel or postedAt is not valid.', { issues: zodIssues(context.error) });
  // LanguageTool clients also send an empty text; it is simply clean.
  const { profile, secondOpinion } = parsed.data;
  // A scoped token (e.g. a LanguageTool client that knows only the server and its key)
  // brings its council and default role and channel.
  const scoped = withTokenScope(c, { text, ...(profile ? { profile } : {}), ...(secondOpinion ? { secondOpinion } : {}), context: context.data });
  if (!scoped.ok) return scoped.response;
  const response = await checkPost(c.env, scoped.request);
  if (!response) return unknownProfile(c, scoped.request.profile);
  return c.json(toLanguageTool(text, parsed.data.language, response, ENGINE_VERSION));
});
