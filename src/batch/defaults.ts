// A batch's own context: the defaults a comms team sets for a whole upload (who posted,
// on which account, when), and what an export's account column says about a post. An
// item's own context wins field by field over what its account says, and both over the
// batch's defaults. Pure.

import type { ContextInput } from '../schema/check.ts';

/** An item's context with the batch's defaults under it (election fields merged too). */
export function mergeContext(defaults: ContextInput | undefined, own: ContextInput | undefined): ContextInput | undefined {
  if (!defaults) return own;
  if (!own) return defaults;
  const election = defaults.election && own.election ? { ...defaults.election, ...own.election } : own.election ?? defaults.election;
  return { ...defaults, ...own, ...(election ? { election } : {}) };
}

/**
 * A raw (unvalidated) batch item with the batch's default context applied. An item that
 * is not an object, or whose context is not an object, is left for validation to refuse.
 */
export function withDefaultContext(raw: unknown, defaults: ContextInput | undefined): unknown {
  if (!defaults || typeof raw !== 'object' || raw === null || Array.isArray(raw)) return raw;
  const own = (raw as { context?: unknown }).context;
  if (own !== undefined && (typeof own !== 'object' || own === null || Array.isArray(own))) return raw;
  return { ...raw, context: mergeContext(defaults, own as ContextInput | undefined) };
}

const COUNCILLOR = /\b(cllr|councillor|councilor|cynghorydd)\b/iu;
const CAMPAIGN = /\b(campaign|candidate|for (mayor|council|ward)|elect)\b/iu;
/** "Southend-on-Sea City Council", "Rugby Borough Council", "@RushcliffeBC", "Cyngor Sir...". */
const COUNCIL = /\b(council|cyngor)\b|\b(bc|dc|cc|mbc|cbc)$/iu;

/**
 * What an export's account column (Hootsuite "Social Profile", Sprout "Profile", a
 * spreadsheet's "Account") says about who posted: a councillor's name ("Cllr Jo Bloggs")
 * is a councillor's personal account, one that says campaign or candidate a campaign
 * account, and a council's name or handle ("Rugby Borough Council", "@TendringDC") the
 * council's own account. Anything else says nothing.
 */
export function contextFromAccount(account: string): ContextInput | undefined {
  // Handles run words together: "SouthendCouncil", "RugbyBC", "CllrJoBloggs".
  const a = account.trim().replace(/^@/u, '').replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2').replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, '$1 $2').replace(/[_.-]+/gu, ' ');
  if (!a) return undefined;
  if (COUNCILLOR.test(a)) return CAMPAIGN.test(a) ? { authorRole: 'councillor', channel: 'campaign' } : { authorRole: 'councillor', channel: 'personal' };
  if (CAMPAIGN.test(a)) return { authorRole: 'councillor', channel: 'campaign' };
  if (COUNCIL.test(a)) return { authorRole: 'council_account', channel: 'official' };
  return undefined;
}
