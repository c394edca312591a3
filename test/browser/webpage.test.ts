// The web page served by the Worker at "/", in a real Chromium against wrangler dev.

import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, SHOTS } from './browser.ts';

let context: BrowserContext;
beforeAll(async () => { context = await launch(false); });
afterAll(async () => { await context?.close(); });

describe('web page', () => {
  it('checks a draft: verdict, highlighted span, card with 6.1.9, and applying the suggestion', async () => {
    const page = await context.newPage();
    await page.goto(`${inject('checkerUrl')}/`);
    await page.getByLabel('Draft post').fill('Sarah in Planning has made a complete mess of the Elm Road application.');
    await page.getByRole('button', { name: 'Check' }).click();
    await expect.poll(() => page.textContent('#verdict')).toMatch(/Do not post as written/u);
    // The whole criticised statement is marked (it is what Apply replaces).
    expect(await page.textContent('#highlighted mark.error')).toBe('Sarah in Planning has made a complete mess of the Elm Road application');
    const card = page.locator('.card').first();
    expect(await card.textContent()).toContain('6.1.9');
    expect(await card.textContent()).toContain('When creating social media content');
    await page.screenshot({ path: join(SHOTS, 'web-page.png'), fullPage: true });
    // The card's suggestion is exactly what Apply puts in (read before Apply: the re-check
    // that follows replaces the cards).
    expect(await card.textContent()).toContain(`"I'll be asking Cllr Priya Nandra (Cabinet Member for Planning and Regeneration) to explain this and put it right."`);
    await card.getByRole('button', { name: 'Apply suggestion' }).click();
    await expect.poll(() => page.inputValue('#text')).toBe("I'll be asking Cllr Priya Nandra (Cabinet Member for Planning and Regeneration) to explain this and put it right.");
    await expect.poll(() => page.textContent('#verdict')).toMatch(/OK to post/u);
    await page.close();
  });

  it('works from the keyboard, uses the chosen council and context, and fits a phone screen', async () => {
    const page = await context.newPage();
    await page.setViewportSize({ width: 390, height: 800 });
    await page.goto(`${inject('checkerUrl')}/`);
    await expect.poll(() => page.locator('#profile option').count()).toBe(4);
    await page.getByLabel('Council').selectOption('rugby');
    await page.getByLabel('Account').selectOption('official');
    await page.getByLabel('Posting date').fill('2026-04-20');
    await page.getByLabel('Draft post').focus();
    await page.keyboard.type('Vote Labour on 7 May!');
    await page.keyboard.press('Tab'); // leaves the draft; the check runs after the typing pause
    await expect.poll(() => page.textContent('#verdict')).toMatch(/Do not post as written/u);
    expect(await page.textContent('.card')).toContain("Members' Code of Conduct");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: join(SHOTS, 'web-page-phone.png') });
    await page.close();
  });

  it('marks what the second opinion added and offers its rewrite, for a council that allows it', async () => {
    const page = await context.newPage();
    await page.goto(`${inject('checkerUrl')}/`);
    await expect.poll(() => page.locator('#profile option').count()).toBe(4);
    await page.getByLabel('Council').selectOption('rugby');
    await page.getByLabel('Draft post').fill('Another fine decision on parking. Bravo.');
    await page.getByRole('button', { name: 'Check' }).click();
    // The rules are sure of this one (no risk inside its band in lexicons/second-opinion.json),
    // so auto did not ask; the user can.
    await expect.poll(() => page.textContent('#verdict')).toMatch(/OK to post/u);
    await page.getByRole('button', { name: 'Ask for a second opinion anyway' }).click();
    await expect.poll(() => page.textContent('#verdict')).toMatch(/Do not post as written/u);
    const card = page.locator('.card', { hasText: 'from the second opinion' });
    await expect.poll(() => card.count()).toBe(1);
    expect(await card.textContent()).toContain('Sarcasm at the parking team.');
    expect(await card.textContent()).toContain('2. Pillars - Mutual respect');
    expect(await page.textContent('#notices')).toContain('A second opinion from Claude');
    await page.getByRole('button', { name: 'Rewrite the post' }).click();
    await expect.poll(() => page.inputValue('#text')).toBe('Parking decisions: I have asked the Cabinet Member to explain this one.');
    await page.close();
  });
});

describe('web page wording and helpers (issue 11)', () => {
  it('after Check on a phone the verdict is in view and focused; plain words; each clause text quoted once; context remembered; Copy', async () => {
    const page = await context.newPage();
    await page.setViewportSize({ width: 390, height: 700 });
    await page.goto(`${inject('checkerUrl')}/`);
    await expect.poll(() => page.locator('#profile option').count()).toBe(4);
    await page.getByLabel('Council').selectOption('southend-on-sea'); // earlier tests' choice is remembered
    await page.getByLabel('You are posting as').selectOption('cabinet_member');
    // Two confidential findings: Southend's 5.7 and 9.3.5 say the same words.
    await page.getByLabel('Draft post').fill('Between us, the Part 2 report says the Seaway bid was £1.2m. Not for sharing yet, but the confidential annex also names the preferred bidder, Coastline Leisure.');
    await page.getByRole('button', { name: 'Check' }).click();
    await expect.poll(() => page.textContent('#verdict')).toMatch(/^Do not post as written: \d+ issues? to look at$/u);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('verdict');
    const box = await page.locator('#verdict').boundingBox();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y + box!.height).toBeLessThanOrEqual(700);
    const result = (await page.textContent('#result'))!;
    expect(result).not.toMatch(/score|\(error\)|\(warning\)|\[profile\]|\d{4}-\d{2}-\d{2}/u);
    // Each distinct clause text appears once on the page.
    const quotes = await page.locator('#cards blockquote').evaluateAll((qs) => qs.map((q) => q.lastChild?.textContent ?? ''));
    expect(new Set(quotes).size).toBe(quotes.length);
    expect(await page.textContent('#election')).toMatch(/\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),? \d{1,2} [A-Z][a-z]+ \d{4}\b/u);

    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: inject('checkerUrl') });
    await page.getByRole('button', { name: 'Copy' }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toContain('Between us');

    // The context, not the draft, is there on the next visit.
    await page.reload();
    await expect.poll(() => page.inputValue('#role')).toBe('cabinet_member');
    expect(await page.inputValue('#text')).toBe('');
    expect(await page.evaluate(() => JSON.stringify(localStorage))).not.toContain('Between us');
    await page.close();
  });

  it('Apply after the draft changed checks it again first and applies the same suggestion to the new text', async () => {
    const page = await context.newPage();
    await page.goto(`${inject('checkerUrl')}/`);
    await expect.poll(() => page.locator('#profile option').count()).toBe(4);
    await page.getByLabel('Council').selectOption('southend-on-sea');
    await page.getByLabel('You are posting as').selectOption('councillor');
    await page.getByLabel('Draft post').fill('Sarah in Planning has made a complete mess of the Elm Road application.');
    await page.getByRole('button', { name: 'Check' }).click();
    await expect.poll(() => page.textContent('#verdict')).toMatch(/Do not post as written/u);
    // Typing before the statement moves it; the old card's offsets are stale.
    await page.locator('#text').evaluate((t: HTMLTextAreaElement) => { t.value = 'Update. ' + t.value; });
    await page.locator('.card').first().getByRole('button', { name: 'Apply suggestion' }).click();
    await expect.poll(() => page.inputValue('#text')).toBe("Update. I'll be asking Cllr Priya Nandra (Cabinet Member for Planning and Regeneration) to explain this and put it right.");
    await page.close();
  });
});
