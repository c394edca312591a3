// The extension's content script runs on the social sites and on one test origin a
// developer sets in the options; the tests' pages are on a localhost port, so they set it.

import type { Worker } from 'playwright-core';

export async function useTestOrigin(worker: Worker, origin: string): Promise<void> {
  await worker.evaluate((o) => chrome.storage.sync.set({ testOrigin: o }), origin);
  // The service worker registers the content script when the setting changes.
  const until = Date.now() + 10_000;
  while (Date.now() < until) {
    const scripts = await worker.evaluate(() => chrome.scripting.getRegisteredContentScripts());
    if (scripts.some((s) => s.matches?.includes(`${origin}/*`))) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the content script was not registered for ${origin}`);
}
