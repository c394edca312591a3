// Reading a batch from a request, JSON or CSV, and checking it: shared by POST /v1/batch
// and saved reviews. Bad items become error entries; only a request that cannot be read
// at all (not JSON or CSV, no text column, over the limits) is an error response.

import type { Context } from 'hono';
import { findColumns, parseCsv, rowToItem } from '../batch/csv.ts';
import * as z from 'zod';
import { checkItemDetailed, textOf, type ItemResult, type ProfileLookup, type Where } from '../batch/items.ts';
import { mergeContext, withDefaultContext } from '../batch/defaults.ts';
import { contextFromFields, ContextInputSchema, SecondOpinionModeSchema, type ContextInput } from '../schema/check.ts';
import { secondOpinionForItems } from '../second-opinion/batch.ts';
import type { SecondOpinionMode } from '../second-opinion/index.ts';
import { secondOpinionFor } from './second-opinion.ts';
import type { AppEnv } from '../env.ts';
import { DEFAULT_PROFILE_ID } from '../profiles/index.ts';
import type { Profile } from '../profiles/schema.ts';
import { profileStore } from '../profiles/store.ts';
import { BatchRequestSchema, MAX_BATCH_ITEMS } from '../schema/batch.ts';
import { withoutUnknownFields, type RequestWarning } from '../schema/unknown-fields.ts';
import { jsonError, zodIssues } from './errors.ts';
import { isJsonType, readBodyText } from './json-body.ts';
import { unknownProfile } from './profiles.ts';
import { withTokenScope } from './token-scope.ts';
import { allowedProfiles, outOfScope } from '../tokens/scope.ts';

/** Largest batch body, in bytes: 1,000 posts of a few thousand characters. */
export const MAX_BATCH_BYTES = 8 * 1024 * 1024;

interface Entry { raw: unknown; where: Where; warnings: string[] }
export interface ReadBatch {
  profileId: string;
  entries: Entry[];
  /** Each entry's post text ('' when it has none), for a review to keep. */
  texts: string[];
  format: 'json' | 'csv';
  /** The JSON body's fields besides profile and items (those the caller's schema allows). */
  extra: Record<string, unknown>;
  /** The second opinion asked for (JSON "secondOpinion", or ?secondOpinion= for CSV). */
  secondOpinion?: SecondOpinionMode | undefined;
  /** Unknown top-level fields of a JSON body, ignored (for the response's `warnings`). */
  warnings: RequestWarning[];
}

/** The JSON batch body: {profile?, items}, or a caller's extension of it (a strict object). */
type RequestSchema = z.ZodObject;

const tooMany = (c: Context, n: number) => jsonError(c, 413, 'too_many_items', `A batch may hold at most ${MAX_BATCH_ITEMS} posts; this one has ${n}. Split it into several requests.`, { limit: MAX_BATCH_ITEMS, count: n });

