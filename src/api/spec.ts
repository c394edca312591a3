// The API, once: every route with its method, who may call it, its request and its
// responses as the same zod schemas the routes validate with. The OpenAPI document
// (/openapi.json), the reference page (/docs) and the 405 answers with their Allow
// header (src/app.ts) all come from this list, and a test checks every route the app
// serves is here and every response here matches what the route really answers. Pure.

import * as z from 'zod';
import { BatchItemSchema, BatchRequestSchema } from '../schema/batch.ts';
import { AuthorRoleSchema, ChannelSchema, CheckRequestSchema, SecondOpinionModeSchema } from '../schema/check.ts';
import { DecisionSchema } from '../schema/review.ts';
import { LanguageToolRequestSchema } from '../languagetool/shape.ts';
import {
  AuditSchema, BatchResultSchema, CheckResultSchema, ErrorBodySchema, HealthSchema,
  LanguageToolCheckSchema, LanguageToolLanguagesSchema, ProfileClausesSchema, ProfileDetailSchema, ProfileListSchema,
  ProfileSchemaDocSchema, ReviewCreatedSchema, ReviewDecisionResultSchema, ReviewDetailSchema, ReviewListSchema,
} from './responses.ts';

export type Method = 'get' | 'post' | 'put' | 'delete';
/** Who may call it: an API token (or none under npm run dev), the team token, the admin token, anyone. */
export type Access = 'api' | 'team' | 'admin' | 'public';

export interface Operation {
  method: Method;
  /** OpenAPI style: /v1/reviews/{id}. */
  path: string;
  operationId: string;
  tag: 'Checking' | 'LanguageTool' | 'Reviews' | 'Profiles' | 'Service';
  summary: string;
  description?: string;
  access: Access;
  params?: Record<string, string>;
  query?: z.ZodObject;
  headers?: Record<string, string>;
  /** Request bodies by media type. */
  body?: Partial<Record<'application/json' | 'application/x-www-form-urlencoded' | 'multipart/form-data' | 'text/csv', z.ZodType>>;
  /** The success response: status, description, schema by media type (undefined: no body). */
  ok: { status: 200 | 201 | 204; description: string; json?: z.ZodType; csv?: true };
  /** Error statuses this route may answer (each with the Error body). */
  errors: number[];
}

const csvText = z.string().describe('A CSV export: a header row naming a text column (Message, Text, Post, Content, Body...) and optionally id, date, network, profile/account, author, link columns');
const contextQuery = z.object({
  profile: z.string().optional(), secondOpinion: SecondOpinionModeSchema.optional(),
  authorRole: AuthorRoleSchema.optional(), channel: ChannelSchema.optional(), postedAt: z.string().optional(),
  pollingDay: z.string().optional(), periodStart: z.string().optional(), sharing: z.enum(['true', 'false']).optional(),
});
const idempotencyHeader = { 'Idempotency-Key': 'Optional: a retry with the same key and request within 24 hours gets the first response' };
const ID = { id: 'The review id' };
const LIMITS = [400, 401, 403, 413, 415, 429, 503];

