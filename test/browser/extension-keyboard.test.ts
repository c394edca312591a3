// The extension from the keyboard and for screen readers, in a real Chromium with real key
// presses (page.keyboard): the badge is a button Tab reaches and its verdict is announced
// in a live region; the shortcut's "check now" opens the first card with focus in it; the
// card and the guard work with Tab, Enter, Space and Escape, the guard traps focus and
// opens at its heading, and focus goes back to the composer. The roles and names are read
// from the accessibility tree Chromium gives screen readers; axe-core runs in
// accessibility.test.ts.

import type { BrowserContext, Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchExtension } from './browser.ts';
import { openTestPage, type AxNode, type Overlay } from './overlay.ts';
import { useTestOrigin } from './test-origin.ts';

const BLOCK = 'The Head of Housing is clueless and should be sacked.';
const DRAFT = 'Sarah in Planning has made a complete mess of the Elm Road application.';
let context: BrowserContext;
let worker: Worker;

beforeAll(async () => {
  ({ context, worker } = await launchExtension());
  await useTestOrigin(worker, inject('pagesUrl'));
});
afterAll(async () => { await context?.close(); });

const open = (path: string) => openTestPage(context, inject('pagesUrl'), path);
async function write(page: Page, text: string) {
  await page.click('#composer');
  await page.keyboard.type(text, { delay: 2 });
}
const verdict = (ov: Overlay) => ov.attr('.badge', 'data-verdict');
const pageFocus = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');
/** What the service worker does on the shortcut: Chromium's browser-level keys are not
 * reachable through DevTools key events, so the test sends the tab its message. */
const shortcut = () => worker.evaluate(async () => {
  for (const tab of await chrome.tabs.query({})) await chrome.tabs.sendMessage(tab.id!, { type: 'check-now' }).catch(() => undefined);
});
/** Nodes that are controls or dialogs but have no accessible name (axe's button-name, aria-dialog-name). */
const unnamed = (nodes: AxNode[]) => nodes.filter((n) => ['button', 'dialog', 'alertdialog', 'DisclosureTriangle'].includes(n.role) && !n.name.trim());