export async function readBatch(c: Context<AppEnv>, schema: RequestSchema = BatchRequestSchema): Promise<{ ok: true; batch: ReadBatch } | { ok: false; response: Response }> {
  const type = (c.req.header('content-type') ?? '').toLowerCase();
  const isCsv = /^text\/csv\b/u.test(type);
  if (!isCsv && !isJsonType(type)) {
    return { ok: false, response: jsonError(c, 415, 'unsupported_media_type', 'Send JSON (application/json) or CSV (text/csv).', { received: type || null }) };
  }
  const read = await readBodyText(c, MAX_BATCH_BYTES);
  if (!read.ok) return read;
  const raw = read.text;
  const queryProfile = c.req.query('profile') || undefined;
  const queryMode = SecondOpinionModeSchema.safeParse(c.req.query('secondOpinion'));
  if (c.req.query('secondOpinion') !== undefined && !queryMode.success) return { ok: false, response: jsonError(c, 400, 'invalid_request', 'secondOpinion is auto, always or off.') };
  const secondOpinion = queryMode.success ? queryMode.data : undefined;
  const fromQuery = queryContext(c);
  if (!fromQuery.ok) return { ok: false, response: jsonError(c, 400, 'invalid_request', 'The context in the query is not valid (authorRole, channel, postedAt, pollingDay, periodStart).', { issues: zodIssues(fromQuery.error) }) };

  if (isCsv) {
    const { headers, records } = parseCsv(raw);
    const found = findColumns(headers);
    if (!found.ok) return { ok: false, response: jsonError(c, 400, found.error.code, found.error.message, { columns: found.error.columns }) };
    if (records.length > MAX_BATCH_ITEMS) return { ok: false, response: tooMany(c, records.length) };
    const scoped = withTokenScope(c, { profile: queryProfile, context: fromQuery.context });
    if (!scoped.ok) return scoped;
    const entries = records.map(({ cells, row }) => {
      const { raw: item, warnings } = rowToItem(cells, found.columns, row);
      return { raw: withDefaultContext(item, scoped.request.context), where: { row }, warnings };
    });
    return { ok: true, batch: { profileId: scoped.request.profile ?? DEFAULT_PROFILE_ID, entries, texts: entries.map((e) => textOf(e.raw)), format: 'csv', extra: {}, secondOpinion, warnings: [] } };
  }

  let body: unknown;
  try { body = JSON.parse(raw); } catch { return { ok: false, response: jsonError(c, 400, 'invalid_json', 'The request body is not valid JSON.') }; }
  const known = withoutUnknownFields(schema, body);
  const parsed = schema.safeParse(known.body);
  if (!parsed.success) return { ok: false, response: jsonError(c, 400, 'invalid_request', 'The request does not match {profile?, context?, items: [...]}.', { issues: zodIssues(parsed.error) }) };
  const data = parsed.data as { profile?: string; items: unknown[]; secondOpinion?: SecondOpinionMode; context?: ContextInput };
  if (data.items.length > MAX_BATCH_ITEMS) return { ok: false, response: tooMany(c, data.items.length) };
  const { profile, items, secondOpinion: mode, context, ...extra } = data;
  const scoped = withTokenScope(c, { profile: profile ?? queryProfile, context: mergeContext(fromQuery.context, context) });
  if (!scoped.ok) return scoped;
  const defaults = scoped.request.context;
  const entries = items.map((item, index) => ({ raw: withDefaultContext(item, defaults), where: { index }, warnings: [] }));
  return { ok: true, batch: { profileId: scoped.request.profile ?? DEFAULT_PROFILE_ID, entries, texts: items.map(textOf), format: 'json', extra, secondOpinion: mode ?? secondOpinion, warnings: known.warnings } };
}

/** The batch's default context from the query (?authorRole=&channel=&postedAt=
 * &pollingDay=&periodStart=), for CSV uploads; a JSON body's "context" wins over it. */
function queryContext(c: Context<AppEnv>): { ok: true; context: ContextInput | undefined } | { ok: false; error: z.ZodError } {
  const q = (k: string) => c.req.query(k) || undefined;
  const sharing = q('sharing');
  const raw = contextFromFields({
    authorRole: q('authorRole'), channel: q('channel'), postedAt: q('postedAt'), pollingDay: q('pollingDay'), periodStart: q('periodStart'),
    sharing: sharing === 'true' ? true : sharing === 'false' ? false : sharing,
  });
  if (Object.keys(raw).length === 0) return { ok: true, context: undefined };
  const parsed = ContextInputSchema.safeParse(raw);
  return parsed.success ? { ok: true, context: parsed.data } : { ok: false, error: parsed.error };
}

/** Check every entry; profiles (uploaded or bundled) are looked up once per id. */
export async function checkBatch(c: Context<AppEnv>, batch: ReadBatch): Promise<{ ok: true; profile: Profile; results: ItemResult[] } | { ok: false; response: Response }> {
  const store = profileStore(c.env?.PROFILES);
  const ids = new Set<string>([batch.profileId]);
  for (const e of batch.entries) {
    const p = (e.raw as { profile?: unknown } | null)?.profile;
    if (typeof p === 'string' && p.length <= 100) ids.add(p);
  }
  const loaded = new Map<string, Profile>();
  for (const id of ids) {
    const found = await store.get(id);
    if (found) loaded.set(id, found.profile);
  }
  // A token tied to councils checks every item against one of them.
  const allowed = allowedProfiles(c.get('tokenScope'));
  const other = allowed === undefined ? undefined : [...ids].find((id) => !allowed.includes(id));
  if (allowed !== undefined && other !== undefined) {
    const refused = outOfScope(allowed, other);
    return { ok: false, response: jsonError(c, 403, refused.code, refused.message, { allowed: refused.allowed }) };
  }
  const profile = loaded.get(batch.profileId);
  if (!profile) return { ok: false, response: await unknownProfile(c, batch.profileId) };
  let known: string[] | undefined;
  const lookup: ProfileLookup = {
    get: (id) => loaded.get(id ?? batch.profileId),
    known: () => (known ??= [...loaded.keys()]),
  };
  const checked = batch.entries.map((e) => checkItemDetailed(e.raw, e.where, lookup, e.warnings, undefined, true));
  // Where the council allows it: a second opinion for the unsettled posts, a few at a time.
  const so = secondOpinionFor(c.env);
  const results = await secondOpinionForItems(checked, { mode: batch.secondOpinion, settings: so.settings, budget: so.budget });
  return { ok: true, profile, results };
}
