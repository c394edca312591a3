// Reads labelled fixture posts (JSONL) for the eval and bench scripts. Node only.

import { readFileSync } from 'node:fs';
import * as z from 'zod';
import { CATEGORIES, type Category, type Verdict } from '../pipeline/types.ts';
import { CategorySchema, ContextInputSchema, VerdictSchema } from '../schema/check.ts';

const RANK: Record<Verdict, number> = { ok: 0, review: 1, block: 2 };

/** Each risk's verdict for a fixture post. */
export function categoryVerdicts(p: FixturePost): Record<Category, Verdict> {
  return p.categories ?? Object.fromEntries(CATEGORIES.map((c) => [c, p.labels.includes(c) ? p.verdict : 'ok'])) as Record<Category, Verdict>;
}

export const FixturePostSchema = z.object({
  id: z.string(),
  text: z.string(),
  labels: z.array(CategorySchema),
  verdict: VerdictSchema,
  context: ContextInputSchema.optional(),
  /** The council profile to check under (default southend-on-sea). */
  profile: z.string().optional(),
  /** Clause ids the findings must quote. */
  cites: z.array(z.string()).optional(),
  note: z.string().optional(),
  /** Each risk's own verdict in this context (labelling guide); when absent, every
   * labelled risk takes the post's verdict. */
  categories: z.object(Object.fromEntries(CATEGORIES.map((c) => [c, VerdictSchema])) as Record<Category, typeof VerdictSchema>).strict().optional(),
  /** The words promote a party or candidate or ask for votes, whatever the context. */
  partisan: z.boolean().optional(),
  /** Why the labels changed when the post was re-labelled by the labelling guide. */
  relabel: z.string().optional(),
}).refine((p) => !p.categories || (
  CATEGORIES.every((c) => (p.categories![c] !== 'ok') === p.labels.includes(c)) &&
  p.verdict === CATEGORIES.map((c) => p.categories![c]).reduce((a, b) => (RANK[b] > RANK[a] ? b : a), 'ok' as Verdict)
), { message: 'labels and verdict must agree with categories' });
export type FixturePost = z.infer<typeof FixturePostSchema>;

export function readFixtures(path: string): FixturePost[] {
  return readFileSync(path, 'utf8').split('\n').filter((l) => l.trim()).map((line, i) => {
    const parsed = FixturePostSchema.safeParse(JSON.parse(line));
    if (!parsed.success) throw new Error(`${path}:${i + 1}: ${parsed.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}`);
    return parsed.data;
  });
}