describe('the extension from the keyboard', () => {
  it('badge: a button that Tab reaches after the composer, its verdict announced in a live region', async () => {
    const { page, ov } = await open('/textarea.html');
    await write(page, BLOCK);
    await expect.poll(() => verdict(ov), { timeout: 15_000 }).toBe('block');
    expect(await ov.text('.announcer')).toBe('Block: 1 issue');
    const [live] = await ov.accessibility('.announcer');
    expect(live).toMatchObject({ role: 'status', properties: { live: 'polite' } });
    const [badge] = await ov.accessibility('.badge');
    expect(badge?.role).toBe('button');
    expect(badge?.name).toContain('Block · 1');

    await page.keyboard.press('Tab');
    expect(await ov.focused()).toBe('badge');
    await page.keyboard.press('Shift+Tab');
    expect(await pageFocus(page)).toBe('composer');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab'); // on from the badge to what follows the composer
    expect(await pageFocus(page)).toBe('post');

    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    expect(await ov.focused()).toBe('badge');
    await page.keyboard.press('Enter'); // the badge opens the first card, focus in it
    await expect.poll(() => ov.count('.card')).toBe(1);
    expect(await ov.focused()).toBe('apply');
    await page.close();
  });

  it('the shortcut checks and opens the first card with focus in it; the card works with Tab, Enter, Space and Escape', async () => {
    const commands = await worker.evaluate(() => chrome.commands.getAll());
    expect(commands.find((c) => c.name === 'check-now')?.shortcut).toBe('Ctrl+Shift+K');
    const { page, ov } = await open('/textarea.html');
    await page.bringToFront();
    await write(page, DRAFT);
    await shortcut(); // inside the typing pause: it checks now
    await expect.poll(() => ov.count('.card'), { timeout: 15_000 }).toBe(1);
    expect(await ov.focused()).toBe('apply');
    expect(await ov.inView('.card h3')).toBe(true);
    const tree = await ov.accessibility('.card');
    expect(tree[0]).toMatchObject({ role: 'dialog', name: expect.stringMatching(/^Criticism of officers: “Sarah in Planning/u) });
    expect(tree.filter((n) => n.role === 'button').map((n) => n.name)).toEqual(['Apply suggestion', 'Dismiss']);
    expect(unnamed(tree)).toEqual([]);

    // Tab goes round the card: Apply, Dismiss, the folded clause, and back to Apply.
    await page.keyboard.press('Tab');
    expect(await ov.focused()).toBe('dismiss');
    await page.keyboard.press('Tab');
    expect(await ov.focused()).toBe('summary');
    await page.keyboard.press('Tab');
    expect(await ov.focused()).toBe('apply');
    await page.keyboard.press('Shift+Tab');
    expect(await ov.focused()).toBe('summary');
    await page.keyboard.press('Escape');
    expect(await ov.count('.card')).toBe(0);
    expect(await pageFocus(page)).toBe('composer');

    await shortcut(); // already checked: the card opens at once
    await expect.poll(() => ov.focused()).toBe('apply');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.inputValue('#composer')).toContain('Cabinet Member for Planning');
    expect(await ov.count('.card')).toBe(0);
    expect(await pageFocus(page)).toBe('composer');
    await expect.poll(() => verdict(ov), { timeout: 15_000 }).toBe('ok');
    await expect.poll(() => ov.text('.announcer')).toBe('OK: no issues');

    await page.fill('#composer', '');
    await write(page, BLOCK);
    await shortcut();
    await expect.poll(() => ov.focused(), { timeout: 15_000 }).toBe('apply');
    await page.keyboard.press('Tab');
    await page.keyboard.press(' '); // Dismiss
    await expect.poll(() => verdict(ov)).toBe('ok');
    expect(await ov.count('.card')).toBe(0);
    expect(await pageFocus(page)).toBe('composer');
    await page.close();
  });

  it('the guard: opens at its heading with focus on Go back and edit, traps focus, Escape returns to the composer', async () => {
    const { page, ov } = await open('/textarea.html');
    await page.setViewportSize({ width: 900, height: 360 }); // the guard scrolls within itself
    await write(page, `${DRAFT} ${BLOCK}`);
    await expect.poll(() => verdict(ov), { timeout: 15_000 }).toBe('block');
    await page.click('#post');
    await expect.poll(() => ov.count('.guard')).toBe(1);
    expect(await ov.focused()).toBe('edit');
    expect(await ov.inView('.guard h3')).toBe(true);
    expect(await ov.inView('.guard button[data-action=edit]')).toBe(true);
    expect(await ov.inView('.guard blockquote:last-of-type')).toBe(false); // there is more below, to scroll to
    const tree = await ov.accessibility('.guard');
    expect(tree[0]).toMatchObject({ role: 'alertdialog', name: 'This post would breach the protocol', properties: { modal: true } });
    expect(tree.filter((n) => n.role === 'button').map((n) => n.name)).toEqual(['Go back and edit', 'Post anyway']);
    expect(unnamed(tree)).toEqual([]);

    await page.keyboard.press('Tab');
    expect(await ov.focused()).toBe('override');
    await page.keyboard.press('Tab');
    expect(await ov.focused()).toBe('edit');
    await page.keyboard.press('Shift+Tab');
    expect(await ov.focused()).toBe('override');
    // Focus taken away by the page's script comes back into the guard.
    await page.evaluate(() => document.getElementById('composer')!.focus());
    expect(await ov.focused()).toBe('edit');
    await page.keyboard.press('Escape');
    expect(await ov.count('.guard')).toBe(0);
    expect(await pageFocus(page)).toBe('composer');
    expect(await page.textContent('#posted')).toBe('');

    await page.click('#post');
    await expect.poll(() => ov.count('.guard')).toBe(1);
    await page.keyboard.press('Enter'); // Go back and edit
    expect(await ov.count('.guard')).toBe(0);
    expect(await pageFocus(page)).toBe('composer');
    expect(await page.textContent('#posted')).toBe('');
    await page.close();
  });
});
