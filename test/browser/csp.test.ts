// Issue 9: the pages and the HTML report run under a CSP without 'unsafe-inline', in a
// real Chromium: their own script and style work and raise no violation, while a script,
// an event-handler attribute or a style attribute injected into them is refused.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch } from './browser.ts';

let context: BrowserContext;
beforeAll(async () => { context = await launch(false); });
afterAll(async () => { await context?.close(); });

/** CSP violations the page reports, as "directive blocked-uri". */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    (window as unknown as { cspViolations: string[] }).cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => (window as unknown as { cspViolations: string[] }).cspViolations.push(`${e.effectiveDirective} ${e.blockedURI}`));
  });
  return () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
}

/** Try three injections; true for each that took effect. */
const inject3 = (page: Page) => page.evaluate(async () => {
  const w = window as unknown as Record<string, unknown>;
  const s = document.createElement('script');
  s.textContent = 'window.injectedScript = true';
  document.body.append(s);
  const d = document.createElement('div');
  d.innerHTML = '<img src="data:," onerror="window.injectedHandler = true"><span id="styled" style="color: rgb(1, 2, 3)">x</span>';
  document.body.append(d);
  await new Promise((r) => setTimeout(r, 200));
  return { script: w.injectedScript === true, handler: w.injectedHandler === true, style: getComputedStyle(document.getElementById('styled')!).color === 'rgb(1, 2, 3)' };
});

describe('Content Security Policy', () => {
  for (const path of ['/', '/reviews']) {
    it(`${path}: no unsafe-inline; its own script runs, injected ones don't`, async () => {
      const page = await context.newPage();
      const violations = await watchViolations(page);
      const res = await page.goto(`${inject('checkerUrl')}${path}`);
      const policy = res!.headers()['content-security-policy']!;
      expect(policy).toMatch(/script-src 'sha256-[A-Za-z0-9+/]+=*'/u);
      expect(policy).not.toContain('unsafe-inline');
      // The page's own script ran (it fills the council list from the API) and was styled.
      await expect.poll(() => page.locator('#profile option').count()).toBeGreaterThan(0);
      expect(await page.evaluate(() => getComputedStyle(document.querySelector('nav.tabs')!).display)).toBe('flex');
      expect(await violations()).toEqual([]);
      expect(await inject3(page)).toEqual({ script: false, handler: false, style: false });
      expect((await violations()).length).toBeGreaterThanOrEqual(2);
      await page.close();
    });
  }

  it('the HTML report carries its own policy: filters work, injected scripts do not', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cpc-csp-'));
    writeFileSync(join(dir, 'in.csv'), 'id,message\na,"The Head of Housing is clueless <img src=x onerror=alert(1)>"\nb,Lovely day\n');
    execFileSync(process.execPath, [join(import.meta.dirname, '../../src/cli/bin.ts'), 'batch', join(dir, 'in.csv'), '--format', 'html', '--out', join(dir, 'r.html'), '--quiet']);
    expect(readFileSync(join(dir, 'r.html'), 'utf8')).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'sha256-/u);
    const page = await context.newPage();
    const violations = await watchViolations(page);
    await page.goto(`file://${join(dir, 'r.html')}`);
    await expect.poll(() => page.textContent('#shown')).toBe('2 of 2 posts shown'); // its script ran
    await page.locator('#filters').getByLabel(/OK \(1\)/u).uncheck();
    await expect.poll(() => page.textContent('#shown')).toBe('1 of 2 posts shown');
    expect(await violations()).toEqual([]);
    expect(await inject3(page)).toEqual({ script: false, handler: false, style: false });
    await page.close();
  });
});
