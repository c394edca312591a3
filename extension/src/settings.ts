// Extension settings and their defaults.

export interface Settings {
  apiBase: string;
  token: string;
  profile: string;
  authorRole: 'councillor' | 'cabinet_member' | 'officer' | 'council_account';
  channel: 'personal' | 'official' | 'campaign';
  pollingDay: string;
  checkWhileTyping: boolean;
}

export const DEFAULTS: Settings = {
  apiBase: 'http://127.0.0.1:8787',
  token: '',
  profile: 'southend-on-sea',
  authorRole: 'councillor',
  channel: 'personal',
  pollingDay: '',
  checkWhileTyping: true,
};

// The token stays on this device (storage.local); the rest follows the user's browser
// profile (storage.sync).
export async function loadSettings(): Promise<Settings> {
  const { token: _token, ...synced } = DEFAULTS;
  const stored = await chrome.storage.sync.get(synced) as Partial<Settings>;
  const local = await chrome.storage.local.get({ token: '' }) as { token: string };
  return { ...DEFAULTS, ...stored, token: local.token };
}

export async function saveSettings(s: Settings): Promise<void> {
  const { token, ...synced } = s;
  await chrome.storage.sync.set(synced);
  await chrome.storage.local.set({ token });
}

/** The request context the settings describe. */
export function contextOf(s: Settings): Record<string, unknown> {
  return {
    authorRole: s.authorRole,
    channel: s.channel,
    ...(s.pollingDay ? { election: { pollingDay: s.pollingDay } } : {}),
  };
}
