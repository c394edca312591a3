// POST /v1/batch: up to 1,000 posts at once, as JSON {profile?, items: [{id, text,
// context?}]} or a CSV export (text/csv, ?profile=ID). Each result is the /v1/check
// response plus its id; a bad item gets its own error entry. Nothing is logged; nothing is
// stored, except, for a request with an Idempotency-Key, its response sealed for 24 hours
// (idempotency.ts).

import { Hono } from 'hono';
import { summarize } from '../batch/summary.ts';
import type { AppEnv } from '../env.ts';
import { warningsField } from '../schema/unknown-fields.ts';
import { checkBatch, MAX_BATCH_BYTES, readBatch } from './batch-input.ts';
import { idempotency } from './idempotency.ts';

export const batchRoutes = new Hono<AppEnv>();
batchRoutes.use('/', idempotency({ maxBytes: MAX_BATCH_BYTES }));

batchRoutes.post('/', async (c) => {
  const read = await readBatch(c);
  if (!read.ok) return read.response;
  const checked = await checkBatch(c, read.batch);
  if (!checked.ok) return checked.response;
  return c.json({
    profile: { id: checked.profile.id, name: checked.profile.name },
    summary: summarize(checked.results),
    results: checked.results,
    ...warningsField(read.batch.warnings),
  });
});
