// The options page: where the checker is, the token, the council and the author's
// defaults. Asks for host access to a new checker address only when it is saved, and
// refuses plain http:// except on this computer.

import { checkerAddressProblem, testOriginProblem } from './checker-address.ts';
import { DEFAULTS, loadSettings, saveSettings, type Settings } from './settings.ts';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const fields = ['apiBase', 'token', 'profile', 'authorRole', 'channel', 'pollingDay', 'testOrigin'] as const;
const checks = ['checkWhileTyping', 'checkDirectMessages', 'guardReview'] as const;

async function fill() {
  const s = await loadSettings();
  for (const f of fields) $<HTMLInputElement>(f).value = String(s[f]);
  for (const f of checks) $<HTMLInputElement>(f).checked = s[f];
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
  for (const f of checks) next[f] = $<HTMLInputElement>(f).checked;
  const problem = checkerAddressProblem(next.apiBase) ?? testOriginProblem(next.testOrigin);
  if (problem) { $('status').textContent = problem; return; }
  next.testOrigin = next.testOrigin.replace(/\/+$/u, '');
  const origins = [next.apiBase, ...(next.testOrigin ? [next.testOrigin] : [])].map((a) => `${new URL(a).origin}/*`);
  if (!(await chrome.permissions.contains({ origins }))) {
    const granted = await chrome.permissions.request({ origins });
    if (!granted) { $('status').textContent = `The extension needs access to ${origins.join(' and ')}.`; return; }
  }
  await saveSettings(next);
  $('status').textContent = 'Saved.';
});

$('test').addEventListener('click', async () => {
  const r = await chrome.runtime.sendMessage({ type: 'health' }) as { ok: boolean; status: number; body: { access?: string; engine?: { version: string } } | null };
  $('status').textContent = r.ok ? `Connected: engine ${r.body?.engine?.version}, access ${r.body?.access}.` : r.status === 401 || r.status === 403 ? 'Connected, but the token is missing or wrong.' : 'Could not reach the checker.';
});

void fill();
