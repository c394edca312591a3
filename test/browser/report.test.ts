// The CLI's HTML report, opened from disk in a real Chromium: self-contained, riskiest
// posts first with the words highlighted, charts, filters, and a print layout.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, SHOTS } from './browser.ts';

let context: BrowserContext;
beforeAll(async () => { context = await launch(false); });
afterAll(async () => { await context?.close(); });

const dir = mkdtempSync(join(tmpdir(), 'cpc-report-'));
const input = join(dir, 'export.csv');
const report = join(dir, 'report.html');
writeFileSync(input, 'id,message,date,network\n'
  + 'a,Lovely morning at the pier.,2026-03-01,Facebook\n'
  + 'b,"Vote for us on 7 May, the only party that delivers!",2026-04-20,official\n'
  + 'c,The Head of Housing is clueless and should be sacked.,2026-03-02,X\n'
  + 'd,"Please read the <b>exempt</b> report before Thursday: it is confidential, the settlement figure is £40,000.",2026-03-03,X\n'
  + 'e,,2026-03-04,X\n');
execFileSync(process.execPath, [join(import.meta.dirname, '../../src/cli/bin.ts'), 'batch', input, '--format', 'html', '--out', report, '--quiet']);

describe('HTML report', () => {
  it('is one self-contained file: riskiest first, highlighted, with charts', async () => {
    const html = readFileSync(report, 'utf8');
    expect(html).not.toMatch(/<(?:script|link|img)[^>]+(?:src|href)=/u); // nothing fetched
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (r) => { if (!r.url().startsWith('file:')) requests.push(r.url()); });
    await page.goto(`file://${report}`);
    const verdicts = await page.locator('article.post').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.verdict));
    expect(verdicts.slice(0, 3)).toEqual(['block', 'block', 'block']);
    expect(verdicts.slice(3)).toEqual(['error', 'ok']);
    // The post's own markup is shown as text, never run as HTML.
    expect(await page.locator('article.post b').count()).toBe(0);
    expect(await page.textContent('main')).toContain('<b>exempt</b>');
    const officer = page.locator('article.post', { hasText: 'Head of Housing' });
    expect(await officer.locator('mark.error').first().textContent()).toContain('The Head of Housing is clueless');
    expect(await officer.textContent()).toContain('6.1.9');
    expect(await officer.textContent()).toMatch(/Suggestion:.*Cabinet Member/u);
    const charts = await page.locator('svg.chart').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
    expect(charts[0]).toContain('Block: 3 posts');
    expect(charts[1]).toMatch(/Criticism of officers: 1 block/u);
    await page.screenshot({ path: join(SHOTS, 'batch-report.png') });
    expect(requests).toEqual([]);
    await page.close();
  });

  it('filters by verdict and by risk, and prints without the filters', async () => {
    const page = await context.newPage();
    await page.goto(`file://${report}`);
    const shown = () => page.locator('article.post:not([hidden])').count();
    expect(await shown()).toBe(5);
    await page.locator('#filters').getByLabel(/OK \(1\)/u).uncheck();
    await page.locator('#filters').getByLabel(/Not checked \(1\)/u).uncheck();
    expect(await shown()).toBe(3);
    expect(await page.textContent('#shown')).toBe('3 of 5 posts shown');
    await page.locator('#filters').getByLabel('Criticism of officers').uncheck();
    expect(await page.locator('article.post:not([hidden])', { hasText: 'Head of Housing' }).count()).toBe(0);
    expect(await shown()).toBe(2);
    await page.locator('#filters').getByLabel(/Block \(/u).uncheck();
    expect(await shown()).toBe(0);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('#filters').isVisible()).toBe(false);
    expect(await page.locator('.summary').isVisible()).toBe(true);
    await page.close();
  });
});
