// Issue 12 inside workerd (real D1 and KV): a team token tied to councils, kept hashed in
// the TOKENS namespace, sees only its councils' saved reviews: others are 404 to it (get,
// decide, audit, export, delete) and missing from its list; it uploads only for them.

import { env, exports } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';

const worker = (exports as unknown as { default: { fetch(r: Request): Promise<Response> } }).default;
const call = (path: string, init: RequestInit = {}) => worker.fetch(new Request(`http://localhost${path}`, init));
const tokens = (env as unknown as { TOKENS: KVNamespace }).TOKENS;
const TEAM = { authorization: 'Bearer test-team-token-0123456789abcdefg' };
const RUGBY_TEAM_TOKEN = 'cpc_rugby_comms_team_0123456789abcdef';
const RUGBY_TEAM = { authorization: `Bearer ${RUGBY_TEAM_TOKEN}` };
const hex = async (s: string) => [...new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(s)))].map((b) => b.toString(16).padStart(2, '0')).join('');

async function upload(headers: Record<string, string>, profile: string | undefined, name: string) {
  return call(`/v1/reviews${profile ? `?profile=${profile}` : ''}`, {
    method: 'POST',
    headers: { ...headers, 'x-reviewer': 'Jo', 'x-review-name': encodeURIComponent(name), 'content-type': 'text/csv' },
    body: 'id,text\np1,Lovely day at the pier\np2,Sarah in Planning has made a complete mess of this.\n',
  });
}

let rugbyId: string;
let tendringId: string;
beforeAll(async () => {
  await tokens.put(`token:${await hex(RUGBY_TEAM_TOKEN)}`, JSON.stringify({ kind: 'team', councils: ['rugby'], label: 'Rugby comms' }));
  const r = await upload(TEAM, 'rugby', 'Rugby week 20');
  const t = await upload(TEAM, 'tendring', 'Tendring week 20');
  expect([r.status, t.status]).toEqual([201, 201]);
  rugbyId = ((await r.json()) as { id: string }).id;
  tendringId = ((await t.json()) as { id: string }).id;
});

describe('a team token tied to councils', () => {
  it('lists only its councils\' reviews; the shared team token lists both', async () => {
    const mine = await (await call('/v1/reviews?limit=100', { headers: RUGBY_TEAM })).json() as { reviews: Array<{ id: string; profileId: string }> };
    expect(mine.reviews.map((r) => r.id)).toContain(rugbyId);
    expect(mine.reviews.map((r) => r.id)).not.toContain(tendringId);
    expect(new Set(mine.reviews.map((r) => r.profileId))).toEqual(new Set(['rugby']));
    const all = await (await call('/v1/reviews?limit=100', { headers: TEAM })).json() as { reviews: Array<{ id: string }> };
    expect(all.reviews.map((r) => r.id)).toEqual(expect.arrayContaining([rugbyId, tendringId]));
  });

  it('opens its own council\'s review, and finds no other (404 on every route)', async () => {
    expect((await call(`/v1/reviews/${rugbyId}`, { headers: RUGBY_TEAM })).status).toBe(200);
    for (const [path, init] of [
      [`/v1/reviews/${tendringId}`, {}],
      [`/v1/reviews/${tendringId}/audit`, {}],
      [`/v1/reviews/${tendringId}/export`, {}],
      [`/v1/reviews/${tendringId}/posts/0`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ decision: 'approved', reviewer: 'Jo' }) }],
      [`/v1/reviews/${tendringId}`, { method: 'DELETE' }],
    ] as Array<[string, RequestInit]>) {
      const res = await call(path, { ...init, headers: { ...RUGBY_TEAM, ...(init.headers as Record<string, string> | undefined) } });
      expect(res.status, path).toBe(404);
      expect(await res.json()).toMatchObject({ error: { code: 'unknown_review' } });
    }
    // Still there for the shared team token.
    expect((await call(`/v1/reviews/${tendringId}`, { headers: TEAM })).status).toBe(200);
  });

  it('uploads for its council by default, and not for another (403 token_scope)', async () => {
    const own = await upload(RUGBY_TEAM, undefined, 'Rugby week 21');
    expect(own.status).toBe(201);
    const saved = await (await call(`/v1/reviews/${((await own.json()) as { id: string }).id}`, { headers: RUGBY_TEAM })).json() as { review: { profileId: string } };
    expect(saved.review.profileId).toBe('rugby');
    const other = await upload(RUGBY_TEAM, 'tendring', 'Not mine');
    expect(other.status).toBe(403);
    expect(await other.json()).toMatchObject({ error: { code: 'token_scope', allowed: ['rugby'] } });
  });

  it('an API token scoped to a council is not a team token', async () => {
    const api = 'cpc_api_only_token_0123456789abcdef';
    await tokens.put(`token:${await hex(api)}`, JSON.stringify({ profile: 'rugby' }));
    expect((await call('/v1/reviews', { headers: { authorization: `Bearer ${api}` } })).status).toBe(403);
  });
});
