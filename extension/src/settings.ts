// Extension settings and their defaults. The token is kept apart: in storage.local, which
// the service worker restricts to the extension's own pages (setAccessLevel), so only the
// service worker and the options page ever read it. Content scripts ask the service
// worker for the rest (PublicSettings) and never touch storage themselves.

import { managedValues, type ManagedKey } from './managed-policy.ts';

export { MANAGED_KEYS, managedValues, type ManagedKey } from './managed-policy.ts';

export interface Settings {
  apiBase: string;
  token: string;
  profile: string;
  authorRole: 'councillor' | 'cabinet_member' | 'officer' | 'council_account';
  channel: 'personal' | 'official' | 'campaign';
  pollingDay: string;
  checkWhileTyping: boolean;
  /** Check in direct-message boxes too (off: private messages are left alone). */
  checkDirectMessages: boolean;
  /** The Post guard stops drafts that need review too, not only those that would breach. */
  guardReview: boolean;
  /** For developers: one more origin where the content script runs (a local test page). */
  testOrigin: string;
}

export type PublicSettings = Omit<Settings, 'token'>;

export const DEFAULTS: Settings = {
  apiBase: 'http://127.0.0.1:8787',
  token: '',
  profile: 'southend-on-sea',
  authorRole: 'councillor',
  channel: 'personal',
  pollingDay: '',
  checkWhileTyping: true,
  checkDirectMessages: false,
  guardReview: false,
  testOrigin: '',
};

/** What the browser's policy sets ({} where there is none, or the browser has no managed storage). */
export async function loadManaged(): Promise<Partial<Pick<Settings, ManagedKey>>> {
  try {
    return managedValues(await chrome.storage.managed.get(null) as Record<string, unknown>);
  } catch {
    return {};
  }
}

/** Reading managed storage can take seconds the first time in a browser session, so the
 * service worker keeps a copy in storage.local (refreshManaged, at start-up and whenever
 * the policy changes) and checks read the copy. */
export async function refreshManaged(): Promise<Partial<Pick<Settings, ManagedKey>>> {
  const managed = await loadManaged();
  if (Object.keys(managed).length > 0) await chrome.storage.local.set({ managedCopy: managed });
  else await chrome.storage.local.remove('managedCopy');
  return managed;
}

/** For the service worker and the options page only. Policy wins over what the user saved. */
export async function loadSettings(): Promise<Settings> {
  const { token: _token, ...synced } = DEFAULTS;
  const stored = await chrome.storage.sync.get(synced) as Partial<Settings>;
  const local = await chrome.storage.local.get({ token: '', managedCopy: {} }) as { token: string; managedCopy: Record<string, unknown> };
  return { ...DEFAULTS, ...stored, token: local.token, ...managedValues(local.managedCopy) };
}

/** The keys the policy sets, from the service worker's copy. */
export async function managedKeys(): Promise<ManagedKey[]> {
  const { managedCopy } = await chrome.storage.local.get({ managedCopy: {} }) as { managedCopy: Record<string, unknown> };
  return Object.keys(managedValues(managedCopy)) as ManagedKey[];
}

export async function saveSettings(s: Settings): Promise<void> {
  const { token, ...synced } = s;
  await chrome.storage.sync.set(synced);
  await chrome.storage.local.set({ token });
}

export function publicSettings(s: Settings): PublicSettings {
  const { token: _token, ...rest } = s;
  return rest;
}

/** The request context the settings describe. */
export function contextOf(s: PublicSettings): Record<string, unknown> {
  return {
    authorRole: s.authorRole,
    channel: s.channel,
    ...(s.pollingDay ? { election: { pollingDay: s.pollingDay } } : {}),
  };
}
