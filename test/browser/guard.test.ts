// The Post guard holds a risky post back however it is made, in a real Chromium with real
// key presses and clicks: the Post button clicked or pressed with Enter/Space (a <button>
// and a div role="button" that answers keys itself), Ctrl/Cmd+Enter in a composer with no
// button, Enter in a comment box that sends on Enter, and a form's submit. "Post anyway"
// then makes the post the way the user did; each page's own "posted" line says whether it
// went. A review is stopped only when the options say so.

import type { BrowserContext, Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchExtension } from './browser.ts';
import { openTestPage, type Overlay } from './overlay.ts';
import { useTestOrigin } from './test-origin.ts';

const BLOCK = 'The Head of Housing is clueless and should be sacked.';
const REVIEW = 'The planning report was disappointing and I expect better next time.';
const FINE = 'Thank you to the Head of Housing for opening the new homes.';
let context: BrowserContext;
let worker: Worker;

beforeAll(async () => {
  ({ context, worker } = await launchExtension());
  await useTestOrigin(worker, inject('pagesUrl'));
});
afterAll(async () => { await context?.close(); });

const open = (path: string) => openTestPage(context, inject('pagesUrl'), path);
async function write(page: Page, selector: string, text: string) {
  await page.click(selector);
  await page.keyboard.type(text, { delay: 2 });
}
const verdict = (ov: Overlay) => ov.attr('.badge', 'data-verdict');
const posted = (page: Page) => page.textContent('#posted');
const pageFocus = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

