// Request schemas of saved reviews that the routes and the API document share.

import * as z from 'zod';
import { DECISIONS } from '../reviews/store.ts';

/** Who uploads, decides, exports or deletes. */
export const Reviewer = z.string().trim().min(1, 'say who you are').max(100);

/** PUT /v1/reviews/:id/posts/:position. */
export const DecisionSchema = z.object({ decision: z.enum(DECISIONS), note: z.string().max(2000).optional(), reviewer: Reviewer }).strict();
