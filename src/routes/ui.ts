// GET / : the web page (same origin as the API, so it needs no CORS).

import { Hono } from 'hono';
import type { AppEnv } from '../env.ts';
import { PAGE } from '../ui/page.ts';

export const uiRoutes = new Hono<AppEnv>();

uiRoutes.get('/', (c) => {
  c.header('Content-Security-Policy', "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
  c.header('X-Content-Type-Options', 'nosniff');
  c.header('Referrer-Policy', 'no-referrer');
  return c.html(PAGE);
});
