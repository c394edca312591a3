// Response schemas for the API document (src/api/spec.ts). /v1/check's is the one the
// pipeline itself is typed by (schema/check.ts); the others describe what the routes
// answer. The tests check every one against real responses. Pure.

import * as z from 'zod';
import { DECISIONS } from '../reviews/store.ts';
import { CategorySchema, CheckResponseSchema, VerdictSchema } from '../schema/check.ts';
import { RequestWarningSchema } from '../schema/unknown-fields.ts';

export const ErrorBodySchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), requestId: z.string().optional() }).catchall(z.unknown()),
}).describe('Every error: a machine-readable code, a message a person can read, the request id, and details (zod issues, limits, allowed values) where they help.');

const warnings = z.array(RequestWarningSchema).optional().describe('Unknown top-level fields, ignored');

export const CheckResultSchema = CheckResponseSchema.extend({ warnings });

export const HealthSchema = z.object({
  status: z.literal('ok'),
  access: z.enum(['token', 'open', 'closed']),
  engine: z.object({ version: z.string(), lexiconVersion: z.string() }),
  profiles: z.array(z.string()),
  defaultProfile: z.string(),
});

const ProfileRef = z.object({ id: z.string(), name: z.string() });

export const ProfileListSchema = z.object({
  profiles: z.array(ProfileRef.extend({ source: z.enum(['bundled', 'custom']), overridesBundled: z.boolean() })),
});

const Where = { row: z.number().int().optional(), index: z.number().int().optional() };

export const BatchItemResultSchema = z.union([
  CheckResponseSchema.extend({ id: z.union([z.string(), z.number()]), ...Where, meta: z.record(z.string(), z.unknown()).optional(), warnings: z.array(z.string()).optional() }),
  z.object({ id: z.union([z.string(), z.number(), z.null()]), ...Where, error: z.object({ code: z.string(), message: z.string() }).catchall(z.unknown()) }),
]);

export const BatchSummarySchema = z.object({
  total: z.number().int(),
  verdicts: z.object({ ok: z.number().int(), review: z.number().int(), block: z.number().int(), error: z.number().int() }),
  categories: z.record(CategorySchema, z.object({ review: z.number().int(), block: z.number().int() })),
});

export const BatchResultSchema = z.object({
  profile: ProfileRef,
  summary: BatchSummarySchema,
  results: z.array(BatchItemResultSchema),
  warnings,
});

export const ReviewSchema = z.object({
  id: z.string(), name: z.string(), profileId: z.string(), createdAt: z.string(), createdBy: z.string(),
  expiresAt: z.string(), total: z.number().int(), summary: BatchSummarySchema, decided: z.number().int(),
});

export const ReviewCreatedSchema = ReviewSchema.extend({ warnings });

export const ReviewListSchema = z.object({
  reviews: z.array(ReviewSchema),
  nextCursor: z.string().nullable().describe('Pass as ?cursor= for the next page; null on the last'),
});

const Decision = z.enum(DECISIONS);

export const ReviewPostSchema = z.object({
  position: z.number().int(), postId: z.string().nullable(), text: z.string(), result: BatchItemResultSchema,
  verdict: z.union([VerdictSchema, z.literal('error')]), score: z.number(), decision: Decision.nullable(), note: z.string().nullable(),
  decidedBy: z.string().nullable(), decidedAt: z.string().nullable(),
});

export const ReviewDetailSchema = z.object({ review: ReviewSchema, posts: z.array(ReviewPostSchema) });

export const ReviewDecisionResultSchema = ReviewPostSchema.extend({ warnings });

export const AuditSchema = z.object({
  reviewId: z.string(), exists: z.boolean(),
  audit: z.array(z.object({ id: z.number().int(), position: z.number().int().nullable(), actor: z.string(), at: z.string(), action: z.string(), decision: z.string().nullable(), note: z.string().nullable() })),
});

export const ProfileSchemaDocSchema = z.record(z.string(), z.unknown()).describe('The profile format as JSON Schema');
export const ProfileDetailSchema = z.object({ source: z.enum(['bundled', 'custom']), profile: z.record(z.string(), z.unknown()) });
export const ProfileClausesSchema = z.record(z.string(), z.unknown()).describe('The profile\'s protocol, its clauses and the rule -> clause map');

const Match = z.object({
  message: z.string(), shortMessage: z.string(), replacements: z.array(z.object({ value: z.string() })),
  offset: z.number().int(), length: z.number().int(),
  context: z.object({ text: z.string(), offset: z.number().int(), length: z.number().int() }),
  sentence: z.string(), type: z.object({ typeName: z.string() }),
  rule: z.object({ id: z.string(), description: z.string(), issueType: z.string(), category: z.object({ id: CategorySchema, name: z.string() }) }),
  ignoreForIncompleteSentence: z.boolean(), contextForSureMatch: z.number(),
  severity: z.enum(['info', 'warning', 'error']), confidence: z.number(),
  clauses: z.array(z.object({ id: z.string(), title: z.string(), quote: z.string() }).catchall(z.unknown())),
});

export const LanguageToolCheckSchema = z.object({
  software: z.object({ name: z.string(), version: z.string(), buildDate: z.null(), apiVersion: z.number(), premium: z.boolean(), status: z.string() }),
  warnings: z.object({ incompleteResults: z.boolean() }),
  language: z.object({ name: z.string(), code: z.string(), detectedLanguage: z.object({ name: z.string(), code: z.string(), confidence: z.number() }) }),
  matches: z.array(Match),
  verdict: VerdictSchema,
  categories: CheckResponseSchema.shape.categories,
  profile: CheckResponseSchema.shape.profile,
});

export const LanguageToolLanguagesSchema = z.array(z.object({ name: z.string(), code: z.string(), longCode: z.string() }));
