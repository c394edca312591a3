// Starting Debian's Chromium through playwright-core (never a browser download), with or
// without the unpacked extension.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { inject } from 'vitest';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const EXTENSION_DIR = join(import.meta.dirname, '../../extension/dist');
/** Fixed by the "key" in extension/manifest.json. */
export const EXTENSION_ID = 'ohaohhllocbppkncollilgekmndjloaj';
export { SHOTS } from './shots.ts';

const QUIET = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

export async function launch(withExtension: boolean): Promise<BrowserContext> {
  return chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'cpc-chromium-')), {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 900, height: 640 },
    args: [...QUIET, ...(withExtension ? [`--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`] : [])],
  });
}

/** Chromium with the extension, once its service worker is up (the content script asks it
 * for everything), pointed at the tests' own checker (a free port, not the default 8787). */
export async function launchExtension(): Promise<{ context: BrowserContext; worker: Worker }> {
  const context = await launch(true);
  const worker = context.serviceWorkers()[0] ?? await context.waitForEvent('serviceworker', { timeout: 20_000 });
  await worker.evaluate((apiBase) => chrome.storage.sync.set({ apiBase }), inject('checkerUrl'));
  return { context, worker };
}
