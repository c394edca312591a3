// Issue 12: API tokens tied to a council and a default role/channel, kept hashed in the
// TOKENS KV namespace; applied on /v1/check, /v1/batch and LanguageTool's /v2/check; and
// managed by `council-post-check token new --profile ... --role ...`.

import { createHash } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { app } from '../src/app.ts';
import { kvArgs, runToken } from '../src/cli/token.ts';
import { scopedContext, scopedProfile } from '../src/tokens/scope.ts';
import { clearTokenCache } from '../src/tokens/store.ts';

const digest = (s: string) => createHash('sha256').update(s).digest('hex');

/** A KV namespace in memory, answering get(key, 'json') as Workers KV does. */
function memoryKv(entries: Record<string, unknown> = {}) {
  const map = new Map(Object.entries(entries).map(([k, v]) => [k, JSON.stringify(v)]));
  return { map, get: async (k: string, type?: string) => { const v = map.get(k); return v === undefined ? null : type === 'json' ? JSON.parse(v) : v; } };
}

const RUGBY_ACCOUNT = 'cpc_scoped_rugby_account_0123456789';
const ANY_COUNCIL_OFFICER = 'cpc_scoped_officer_0123456789abcdef';
const PLAIN = 'cpc_plain_token_0123456789abcdef';
const tokens = () => memoryKv({
  [`token:${digest(RUGBY_ACCOUNT)}`]: { profile: 'rugby', authorRole: 'council_account', label: 'Rugby press office scheduler' },
  [`token:${digest(ANY_COUNCIL_OFFICER)}`]: { authorRole: 'officer' },
  [`token:${digest('cpc_broken')}`]: { profile: 42 },
});
const envWith = (extra: object = {}) => ({ API_TOKENS: digest(PLAIN), TOKENS: tokens(), ...extra });
const IN_PERIOD = { postedAt: '2027-04-20', election: { pollingDay: '2027-05-06', periodStart: '2027-03-29' } };
const CAMPAIGN = 'Vote Labour on 6 May! 🌹';

const check = (token: string | undefined, body: object, env: object = envWith()) => app.request('/v1/check', {
  method: 'POST',
  headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
  body: JSON.stringify(body),
}, env);

beforeEach(() => clearTokenCache());

