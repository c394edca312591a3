// Issue 12: one source of truth for the API. The OpenAPI 3.1 document at /openapi.json
// validates with a well-kept validator; every route the app serves is in it (and the 405
// answers come from it); every JSON response schema in it is checked against a real
// response of that route (saved reviews' inside workerd, test/workerd/openapi.test.ts);
// /docs renders it with no script; and a client generated from it by openapi-typescript
// typechecks, refuses a wrong call, and talks to the app through openapi-fetch.

import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020 } from 'ajv/dist/2020.js';
import createClient from 'openapi-fetch';
import openapiTS, { astToString } from 'openapi-typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { OPERATIONS } from '../src/api/spec.ts';
import { app } from '../src/app.ts';

const root = join(import.meta.dirname, '..');
const local = { LOCAL_OPEN_ACCESS: 'true' };
type Json = Record<string, any>;
let doc: Json;
beforeAll(async () => { doc = await (await app.request('/openapi.json')).json() as Json; });

const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
/** Validate a real response against the document's schema for that route and status. */
async function matchesDocument(path: string, method: string, res: Response): Promise<{ status: number; errors: unknown }> {
  const op = doc['paths'][path][method];
  const entry = op.responses[String(res.status)];
  expect(entry, `${method} ${path} answered ${res.status}, which the document does not list`).toBeDefined();
  const schema = entry.content?.['application/json']?.schema;
  expect(schema, `${method} ${path} ${res.status} has no JSON schema`).toBeDefined();
  const resolved = schema.$ref === '#/components/schemas/Error' ? doc['components']['schemas']['Error'] : schema;
  const validate = ajv.compile(resolved);
  const ok = validate(await res.json());
  return { status: res.status, errors: ok ? null : validate.errors };
}

describe('/openapi.json', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    expect(doc['openapi']).toBe('3.1.0');
    const result = await new Validator().validate(doc);
    expect(result.errors ?? null).toBeNull();
    expect(result.valid).toBe(true);
  });

  it('lists every API route the app serves, and nothing it does not', () => {
    const served = new Set(app.routes
      .filter((r) => r.method !== 'ALL' && /^\/v[12]\//u.test(r.path))
      .map((r) => `${r.method.toLowerCase()} ${r.path.replace(/\/$/u, '').replace(/:(\w+)/gu, '{$1}')}`));
    const documented = new Set(OPERATIONS.map((o) => `${o.method} ${o.path}`));
    expect([...served].sort()).toEqual([...documented].sort());
  });

  it('gives the 405 answers: a wrong method on each path is 405 with Allow naming the documented methods', async () => {
    // Saved reviews answer only with their D1 and KV bindings: their 405s are checked in workerd.
    for (const [path, ops] of Object.entries(doc['paths'] as Record<string, Json>).filter(([p]) => !p.startsWith('/v1/reviews'))) {
      const concrete = path.replace(/\{[^}]+\}/gu, 'x1');
      const methods = Object.keys(ops).map((m) => m.toUpperCase());
      const wrong = ['PATCH'].find((m) => !methods.includes(m))!;
      const res = await app.request(concrete, { method: wrong }, local);
      expect(res.status, `${wrong} ${concrete}`).toBe(405);
      const allow = res.headers.get('allow')!.split(', ');
      for (const m of methods) expect(allow).toContain(m);
      expect(await matchesDocument(path, Object.keys(ops)[0]!, new Response(JSON.stringify(await res.json()), { status: 405 }))).toEqual({ status: 405, errors: null });
    }
  });
});

