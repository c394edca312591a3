// Worker entry point: the HTTP app, and the cron trigger that enforces the retention
// period of saved reviews (and of their audit trail).

import { app } from './app.ts';
import type { Bindings } from './env.ts';
import { reviewKeys } from './reviews/sealed.ts';
import { reviewStore } from './reviews/store.ts';
import { auditRetentionDays } from './routes/reviews.ts';

export default {
  fetch: app.fetch,
  async scheduled(_controller: ScheduledController, env: Bindings, ctx: ExecutionContext) {
    if (!env.DB || !env.REVIEW_KEYS) return;
    const store = reviewStore(env.DB, reviewKeys(env.REVIEW_KEYS, () => new Date()));
    ctx.waitUntil(store.purgeExpired(auditRetentionDays(env.AUDIT_RETENTION_DAYS)).then((n) => { if (n > 0) console.log(`retention: deleted ${n} expired review(s)`); }));
  },
} satisfies ExportedHandler<Bindings>;
