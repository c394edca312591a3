// zod schema for a council profile: the protocol, its clauses quoted word for word,
// which clauses each rule cites, the people the checker should recognise (officers,
// the Cabinet and their portfolios, councillors, wards) and the election calendar.
// This schema is the documented format for bringing your own council.

import * as z from 'zod';

const isoDate = z.iso.date({ error: 'must be a date, YYYY-MM-DD' });

export const ClauseSchema = z.object({
  /** Unique within the profile; rules refer to clauses by key. */
  key: z.string().min(1),
  /** What the finding shows: the clause number, or the heading for unnumbered protocols. */
  id: z.string().min(1),
  title: z.string().min(1),
  /** The clause's words, exactly as in the source. */
  quote: z.string().min(1),
  /** True where the protocol has nothing on a risk and this clause is where it defers to
   * the Members' Code of Conduct: findings citing only such clauses say so. */
  codeOfConduct: z.boolean().optional(),
}).strict();

export const OfficerSchema = z.object({
  name: z.string().min(3),
  title: z.string().min(1),
  /** The service, in the words people use ("planning", "housing"): links the officer to the Cabinet Member. */
  service: z.string().min(1),
}).strict();

export const CabinetMemberSchema = z.object({
  name: z.string().min(3),
  portfolio: z.string().min(1),
  /** Services the portfolio covers, as in OfficerSchema.service. */
  services: z.array(z.string().min(1)).min(1),
}).strict();

export const CouncillorSchema = z.object({
  name: z.string().min(3),
  ward: z.string().min(1).optional(),
  party: z.string().min(1).optional(),
}).strict();

export const PeopleSchema = z.object({
  /** Say whether the names are real or invented examples. */
  note: z.string().optional(),
  officers: z.array(OfficerSchema).default([]),
  cabinet: z.array(CabinetMemberSchema).default([]),
  councillors: z.array(CouncillorSchema).default([]),
  wards: z.array(z.string().min(1)).default([]),
}).strict();

export const ScheduledElectionSchema = z.object({
  year: z.number().int().min(2000).max(2100),
  /** all-out: every seat; thirds: a third of the seats; none: no scheduled election that year. */
  type: z.enum(['all-out', 'thirds', 'halves', 'none']),
  /** Defaults to the first Thursday in May. */
  pollingDay: isoDate.optional(),
  /** The published start of the pre-election period, where known. */
  periodStart: isoDate.optional(),
}).strict();

export const ByElectionSchema = z.object({
  ward: z.string().min(1),
  pollingDay: isoDate,
  periodStart: isoDate.optional(),
}).strict();

export const ElectionsSchema = z.object({
  note: z.string().optional(),
  scheduled: z.array(ScheduledElectionSchema).default([]),
  byElections: z.array(ByElectionSchema).default([]),
}).strict();

export const ProfileSchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/u, 'ids are lower-case kebab-case, e.g. "my-council"'),
  name: z.string().min(1),
  protocol: z.object({ title: z.string().min(1), version: z.string().min(1), source: z.string().min(1) }).strict(),
  clauses: z.array(ClauseSchema).min(1),
  /** ruleId, category, or "category:context" (sharing, officer) -> clause keys. */
  rules: z.record(z.string(), z.array(z.string().min(1)).min(1)),
  people: PeopleSchema.default({ officers: [], cabinet: [], councillors: [], wards: [] }),
  elections: ElectionsSchema.default({ scheduled: [], byElections: [] }),
}).strict().superRefine((p, ctx) => {
  const keys = new Set<string>();
  p.clauses.forEach((c, i) => {
    if (keys.has(c.key)) ctx.addIssue({ code: 'custom', path: ['clauses', i, 'key'], message: `duplicate clause key "${c.key}"` });
    keys.add(c.key);
  });
  for (const [rule, refs] of Object.entries(p.rules)) {
    for (const ref of refs) {
      if (!keys.has(ref)) ctx.addIssue({ code: 'custom', path: ['rules', rule], message: `unknown clause key "${ref}"` });
    }
  }
  for (const category of ['officer-criticism', 'confidential', 'electioneering', 'abuse']) {
    if (!p.rules[category]) ctx.addIssue({ code: 'custom', path: ['rules', category], message: `every profile must map the category "${category}" to at least one clause` });
  }
  const years = new Set<number>();
  p.elections.scheduled.forEach((e, i) => {
    if (years.has(e.year)) ctx.addIssue({ code: 'custom', path: ['elections', 'scheduled', i, 'year'], message: `year ${e.year} is listed twice` });
    years.add(e.year);
    if (e.pollingDay && Number(e.pollingDay.slice(0, 4)) !== e.year) ctx.addIssue({ code: 'custom', path: ['elections', 'scheduled', i, 'pollingDay'], message: `pollingDay is not in ${e.year}` });
    if (e.periodStart && e.pollingDay && e.periodStart > e.pollingDay) ctx.addIssue({ code: 'custom', path: ['elections', 'scheduled', i, 'periodStart'], message: 'periodStart must not be after pollingDay' });
  });
});

export type Profile = z.infer<typeof ProfileSchema>;
export type ProfileInput = z.input<typeof ProfileSchema>;
export type Clause = z.infer<typeof ClauseSchema>;
export type Officer = z.infer<typeof OfficerSchema>;
export type CabinetMember = z.infer<typeof CabinetMemberSchema>;
