// Extension settings, kept in chrome.storage.sync, with their defaults.

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

export async function loadSettings(): Promise<Settings> {
  const stored = await chrome.storage.sync.get(DEFAULTS) as Partial<Settings>;
  return { ...DEFAULTS, ...stored };
}

/** The request context the settings describe. */
export function contextOf(s: Settings): Record<string, unknown> {
  return {
    authorRole: s.authorRole,
    channel: s.channel,
    ...(s.pollingDay ? { election: { pollingDay: s.pollingDay } } : {}),
  };
}
