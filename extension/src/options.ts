// The options page: where the checker is, the token, the council and the author's
// defaults. Asks for host access to a new checker address when it is saved or tested,
// and refuses plain http:// except on this computer. Test connection tries the address
// and token as typed; the council picker lists that checker's councils by name.
// Settings pushed by council IT (chrome.storage.managed) are shown but cannot be changed.

import { checkerAddressProblem, testOriginProblem } from './checker-address.ts';
import { DEFAULTS, loadSettings, managedKeys, saveSettings, type Settings } from './settings.ts';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const fields = ['apiBase', 'token', 'profile', 'authorRole', 'channel', 'pollingDay', 'testOrigin'] as const;
const checks = ['checkWhileTyping', 'checkDirectMessages', 'guardReview'] as const;

interface ProfilesAnswer { ok: boolean; body: { profiles?: Array<{ id: string; name: string }> } | null }

/** The council picker: the checker's councils by name, keeping the chosen one even if
 * this checker does not list it (an uploaded profile, or a checker not reached yet). */
async function fillCouncils(chosen: string, typed?: { apiBase: string; token: string }) {
  const picker = $<HTMLSelectElement>('profile');
  const answer = await chrome.runtime.sendMessage({ type: 'profiles', ...(typed ?? {}) }) as ProfilesAnswer;
  const listed = answer.ok ? answer.body?.profiles ?? [] : [];
  picker.replaceChildren();
  for (const p of listed) picker.append(new Option(p.name, p.id));
  if (chosen && !listed.some((p) => p.id === chosen)) picker.append(new Option(`${chosen} (not listed by this checker)`, chosen));
  picker.value = chosen;
}

async function fill() {
  const s = await loadSettings();
  for (const f of fields) if (f !== 'profile') $<HTMLInputElement>(f).value = String(s[f]);
  for (const f of checks) $<HTMLInputElement>(f).checked = s[f];
  await fillCouncils(s.profile);
  showManaged(await managedKeys());
}

/** Fields the policy sets are shown as set and cannot be changed. */
function showManaged(keys: readonly string[]) {
  for (const f of keys) $<HTMLInputElement>(f).disabled = true;
  $('managed').textContent = keys.length > 0 ? 'Some settings are set by your council\'s IT and cannot be changed here.' : '';
}

function typedSettings(): Settings {
  const next = { ...DEFAULTS } as Settings;
  for (const f of fields) (next as unknown as Record<string, string>)[f] = $<HTMLInputElement>(f).value.trim();
  for (const f of checks) next[f] = $<HTMLInputElement>(f).checked;
  return next;
}

/** Host access to these addresses, asked for when missing; a message when refused. */
async function access(addresses: string[]): Promise<string | undefined> {
  const origins = addresses.map((a) => `${new URL(a).origin}/*`);
  if (await chrome.permissions.contains({ origins })) return undefined;
  return (await chrome.permissions.request({ origins })) ? undefined : `The extension needs access to ${origins.join(' and ')}.`;
}

$('form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const next = typedSettings();
  const problem = checkerAddressProblem(next.apiBase) ?? testOriginProblem(next.testOrigin);
  if (problem) { $('status').textContent = problem; return; }
  next.testOrigin = next.testOrigin.replace(/\/+$/u, '');
  const refused = await access([next.apiBase, ...(next.testOrigin ? [next.testOrigin] : [])]);
  if (refused) { $('status').textContent = refused; return; }
  await saveSettings(next);
  $('status').textContent = 'Saved.';
});

$('test').addEventListener('click', async () => {
  const { apiBase, token, profile } = typedSettings();
  const problem = checkerAddressProblem(apiBase);
  if (problem) { $('status').textContent = problem; return; }
  const refused = await access([apiBase]);
  if (refused) { $('status').textContent = refused; return; }
  const r = await chrome.runtime.sendMessage({ type: 'health', apiBase, token }) as { ok: boolean; status: number; body: { access?: string; engine?: { version: string } } | null };
  $('status').textContent = r.ok ? `Connected to ${new URL(apiBase).host}: engine ${r.body?.engine?.version}, access ${r.body?.access}.` : r.status === 401 || r.status === 403 ? 'Connected, but the token is missing or wrong.' : `Could not reach the checker at ${apiBase}.`;
  if (r.ok) await fillCouncils(profile, { apiBase, token });
});

void fill();
