// What council IT may push to every councillor's browser by policy
// (chrome.storage.managed; the schema is extension/managed-schema.json), and how a policy's
// values are read. Pure: no chrome APIs, so Node tests it.

/** The fields of the extension's Settings a policy may set (settings.ts uses chrome APIs,
 * so its types are repeated here rather than imported). */
type Role = 'councillor' | 'cabinet_member' | 'officer' | 'council_account';
type Channel = 'personal' | 'official' | 'campaign';
interface Settings { apiBase: string; token: string; profile: string; authorRole: Role; channel: Channel; guardReview: boolean; checkDirectMessages: boolean }

/** The settings a policy may set. */
export const MANAGED_KEYS = ['apiBase', 'token', 'profile', 'authorRole', 'channel', 'guardReview', 'checkDirectMessages'] as const;
export type ManagedKey = typeof MANAGED_KEYS[number];

const ROLES: ReadonlyArray<Settings['authorRole']> = ['councillor', 'cabinet_member', 'officer', 'council_account'];
const CHANNELS: ReadonlyArray<Settings['channel']> = ['personal', 'official', 'campaign'];

/** The policy's values that are well formed (others are ignored, so a typo in a policy
 * cannot switch the checker off); pure. */
export function managedValues(policy: Record<string, unknown>): Partial<Pick<Settings, ManagedKey>> {
  const out: Partial<Pick<Settings, ManagedKey>> = {};
  const str = (k: 'apiBase' | 'token' | 'profile') => { const v = policy[k]; if (typeof v === 'string' && v.trim()) out[k] = v.trim(); };
  str('apiBase'); str('token'); str('profile');
  if (ROLES.includes(policy['authorRole'] as Settings['authorRole'])) out.authorRole = policy['authorRole'] as Settings['authorRole'];
  if (CHANNELS.includes(policy['channel'] as Settings['channel'])) out.channel = policy['channel'] as Settings['channel'];
  if (typeof policy['guardReview'] === 'boolean') out.guardReview = policy['guardReview'];
  if (typeof policy['checkDirectMessages'] === 'boolean') out.checkDirectMessages = policy['checkDirectMessages'];
  return out;
}

