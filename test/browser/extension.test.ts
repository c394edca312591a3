// The extension in a real Chromium against wrangler dev, on local pages that imitate a
// textarea composer and a rich editor that re-renders its own DOM (like Draft.js).

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchExtension, SHOTS } from './browser.ts';
import { overlay, type Overlay } from './overlay.ts';
import { useTestOrigin } from './test-origin.ts';

const DRAFT = 'Sarah in Planning has made a complete mess of the Elm Road application.';
let context: BrowserContext;
const latencies: number[] = [];

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  const launched = await launchExtension();
  context = launched.context;
  // The content script runs on the social sites and on the developer's test origin only.
  await useTestOrigin(launched.worker, inject('pagesUrl'));
});

afterAll(async () => {
  await context?.close();
  if (latencies.length > 0) {
    const sorted = [...latencies].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)]!;
    mkdirSync(join(import.meta.dirname, '../../test-results'), { recursive: true });
    writeFileSync(join(import.meta.dirname, '../../test-results/extension-latency.json'), JSON.stringify({ checks: sorted.length, medianMs: median, latenciesMs: sorted }, null, 2));
    console.log(`extension check latency: median ${median} ms over ${sorted.length} checks`);
  }
});

async function open(path: string): Promise<{ page: Page; ov: Overlay }> {
  const page = await context.newPage();
  await page.goto(`${inject('pagesUrl')}${path}`);
  return { page, ov: await overlay(page) };
}

async function collectLatencies(ov: Overlay) {
  const list = (await ov.attr('.badge', 'data-latencies')) ?? '';
  latencies.push(...list.split(',').filter(Boolean).map(Number));
}

describe('extension on a textarea composer', () => {
  it('turns the badge to block, underlines the span, shows the card with 6.1.9, and applies the suggestion', async () => {
    const { page, ov } = await open('/textarea.html');
    await page.click('#composer');
    await page.keyboard.type(DRAFT, { delay: 5 });
    await expect.poll(() => ov.attr('.badge', 'data-verdict'), { timeout: 15_000 }).toBe('block');
    expect(await ov.text('.badge')).toMatch(/Block · 1/u);
    await expect.poll(() => ov.count('.line.error')).toBeGreaterThan(0);
    await page.screenshot({ path: join(SHOTS, 'extension-badge.png') });

    // Hover the underlined words: the card explains, quotes 6.1.9 and offers the fix.
    const box = (await ov.box('.line.error'))!;
    await page.mouse.move(box.x + 10, box.y - 6);
    await expect.poll(() => ov.count('.card')).toBe(1);
    expect(await ov.text('.card')).toContain('6.1.9');
    expect(await ov.text('.card')).toContain('When creating social media content or sharing content created by others');
    await page.screenshot({ path: join(SHOTS, 'extension-card.png') });

    await ov.click('.card button[data-action=apply]');
    await expect.poll(() => page.inputValue('#composer')).toContain('Cabinet Member for Planning');
    expect(await page.inputValue('#composer')).not.toContain('Sarah in Planning');
    await expect.poll(() => ov.attr('.badge', 'data-verdict'), { timeout: 15_000 }).toBe('ok');
    await collectLatencies(ov);
    await page.close();
  });

  it('guards the Post button on a block verdict, and lets the user override', async () => {
    const { page, ov } = await open('/textarea.html');
    await page.click('#composer');
    await page.keyboard.type('The Head of Housing is clueless and should be sacked.', { delay: 5 });
    await expect.poll(() => ov.attr('.badge', 'data-verdict'), { timeout: 15_000 }).toBe('block');
    await page.click('#post');
    await expect.poll(() => ov.count('.guard')).toBe(1);
    expect(await ov.text('.guard')).toMatch(/Criticism of officers/u);
    expect(await ov.text('.guard')).toMatch(/6\.1\.9/u);
    expect(await page.textContent('#posted')).toBe('');
    await page.screenshot({ path: join(SHOTS, 'extension-guard.png') });
    // The page's own scripts can't see into the overlay, and a scripted click on
    // "Post anyway" (an untrusted event) does not post.
    expect(await page.evaluate(() => document.querySelector('council-post-check')?.shadowRoot ?? null)).toBeNull();
    expect(await ov.scriptClick('.guard button[data-action=override]')).toBe(true);
    await page.waitForTimeout(300);
    expect(await page.textContent('#posted')).toBe('');
    expect(await ov.count('.guard')).toBe(1);
    await ov.click('.guard button[data-action=override]');
    await expect.poll(() => page.textContent('#posted')).toContain('posted: The Head of Housing');
    await collectLatencies(ov);
    await page.close();
  });
});

