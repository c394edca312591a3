// zod schema for a council profile: the protocol, its clauses quoted word for word,
// and which clauses each rule cites.

import { z } from 'zod';

export const ClauseSchema = z.object({
  key: z.string().min(1),
  id: z.string().min(1),
  title: z.string().min(1),
  quote: z.string().min(1),
}).strict();

export const ProfileSchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/u),
  name: z.string().min(1),
  protocol: z.object({ title: z.string().min(1), version: z.string().min(1), source: z.string().min(1) }).strict(),
  clauses: z.array(ClauseSchema).min(1),
  /** ruleId, category, or "category:context" (sharing, officer) -> clause keys. */
  rules: z.record(z.string(), z.array(z.string().min(1)).min(1)),
}).strict().superRefine((p, ctx) => {
  const keys = new Set(p.clauses.map((c) => c.key));
  for (const [rule, refs] of Object.entries(p.rules)) {
    for (const ref of refs) {
      if (!keys.has(ref)) ctx.addIssue({ code: 'custom', path: ['rules', rule], message: `unknown clause key "${ref}"` });
    }
  }
  for (const category of ['officer-criticism', 'confidential', 'electioneering', 'abuse']) {
    if (!p.rules[category]) ctx.addIssue({ code: 'custom', path: ['rules', category], message: `every profile must map the category "${category}" to at least one clause` });
  }
});

export type Profile = z.infer<typeof ProfileSchema>;
export type Clause = z.infer<typeof ClauseSchema>;
