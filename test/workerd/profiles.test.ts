// Council profiles through the API inside workerd, with the PROFILES KV namespace that
// miniflare runs locally: upload needs the admin token; an uploaded profile changes the
// next check's citations; bad profiles get errors that name the field.

import { exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import southend from '../../lexicons/profiles/southend-on-sea.json';

const worker = (exports as unknown as { default: { fetch(r: Request): Promise<Response> } }).default;
const call = (path: string, init: RequestInit = {}) => worker.fetch(new Request(`http://localhost${path}`, init));
const put = (id: string, body: unknown, token?: string) => call(`/v1/profiles/${id}`, {
  method: 'PUT',
  headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
  body: JSON.stringify(body),
});
const check = (text: string, profile: string) => call('/v1/check', {
  method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text, profile }),
});

/** A small custom council: one clause of its own for every category. */
function customProfile(id: string, quote: string) {
  return {
    id,
    name: 'Example Borough Council',
    protocol: { title: 'Example protocol', version: '2026', source: 'example' },
    clauses: [{ key: 'c1', id: '4.2', title: 'Respect for officers', quote }],
    rules: { 'officer-criticism': ['c1'], confidential: ['c1'], electioneering: ['c1'], abuse: ['c1'] },
  };
}

describe('profiles API inside workerd', () => {
  it('lists the bundled profiles and serves one with its clauses', async () => {
    const list = await (await call('/v1/profiles')).json() as { profiles: Array<{ id: string; source: string }> };
    expect(list.profiles.map((p) => p.id)).toEqual(expect.arrayContaining(['southend-on-sea', 'rushcliffe', 'tendring', 'rugby']));
    const clauses = await (await call('/v1/profiles/rushcliffe/clauses')).json() as { clauses: Array<{ id: string }> };
    expect(clauses.clauses.map((c) => c.id)).toContain('Supporting overview and scrutiny');
    expect((await call('/v1/profiles/atlantis')).status).toBe(404);
  });

  it('refuses uploads without the token (401) or with a wrong one (403)', async () => {
    const body = customProfile('example', 'Councillors will not criticise officers in public.');
    const none = await put('example', body);
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toMatch(/^Bearer/u);
    expect((await put('example', body, 'wrong-token')).status).toBe(403);
    expect((await call('/v1/profiles/example')).status).toBe(404);
  });

  it('rejects an invalid profile with errors that name the field', async () => {
    const res = await put('broken', { ...customProfile('broken', 'x'), rules: { abuse: ['nope'] } }, 'test-admin-token-0123456789abcdef');
    expect(res.status).toBe(400);
    const body = await res.json() as { error: { code: string; issues: Array<{ path: string; message: string }> } };
    expect(body.error.code).toBe('invalid_profile');
    expect(body.error.issues.map((i) => i.path)).toEqual(expect.arrayContaining(['rules.abuse', 'rules.officer-criticism']));
    const mismatch = await put('one-id', customProfile('another-id', 'x'), 'test-admin-token-0123456789abcdef');
    expect(mismatch.status).toBe(400);
    // Issue 12: unknown top-level fields are warnings elsewhere, but a profile stays strict.
    const extra = await put('extra', { ...customProfile('extra', 'x'), byLaws: [] }, 'test-admin-token-0123456789abcdef');
    expect(extra.status).toBe(400);
    expect((await extra.json() as { error: { issues: Array<{ message: string }> } }).error.issues[0]!.message).toMatch(/byLaws/u);
  });

  it('an uploaded profile is used by the next check, and can override a bundled one', async () => {
    const quote = 'Councillors will not criticise officers in public, on social media or anywhere else.';
    const created = await put('example', customProfile('example', quote), 'test-admin-token-0123456789abcdef');
    expect(created.status).toBe(201);
    const r = await (await check('The Head of Planning is clueless.', 'example')).json() as { profile: { id: string }; findings: Array<{ clauses: Array<{ id: string; quote: string }> }> };
    expect(r.profile.id).toBe('example');
    expect(r.findings[0]!.clauses).toEqual([{ id: '4.2', title: 'Respect for officers', quote }]);

    // Override the bundled Southend profile with a changed 6.1.9 title, then check again.
    const changed = { ...southend, clauses: southend.clauses.map((c) => (c.key === '6.1.9' ? { ...c, title: 'Changed title' } : c)) };
    expect((await put('southend-on-sea', changed, 'test-admin-token-0123456789abcdef')).status).toBe(201);
    const after = await (await check('The Head of Planning is clueless.', 'southend-on-sea')).json() as { findings: Array<{ clauses: Array<{ id: string; title: string }> }> };
    expect(after.findings[0]!.clauses.find((c) => c.id === '6.1.9')?.title).toBe('Changed title');
    const listed = await (await call('/v1/profiles')).json() as { profiles: Array<{ id: string; source: string; overridesBundled: boolean }> };
    expect(listed.profiles.find((p) => p.id === 'southend-on-sea')).toMatchObject({ source: 'custom', overridesBundled: true });

    // Deleting the upload brings the bundled profile back.
    expect((await call('/v1/profiles/southend-on-sea', { method: 'DELETE', headers: { authorization: 'Bearer test-admin-token-0123456789abcdef' } })).status).toBe(204);
    const back = await (await check('The Head of Planning is clueless.', 'southend-on-sea')).json() as { findings: Array<{ clauses: Array<{ id: string; title: string }> }> };
    expect(back.findings[0]!.clauses.find((c) => c.id === '6.1.9')?.title).not.toBe('Changed title');
  });
});
