// Issue 9: where the extension runs and what it keeps to itself, in a real Chromium: not
// on a localhost port nobody configured, not in direct-message boxes (unless asked), the
// token out of the content script's reach, and no drafts sent to a plain-http checker
// elsewhere than this computer.

import type { BrowserContext, Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { EXTENSION_ID, launchExtension } from './browser.ts';
import { overlay } from './overlay.ts';
import { useTestOrigin } from './test-origin.ts';

const TOKEN = 'cpc_boundary_test_token_0123456789';
let context: BrowserContext;
let worker: Worker;

beforeAll(async () => { ({ context, worker } = await launchExtension()); });
afterAll(async () => { await context?.close(); });

async function typeInto(page: Page, selector: string, text: string) {
  await page.click(selector);
  await page.keyboard.type(text, { delay: 2 });
}
const hostCount = (page: Page) => page.evaluate(() => document.querySelectorAll('council-post-check').length);

describe('extension boundaries', () => {
  it('does not run on a localhost port that is not the configured test origin', async () => {
    const page = await context.newPage();
    await page.goto(`${inject('pagesUrl')}/textarea.html`);
    await typeInto(page, '#composer', 'The Head of Housing is clueless.');
    await page.waitForTimeout(1200);
    expect(await hostCount(page)).toBe(0);
    await page.close();
    await useTestOrigin(worker, inject('pagesUrl'));
    const again = await context.newPage();
    await again.goto(`${inject('pagesUrl')}/textarea.html`);
    await typeInto(again, '#composer', 'The Head of Housing is clueless.');
    const ov = await overlay(again);
    await expect.poll(() => ov.attr('.badge', 'data-verdict'), { timeout: 15_000 }).toBe('block');
    await again.close();
  });

  it('leaves direct-message boxes alone unless the options say otherwise', async () => {
    await useTestOrigin(worker, inject('pagesUrl'));
    const inbox = await context.newPage();
    await inbox.goto(`${inject('pagesUrl')}/messages/thread.html`);
    await typeInto(inbox, '#composer', 'The Head of Housing is clueless.');
    await inbox.waitForTimeout(1200);
    const inboxOverlay = await overlay(inbox);
    expect(await inboxOverlay.count('.badge')).toBe(0);

    const feed = await context.newPage();
    await feed.goto(`${inject('pagesUrl')}/chat-popup.html`);
    const ov = await overlay(feed);
    await typeInto(feed, '#chat', 'The Head of Housing is clueless.');
    await feed.waitForTimeout(1200);
    expect(await ov.count('.badge')).toBe(0);
    await typeInto(feed, '#composer', 'The Head of Housing is clueless.'); // the public composer on the same page
    await expect.poll(() => ov.attr('.badge', 'data-verdict'), { timeout: 15_000 }).toBe('block');
    expect(await ov.count('.badge')).toBe(1);

    await worker.evaluate(() => chrome.storage.sync.set({ checkDirectMessages: true }));
    await inbox.reload();
    await typeInto(inbox, '#composer', 'The Head of Housing is clueless.');
    await expect.poll(() => inboxOverlay.attr('.badge', 'data-verdict'), { timeout: 15_000 }).toBe('block');
    await worker.evaluate(() => chrome.storage.sync.set({ checkDirectMessages: false }));
    await inbox.close();
    await feed.close();
  });

  it("keeps the token out of the content script's world: only the service worker reads it", async () => {
    await useTestOrigin(worker, inject('pagesUrl'));
    await worker.evaluate((t) => chrome.storage.local.set({ token: t }), TOKEN);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const worlds: Array<{ id: number; name: string; auxData?: { type?: string } }> = [];
    cdp.on('Runtime.executionContextCreated', (e) => worlds.push(e.context));
    await cdp.send('Runtime.enable');
    await page.goto(`${inject('pagesUrl')}/textarea.html`);
    await expect.poll(() => worlds.some((w) => w.auxData?.type === 'isolated' && w.name === 'council-post-check')).toBe(true);
    const world = worlds.filter((w) => w.auxData?.type === 'isolated' && w.name === 'council-post-check').at(-1)!;
    const read = await cdp.send('Runtime.evaluate', {
      contextId: world.id, awaitPromise: true, returnByValue: true,
      expression: 'chrome.storage.local.get(null).then((v) => "read: " + JSON.stringify(v), (e) => "refused: " + e.message)',
    });
    expect(String(read.result.value)).not.toContain(TOKEN);
    expect(String(read.result.value)).toMatch(/^refused: /u);
    // The settings it is sent hold everything but the token.
    const settings = await cdp.send('Runtime.evaluate', { contextId: world.id, awaitPromise: true, returnByValue: true, expression: 'chrome.runtime.sendMessage({ type: "settings" }).then(JSON.stringify)' });
    expect(String(settings.result.value)).toContain('"profile"');
    expect(String(settings.result.value)).not.toContain(TOKEN);
    expect(String(settings.result.value)).not.toContain('"token"');
    // Its checks still carry the token: the service worker adds it.
    expect(await worker.evaluate(async () => (await chrome.storage.local.get('token')).token)).toBe(TOKEN);
    await worker.evaluate(() => chrome.storage.local.set({ token: '' }));
    await page.close();
  });

  it('refuses a plain-http checker other than this computer, in the options and in the service worker', async () => {
    const options = await context.newPage();
    await options.goto(`chrome-extension://${EXTENSION_ID}/options.html`);
    await expect.poll(() => options.inputValue('#apiBase')).not.toBe('');
    await options.getByLabel(/Checker address/u).fill('http://checker.example.org');
    await options.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => options.textContent('#status')).toMatch(/must use https:\/\//u);
    expect(await worker.evaluate(async () => (await chrome.storage.sync.get('apiBase')).apiBase ?? null)).not.toBe('http://checker.example.org');
    await options.close();

    // Even if storage were changed behind the options page, nothing is sent there.
    await useTestOrigin(worker, inject('pagesUrl'));
    await worker.evaluate(() => chrome.storage.sync.set({ apiBase: 'http://checker.example.org' }));
    const page = await context.newPage();
    await page.goto(`${inject('pagesUrl')}/textarea.html`);
    const ov = await overlay(page);
    await typeInto(page, '#composer', 'A draft that must not leave over plain http.');
    await expect.poll(() => ov.attr('.badge', 'data-verdict'), { timeout: 15_000 }).toBe('offline');
    expect(await ov.text('.badge')).toMatch(/must use https:\/\//u);
    await worker.evaluate((apiBase) => chrome.storage.sync.set({ apiBase }), inject('checkerUrl'));
    await page.close();
  });
});
