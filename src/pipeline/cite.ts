// Citation: each finding gets the council profile's clauses, quoted word for word.
// Lookup order: the rule id, then its category; context adds "category:sharing" when
// the post shares others' content, "category:officer" when an officer or a council
// account is the author, and "category:at-officer" when the words are aimed at an
// officer (abuse: 7.1.3 is about officers, 10.1.5 about anyone).

import type { Clause, Profile } from '../profiles/schema.ts';
import type { CheckContext, Evidence } from './types.ts';

export interface CitedClause { readonly id: string; readonly title: string; readonly quote: string; readonly codeOfConduct?: boolean }

export function citeClauses(profile: Profile, e: Evidence, ctx: CheckContext, atOfficer = false): CitedClause[] {
  const byKey = new Map<string, Clause>(profile.clauses.map((c) => [c.key, c]));
  const keys = [...(profile.rules[e.ruleId] ?? profile.rules[e.category] ?? [])];
  if (ctx.sharing) keys.push(...(profile.rules[`${e.category}:sharing`] ?? []));
  if (ctx.authorRole === 'officer' || ctx.authorRole === 'council_account') keys.push(...(profile.rules[`${e.category}:officer`] ?? []));
  if (atOfficer) keys.push(...(profile.rules[`${e.category}:at-officer`] ?? []));
  const seen = new Set<string>();
  const out: CitedClause[] = [];
  for (const k of keys) {
    const c = byKey.get(k);
    if (!c || seen.has(k)) continue;
    seen.add(k);
    out.push({ id: c.id, title: c.title, quote: c.quote, ...(c.codeOfConduct ? { codeOfConduct: true } : {}) });
  }
  return out;
}
