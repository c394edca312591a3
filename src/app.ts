// Composition root: wires the routes, the 404/405 handlers and the error handler.
// Nothing here analyses text; nothing here logs request bodies.

import { Hono } from 'hono';
import type { AppEnv } from './env.ts';
import { apiCors, requireApiToken } from './routes/access.ts';
import { batchRoutes } from './routes/batch.ts';
import { checkRoutes } from './routes/check.ts';
import { errorBody } from './routes/errors.ts';
import { healthRoutes } from './routes/health.ts';
import { languageToolRoutes } from './routes/languagetool.ts';
import { docsRoutes } from './routes/docs.ts';
import { allowedMethods } from './api/spec.ts';
import { profileRoutes } from './routes/profiles.ts';
import { requestIds } from './routes/request-id.ts';
import { reviewRoutes } from './routes/reviews.ts';
import { uiRoutes } from './routes/ui.ts';

export const app = new Hono<AppEnv>();

app.use('*', requestIds());
app.use('/v1/*', apiCors());
app.use('/v1/*', requireApiToken());
app.route('/v1/check', checkRoutes);
app.route('/v1/batch', batchRoutes);
app.route('/v1/health', healthRoutes);
app.route('/v1/profiles', profileRoutes);
app.route('/v1/reviews', reviewRoutes);
app.route('/v2', languageToolRoutes);
app.route('/', docsRoutes);
app.route('/', uiRoutes);


app.notFound((c) => {
  const path = c.req.path.replace(/\/+$/u, '');
  // 405 and Allow come from the API's one list of routes (src/api/spec.ts).
  const allow = allowedMethods(path);
  if (allow) {
    c.header('Allow', allow);
    return c.json(errorBody('method_not_allowed', `${c.req.method} is not allowed here; use ${allow}.`), 405);
  }
  return c.json(errorBody('not_found', `No route for ${c.req.method} ${c.req.path}.`), 404);
});

/** An error message fit for the log: anything quoted (where a message may echo input)
 * is blanked, and it is cut short. */
export const loggableMessage = (message: string): string =>
  message.replace(/"[^"]*"|'[^']*'|`[^`]*`|“[^”]*”/gu, '"…"').slice(0, 200);

app.onError((err, c) => {
  // The request id, the route and the error's class and message: never the request,
  // which may hold a confidential draft.
  const requestId = c.get('requestId');
  console.error(JSON.stringify({ event: 'unhandled_error', requestId, method: c.req.method, route: c.req.routePath, error: err.name, message: loggableMessage(err.message) }));
  return c.json(errorBody('internal_error', 'Something went wrong handling this request; quote its request id when reporting it.', { requestId }), 500);
});
