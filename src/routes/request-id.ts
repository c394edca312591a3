// Every response carries an X-Request-Id (the caller's, when it sent a well-formed one,
// else a new UUID) and X-Content-Type-Options: nosniff. The id is what the 500 handler
// logs, so a user's report can be matched to a log line that holds no request content.

import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../env.ts';

const WELL_FORMED = /^[\w.:-]{1,128}$/u;

export const requestIds = () => createMiddleware<AppEnv>(async (c, next) => {
  const given = c.req.header('x-request-id');
  const id = given && WELL_FORMED.test(given) ? given : crypto.randomUUID();
  c.set('requestId', id);
  await next();
  c.res.headers.set('X-Request-Id', id);
  c.res.headers.set('X-Content-Type-Options', 'nosniff');
});
