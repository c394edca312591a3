// axe-core (WCAG 2.x A and AA rules) in a real Chromium on what people use: the
// extension's badge, finding card and Post guard (a copy of its closed shadow root, see
// axe.ts), its options page, the web page after a check, and the saved-reviews page.
// Any violation fails the test and is listed.

import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeOverlayViolations, axeViolations } from './axe.ts';
import { EXTENSION_ID, launchExtension } from './browser.ts';
import { openTestPage } from './overlay.ts';
import { useTestOrigin } from './test-origin.ts';

let context: BrowserContext;
beforeAll(async () => {
  const launched = await launchExtension();
  context = launched.context;
  await useTestOrigin(launched.worker, inject('pagesUrl'));
});
afterAll(async () => { await context?.close(); });

const BLOCK = 'The Head of Housing is clueless and should be sacked.';
async function write(page: Page, text: string) {
  await page.click('#composer');
  await page.keyboard.type(text, { delay: 2 });
}

describe('accessibility (axe-core)', () => {
  it('the extension\'s badge, card and guard have no violations', async () => {
    const { page, ov } = await openTestPage(context, inject('pagesUrl'), '/textarea.html');
    await write(page, BLOCK);
    await expect.poll(() => ov.attr('.badge', 'data-verdict'), { timeout: 15_000 }).toBe('block');
    expect(await axeOverlayViolations(page)).toEqual([]); // the badge alone
    await ov.click('.badge');
    await expect.poll(() => ov.count('.card')).toBe(1);
    expect(await axeOverlayViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await page.click('#post');
    await expect.poll(() => ov.count('.guard')).toBe(1);
    expect(await axeOverlayViolations(page)).toEqual([]);
    await page.close();
  });

  it('finds what is wrong: a nameless button and an image without alt text', async () => {
    const { page } = await openTestPage(context, inject('pagesUrl'), '/textarea.html');
    await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<button></button><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">'));
    expect((await axeViolations(page)).map((v) => v.id)).toEqual(expect.arrayContaining(['button-name', 'image-alt']));
    await page.close();
  });

  it('the options page has no violations', async () => {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${EXTENSION_ID}/options.html`);
    await expect.poll(() => page.locator('#profile option').count()).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('the web page after a check, the saved-reviews page and the API reference have no violations', async () => {
    const page = await context.newPage();
    await page.goto(`${inject('checkerUrl')}/`);
    await expect.poll(() => page.locator('#profile option').count()).toBe(4);
    await page.getByLabel('Draft post').fill(BLOCK);
    await page.getByRole('button', { name: 'Check' }).click();
    await expect.poll(() => page.textContent('#verdict')).toMatch(/Do not post as written/u);
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(`${inject('checkerUrl')}/reviews`);
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(`${inject('checkerUrl')}/docs`);
    expect(await page.locator('section.op').count()).toBeGreaterThan(10);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});
