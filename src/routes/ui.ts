// GET / : the web page (same origin as the API, so it needs no CORS); GET /reviews: its
// batch review tab.

import { Hono, type Context } from 'hono';
import type { AppEnv } from '../env.ts';
import { PAGE } from '../ui/page.ts';
import { REVIEWS_PAGE } from '../ui/reviews-page.ts';

export const uiRoutes = new Hono<AppEnv>();

const page = (html: string) => (c: Context<AppEnv>) => {
  c.header('Content-Security-Policy', "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
  c.header('X-Content-Type-Options', 'nosniff');
  c.header('Referrer-Policy', 'no-referrer');
  return c.html(html);
};

uiRoutes.get('/', page(PAGE));
uiRoutes.get('/reviews', page(REVIEWS_PAGE));
