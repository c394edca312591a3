// The extension draws in a closed shadow root, which page scripts (and Playwright's
// locators) cannot enter. The tests reach it as DevTools does: the Chrome DevTools
// Protocol resolves the closed root to an object, queries run on it, and clicks are real
// mouse clicks at the element's centre (trusted events, as a user's are). Keys are
// pressed with page.keyboard (trusted too); focus inside the root is read from it here.

import type { BrowserContext, CDPSession, Page } from 'playwright-core';

interface Box { x: number; y: number; width: number; height: number }

/** A node of the accessibility tree Chromium gives screen readers. */
export interface AxNode { role: string; name: string; properties: Record<string, unknown> }

export interface Overlay {
  count(selector: string): Promise<number>;
  text(selector: string): Promise<string | null>;
  attr(selector: string, name: string): Promise<string | null>;
  box(selector: string): Promise<Box | null>;
  /** A real mouse click at the element's centre. */
  click(selector: string): Promise<void>;
  /** element.click() from a script: an untrusted event, as a page script could send. */
  scriptClick(selector: string): Promise<boolean>;
  /** What has focus inside the overlay: its data-action, else its class, else its tag ('' for none). */
  focused(): Promise<string>;
  /** Whether the element is wholly in view: inside the window and inside the box that scrolls it. */
  inView(selector: string): Promise<boolean>;
  /** The element's accessibility subtree (role, name, properties such as modal or live). */
  accessibility(selector: string): Promise<AxNode[]>;
}

/** The extension's closed shadow root as a DevTools object id (undefined when not on the page). */
export async function shadowRootObject(cdp: CDPSession): Promise<string | undefined> {
  const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: 'council-post-check' });
  if (!nodeId) return undefined;
  const { node } = await cdp.send('DOM.describeNode', { nodeId, depth: 1, pierce: true });
  const shadow = node.shadowRoots?.[0];
  if (!shadow) return undefined;
  const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId });
  return object.objectId;
}

export async function overlay(page: Page): Promise<Overlay> {
  const cdp = await page.context().newCDPSession(page);
  const run = async <T>(fn: string, ...args: unknown[]): Promise<T | null> => {
    const objectId = await shadowRootObject(cdp).catch(() => undefined);
    if (!objectId) return null;
    const { result } = await cdp.send('Runtime.callFunctionOn', { objectId, functionDeclaration: fn, arguments: args.map((value) => ({ value })), returnByValue: true });
    return (result.value ?? null) as T | null;
  };
  const box = (selector: string) => run<Box>(`function (s) {
    const el = this.querySelector(s); if (!el) return null;
    const r = el.getBoundingClientRect(); return { x: r.x, y: r.y, width: r.width, height: r.height };
  }`, selector);
  return {
    count: async (s) => (await run<number>('function (s) { return this.querySelectorAll(s).length; }', s)) ?? 0,
    text: (s) => run<string>('function (s) { const el = this.querySelector(s); return el ? el.textContent : null; }', s),
    attr: (s, name) => run<string>('function (s, n) { const el = this.querySelector(s); return el ? el.getAttribute(n) : null; }', s, name),
    box,
    async click(s) {
      const b = await box(s);
      if (!b) throw new Error(`nothing in the overlay matches ${s}`);
      await page.mouse.click(b.x + b.width / 2, b.y + b.height / 2);
    },
    scriptClick: async (s) => (await run<boolean>('function (s) { const el = this.querySelector(s); if (!el) return false; el.click(); return true; }', s)) ?? false,
    focused: async () => (await run<string>('function () { const el = this.activeElement; return el ? el.dataset.action || el.className || el.tagName.toLowerCase() : ""; }')) ?? '',
    inView: async (s) => (await run<boolean>(`function (s) {
      const el = this.querySelector(s); if (!el) return false;
      const r = el.getBoundingClientRect();
      const inside = (o) => r.top >= o.top - 0.5 && r.bottom <= o.bottom + 0.5 && r.left >= o.left - 0.5 && r.right <= o.right + 0.5;
      const scroller = el.parentElement.closest('.card, .guard');
      return inside({ top: 0, left: 0, bottom: innerHeight, right: innerWidth }) && (!scroller || inside(scroller.getBoundingClientRect()));
    }`, s)) ?? false,
    async accessibility(s) {
      const objectId = await shadowRootObject(cdp);
      if (!objectId) return [];
      const { result } = await cdp.send('Runtime.callFunctionOn', { objectId, functionDeclaration: 'function (s) { return this.querySelector(s); }', arguments: [{ value: s }] });
      if (!result.objectId) return [];
      const { nodes } = await cdp.send('Accessibility.queryAXTree', { objectId: result.objectId });
      return nodes.filter((n) => !n.ignored).map((n) => ({
        role: String(n.role?.value ?? ''), name: String(n.name?.value ?? ''),
        properties: Object.fromEntries((n.properties ?? []).map((p) => [p.name, p.value.value])),
      }));
    },
  };
}

/** A new tab on one of the test pages, with its overlay reachable. */
export async function openTestPage(context: BrowserContext, pagesUrl: string, path: string): Promise<{ page: Page; ov: Overlay }> {
  const page = await context.newPage();
  await page.goto(`${pagesUrl}${path}`);
  return { page, ov: await overlay(page) };
}
