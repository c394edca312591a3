// The OpenAPI 3.1 document, built from src/api/spec.ts: the same zod schemas the routes
// validate with, turned into JSON Schema (draft 2020-12, which OpenAPI 3.1 uses) by zod
// itself. Built once per isolate, on first request. Pure.

import * as z from 'zod';
import { ENGINE_VERSION } from '../pipeline/analyze.ts';
import { ERROR_SCHEMA, OPERATIONS, type Access, type Operation } from './spec.ts';

const STATUS_TEXT: Record<number, string> = {
  400: 'The request is not valid (zod issues say where)', 401: 'No token', 403: 'Wrong token, or outside the token\'s scope',
  404: 'No such profile, review or route', 409: 'The same Idempotency-Key is still running', 410: 'The idempotent result\'s review was deleted',
  413: 'Too large (text, body or items)', 415: 'Unsupported media type', 422: 'Idempotency-Key reused with a different request',
  405: 'Method not allowed (Allow says which)', 429: 'Rate limited (Retry-After)', 500: 'Unexpected error (quote the request id)',
  503: 'Not configured or not available here',
};

const SECURITY: Record<Access, Array<Record<string, string[]>>> = {
  api: [{ apiToken: [] }, {}], team: [{ teamToken: [] }], admin: [{ adminToken: [] }], public: [],
};

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
}

function operation(o: Operation) {
  const parameters = [
    ...Object.entries(o.params ?? {}).map(([name, description]) => ({ name, in: 'path', required: true, description, schema: { type: 'string' } })),
    ...Object.entries(o.query?.shape ?? {}).map(([name, s]) => ({ name, in: 'query', required: false, schema: jsonSchema(s as z.ZodType, 'input') })),
    ...Object.entries(o.headers ?? {}).map(([name, description]) => ({ name, in: 'header', required: false, description, schema: { type: 'string' } })),
  ];
  const responses: Record<string, unknown> = {
    [o.ok.status]: {
      description: o.ok.description,
      headers: { 'X-Request-Id': { $ref: '#/components/headers/RequestId' } },
      ...(o.ok.json ? { content: { 'application/json': { schema: jsonSchema(o.ok.json, 'output') } } } : {}),
      ...(o.ok.csv ? { content: { 'text/csv': { schema: { type: 'string' } } } } : {}),
    },
  };
  for (const status of [...new Set([...o.errors, 405, 500])].sort()) {
    responses[status] = { description: STATUS_TEXT[status], content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
  }
  return {
    operationId: o.operationId,
    tags: [o.tag],
    summary: o.summary,
    ...(o.description ? { description: o.description } : {}),
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(o.body ? { requestBody: { required: true, content: Object.fromEntries(Object.entries(o.body).map(([type, s]) => [type, { schema: jsonSchema(s as z.ZodType, 'input') }])) } } : {}),
    responses,
    security: SECURITY[o.access],
  };
}

let built: Record<string, unknown> | undefined;

export function openApiDocument(): Record<string, unknown> {
  if (built) return built;
  const paths: Record<string, Record<string, unknown>> = {};
  for (const o of OPERATIONS) (paths[o.path] ??= {})[o.method] = operation(o);
  built = {
    openapi: '3.1.0',
    info: {
      title: 'council-post-check',
      version: ENGINE_VERSION,
      description: 'Checks UK councillors\' and council staff\'s social media drafts against their council\'s Protocol on Councillor/Officer Relations. Drafts are never logged.',
    },
    servers: [{ url: '/', description: 'This checker' }],
    tags: [
      { name: 'Checking', description: 'Drafts in, findings out' }, { name: 'LanguageTool', description: 'LanguageTool-compatible endpoints for existing clients' },
      { name: 'Reviews', description: 'Saved reviews for the communications team (team token)' }, { name: 'Profiles', description: 'Council profiles' },
      { name: 'Service', description: 'Health' },
    ],
    paths,
    components: {
      schemas: { Error: jsonSchema(ERROR_SCHEMA, 'output') },
      headers: { RequestId: { description: 'This request\'s id (yours when you sent a sane one); error bodies repeat it', schema: { type: 'string' } } },
      securitySchemes: {
        apiToken: { type: 'http', scheme: 'bearer', description: 'An API token (council-post-check token new); not needed under npm run dev. /v2/check also takes it as the apiKey field.' },
        teamToken: { type: 'http', scheme: 'bearer', description: 'The communications team\'s token (TEAM_TOKEN, or token new --team)' },
        adminToken: { type: 'http', scheme: 'bearer', description: 'The admin token (ADMIN_TOKEN)' },
      },
    },
  };
  return built;
}
