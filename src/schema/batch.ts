// Request and result schemas for batches: POST /v1/batch, the CLI's batch command and
// saved reviews share them.

import * as z from 'zod';
import { ContextInputSchema, MAX_TEXT_LENGTH, SecondOpinionModeSchema } from './check.ts';

/** Most items one /v1/batch request (or one saved review) may hold. */
export const MAX_BATCH_ITEMS = 1000;

/** What an export said about a post besides its text (kept for the report, not judged). */
export const ItemMetaSchema = z.object({
  network: z.string().max(200).optional(),
  author: z.string().max(200).optional(),
  date: z.string().max(200).optional(),
  account: z.string().max(200).optional(),
  link: z.string().max(2000).optional(),
}).strict();

export const BatchItemSchema = z.object({
  id: z.union([z.string().min(1).max(200), z.number()]),
  text: z.string().min(1, 'text must not be empty').max(MAX_TEXT_LENGTH, `text may be at most ${MAX_TEXT_LENGTH} characters`),
  profile: z.string().min(1).max(100).optional(),
  context: ContextInputSchema.optional(),
  meta: ItemMetaSchema.optional(),
}).strict();

export const BatchRequestSchema = z.object({
  profile: z.string().min(1).max(100).optional(),
  /** The batch's default context (who posted, on which account, when): each item's own
   * context wins field by field. */
  context: ContextInputSchema.optional(),
  items: z.array(z.unknown()),
  /** As on /v1/check: "auto" (default where allowed) sends only unsettled posts. */
  secondOpinion: SecondOpinionModeSchema.optional(),
}).strict();

export type BatchItem = z.infer<typeof BatchItemSchema>;
export type ItemMeta = z.infer<typeof ItemMetaSchema>;
