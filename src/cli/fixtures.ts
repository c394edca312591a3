// Reads labelled fixture posts (JSONL) for the eval and bench scripts. Node only.

import { readFileSync } from 'node:fs';
import * as z from 'zod';
import { CategorySchema, ContextInputSchema, VerdictSchema } from '../schema/check.ts';

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
});
export type FixturePost = z.infer<typeof FixturePostSchema>;

export function readFixtures(path: string): FixturePost[] {
  return readFileSync(path, 'utf8').split('\n').filter((l) => l.trim()).map((line, i) => {
    const parsed = FixturePostSchema.safeParse(JSON.parse(line));
    if (!parsed.success) throw new Error(`${path}:${i + 1}: ${parsed.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}`);
    return parsed.data;
  });
}
