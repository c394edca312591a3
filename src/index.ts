// Worker entry point: the HTTP app, and the cron trigger that enforces the retention
// period of saved reviews (and of their audit trail) and deletes expired idempotency records.

import { app } from './app.ts';
import type { Bindings } from './env.ts';
import { idempotencyStore } from './idempotency/store.ts';
import { reviewKeys } from './reviews/sealed.ts';
import { reviewStore } from './reviews/store.ts';
import { auditRetentionDays } from './routes/reviews.ts';

export default {
  fetch: app.fetch,
  async scheduled(_controller: ScheduledController, env: Bindings, ctx: ExecutionContext) {
    if (!env.DB || !env.REVIEW_KEYS) return;
    const store = reviewStore(env.DB, reviewKeys(env.REVIEW_KEYS, () => new Date()));
    ctx.waitUntil(store.purgeExpired(auditRetentionDays(env.AUDIT_RETENTION_DAYS)).then((n) => { if (n > 0) console.log(`retention: deleted ${n} expired review(s)`); }));
    // Idempotency records last 24 hours (their key material expires in KV by itself).
    ctx.waitUntil(idempotencyStore(env.DB, env.REVIEW_KEYS).purgeExpired().then(() => undefined));
  },
} satisfies ExportedHandler<Bindings>;
