// The options page: where the checker is, the token, the council and the author's
// defaults. Asks for host access to a new checker address only when it is saved.

import { DEFAULTS, loadSettings, saveSettings, type Settings } from './settings.ts';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const fields = ['apiBase', 'token', 'profile', 'authorRole', 'channel', 'pollingDay'] as const;

async function fill() {
  const s = await loadSettings();
  for (const f of fields) $<HTMLInputElement>(f).value = String(s[f]);
  $<HTMLInputElement>('checkWhileTyping').checked = s.checkWhileTyping;
  const health = await chrome.runtime.sendMessage({ type: 'health' }) as { ok: boolean; body: { profiles?: string[] } | null };
  for (const id of health.body?.profiles ?? []) {
    const o = document.createElement('option');
    o.value = id;
    $('profiles').append(o);
  }
}

$('form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const next = { ...DEFAULTS } as Settings;
  for (const f of fields) (next as unknown as Record<string, string>)[f] = $<HTMLInputElement>(f).value.trim();
  next.checkWhileTyping = $<HTMLInputElement>('checkWhileTyping').checked;
  const origin = `${new URL(next.apiBase).origin}/*`;
  if (!(await chrome.permissions.contains({ origins: [origin] }))) {
    const granted = await chrome.permissions.request({ origins: [origin] });
    if (!granted) { $('status').textContent = `The extension needs access to ${origin} to reach the checker.`; return; }
  }
  await saveSettings(next);
  $('status').textContent = 'Saved.';
});

$('test').addEventListener('click', async () => {
  const r = await chrome.runtime.sendMessage({ type: 'health' }) as { ok: boolean; status: number; body: { access?: string; engine?: { version: string } } | null };
  $('status').textContent = r.ok ? `Connected: engine ${r.body?.engine?.version}, access ${r.body?.access}.` : r.status === 401 || r.status === 403 ? 'Connected, but the token is missing or wrong.' : 'Could not reach the checker.';
});

void fill();
