// Worker entry point: the HTTP app, and the cron trigger that enforces the retention
// period of saved reviews.

import { app } from './app.ts';
import type { Bindings } from './env.ts';
import { reviewStore } from './reviews/store.ts';

export default {
  fetch: app.fetch,
  async scheduled(_controller: ScheduledController, env: Bindings, ctx: ExecutionContext) {
    if (!env.DB) return;
    ctx.waitUntil(reviewStore(env.DB).purgeExpired().then((n) => { if (n > 0) console.log(`retention: deleted ${n} expired review(s)`); }));
  },
} satisfies ExportedHandler<Bindings>;
