// axe-core in the browser tests. Pages (the web page, the options page, the report) get
// axe injected and run on their document. The extension's overlay lives in a closed
// shadow root axe cannot enter, so axe runs on an exact copy of it (its markup and its own
// styles) in an open shadow root added to the same page, with the same fonts, window and
// colours around it. Only violations of WCAG 2.x A and AA rules are reported.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { shadowRootObject } from './overlay.ts';

const source = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export interface AxeViolation { id: string; impact: string | null; help: string; targets: string[] }

// Violations, and how many elements passed some rule: a run that checked nothing (an
// empty copy, a page not loaded) is an error, not a pass.
const summarise = `(r) => ({ checked: r.passes.reduce((n, p) => n + p.nodes.length, 0), violations: r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => String(n.target)) })) })`;

function violationsOf(value: unknown): AxeViolation[] {
  const { checked, violations } = value as { checked: number; violations: AxeViolation[] };
  if (checked === 0) throw new Error('axe checked nothing');
  return violations;
}

/** axe on the page's whole document. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('Runtime.evaluate', { expression: source });
    const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
      expression: `axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(TAGS)} } }).then(${summarise})`,
      awaitPromise: true, returnByValue: true,
    });
    if (exceptionDetails) throw new Error(`axe failed: ${exceptionDetails.text}`);
    return violationsOf(result.value);
  } finally {
    await cdp.detach();
  }
}

/** axe on a copy of the extension's overlay (its closed shadow root), in an open root. */
export async function axeOverlayViolations(page: Page): Promise<AxeViolation[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const root = await shadowRootObject(cdp);
    if (!root) throw new Error('the overlay is not on the page');
    await cdp.send('Runtime.evaluate', { expression: source });
    // The copy: same markup and styles, host placed where the overlay's host is.
    await cdp.send('Runtime.callFunctionOn', { objectId: root, functionDeclaration: `function () {
      document.getElementById('axe-overlay-copy')?.remove();
      const host = document.createElement('div');
      host.id = 'axe-overlay-copy';
      const from = this.host.getBoundingClientRect();
      host.style.cssText = 'position:fixed;left:' + from.left + 'px;top:' + from.top + 'px;';
      host.attachShadow({ mode: 'open' }).innerHTML = this.innerHTML;
      document.body.append(host);
    }` });
    const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
      expression: `axe.run({ include: [['#axe-overlay-copy']] }, { runOnly: { type: 'tag', values: ${JSON.stringify(TAGS)} } }).then(${summarise}).finally(() => document.getElementById('axe-overlay-copy')?.remove())`,
      awaitPromise: true, returnByValue: true,
    });
    if (exceptionDetails) throw new Error(`axe failed: ${exceptionDetails.text}`);
    return violationsOf(result.value);
  } finally {
    await cdp.detach();
  }
}
