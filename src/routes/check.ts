// POST /v1/check: validate, find the council profile (uploaded or bundled), analyse,
// ask for Claude's second opinion where allowed and unsettled, respond. The draft is
// never logged.

import { Hono } from 'hono';
import type { AppEnv, Bindings } from '../env.ts';
import { analyzeDetailed, withSafeReplacements } from '../pipeline/analyze.ts';
import { DEFAULT_PROFILE_ID } from '../profiles/index.ts';
import { profileStore } from '../profiles/store.ts';
import { CheckRequestSchema, MAX_TEXT_LENGTH, type CheckRequest, type CheckResponse } from '../schema/check.ts';
import { warningsField, withoutUnknownFields } from '../schema/unknown-fields.ts';
import { jsonError, zodIssues } from './errors.ts';
import { readJsonBody } from './json-body.ts';
import { unknownProfile } from './profiles.ts';
import { secondOpinionFor } from './second-opinion.ts';
import { withTokenScope } from './token-scope.ts';

/** Largest request body accepted, in bytes (20,000 characters of 4-byte UTF-8 plus JSON). */
export const MAX_BODY_BYTES = 128 * 1024;

export const checkRoutes = new Hono<AppEnv>();

checkRoutes.post('/', async (c) => {
  const read = await readJsonBody(c, MAX_BODY_BYTES);
  if (!read.ok) return read.response;
  const text = (read.body as { text?: unknown } | null)?.text;
  if (typeof text === 'string' && text.length > MAX_TEXT_LENGTH) {
    return jsonError(c, 413, 'text_too_long', `text may be at most ${MAX_TEXT_LENGTH} characters; this one has ${text.length}.`, { limit: MAX_TEXT_LENGTH, length: text.length });
  }
  // Unknown top-level fields are ignored and reported in `warnings` (issue 12).
  const { body, warnings } = withoutUnknownFields(CheckRequestSchema, read.body);
  const parsed = CheckRequestSchema.safeParse(body);
  if (!parsed.success) {
    return jsonError(c, 400, 'invalid_request', 'The request does not match the schema.', { issues: zodIssues(parsed.error) });
  }
  const scoped = withTokenScope(c, parsed.data);
  if (!scoped.ok) return scoped.response;
  const response = await checkPost(c.env, scoped.request);
  if (!response) return unknownProfile(c, scoped.request.profile);
  return c.json({ ...response, ...warningsField(warnings) });
});

/** One validated check, as /v1/check and LanguageTool's /v2/check answer it: the council
 * profile (uploaded or bundled), the analysis with checked suggestions, and the second
 * opinion where allowed. Undefined when the profile is unknown. */
export async function checkPost(env: Bindings | undefined, request: CheckRequest): Promise<CheckResponse | undefined> {
  const found = await profileStore(env?.PROFILES).get(request.profile ?? DEFAULT_PROFILE_ID);
  if (!found) return undefined;
  const options = { profile: found.profile, context: request.context };
  // Suggestions to apply are offered only where applying them was checked to be safe.
  const detailed = withSafeReplacements(request.text, analyzeDetailed(request.text, options), options);
  return secondOpinionFor(env).judge({ text: request.text, profile: found.profile, detailed, mode: request.secondOpinion });
}
