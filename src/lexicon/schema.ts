// zod schemas for the JSON data in lexicons/. Every entry carries its own flag/pass
// examples (flag examples mark the expected span with [[double brackets]]); the
// contract test runs them all and refuses an entry without them.

import * as z from 'zod';

export const ExampleContextSchema = z.object({
  authorRole: z.enum(['councillor', 'cabinet_member', 'officer', 'council_account']).optional(),
  channel: z.enum(['personal', 'official', 'campaign']).optional(),
  postedAt: z.string().optional(),
  sharing: z.boolean().optional(),
  election: z.object({ pollingDay: z.string(), periodStart: z.string().optional() }).optional(),
}).strict();

export const ExampleSchema = z.union([
  z.string().min(1),
  z.object({ text: z.string().min(1), context: ExampleContextSchema.optional() }).strict(),
]);
export type Example = z.infer<typeof ExampleSchema>;

export const ExamplesSchema = z.object({
  flag: z.array(ExampleSchema).min(1),
  pass: z.array(ExampleSchema).min(1),
}).strict();

const id = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/u, 'ids are kebab-case');
const phrases = z.array(z.string().min(1)).min(1);

export const EntrySchema = z.object({
  id,
  phrases,
  note: z.string().optional(),
  examples: ExamplesSchema,
}).strict();
export type Entry = z.infer<typeof EntrySchema>;

const weighted = <const K extends readonly [string, ...string[]]>(kinds: K) =>
  EntrySchema.extend({ kind: z.enum(kinds), weight: z.number().min(0).max(1) }).strict();

const lexiconBase = {
  version: z.string().min(1),
  description: z.string().min(1),
  lists: z.record(z.string(), z.array(z.string().min(1)).min(1)).default({}),
};

export const OfficerCriticismLexiconSchema = z.object({
  ...lexiconBase,
  targets: z.array(weighted(['individual', 'group', 'department', 'work'])),
  others: z.array(EntrySchema),
  criticism: z.array(weighted(['personal', 'blame', 'ridicule', 'insinuation', 'sarcasm', 'substantive']).extend({
    /** false for phrases whose negation is part of them ('nobody has a clue what ...'). */
    negatable: z.boolean().default(true),
    /** Whom the phrase aims at when the sentence names several: the target before it
     * (the subject, the default) or the one after ("the blame lies with ..."). */
    aims: z.enum(['before', 'after']).default('before'),
  }).strict()),
  negators: z.array(z.string().min(1)),
  scareQuoted: z.array(z.string().min(1)),
}).strict();

export const ConfidentialLexiconSchema = z.object({
  ...lexiconBase,
  markers: z.array(weighted(['exempt', 'embargo', 'in-confidence', 'private-session', 'group-advice', 'candidates', 'legal-advice', 'discipline', 'commercial', 'crime-prevention'])),
  disclosure: z.array(EntrySchema),
  benign: z.array(EntrySchema),
  sensitive: z.array(weighted(['health', 'benefits', 'case', 'finance', 'family', 'crime'])),
}).strict();

export const ElectioneeringLexiconSchema = z.object({
  ...lexiconBase,
  appeals: z.array(weighted(['vote-appeal', 'party-credit', 'opponent-attack', 'campaigning', 'slogan', 'ward-meeting'])),
  civic: z.array(EntrySchema),
  roleLeaning: z.array(EntrySchema),
}).strict();

export const AbuseLexiconSchema = z.object({
  ...lexiconBase,
  terms: z.array(weighted(['insult', 'threat', 'ridicule', 'profanity', 'dehumanising']).extend({
    needsTarget: z.boolean().default(false),
  }).strict()),
  allow: z.array(z.string().min(1)),
  leet: z.record(z.string().length(1), z.string().length(1)),
  targets: z.array(z.string().min(1)),
  /** Words that point at a person strongly enough to reach a neighbouring sentence. */
  directTargets: z.array(z.string().min(1)),
  /** Profanities as they are spelt in full, for masked forms ("f***", "b*****ds"). */
  masked: z.array(z.string().regex(/^[a-z]+$/u)).default([]),
}).strict();

export type OfficerCriticismLexicon = z.infer<typeof OfficerCriticismLexiconSchema>;
export type ConfidentialLexicon = z.infer<typeof ConfidentialLexiconSchema>;
export type ElectioneeringLexicon = z.infer<typeof ElectioneeringLexiconSchema>;
export type AbuseLexicon = z.infer<typeof AbuseLexiconSchema>;

/** Common English words grouped by meaning (npm run build:clusters). */
export const WordClustersSchema = z.object({
  version: z.string(),
  description: z.string(),
  /** Each cluster's words, space-separated. */
  clusters: z.array(z.string().regex(/^[a-z' -]+$/u)).min(1),
}).strict();
