// The extension's service worker: it calls the checker API for the content script (so
// the page never sees the token), cancels a composer's stale request when a newer one
// starts, and turns the toolbar button and keyboard shortcut into "check now".

import { contextOf, loadSettings } from './settings.ts';

const inflight = new Map<string, AbortController>();

interface CheckMessage { type: 'check'; key: string; text: string }
interface HealthMessage { type: 'health' }

async function check(msg: CheckMessage, tabId: number | undefined) {
  const key = `${tabId}:${msg.key}`;
  inflight.get(key)?.abort();
  const controller = new AbortController();
  inflight.set(key, controller);
  const s = await loadSettings();
  const started = performance.now();
  try {
    const res = await fetch(`${s.apiBase.replace(/\/+$/u, '')}/v1/check`, {
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

async function health() {
  const s = await loadSettings();
  try {
    const res = await fetch(`${s.apiBase.replace(/\/+$/u, '')}/v1/health`, { headers: s.token ? { authorization: `Bearer ${s.token}` } : {} });
    return { ok: res.ok, status: res.status, body: await res.json() };
  } catch {
    return { ok: false, status: 0, body: null };
  }
}

chrome.runtime.onMessage.addListener((msg: CheckMessage | HealthMessage, sender, sendResponse) => {
  if (msg.type === 'check') { check(msg, sender.tab?.id).then(sendResponse); return true; }
  if (msg.type === 'health') { health().then(sendResponse); return true; }
  return false;
});

function checkNow(tabId: number | undefined) {
  if (tabId !== undefined) chrome.tabs.sendMessage(tabId, { type: 'check-now' }).catch(() => undefined);
}

chrome.action.onClicked.addListener((tab) => checkNow(tab.id));
chrome.commands.onCommand.addListener(async (command) => {
  if (command !== 'check-now') return;
  const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
  checkNow(tab?.id);
});