describe('the document\'s response schemas match real responses', () => {
  const json = (path: string, body: unknown, method = 'POST') => app.request(path, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }, local);
  const form = (fields: Record<string, string>) => app.request('/v2/check', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() }, local);
  const cases: Array<[string, string, () => Promise<Response> | Response, number]> = [
    ['/v1/check', 'post', () => json('/v1/check', { text: 'Sarah in Planning has made a complete mess of this. Useless. Call Mrs Lee on 07700 900123.', profile: 'rugby' }), 200],
    ['/v1/check', 'post', () => json('/v1/check', { text: 'Lovely day at the pier', colour: 'blue' }), 200],
    ['/v1/check', 'post', () => json('/v1/check', { text: 'Mae’r Pennaeth Cynllunio yn hollol anobeithiol ac fe ddylai ymddiswyddo heddiw.' }), 200],
    ['/v1/check', 'post', () => json('/v1/check', { text: 42 }), 400],
    ['/v1/check', 'post', () => json('/v1/check', { text: 'hi', profile: 'atlantis' }), 404],
    ['/v1/check', 'post', () => app.request('/v1/check', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hi' }, local), 415],
    ['/v1/check', 'post', () => json('/v1/check', { text: 'x'.repeat(20_001) }), 413],
    ['/v1/batch', 'post', () => json('/v1/batch', { profile: 'tendring', items: [{ id: 'a', text: 'Vote Labour on 6 May!', context: { authorRole: 'council_account', postedAt: '2027-04-20' } }, { id: 'b', text: '' }, { id: 'c', text: 'hello', meta: { network: 'X' } }] }), 200],
    ['/v1/batch', 'post', () => app.request('/v1/batch?authorRole=council_account', { method: 'POST', headers: { 'content-type': 'text/csv' }, body: 'id,Message\n1,The Head of Housing should be sacked\n2,\n' }, local), 200],
    ['/v2/check', 'post', () => form({ text: 'The Head of Housing is clueless and should be sacked.', language: 'auto' }), 200],
    ['/v2/check', 'post', () => form({ text: 'hi', language: 'fr' }), 400],
    ['/v2/languages', 'get', () => app.request('/v2/languages'), 200],
    ['/v1/health', 'get', () => app.request('/v1/health', {}, local), 200],
    ['/v1/health', 'get', () => app.request('/v1/health', {}, { API_TOKENS: 'ab'.repeat(32) }), 401],
    ['/v1/profiles', 'get', () => app.request('/v1/profiles', {}, local), 200],
    ['/v1/profiles/schema', 'get', () => app.request('/v1/profiles/schema', {}, local), 200],
    ['/v1/profiles/{id}', 'get', () => app.request('/v1/profiles/rugby', {}, local), 200],
    ['/v1/profiles/{id}', 'get', () => app.request('/v1/profiles/atlantis', {}, local), 404],
    ['/v1/profiles/{id}/clauses', 'get', () => app.request('/v1/profiles/tendring/clauses', {}, local), 200],
    ['/v1/profiles/{id}', 'put', () => json('/v1/profiles/new-council', { id: 'new-council' }, 'PUT'), 403],
    ['/v1/reviews', 'get', () => app.request('/v1/reviews', {}, local), 403],
  ];
  it.each(cases.map(([path, method, send, status], i) => ({ name: `${method.toUpperCase()} ${path} #${i} answers ${status}`, path, method, send, status })))('$name as documented', async ({ path, method, send, status }) => {
    const res = await send();
    expect(res.status).toBe(status);
    expect(await matchesDocument(path, method, res)).toEqual({ status, errors: null });
  });

  it('the schemas are strict enough to fail: a response missing a field or with an extra one does not match', async () => {
    const body = await (await json('/v1/check', { text: 'hello' })).json() as Json;
    const { verdict: _v, ...missing } = body;
    expect((await matchesDocument('/v1/check', 'post', new Response(JSON.stringify(missing), { status: 200 }))).errors).not.toBeNull();
    expect((await matchesDocument('/v1/check', 'post', new Response(JSON.stringify({ ...body, surprise: 1 }), { status: 200 }))).errors).not.toBeNull();
  });
});

describe('/docs', () => {
  it('is one page with every route, no script, under a CSP that allows none', async () => {
    const res = await app.request('/docs');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'none'");
    const html = await res.text();
    expect(html).not.toMatch(/<script/iu);
    for (const o of OPERATIONS) expect(html).toContain(`id="${o.operationId}"`);
    expect(html).toContain('href="/openapi.json"');
  });
});

describe('a client generated from the document', () => {
  const dir = join(root, 'test-results', 'generated-client');
  beforeAll(async () => {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'api.d.ts'), astToString(await openapiTS(doc as never)));
  });
  const tsc = (file: string) => {
    try {
      execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '--noEmit', '--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', '--skipLibCheck', '--allowImportingTsExtensions', file], { cwd: root, stdio: 'pipe' });
      return '';
    } catch (e) {
      return String((e as { stdout?: Buffer }).stdout ?? e);
    }
  };

  it('typechecks a correct call and refuses a wrong one (openapi-typescript + openapi-fetch)', () => {
    writeFileSync(join(dir, 'good.ts'), `import createClient from 'openapi-fetch';
import type { paths } from './api.d.ts';
const client = createClient<paths>({ baseUrl: 'http://127.0.0.1:8787' });
export async function check() {
  const { data } = await client.POST('/v1/check', { body: { text: 'Hello', profile: 'rugby', context: { authorRole: 'council_account' } } });
  const verdict: 'ok' | 'review' | 'block' | undefined = data?.verdict;
  return [verdict, data?.findings[0]?.clauses[0]?.quote];
}
`);
    writeFileSync(join(dir, 'bad.ts'), `import createClient from 'openapi-fetch';
import type { paths } from './api.d.ts';
const client = createClient<paths>({ baseUrl: 'http://127.0.0.1:8787' });
export const wrong = client.POST('/v1/check', { body: { text: 'Hello', context: { authorRole: 'mayor' } } });
`);
    expect(tsc(join(dir, 'good.ts'))).toBe('');
    expect(tsc(join(dir, 'bad.ts'))).toMatch(/mayor/u);
  }, 60_000);

  it('talks to the app', async () => {
    const client = createClient<any>({ baseUrl: 'http://checker.test', fetch: ((req: Request) => Promise.resolve(app.fetch(req, local))) as never });
    const { data, response } = await client.POST('/v1/check', { body: { text: 'The Head of Housing is clueless and should be sacked.' } });
    expect(response.status).toBe(200);
    expect((data as Json)['verdict']).toBe('block');
  });
});