export const OPERATIONS: readonly Operation[] = [
  {
    method: 'post', path: '/v1/check', operationId: 'checkPost', tag: 'Checking', access: 'api',
    summary: 'Check one draft', description: 'Findings with UTF-16 offsets, the clauses they breach quoted word for word, and checked replacements.',
    body: { 'application/json': CheckRequestSchema }, ok: { status: 200, description: 'The verdict and findings', json: CheckResultSchema },
    errors: [400, 401, 403, 404, 413, 415, 429, 503],
  },
  {
    method: 'post', path: '/v1/batch', operationId: 'checkBatch', tag: 'Checking', access: 'api',
    summary: 'Check up to 1,000 drafts', description: 'JSON {profile?, context?, items} or a CSV export (context in the query). An item that cannot be checked is an error entry, not a failed request.',
    query: contextQuery, headers: idempotencyHeader,
    body: { 'application/json': BatchRequestSchema.extend({ items: z.array(BatchItemSchema) }), 'text/csv': csvText },
    ok: { status: 200, description: 'One result per item, in order, and a summary', json: BatchResultSchema },
    errors: [400, 401, 403, 404, 409, 410, 413, 415, 422, 429, 503],
  },
  {
    method: 'post', path: '/v2/check', operationId: 'languageToolCheck', tag: 'LanguageTool', access: 'api',
    summary: 'Check a draft the way LanguageTool clients ask', description: 'LanguageTool\'s /v2/check: form-encoded (or multipart, or JSON) text or annotated data; the token may be the apiKey field.',
    body: { 'application/x-www-form-urlencoded': LanguageToolRequestSchema, 'multipart/form-data': LanguageToolRequestSchema, 'application/json': LanguageToolRequestSchema },
    ok: { status: 200, description: 'LanguageTool\'s response shape, with verdict, categories and clauses alongside', json: LanguageToolCheckSchema },
    errors: [400, 401, 403, 404, 413, 415, 429, 503],
  },
  {
    method: 'get', path: '/v2/languages', operationId: 'languageToolLanguages', tag: 'LanguageTool', access: 'public',
    summary: 'The languages /v2/check accepts', ok: { status: 200, description: 'LanguageTool\'s languages list', json: LanguageToolLanguagesSchema }, errors: [],
  },
  {
    method: 'get', path: '/v1/health', operationId: 'health', tag: 'Service', access: 'api',
    summary: 'Versions, access mode and known profiles', description: 'Answers without a token on a deployment that has none configured, so a monitor can see why.',
    ok: { status: 200, description: 'The service is up', json: HealthSchema }, errors: [401, 403, 429],
  },
  {
    method: 'get', path: '/v1/profiles', operationId: 'listProfiles', tag: 'Profiles', access: 'api',
    summary: 'The council profiles (bundled and uploaded)', ok: { status: 200, description: 'Ids and names', json: ProfileListSchema }, errors: [401, 403, 429, 503],
  },
  {
    method: 'get', path: '/v1/profiles/schema', operationId: 'profileFormat', tag: 'Profiles', access: 'api',
    summary: 'The profile format as JSON Schema', ok: { status: 200, description: 'JSON Schema', json: ProfileSchemaDocSchema }, errors: [401, 403, 429, 503],
  },
  {
    method: 'get', path: '/v1/profiles/{id}', operationId: 'getProfile', tag: 'Profiles', access: 'api', params: { id: 'The profile id' },
    summary: 'One profile', ok: { status: 200, description: 'The profile and where it comes from', json: ProfileDetailSchema }, errors: [401, 403, 404, 429, 503],
  },
  {
    method: 'put', path: '/v1/profiles/{id}', operationId: 'putProfile', tag: 'Profiles', access: 'admin', params: { id: 'The profile id' },
    summary: 'Upload a council profile', description: 'Validated by the same schema as `profile validate`; unknown fields are refused here.',
    body: { 'application/json': ProfileSchemaDocSchema }, ok: { status: 200, description: 'Saved', json: z.record(z.string(), z.unknown()) }, errors: [400, 401, 403, 413, 415, 429, 503],
  },
  {
    method: 'delete', path: '/v1/profiles/{id}', operationId: 'deleteProfile', tag: 'Profiles', access: 'admin', params: { id: 'The profile id' },
    summary: 'Remove an uploaded profile', ok: { status: 204, description: 'Removed' }, errors: [401, 403, 404, 429, 503],
  },
  {
    method: 'get', path: '/v1/profiles/{id}/clauses', operationId: 'getProfileClauses', tag: 'Profiles', access: 'api', params: { id: 'The profile id' },
    summary: 'A profile\'s protocol, clauses and rule map', ok: { status: 200, description: 'The clauses', json: ProfileClausesSchema }, errors: [401, 403, 404, 429, 503],
  },
  {
    method: 'post', path: '/v1/reviews', operationId: 'createReview', tag: 'Reviews', access: 'team',
    summary: 'Check a batch and save it for review', description: 'CSV (name and reviewer in X-Review-Name and X-Reviewer, percent-encoded) or JSON with name and reviewer.',
    query: contextQuery, headers: { ...idempotencyHeader, 'X-Review-Name': 'The review\'s name (CSV uploads)', 'X-Reviewer': 'Who uploads it (CSV uploads)' },
    body: { 'application/json': BatchRequestSchema.extend({ items: z.array(BatchItemSchema), name: z.string(), reviewer: z.string() }), 'text/csv': csvText },
    ok: { status: 201, description: 'The saved review', json: ReviewCreatedSchema }, errors: [...LIMITS, 404, 409, 410, 422],
  },
  {
    method: 'get', path: '/v1/reviews', operationId: 'listReviews', tag: 'Reviews', access: 'team',
    summary: 'Saved reviews, newest first, a page at a time', query: z.object({ limit: z.string().optional().describe('1 to 100, default 50'), cursor: z.string().optional() }),
    ok: { status: 200, description: 'A page of reviews', json: ReviewListSchema }, errors: [400, 401, 403, 429, 503],
  },
  {
    method: 'get', path: '/v1/reviews/{id}', operationId: 'getReview', tag: 'Reviews', access: 'team', params: ID,
    summary: 'A review and its posts, riskiest first', ok: { status: 200, description: 'The review', json: ReviewDetailSchema }, errors: [401, 403, 404, 429, 503],
  },
  {
    method: 'delete', path: '/v1/reviews/{id}', operationId: 'deleteReview', tag: 'Reviews', access: 'team', params: ID, headers: { 'X-Reviewer': 'Who deletes it' },
    summary: 'Delete a review, its key and its text', ok: { status: 204, description: 'Deleted' }, errors: [401, 403, 404, 429, 503],
  },
  {
    method: 'put', path: '/v1/reviews/{id}/posts/{position}', operationId: 'decidePost', tag: 'Reviews', access: 'team', params: { ...ID, position: 'The post\'s position in the upload, from 0' },
    summary: 'Record a decision on one post', body: { 'application/json': DecisionSchema },
    ok: { status: 200, description: 'The post with its decision', json: ReviewDecisionResultSchema }, errors: [400, 401, 403, 404, 413, 415, 429, 503],
  },
  {
    method: 'get', path: '/v1/reviews/{id}/audit', operationId: 'reviewAudit', tag: 'Reviews', access: 'team', params: ID,
    summary: 'Who decided what, when (no post text)', ok: { status: 200, description: 'The audit trail', json: AuditSchema }, errors: [401, 403, 404, 429, 503],
  },
  {
    method: 'get', path: '/v1/reviews/{id}/export', operationId: 'exportReview', tag: 'Reviews', access: 'team', params: ID, headers: { 'X-Reviewer': 'Who exports it' },
    summary: 'The review as CSV with its decisions', ok: { status: 200, description: 'CSV', csv: true }, errors: [401, 403, 404, 429, 503],
  },
];

/** The Error body's schema, for the document. */
export const ERROR_SCHEMA = ErrorBodySchema;

/** The methods a path answers (HEAD with GET), from OPERATIONS; undefined when no route has the path. */
export function allowedMethods(path: string, operations: readonly Operation[] = OPERATIONS): string | undefined {
  // A literal path (/v1/profiles/schema) is not also the templated one (/v1/profiles/{id}).
  const exact = operations.filter((o) => o.path === path);
  const methods = (exact.length > 0 ? exact : operations.filter((o) => pathPattern(o.path).test(path))).map((o) => o.method.toUpperCase());
  if (methods.length === 0) return undefined;
  if (methods.includes('GET')) methods.splice(methods.indexOf('GET') + 1, 0, 'HEAD');
  const order = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE'];
  return [...new Set(methods)].sort((a, b) => order.indexOf(a) - order.indexOf(b)).join(', ');
}

const patterns = new Map<string, RegExp>();
function pathPattern(path: string): RegExp {
  let re = patterns.get(path);
  if (!re) {
    re = new RegExp(`^${path.split(/\{[^}]+\}/u).map((part) => part.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')).join('[^/]+')}$`, 'u');
    patterns.set(path, re);
  }
  return re;
}
