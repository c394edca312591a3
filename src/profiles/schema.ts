// zod schema for a council profile: the protocol, its clauses quoted word for word,
// which clauses each rule cites, the people the checker should recognise (officers,
// the Cabinet and their portfolios, councillors, wards) and the election calendar.
// This schema is the documented format for bringing your own council.

import * as z from 'zod';
import { isoDate } from '../schema/dates.ts';


/** Limits on an uploaded profile, so that one profile cannot make each check slow or
 * each response huge (issue 9). Far above any real council's: the bundled profiles have
 * at most 17 clauses of up to 547 characters and a handful of people. */
export const PROFILE_LIMITS = {
  clauses: 200,
  quote: 2000,
  text: 200,
  rules: 100,
  clausesPerRule: 10,
  officers: 1000,
  cabinet: 50,
  councillors: 200,
  wards: 200,
  services: 20,
  elections: 100,
  note: 2000,
} as const;
const L = PROFILE_LIMITS;
const short = (min = 1) => z.string().min(min).max(L.text);

export const ClauseSchema = z.object({
  /** Unique within the profile; rules refer to clauses by key. */
  key: short(),
  /** What the finding shows: the clause number, or the heading for unnumbered protocols. */
  id: short(),
  title: short(),
  /** The clause's words, exactly as in the source. */
  quote: z.string().min(1).max(L.quote),
  /** True where the protocol has nothing on a risk and this clause is where it defers to
   * the Members' Code of Conduct: findings citing only such clauses say so. */
  codeOfConduct: z.boolean().optional(),
}).strict();

export const OfficerSchema = z.object({
  name: short(3),
  title: short(),
  /** The service, in the words people use ("planning", "housing"): links the officer to the Cabinet Member. */
  service: short(),
}).strict();

export const CabinetMemberSchema = z.object({
  name: short(3),
  portfolio: short(),
  /** Services the portfolio covers, as in OfficerSchema.service. */
  services: z.array(short()).min(1).max(L.services),
}).strict();

export const CouncillorSchema = z.object({
  name: short(3),
  ward: short().optional(),
  party: short().optional(),
}).strict();

export const PeopleSchema = z.object({
  /** Say whether the names are real or invented examples. */
  note: z.string().max(L.note).optional(),
  officers: z.array(OfficerSchema).max(L.officers).default([]),
  cabinet: z.array(CabinetMemberSchema).max(L.cabinet).default([]),
  councillors: z.array(CouncillorSchema).max(L.councillors).default([]),
  wards: z.array(short()).max(L.wards).default([]),
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
  ward: short(),
  pollingDay: isoDate,
  periodStart: isoDate.optional(),
}).strict();

export const ElectionsSchema = z.object({
  note: z.string().max(L.note).optional(),
  scheduled: z.array(ScheduledElectionSchema).max(L.elections).default([]),
  byElections: z.array(ByElectionSchema).max(L.elections).default([]),
}).strict();

/** A profile id: lower-case kebab-case, short enough for any storage key. */
export const PROFILE_ID_MAX = 64;
export const ProfileIdSchema = z.string()
  .max(PROFILE_ID_MAX, `ids are at most ${PROFILE_ID_MAX} characters`)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/u, 'ids are lower-case kebab-case, e.g. "my-council"');

export const ProfileSchema = z.object({
  id: ProfileIdSchema,
  name: short(),
  protocol: z.object({ title: short(), version: short(), source: z.string().min(1).max(L.note) }).strict(),
  clauses: z.array(ClauseSchema).min(1).max(L.clauses),
  /** ruleId, category, or "category:context" (sharing, officer) -> clause keys. */
  rules: z.record(short(), z.array(short()).min(1).max(L.clausesPerRule)).refine((r) => Object.keys(r).length <= L.rules, `at most ${L.rules} rules`),
  people: PeopleSchema.default({ officers: [], cabinet: [], councillors: [], wards: [] }),
  elections: ElectionsSchema.default({ scheduled: [], byElections: [] }),
  /** The council allows posts the rules can't settle to be sent for Claude's second
   * opinion (with personal data removed), where the checker has a key. */
  secondOpinion: z.boolean().optional(),
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
