// Council profiles:
//   GET    /v1/profiles              the known profiles (bundled and uploaded)
//   GET    /v1/profiles/schema       the profile format as JSON Schema
//   GET    /v1/profiles/:id          one profile
//   GET    /v1/profiles/:id/clauses  its protocol, clauses and rule -> clause map
//   PUT    /v1/profiles/:id          upload (admin token): overrides or adds to the bundled ones
//   DELETE /v1/profiles/:id          remove an uploaded profile (admin token)

import { Hono, type Context } from 'hono';
import * as z from 'zod';
import type { AppEnv } from '../env.ts';
import { ProfileSchema } from '../profiles/schema.ts';
import { profileStore } from '../profiles/store.ts';
import { requireAdmin } from './admin-auth.ts';
import { jsonError, zodIssues } from './errors.ts';
import { readJsonBody } from './json-body.ts';

export const MAX_PROFILE_BYTES = 512 * 1024;

export const profileRoutes = new Hono<AppEnv>();

/** 404 for a profile nobody has: says which ones there are (bundled and uploaded). */
export const unknownProfile = async (c: Context<AppEnv>, id: string | undefined) =>
  jsonError(c, 404, 'unknown_profile', `No council profile "${id}".`, { known: (await profileStore(c.env?.PROFILES).list()).map((p) => p.id) });

profileRoutes.get('/', async (c) => c.json({ profiles: await profileStore(c.env?.PROFILES).list() }));

profileRoutes.get('/schema', (c) => c.json(z.toJSONSchema(ProfileSchema, { io: 'input', unrepresentable: 'any' })));

profileRoutes.get('/:id', async (c) => {
  const found = await profileStore(c.env?.PROFILES).get(c.req.param('id'));
  if (!found) return unknownProfile(c, c.req.param('id'));
  return c.json({ source: found.source, profile: found.profile });
});

profileRoutes.get('/:id/clauses', async (c) => {
  const found = await profileStore(c.env?.PROFILES).get(c.req.param('id'));
  if (!found) return unknownProfile(c, c.req.param('id'));
  const { id, name, protocol, clauses, rules } = found.profile;
  return c.json({ id, name, source: found.source, protocol, clauses, rules });
});

profileRoutes.put('/:id', requireAdmin(), async (c) => {
  const id = c.req.param('id');
  if (!c.env?.PROFILES) return jsonError(c, 503, 'storage_unavailable', 'This deployment has no PROFILES KV namespace bound.');
  const read = await readJsonBody(c, MAX_PROFILE_BYTES);
  if (!read.ok) return read.response;
  const body = read.body as Record<string, unknown> | null;
  if (body && typeof body === 'object' && !Array.isArray(body) && body.id !== undefined && body.id !== id) {
    return jsonError(c, 400, 'id_mismatch', `The profile's id "${String(body.id)}" does not match the URL ("${id}").`, { issues: [{ path: 'id', message: `must be "${id}"` }] });
  }
  const parsed = ProfileSchema.safeParse(body && typeof body === 'object' && !Array.isArray(body) ? { ...body, id } : body);
  if (!parsed.success) return jsonError(c, 400, 'invalid_profile', 'The profile does not match the schema (GET /v1/profiles/schema).', { issues: zodIssues(parsed.error) });
  const outcome = await profileStore(c.env.PROFILES).put(parsed.data);
  return c.json({ id, name: parsed.data.name, clauses: parsed.data.clauses.length, outcome }, outcome === 'created' ? 201 : 200);
});

profileRoutes.delete('/:id', requireAdmin(), async (c) => {
  const removed = await profileStore(c.env?.PROFILES).delete(c.req.param('id'));
  if (!removed) return jsonError(c, 404, 'not_custom', `No uploaded profile "${c.req.param('id')}" (bundled profiles cannot be deleted).`);
  return c.body(null, 204);
});
