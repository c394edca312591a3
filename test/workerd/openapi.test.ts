// Issue 12 inside workerd, with the real D1 and KV: the saved-review routes answer as
// src/api/spec.ts documents them (each success body parses with the document's zod
// schema, errors with the Error schema), and their 405 answers name the documented methods.

import { exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { ErrorBodySchema } from '../../src/api/responses.ts';
import { OPERATIONS, allowedMethods } from '../../src/api/spec.ts';

const worker = (exports as unknown as { default: { fetch(r: Request): Promise<Response> } }).default;
const TEAM = { authorization: 'Bearer test-team-token-0123456789abcdefg' };
const call = (path: string, init: RequestInit = {}) => worker.fetch(new Request(`http://localhost${path}`, { ...init, headers: { ...TEAM, ...(init.headers as Record<string, string> | undefined) } }));
const schemaOf = (method: string, path: string) => OPERATIONS.find((o) => o.method === method && o.path === path)!.ok.json!;

describe('saved reviews answer as the API document says', () => {
  it('upload, list, get, decide, audit, export, delete and their errors', async () => {
    const created = await call('/v1/reviews?profile=rugby', { method: 'POST', headers: { 'content-type': 'text/csv', 'x-reviewer': 'Jo', 'x-review-name': 'Week 22' }, body: 'id,text\np1,Lovely day\np2,The Head of Housing should be sacked.\n' });
    expect(created.status).toBe(201);
    const review = schemaOf('post', '/v1/reviews').parse(await created.json()) as { id: string };
    const list = await call('/v1/reviews?limit=2');
    expect(schemaOf('get', '/v1/reviews').safeParse(await list.json()).success).toBe(true);
    const got = await call(`/v1/reviews/${review.id}`);
    expect(schemaOf('get', '/v1/reviews/{id}').safeParse(await got.json()).error).toBeUndefined();
    const decided = await call(`/v1/reviews/${review.id}/posts/1`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ decision: 'needs_edit', reviewer: 'Jo', note: 'Aim it at the Cabinet Member' }) });
    expect(decided.status).toBe(200);
    expect(schemaOf('put', '/v1/reviews/{id}/posts/{position}').safeParse(await decided.json()).error).toBeUndefined();
    const audit = await call(`/v1/reviews/${review.id}/audit`);
    expect(schemaOf('get', '/v1/reviews/{id}/audit').safeParse(await audit.json()).error).toBeUndefined();
    const exported = await call(`/v1/reviews/${review.id}/export`);
    expect(exported.headers.get('content-type')).toMatch(/^text\/csv/u);
    expect((await call(`/v1/reviews/${review.id}`, { method: 'DELETE' })).status).toBe(204);
    const gone = await call(`/v1/reviews/${review.id}`);
    expect(gone.status).toBe(404);
    expect(ErrorBodySchema.safeParse(await gone.json()).success).toBe(true);
    // A schema that parses anything would prove nothing.
    expect(schemaOf('get', '/v1/reviews/{id}').safeParse({ review: { id: 1 } }).success).toBe(false);
  });

  it('405 with the documented methods on every review path', async () => {
    for (const path of ['/v1/reviews', '/v1/reviews/x1', '/v1/reviews/x1/posts/0', '/v1/reviews/x1/audit', '/v1/reviews/x1/export']) {
      const res = await call(path, { method: 'PATCH' });
      expect(res.status, path).toBe(405);
      expect(res.headers.get('allow')).toBe(allowedMethods(path));
      expect(ErrorBodySchema.safeParse(await res.json()).success).toBe(true);
    }
  });
});
