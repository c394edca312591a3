// Council profiles at run time: profiles uploaded into Workers KV override or add to
// the bundled ones, so one deployment serves many councils. Parsed profiles are kept in
// memory for a short while (KV itself is eventually consistent across locations).
// Edge code: the analysis core never imports this.

import { bundledProfiles, getProfile } from './index.ts';
import { ProfileIdSchema, ProfileSchema, type Profile } from './schema.ts';

export type ProfileSource = 'bundled' | 'custom';
export interface StoredProfile { readonly profile: Profile; readonly source: ProfileSource }

const KEY_PREFIX = 'profile:';
const CACHE_MS = 30_000;
/** At most this many ids are remembered, found or not (a miss is cached too, so asking
 * for unknown ids over and over costs one KV read each per 30 s, and no memory growth). */
const CACHE_ENTRIES = 256;
const cache = new Map<string, { value: StoredProfile | null; expires: number }>();

function remember(id: string, value: StoredProfile | null, expires: number): void {
  cache.delete(id);
  if (cache.size >= CACHE_ENTRIES) cache.delete(cache.keys().next().value!);
  cache.set(id, { value, expires });
}

/** Only well-formed ids reach storage: anything else (too long for a KV key, a lone
 * surrogate, a slash) is simply a profile nobody has. */
const storable = (id: string): boolean => ProfileIdSchema.safeParse(id).success;

export interface ProfileStore {
  get(id: string): Promise<StoredProfile | undefined>;
  list(): Promise<Array<{ id: string; name: string; source: ProfileSource; overridesBundled: boolean }>>;
  put(profile: Profile): Promise<'created' | 'replaced'>;
  delete(id: string): Promise<boolean>;
}

export function profileStore(kv: KVNamespace | undefined, now: () => number = Date.now): ProfileStore {
  async function custom(id: string): Promise<Profile | null> {
    if (!kv || !storable(id)) return null;
    const hit = cache.get(id);
    if (hit && hit.expires > now()) return hit.value?.profile ?? null;
    const raw = await kv.get(KEY_PREFIX + id, 'json');
    const parsed = raw === null ? null : ProfileSchema.safeParse(raw);
    const profile = parsed?.success ? parsed.data : null;
    remember(id, profile ? { profile, source: 'custom' } : null, now() + CACHE_MS);
    return profile;
  }

  return {
    async get(id) {
      const p = await custom(id);
      if (p) return { profile: p, source: 'custom' };
      const b = getProfile(id);
      return b ? { profile: b, source: 'bundled' } : undefined;
    },
    async list() {
      const customIds = new Set<string>();
      if (kv) {
        let cursor: string | undefined;
        do {
          const page: KVNamespaceListResult<unknown> = await kv.list({ prefix: KEY_PREFIX, ...(cursor ? { cursor } : {}) });
          for (const k of page.keys) customIds.add(k.name.slice(KEY_PREFIX.length));
          cursor = page.list_complete ? undefined : page.cursor;
        } while (cursor);
      }
      const out: Array<{ id: string; name: string; source: ProfileSource; overridesBundled: boolean }> = [];
      for (const b of bundledProfiles()) if (!customIds.has(b.id)) out.push({ id: b.id, name: b.name, source: 'bundled', overridesBundled: false });
      for (const id of customIds) {
        const p = await custom(id);
        if (p) out.push({ id, name: p.name, source: 'custom', overridesBundled: getProfile(id) !== undefined });
      }
      return out.sort((a, b) => a.id.localeCompare(b.id));
    },
    async put(profile) {
      if (!kv) throw new Error('no PROFILES binding');
      const existed = (await kv.get(KEY_PREFIX + profile.id)) !== null;
      await kv.put(KEY_PREFIX + profile.id, JSON.stringify(profile));
      remember(profile.id, { profile, source: 'custom' }, now() + CACHE_MS);
      return existed ? 'replaced' : 'created';
    },
    async delete(id) {
      if (!kv || !storable(id)) return false;
      const existed = (await kv.get(KEY_PREFIX + id)) !== null;
      if (existed) await kv.delete(KEY_PREFIX + id);
      cache.delete(id);
      return existed;
    },
  };
}
