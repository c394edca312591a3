// The extension's options page, in a real Chromium against wrangler dev: the settings a
// councillor saves there (council, check-while-typing, stopping reviews too) change what
// the composer does.

import type { BrowserContext, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { EXTENSION_ID, launchExtension } from './browser.ts';
import { overlay } from './overlay.ts';

let context: BrowserContext;
let worker: Worker;

beforeAll(async () => { ({ context, worker } = await launchExtension()); });
afterAll(async () => { await context?.close(); });

describe('extension options', () => {
  it('saves the council and check-on-demand; the composer then checks only when asked, citing that council', async () => {
    const options = await context.newPage();
    await options.goto(`chrome-extension://${EXTENSION_ID}/options.html`);
    // The page fills itself from chrome.storage (the tests' checker, on its own port).
    await expect.poll(() => options.inputValue('#apiBase')).toBe(inject('checkerUrl'));
    await expect.poll(() => options.inputValue('#profile')).toBe('southend-on-sea');
    // The picker names the checker's councils; the value kept is the profile id.
    expect(await options.locator('#profile option').allTextContents()).toEqual(expect.arrayContaining(['Rugby Borough Council', 'Southend-on-Sea City Council']));
    await options.getByLabel('Council', { exact: true }).selectOption({ label: 'Rugby Borough Council' });
    await options.getByLabel('Check while I type').uncheck();
    expect(await options.getByLabel('Also stop posts that need review').isChecked()).toBe(false);
    await options.getByLabel('Also stop posts that need review').check();
    await options.getByLabel(/API token/u).fill('cpc_example_token');
    // The developer's test page: the content script runs there too (tests' pages are on a localhost port).
    await options.getByLabel(/Test page origin/u).fill(inject('pagesUrl'));
    await options.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => options.textContent('#status')).toBe('Saved.');
    // The token stays on this device; the other settings follow the browser profile.
    const stored = await worker.evaluate(async () => ({ sync: await chrome.storage.sync.get(null), local: await chrome.storage.local.get(null) }));
    expect(stored.sync).toMatchObject({ profile: 'rugby', checkWhileTyping: false, checkDirectMessages: false, guardReview: true, testOrigin: inject('pagesUrl') });
    expect(stored.sync).not.toHaveProperty('token');
    expect(stored.local).toEqual({ token: 'cpc_example_token' });
    await options.getByRole('button', { name: 'Test connection' }).click();
    await expect.poll(() => options.textContent('#status')).toMatch(/^Connected to 127\.0\.0\.1:\d+: engine .*, access open\.$/u);
    // Test connection tries the address as typed, not the one saved.
    const saved = await options.inputValue('#apiBase');
    await options.getByLabel(/Checker address/u).fill('http://127.0.0.1:9');
    await options.getByRole('button', { name: 'Test connection' }).click();
    await expect.poll(() => options.textContent('#status')).toBe('Could not reach the checker at http://127.0.0.1:9.');
    await options.getByLabel(/Checker address/u).fill('https://');
    await options.getByRole('button', { name: 'Test connection' }).click();
    await expect.poll(() => options.textContent('#status')).not.toMatch(/^Connected/u);
    await options.getByLabel(/Checker address/u).fill(saved);
    await options.getByRole('button', { name: 'Test connection' }).click();
    await expect.poll(() => options.textContent('#status')).toMatch(/^Connected to /u);

    const page = await context.newPage();
    await page.goto(`${inject('pagesUrl')}/textarea.html`);
    await page.click('#composer');
    await page.keyboard.type('Sarah in Planning has made a complete mess of the Elm Road application.', { delay: 5 });
    const ov = await overlay(page);
    await expect.poll(() => ov.attr('.badge', 'data-verdict')).toBe('idle');
    await page.waitForTimeout(1500); // longer than the typing debounce: nothing is checked
    expect(await ov.attr('.badge', 'data-verdict')).toBe('idle');

    // The toolbar button and the keyboard shortcut both send "check-now" to the tab.
    // (The extension has no "tabs" permission, so it cannot see URLs: tell every tab.)
    await page.bringToFront();
    await worker.evaluate(async () => {
      for (const tab of await chrome.tabs.query({})) await chrome.tabs.sendMessage(tab.id!, { type: 'check-now' }).catch(() => undefined);
    });
    await expect.poll(() => ov.attr('.badge', 'data-verdict'), { timeout: 15_000 }).toBe('block');
    await ov.click('.badge');
    await expect.poll(() => ov.count('.card')).toBe(1);
    expect(await ov.text('.card')).toContain('Rugby Borough Council, 2. Pillars - Mutual respect');
    expect(await ov.text('.card')).not.toContain('6.1.9');
  });
});
