// GET / : the web page (same origin as the API, so it needs no CORS); GET /reviews: its
// batch review tab.

import { Hono, type Context } from 'hono';
import type { AppEnv } from '../env.ts';
import { PAGE } from '../ui/page.ts';
import { REVIEWS_PAGE } from '../ui/reviews-page.ts';
import { policyFor } from '../ui/csp.ts';
import type { Page } from '../ui/shell.ts';

export const uiRoutes = new Hono<AppEnv>();

const page = (p: Page) => {
  let policy: Promise<string> | undefined; // the page is fixed: hash it once per isolate
  return async (c: Context<AppEnv>) => {
    policy ??= policyFor({ ...p, connect: "'self'" });
    c.header('Content-Security-Policy', await policy);
    c.header('Referrer-Policy', 'no-referrer');
    return c.html(p.html);
  };
};

uiRoutes.get('/', page(PAGE));
uiRoutes.get('/reviews', page(REVIEWS_PAGE));
