// The web page's batch tab (/reviews) in a real Chromium against wrangler dev with its
// local D1: upload a CSV export, see the riskiest post first, mark decisions, export.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, SHOTS } from './browser.ts';

let context: BrowserContext;
beforeAll(async () => { context = await launch(false); });
afterAll(async () => { await context?.close(); });

const dir = mkdtempSync(join(tmpdir(), 'cpc-reviews-'));
const CSV = join(dir, 'week-19.csv');
writeFileSync(CSV, '\uFEFFPost ID,Post Message,Scheduled Date,Network\r\n'
  + 'w1,"Bins, recycling and garden waste: Tuesday as usual.",04/05/2026 08:00,Facebook\r\n'
  + 'w2,"The Head of Housing is clueless.\nSomeone should sack her.",05/05/2026 12:00,X\r\n'
  + 'w3,"Thank you to the library team for a great week.",06/05/2026 09:30,Facebook\r\n');

describe('batch review page', () => {
  it('uploads a CSV, lists the riskiest post first, records decisions and exports them', async () => {
    const page = await context.newPage();
    await page.goto(`${inject('checkerUrl')}/reviews`);
    // Without the team token the page says what it needs.
    await expect.poll(() => page.textContent('#status')).toMatch(/team token/u);
    await page.getByLabel('Team token').fill(inject('teamToken'));
    await page.getByLabel('Team token').press('Tab');
    await page.getByLabel(/Your name/u).fill('Jo Comms');
    await page.getByLabel(/CSV export/u).setInputFiles(CSV);
    await page.getByRole('button', { name: 'Check and save' }).click();
    await expect.poll(() => page.textContent('#status'), { timeout: 15_000 }).toMatch(/^Saved "week-19": 3 posts, 1 block, 0 review\.$/u);

    const posts = page.locator('#review article.post');
    await expect.poll(() => posts.count()).toBe(3);
    expect(await posts.first().getAttribute('class')).toContain('block');
    expect(await posts.first().locator('mark.error').first().textContent()).toContain('The Head of Housing is clueless');
    expect(await posts.first().textContent()).toContain('6.1.9');

    // Decisions from the keyboard-reachable controls.
    await posts.nth(0).getByLabel('Rejected').check();
    await posts.nth(0).getByLabel(/Note for post w2/u).fill('Criticises an officer; redirect to the Cabinet Member');
    await posts.nth(0).getByRole('button', { name: 'Save decision' }).click();
    await expect.poll(() => posts.nth(0).getAttribute('data-decision')).toBe('rejected');
    expect(await posts.nth(0).locator('.decided').textContent()).toMatch(/^Rejected by Jo Comms, /u);
    await posts.nth(1).getByLabel('Approved').check();
    await posts.nth(1).getByRole('button', { name: 'Save decision' }).click();
    await expect.poll(() => posts.nth(1).getAttribute('data-decision')).toBe('approved');
    await page.screenshot({ path: join(SHOTS, 'batch-review.png'), fullPage: true });

    // The list shows progress; reopening keeps the decisions.
    await page.reload();
    await page.getByRole('button', { name: 'Open review week-19' }).first().click();
    await expect.poll(() => page.locator('#review article.post').first().getAttribute('data-decision')).toBe('rejected');
    expect(await page.locator('#reviews-body tr').first().textContent()).toContain('2 of 3');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(download.suggestedFilename()).toBe('week-19.csv');
    expect(csv).toContain('w2,3,block,');
    expect(csv).toContain('rejected,Criticises an officer; redirect to the Cabinet Member,Jo Comms,');
    expect(csv).toMatch(/w1,2,ok,.*approved,,Jo Comms,/u);
    await page.close();
  });
});
