// The extension's service worker: the only place that holds the API token and calls the
// checker. Content scripts send it the draft and get the result (never the token or the
// storage); it cancels a composer's stale request when a newer one starts, turns the
// toolbar button and keyboard shortcut into "check now", and registers the content script
// on the developer's test origin when one is set.

import { checkerAddressProblem, testOriginProblem } from './checker-address.ts';
import { contextOf, loadSettings, publicSettings, refreshManaged } from './settings.ts';

// storage.local holds the token: keep it from content scripts (which run inside every
// matched site's renderer). Chromium applies this to the whole area, persistently.
void chrome.storage.local.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' }).catch(() => undefined);

const inflight = new Map<string, AbortController>();

interface CheckMessage { type: 'check'; key: string; text: string }
/** health and profiles: the options page may send the address and token typed there
 * (not yet saved), to test them; anything else uses the saved settings. */
interface ServerMessage { type: 'health' | 'profiles'; apiBase?: string; token?: string }
interface OtherMessage { type: 'settings' }

const base = (apiBase: string) => apiBase.replace(/\/+$/u, '');

async function check(msg: CheckMessage, tabId: number | undefined) {
  const key = `${tabId}:${msg.key}`;
  inflight.get(key)?.abort();
  const controller = new AbortController();
  inflight.set(key, controller);
  const s = await loadSettings();
  const refused = checkerAddressProblem(s.apiBase);
  if (refused) return { ok: false, error: refused };
  const started = performance.now();
  try {
    const res = await fetch(`${base(s.apiBase)}/v1/check`, {
      method: 'POST',
      signal: controller.signal,
      headers: { 'content-type': 'application/json', ...(s.token ? { authorization: `Bearer ${s.token}` } : {}) },
      body: JSON.stringify({ text: msg.text, profile: s.profile || undefined, context: contextOf(s) }),
    });
    const body = await res.json();
    return res.ok ? { ok: true, body, ms: performance.now() - started } : { ok: false, status: res.status, error: body?.error?.message ?? `HTTP ${res.status}` };
  } catch (e) {
    return { ok: false, aborted: (e as Error).name === 'AbortError', error: 'Could not reach the checker.' };
  } finally {
    if (inflight.get(key) === controller) inflight.delete(key);
  }
}

/** GET a checker route with the saved address and token, or (from the options page) the typed ones. */
async function askServer(path: '/v1/health' | '/v1/profiles', typed: { apiBase?: string | undefined; token?: string | undefined } | undefined) {
  const s = await loadSettings();
  const apiBase = typed?.apiBase ?? s.apiBase;
  const token = typed ? typed.token ?? '' : s.token;
  const refused = checkerAddressProblem(apiBase);
  if (refused) return { ok: false, status: 0, body: null, error: refused };
  try {
    const res = await fetch(`${base(apiBase)}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    return { ok: res.ok, status: res.status, body: await res.json() };
  } catch {
    return { ok: false, status: 0, body: null };
  }
}

// Council IT's policy (chrome.storage.managed), copied where checks read it.
void refreshManaged();
chrome.storage.onChanged.addListener((_changes, area) => { if (area === 'managed') void refreshManaged(); });

const fromOptionsPage = (sender: chrome.runtime.MessageSender) => sender.url?.startsWith(chrome.runtime.getURL('options.html')) === true;

chrome.runtime.onMessage.addListener((msg: CheckMessage | ServerMessage | OtherMessage, sender, sendResponse) => {
  if (sender.id !== chrome.runtime.id) return false;
  if (msg.type === 'check') { check(msg, sender.tab?.id).then(sendResponse); return true; }
  if (msg.type === 'health' || msg.type === 'profiles') {
    // Only the options page may point the service worker at an address not saved.
    const typed = fromOptionsPage(sender) && typeof msg.apiBase === 'string' ? { apiBase: msg.apiBase, token: typeof msg.token === 'string' ? msg.token : undefined } : undefined;
    askServer(msg.type === 'health' ? '/v1/health' : '/v1/profiles', typed).then(sendResponse);
    return true;
  }
  if (msg.type === 'settings') { loadSettings().then((s) => sendResponse(publicSettings(s))); return true; }
  return false;
});

// ---- the content script on the developer's test origin (the social sites are in the manifest) ----
const TEST_SCRIPT = 'test-origin';
async function registerTestOrigin() {
  const { testOrigin } = await loadSettings();
  await chrome.scripting.unregisterContentScripts({ ids: [TEST_SCRIPT] }).catch(() => undefined);
  if (!testOrigin || testOriginProblem(testOrigin)) return;
  const origin = new URL(testOrigin).origin;
  await chrome.scripting.registerContentScripts([{ id: TEST_SCRIPT, matches: [`${origin}/*`], js: ['content.js'], runAt: 'document_idle', persistAcrossSessions: true }])
    .catch(() => undefined); // no host permission for it: the options page asks for one on save
}
void registerTestOrigin();
chrome.storage.onChanged.addListener((changes, area) => { if (area === 'sync' && 'testOrigin' in changes) void registerTestOrigin(); });

function checkNow(tabId: number | undefined) {
  if (tabId !== undefined) chrome.tabs.sendMessage(tabId, { type: 'check-now' }).catch(() => undefined);
}

chrome.action.onClicked.addListener((tab) => checkNow(tab.id));
chrome.commands.onCommand.addListener(async (command) => {
  if (command !== 'check-now') return;
  const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
  checkNow(tab?.id);
});
