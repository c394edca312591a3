// GET /openapi.json: the OpenAPI 3.1 document; GET /docs: the same as a readable page
// (static HTML under a CSP with no script, so it works offline). Both come from
// src/api/spec.ts, the one list of routes. Public: they describe the API, hold no data.

import { Hono } from 'hono';
import { docsPage } from '../api/docs-page.ts';
import { openApiDocument } from '../api/openapi.ts';
import type { AppEnv } from '../env.ts';
import { policyFor } from '../ui/csp.ts';
import type { Page } from '../ui/shell.ts';

export const docsRoutes = new Hono<AppEnv>();

docsRoutes.get('/openapi.json', (c) => c.json(openApiDocument()));

let page: { page: Page; policy: Promise<string> } | undefined;
docsRoutes.get('/docs', async (c) => {
  if (!page) { const p = docsPage(openApiDocument()); page = { page: p, policy: policyFor({ ...p, connect: "'none'" }) }; }
  c.header('Content-Security-Policy', await page.policy);
  c.header('Referrer-Policy', 'no-referrer');
  return c.html(page.page.html);
});