describe('a scoped API token', () => {
  it('checks against its council by default and fills in its role: a council account\'s party post in the period is blocked', async () => {
    const res = await check(RUGBY_ACCOUNT, { text: CAMPAIGN, context: IN_PERIOD });
    expect(res.status).toBe(200);
    const body = await res.json() as { verdict: string; profile: { id: string } };
    expect(body.profile.id).toBe('rugby');
    expect(body.verdict).toBe('block');
    // The same request with a plain token is a councillor's personal post on the default council.
    const plain = await (await check(PLAIN, { text: CAMPAIGN, context: IN_PERIOD })).json() as { verdict: string; profile: { id: string } };
    expect(plain.profile.id).toBe('southend-on-sea');
    expect(plain.verdict).not.toBe('block');
  });

  it('lets the request\'s own role win, but not another council: 403 token_scope', async () => {
    const own = await (await check(RUGBY_ACCOUNT, { text: CAMPAIGN, context: { ...IN_PERIOD, authorRole: 'councillor', channel: 'campaign' } })).json() as { verdict: string };
    expect(own.verdict).not.toBe('block');
    const same = await check(RUGBY_ACCOUNT, { text: 'hello', profile: 'rugby' });
    expect(same.status).toBe(200);
    const other = await check(RUGBY_ACCOUNT, { text: 'hello', profile: 'tendring' });
    expect(other.status).toBe(403);
    expect(await other.json()).toMatchObject({ error: { code: 'token_scope', allowed: ['rugby'] } });
  });

  it('applies to batches: the default council and role, and 403 when the batch or an item names another council', async () => {
    const batch = (body: object) => app.request('/v1/batch', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${RUGBY_ACCOUNT}` }, body: JSON.stringify(body) }, envWith());
    const ok = await batch({ context: IN_PERIOD, items: [{ id: 'a', text: CAMPAIGN }] });
    expect(ok.status).toBe(200);
    const result = await ok.json() as { profile: { id: string }; results: Array<{ verdict: string }> };
    expect(result.profile.id).toBe('rugby');
    expect(result.results[0]!.verdict).toBe('block');
    expect((await batch({ profile: 'tendring', items: [{ id: 'a', text: 'hi' }] })).status).toBe(403);
    const item = await batch({ items: [{ id: 'a', text: 'hi' }, { id: 'b', text: 'hi', profile: 'rushcliffe' }] });
    expect(item.status).toBe(403);
    expect(await item.json()).toMatchObject({ error: { code: 'token_scope' } });
    const csv = await app.request('/v1/batch?profile=tendring', { method: 'POST', headers: { 'content-type': 'text/csv', authorization: `Bearer ${RUGBY_ACCOUNT}` }, body: 'id,text\n1,hello\n' }, envWith());
    expect(csv.status).toBe(403);
  });

  it('gives a LanguageTool client that sends only its key the council\'s judgement', async () => {
    const form = (fields: Record<string, string>) => app.request('/v2/check', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() }, envWith());
    const res = await form({ text: CAMPAIGN, language: 'auto', apiKey: RUGBY_ACCOUNT, postedAt: '2027-04-20' });
    expect(res.status).toBe(200);
    const a = await res.json() as { verdict: string; profile: { id: string } };
    expect(a.profile.id).toBe('rugby');
    expect(a.verdict).toBe('block');
    expect((await form({ text: 'hi', language: 'en', apiKey: RUGBY_ACCOUNT, profile: 'tendring' })).status).toBe(403);
  });

  it('without a council, only sets defaults; an unknown or unreadable entry is a wrong token (403)', async () => {
    const res = await check(ANY_COUNCIL_OFFICER, { text: 'hello', profile: 'tendring' });
    expect(res.status).toBe(200);
    expect((await check('cpc_not_stored_anywhere_0123', { text: 'hello' })).status).toBe(403);
    expect((await check('cpc_broken', { text: 'hello' })).status).toBe(403);
  });

  it('works with the TOKENS namespace alone (no API_TOKENS): 401 without a token, 200 with a scoped one', async () => {
    const onlyKv = { TOKENS: tokens() };
    expect((await check(undefined, { text: 'hello' }, onlyKv)).status).toBe(401);
    expect((await check(RUGBY_ACCOUNT, { text: 'hello' }, onlyKv)).status).toBe(200);
    expect(await (await app.request('/v1/health', { headers: { authorization: `Bearer ${RUGBY_ACCOUNT}` } }, onlyKv)).json()).toMatchObject({ access: 'token' });
  });

  it('still brings its council under npm run dev\'s open access', async () => {
    const open = { LOCAL_OPEN_ACCESS: 'true', TOKENS: tokens() };
    const body = await (await check(RUGBY_ACCOUNT, { text: 'hello' }, open)).json() as { profile: { id: string } };
    expect(body.profile.id).toBe('rugby');
    expect((await check('anything', { text: 'hello' }, open)).status).toBe(200);
  });
});

describe('scope helpers', () => {
  it('scopedProfile limits and defaults; scopedContext fills only what is missing, and never a channel for a council account', () => {
    expect(scopedProfile(undefined, 'x')).toEqual({ ok: true, value: 'x' });
    expect(scopedProfile({ profile: 'rugby' }, undefined)).toEqual({ ok: true, value: 'rugby' });
    expect(scopedProfile({ profile: 'rugby' }, 'tendring').ok).toBe(false);
    expect(scopedContext({ authorRole: 'officer', channel: 'official' }, { postedAt: '2027-01-01' })).toEqual({ postedAt: '2027-01-01', authorRole: 'officer', channel: 'official' });
    expect(scopedContext({ authorRole: 'officer' }, { authorRole: 'councillor' })).toEqual({ authorRole: 'councillor' });
    expect(scopedContext({ authorRole: 'council_account', channel: 'campaign' }, undefined)).toEqual({ authorRole: 'council_account' });
  });
});

describe('council-post-check token', () => {
  const capture = async (args: string[]) => {
    const calls: string[][] = [];
    let out = '';
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((s: string) => { out += s; return true; }) as typeof process.stdout.write;
    try { await runToken(args, (m) => new Error(m), (a) => { calls.push(a); }); } finally { process.stdout.write = write; }
    return { calls, out };
  };

  it('new --profile --role --local writes the digest and scope with wrangler, and prints the token once', async () => {
    const { calls, out } = await capture(['new', '--profile', 'rugby', '--role', 'council_account', '--local']);
    const token = /^\s+(cpc_\S+)$/mu.exec(out)![1]!;
    expect(calls).toHaveLength(1);
    const [kv, key, put, , , name, value, where] = calls[0]!;
    expect([kv, key, put, where]).toEqual(['kv', 'key', 'put', '--local']);
    expect(name).toBe(`token:${digest(token)}`);
    expect(JSON.parse(value!)).toMatchObject({ profile: 'rugby', authorRole: 'council_account' });
    expect(calls[0]!.join(' ')).not.toContain(token); // only the digest is stored
  });

  it('without --local/--remote prints the wrangler command; a plain token stays for API_TOKENS; bad values are refused', async () => {
    const printed = await capture(['new', '--channel', 'official']);
    expect(printed.calls).toEqual([]);
    expect(printed.out).toContain('npx wrangler kv key put --binding TOKENS token:');
    const plain = await capture(['new']);
    expect(plain.out).toContain('API_TOKENS');
    await expect(capture(['new', '--role', 'mayor'])).rejects.toThrow(/--role/u);
    await expect(capture(['new', '--local'])).rejects.toThrow(/scoped/u);
    await expect(capture(['revoke', 'abc'])).rejects.toThrow(/DIGEST/u);
    const team = await capture(['new', '--team', '--councils', 'rugby, tendring', '--remote']);
    expect(JSON.parse(team.calls[0]![6]!)).toMatchObject({ kind: 'team', councils: ['rugby', 'tendring'] });
    await expect(capture(['new', '--team'])).rejects.toThrow(/--councils/u);
    await expect(capture(['new', '--team', '--councils', 'rugby', '--role', 'officer'])).rejects.toThrow(/--team/u);
    const revoked = await capture(['revoke', digest('x'), '--remote']);
    expect(revoked.calls).toEqual([kvArgs('delete', digest('x'), 'remote')]);
  });
});