describe('extension when Post is pressed before the draft was checked', () => {
  it('checks at once: a risky draft gets the guard, a fine one is posted', async () => {
    const { page, ov } = await open('/textarea.html');
    await page.click('#composer');
    await page.keyboard.type('Lovely morning at the pier.', { delay: 5 });
    await page.keyboard.type(' The Head of Housing is clueless.', { delay: 0 });
    await page.click('#post'); // well inside the typing pause the extension waits for
    await expect.poll(() => ov.count('.guard'), { timeout: 15_000 }).toBe(1);
    expect(await page.textContent('#posted')).toBe('');
    await ov.click('.guard button[data-action=edit]');

    await page.fill('#composer', '');
    await page.click('#composer');
    await page.keyboard.type('Thank you to the Head of Housing for opening the new homes.', { delay: 0 });
    await page.click('#post');
    await expect.poll(() => page.textContent('#posted'), { timeout: 15_000 }).toBe('posted: Thank you to the Head of Housing for opening the new homes.');
    expect(await ov.count('.guard')).toBe(0);
    await page.close();
  });
});

describe('extension on a rich editor that re-renders its DOM', () => {
  it('checks, underlines and applies the suggestion through the editor\'s own input handling', async () => {
    const { page, ov } = await open('/rich-editor.html');
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.click('#editor');
    await page.keyboard.type('Lovely day at the pier.', { delay: 5 });
    await page.keyboard.press('Enter');
    await page.keyboard.type(DRAFT, { delay: 5 });
    expect(Number(await page.textContent('#renders'))).toBeGreaterThan(50); // the editor re-rendered on every key
    await expect.poll(() => ov.attr('.badge', 'data-verdict'), { timeout: 15_000 }).toBe('block');
    await expect.poll(() => ov.count('.line.error')).toBeGreaterThan(0);

    // The underline sits under the right words even though the DOM was rebuilt.
    const line = (await ov.box('.line.error'))!;
    const words = await page.evaluate(() => {
      const span = [...document.querySelectorAll('#editor span')].find((s) => s.textContent!.startsWith('Sarah'))!;
      const r = document.createRange(); r.setStart(span.firstChild!, 0); r.setEnd(span.firstChild!, 5);
      const b = r.getBoundingClientRect(); return { x: b.x, bottom: b.bottom };
    });
    expect(Math.abs(line.x - words.x)).toBeLessThan(3);
    expect(Math.abs(line.y - (words.bottom - 2))).toBeLessThan(4);

    await page.mouse.move(line.x + 10, line.y - 6);
    await expect.poll(() => ov.count('.card')).toBe(1);
    await ov.click('.card button[data-action=apply]');
    // The editor's own model changed (what it would post), not just its DOM.
    await page.click('#post');
    await expect.poll(() => page.textContent('#posted')).toContain("I'll be asking Cllr Priya Nandra (Cabinet Member for Planning and Regeneration) to explain this and put it right.");
    expect(await page.textContent('#posted')).toContain('Lovely day at the pier.');
    await expect.poll(() => ov.attr('.badge', 'data-verdict'), { timeout: 15_000 }).toBe('ok');
    expect(errors).toEqual([]);
    await collectLatencies(ov);
    await page.close();
  });

  it('keeps working when the editor replaces its whole DOM, and dismisses for this draft', async () => {
    const { page, ov } = await open('/rich-editor.html');
    await page.click('#editor');
    await page.keyboard.type('Cllr Brown is an idiot.', { delay: 5 });
    await expect.poll(() => ov.attr('.badge', 'data-verdict'), { timeout: 15_000 }).toBe('block');
    // Force a re-render with no text change: the overlay follows the new nodes.
    await page.evaluate(() => { const ed = document.getElementById('editor')!; ed.innerHTML = ed.innerHTML; });
    await expect.poll(() => ov.count('.line.error')).toBeGreaterThan(0);
    await ov.click('.badge');
    await expect.poll(() => ov.count('.card')).toBe(1);
    await ov.click('.card button[data-action=dismiss]');
    await expect.poll(() => ov.attr('.badge', 'data-verdict')).toBe('ok');
    await page.click('#post'); // no guard after dismissing
    await expect.poll(() => page.textContent('#posted')).toContain('posted: Cllr Brown');
    await page.close();
  });
});

describe('extension with the second opinion (Rugby allows it; a stand-in answers)', () => {
  it('reads a Welsh post through the second opinion, marks its finding and offers its rewrite', async () => {
    const worker = context.serviceWorkers()[0]!;
    await worker.evaluate(() => chrome.storage.sync.set({ profile: 'rugby' }));
    const { page, ov } = await open('/textarea.html');
    await page.click('#composer');
    await page.keyboard.type('Mae’r Pennaeth Cynllunio yn hollol anobeithiol ac fe ddylai fynd. Cywilydd arni hi a’i thîm.', { delay: 2 });
    await expect.poll(() => ov.attr('.badge', 'data-verdict'), { timeout: 15_000 }).toBe('block');
    await ov.click('.badge');
    await expect.poll(() => ov.count('.card')).toBe(1);
    expect(await ov.text('.card')).toContain('From the second opinion (Claude)');
    expect(await ov.text('.card .rewrite')).toBe("Byddaf yn gofyn i'r Aelod Cabinet esbonio'r penderfyniad hwn.");
    await ov.click('.card button[data-action=rewrite]');
    await expect.poll(() => page.inputValue('#composer')).toBe("Byddaf yn gofyn i'r Aelod Cabinet esbonio'r penderfyniad hwn.");
    await worker.evaluate(() => chrome.storage.sync.set({ profile: 'southend-on-sea' }));
    await page.close();
  });
});