describe('the Post guard, however the post is made', () => {
  it('holds Enter and Space on a focused Post button; Post anyway from the keyboard posts', async () => {
    const { page, ov } = await open('/textarea.html');
    await write(page, '#composer', BLOCK);
    await expect.poll(() => verdict(ov), { timeout: 15_000 }).toBe('block');
    await page.keyboard.press('Tab'); // the badge comes first, then the page's Post button
    await page.keyboard.press('Tab');
    expect(await pageFocus(page)).toBe('post');
    await page.keyboard.press('Enter');
    await expect.poll(() => ov.count('.guard')).toBe(1);
    expect(await ov.focused()).toBe('edit');
    await page.keyboard.press('Escape');
    expect(await ov.count('.guard')).toBe(0);
    expect(await pageFocus(page)).toBe('composer');

    await page.focus('#post');
    await page.keyboard.press(' ');
    await expect.poll(() => ov.count('.guard')).toBe(1);
    await page.waitForTimeout(200);
    expect(await posted(page)).toBe('');
    await page.keyboard.press('Tab');
    expect(await ov.focused()).toBe('override');
    await page.keyboard.press('Enter');
    await expect.poll(() => posted(page)).toBe(`posted: ${BLOCK}`);
    expect(await ov.count('.guard')).toBe(0);
    await page.close();
  });

  it('holds Enter on a div role="button" that answers keys itself, and replays it on Post anyway', async () => {
    const { page, ov } = await open('/rich-editor.html');
    await write(page, '#editor', BLOCK);
    await expect.poll(() => verdict(ov), { timeout: 15_000 }).toBe('block');
    await page.focus('#post');
    await page.keyboard.press('Enter');
    await expect.poll(() => ov.count('.guard')).toBe(1);
    await page.waitForTimeout(200);
    expect(await posted(page)).toBe('');
    await page.keyboard.press('Tab');
    await page.keyboard.press(' ');
    await expect.poll(() => posted(page)).toBe(`posted: ${BLOCK}`);
    await page.close();
  });

  it('holds Ctrl+Enter and Cmd+Enter in a composer with no button; plain Enter there is a new line', async () => {
    const { page, ov } = await open('/ctrl-enter.html');
    await write(page, '#composer', BLOCK);
    await expect.poll(() => verdict(ov), { timeout: 15_000 }).toBe('block');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Shocking.', { delay: 2 });
    expect(await ov.count('.guard')).toBe(0);
    expect(await page.evaluate(() => document.getElementById('composer')!.innerText)).toMatch(/sacked\.\n+Shocking\./u);
    await page.keyboard.press('Control+Enter'); // before the new words were checked: checked there and then
    await expect.poll(() => ov.count('.guard'), { timeout: 15_000 }).toBe(1);
    expect(await posted(page)).toBe('');
    await ov.click('.guard button[data-action=edit]');
    await page.keyboard.press('Meta+Enter');
    await expect.poll(() => ov.count('.guard')).toBe(1);
    expect(await posted(page)).toBe('');
    await ov.click('.guard button[data-action=override]');
    await expect.poll(() => posted(page)).toMatch(/^posted: The Head of Housing is clueless and should be sacked\.\n+Shocking\.$/u);
    await page.close();
  });

  it('holds Enter in a comment box that sends on Enter, even pressed before the check; a fine comment goes', async () => {
    const { page, ov } = await open('/comment.html');
    await write(page, '#comment', BLOCK);
    await page.keyboard.press('Enter'); // at once: well inside the typing pause
    await expect.poll(() => ov.count('.guard'), { timeout: 15_000 }).toBe(1);
    expect(await posted(page)).toBe('');
    await page.keyboard.press('Enter'); // "Go back and edit" has focus
    expect(await ov.count('.guard')).toBe(0);
    expect(await pageFocus(page)).toBe('comment');
    await page.keyboard.press('Shift+Enter'); // a new line, not a send
    expect(await ov.count('.guard')).toBe(0);
    expect(await posted(page)).toBe('');

    await page.fill('#comment', '');
    await write(page, '#comment', FINE);
    await page.keyboard.press('Enter'); // checked, fine, and sent with the page's own key handling (keyCode 13)
    await expect.poll(() => posted(page), { timeout: 15_000 }).toBe(`posted: ${FINE}`);
    expect(await ov.count('.guard')).toBe(0);
    await page.close();
  });

  it("holds a form's submit whose button it does not know, and submits it on Post anyway", async () => {
    const { page, ov } = await open('/form.html');
    await write(page, '#composer', BLOCK);
    await expect.poll(() => verdict(ov), { timeout: 15_000 }).toBe('block');
    await page.click('#submit');
    await expect.poll(() => ov.count('.guard')).toBe(1);
    await page.waitForTimeout(200);
    expect(await posted(page)).toBe('');
    await ov.click('.guard button[data-action=override]');
    await expect.poll(() => posted(page)).toBe(`posted: ${BLOCK}`);
    await page.close();
  });

  it('lets a review through by default, and stops it when the options say "Also stop posts that need review"', async () => {
    const first = await open('/textarea.html');
    await write(first.page, '#composer', REVIEW);
    await expect.poll(() => verdict(first.ov), { timeout: 15_000 }).toBe('review');
    await first.page.click('#post');
    await expect.poll(() => posted(first.page)).toBe(`posted: ${REVIEW}`);
    expect(await first.ov.count('.guard')).toBe(0);
    await first.page.close();

    await worker.evaluate(() => chrome.storage.sync.set({ guardReview: true }));
    const { page, ov } = await open('/textarea.html');
    await write(page, '#composer', REVIEW);
    await expect.poll(() => verdict(ov), { timeout: 15_000 }).toBe('review');
    await page.click('#post');
    await expect.poll(() => ov.count('.guard')).toBe(1);
    expect(await ov.text('.guard h3')).toBe('This post needs a second look');
    await page.waitForTimeout(200);
    expect(await posted(page)).toBe('');
    await page.keyboard.press('Control+Enter'); // in the guard: nothing happens
    await ov.click('.guard button[data-action=override]');
    await expect.poll(() => posted(page)).toBe(`posted: ${REVIEW}`);
    await worker.evaluate(() => chrome.storage.sync.set({ guardReview: false }));
    await page.close();
  });
});
