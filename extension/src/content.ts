// The content script: finds the composer the user is typing in (textarea,
// contenteditable, role="textbox"), checks the draft when typing pauses or on demand,
// and shows a badge, underlines drawn as an overlay (the editor's DOM is never
// changed), a card per finding, and a guard on the site's Post button when the verdict
// is block. Everything it draws lives in one closed shadow root attached to <html>, so
// the page's scripts can neither read the findings nor press its buttons. It never reads
// storage or the token: the service worker sends it the settings and makes the calls.
// Direct-message boxes are left alone unless the options say otherwise.

import { CATEGORY_LABEL } from '../../src/ui/labels.ts';
import { isDirectMessage } from './direct-messages.ts';
import { DEFAULTS, publicSettings, type PublicSettings } from './settings.ts';

let settings: PublicSettings = publicSettings(DEFAULTS);
const refreshSettings = () => chrome.runtime.sendMessage({ type: 'settings' }).then((s: PublicSettings | undefined) => { if (s) settings = s; }, () => undefined);
void refreshSettings();
chrome.storage.onChanged.addListener((_changes, area) => { if (area === 'sync') void refreshSettings(); });

type Verdict = 'ok' | 'review' | 'block';
interface Clause { id: string; title: string; quote: string }
interface Finding {
  ruleId: string; category: string; severity: 'info' | 'warning' | 'error';
  offset: number; length: number; actual: string; message: string;
  suggestion?: string; replacement?: string; clauses: Clause[];
  source?: 'second-opinion'; overruled?: { by: string; reason: string };
}
interface CheckResult {
  verdict: Verdict; score: number; findings: Finding[]; profile: { id: string; name: string };
  secondOpinion?: { status: string; model?: string; rewrite?: string };
}
type CheckReply = { ok: true; body: CheckResult; ms: number } | { ok: false; error: string; aborted?: boolean; status?: number };

const LABEL: Record<string, string> = CATEGORY_LABEL;
const DEBOUNCE_MS = 700;
const POST_BUTTON = /^(post|tweet|post all|reply|share|share now|publish|send|comment)$/iu;

// ---------------- reading the composer's text, with a way back to the DOM ----------------

interface Segment { node: Text; start: number }
interface Snapshot { text: string; segments: Segment[] }

const BLOCKS = new Set(['DIV', 'P', 'LI', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'PRE', 'UL', 'OL']);

function isTextField(el: HTMLElement): el is HTMLTextAreaElement | HTMLInputElement {
  return el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement;
}

/** The editor's text: text nodes in order, a newline between blocks and for <br>. */
function snapshot(el: HTMLElement): Snapshot {
  if (isTextField(el)) return { text: el.value, segments: [] };
  const segments: Segment[] = [];
  let text = '';
  const walk = (node: Node) => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === Node.TEXT_NODE) {
        segments.push({ node: child as Text, start: text.length });
        text += (child as Text).data;
      } else if (child instanceof HTMLElement) {
        if (child.tagName === 'BR') { text += '\n'; continue; }
        const block = BLOCKS.has(child.tagName);
        if (block && text.length > 0 && !text.endsWith('\n')) text += '\n';
        walk(child);
      }
    }
  };
  walk(el);
  return { text, segments };
}

/** The DOM position of a text offset (contenteditable). */
function positionOf(snap: Snapshot, offset: number): { node: Text; offset: number } | undefined {
  let found: Segment | undefined;
  for (const s of snap.segments) {
    if (s.start <= offset && offset <= s.start + s.node.data.length) { found = s; if (offset < s.start + s.node.data.length) break; }
    if (s.start > offset) { found ??= s; break; }
  }
  found ??= snap.segments.at(-1);
  if (!found) return undefined;
  return { node: found.node, offset: Math.max(0, Math.min(found.node.data.length, offset - found.start)) };
}

function rangeOf(snap: Snapshot, start: number, end: number): Range | undefined {
  const a = positionOf(snap, start);
  const b = positionOf(snap, end);
  if (!a || !b || !a.node.isConnected || !b.node.isConnected) return undefined;
  const r = document.createRange();
  r.setStart(a.node, a.offset);
  r.setEnd(b.node, b.offset);
  return r;
}

/** Rectangles (viewport coordinates) of a span of a textarea, through a mirror element. */
function textFieldRects(el: HTMLTextAreaElement | HTMLInputElement, start: number, end: number): DOMRect[] {
  const style = getComputedStyle(el);
  const mirror = document.createElement('div');
  for (const p of ['boxSizing', 'width', 'fontFamily', 'fontSize', 'fontWeight', 'fontStyle', 'letterSpacing', 'lineHeight', 'textTransform',
    'paddingTop', 'paddingRight', 'paddingBottom', 'paddingLeft', 'borderTopWidth', 'borderRightWidth', 'borderBottomWidth', 'borderLeftWidth', 'textIndent', 'tabSize'] as const) {
    mirror.style[p] = style[p];
  }
  const box = el.getBoundingClientRect();
  Object.assign(mirror.style, {
    position: 'fixed', left: `${box.left}px`, top: `${box.top}px`, visibility: 'hidden', overflow: 'hidden',
    whiteSpace: el instanceof HTMLTextAreaElement ? 'pre-wrap' : 'pre', overflowWrap: 'break-word', borderStyle: 'solid', height: `${box.height}px`,
  });
  const value = el.value;
  const mark = document.createElement('span');
  mark.textContent = value.slice(start, end) || '\u200b';
  mirror.append(value.slice(0, start), mark, value.slice(end));
  root.append(mirror); // inside our shadow root: page MutationObservers never see it
  mirror.scrollTop = el.scrollTop;
  mirror.scrollLeft = el.scrollLeft;
  const rects = Array.from(mark.getClientRects()).map((r) => new DOMRect(r.left, r.top - el.scrollTop + mirror.scrollTop, r.width, r.height));
  mirror.remove();
  return rects;
}

function rectsOf(el: HTMLElement, snap: Snapshot, f: Finding): DOMRect[] {
  if (isTextField(el)) return textFieldRects(el, f.offset, f.offset + f.length);
  return Array.from(rangeOf(snap, f.offset, f.offset + f.length)?.getClientRects() ?? []);
}

// ---------------- UI: one shadow root for everything the extension draws ----------------

const host = document.createElement('council-post-check');
host.style.cssText = 'all: initial; position: fixed; inset: 0 auto auto 0; width: 0; height: 0; z-index: 2147483647;';
const root = host.attachShadow({ mode: 'closed' });
root.innerHTML = `<style>
  :host { all: initial; }
  .badge { position: fixed; font: 600 12px/1 system-ui, sans-serif; padding: 5px 8px; border-radius: 999px; cursor: pointer; border: 1px solid; box-shadow: 0 1px 3px rgba(0,0,0,.2); user-select: none; }
  .badge::before { content: ''; display: inline-block; width: 8px; height: 8px; border-radius: 50%; margin-right: 6px; background: currentColor; vertical-align: 0; }
  .badge[data-verdict=ok] { background: #e6f4ea; color: #135c2b; border-color: #7cc191; }
  .badge[data-verdict=review] { background: #fff4d6; color: #6b4500; border-color: #e3b341; }
  .badge[data-verdict=block] { background: #fde7e7; color: #8a1212; border-color: #e07a7a; }
  .badge[data-verdict=checking], .badge[data-verdict=offline], .badge[data-verdict=idle] { background: #f3f5f7; color: #4a5563; border-color: #c9d1da; }
  .line { position: fixed; height: 3px; pointer-events: none; border-radius: 2px; }
  .line.error { background: #c21818; } .line.warning { background: #d18b00; } .line.info { background: #2b6cb0; }
  .card, .guard { position: fixed; width: 360px; max-width: calc(100vw - 16px); max-height: min(440px, calc(100vh - 16px)); overflow-y: auto; box-sizing: border-box; background: #fff; color: #1b1f24; font: 14px/1.45 system-ui, sans-serif;
    border: 1px solid #c9d1da; border-left: 6px solid #d18b00; border-radius: 8px; padding: 10px 12px; box-shadow: 0 6px 24px rgba(0,0,0,.18); }
  .card.error, .guard { border-left-color: #c21818; }
  .card h3, .guard h3 { margin: 0 0 4px; font-size: 14px; }
  .card blockquote, .guard blockquote { margin: 6px 0; padding: 6px 8px; background: #f3f5f7; border-left: 3px solid #8795a1; font-size: 13px; }
  .card cite, .guard cite { display: block; font-style: normal; font-weight: 600; }
  .card summary { cursor: pointer; font-size: 13px; color: #0b5cad; margin-top: 4px; }
  .card .so { color: #3b2a8a; font-size: 12px; margin-top: 4px; }
  .card .actions, .guard .actions { display: flex; gap: 8px; margin-top: 8px; flex-wrap: wrap; }
  button { font: 600 13px system-ui, sans-serif; padding: 6px 10px; border-radius: 6px; border: 2px solid #0b5cad; background: #0b5cad; color: #fff; cursor: pointer; }
  button.secondary { background: #fff; color: #0b5cad; }
  button:focus-visible { outline: 3px solid #f2a900; outline-offset: 2px; }
  .guard { top: 20vh; left: 50%; transform: translateX(-50%); width: 440px; }
  .backdrop { position: fixed; inset: 0; background: rgba(0,0,0,.35); }
</style>`;
const layer = document.createElement('div');
root.append(layer);
document.documentElement.append(host);

interface Composer {
  readonly el: HTMLElement;
  readonly key: string;
  readonly badge: HTMLElement;
  readonly lines: HTMLElement;
  result?: CheckResult;
  checkedText?: string;
  /** The text as last seen, to notice edits made by editors that fire no input event. */
  seenText?: string;
  snap?: Snapshot;
  timer?: ReturnType<typeof setTimeout>;
  seq: number;
  dismissed: Set<string>;
  overridden: boolean;
  latencies: number[];
}

const composers = new Map<HTMLElement, Composer>();
let active: Composer | undefined;
let card: HTMLElement | undefined;
let guard: HTMLElement | undefined;
let keys = 0;

/** The editable element an event happened in, taking the outermost contenteditable;
 * none for a direct-message box unless the user asked for those too. */
function composerElement(target: EventTarget | null): HTMLElement | undefined {
  if (!(target instanceof Element)) return undefined;
  let el: HTMLElement | null = target instanceof HTMLTextAreaElement ? target
    : target.closest<HTMLElement>('[contenteditable=""], [contenteditable="true"], [contenteditable="plaintext-only"], [role="textbox"]');
  if (!el) return undefined;
  while (el.parentElement?.isContentEditable) el = el.parentElement;
  if (!settings.checkDirectMessages && isDirectMessage(describeBox(el))) return undefined;
  return el;
}

function describeBox(el: HTMLElement) {
  const labels = ['aria-label', 'placeholder', 'aria-placeholder', 'data-placeholder'].map((a) => el.getAttribute(a) ?? '').filter(Boolean);
  const marks: string[] = [];
  for (let n: HTMLElement | null = el, depth = 0; n && depth < 8; n = n.parentElement, depth++) {
    const id = n.getAttribute('data-testid');
    if (id) marks.push(id);
    marks.push(...Array.from(n.classList));
  }
  return { path: location.pathname, labels, marks };
}

function composerFor(el: HTMLElement): Composer {
  let c = composers.get(el);
  if (!c) {
    const badge = document.createElement('div');
    badge.className = 'badge';
    badge.setAttribute('role', 'status');
    badge.setAttribute('aria-live', 'polite');
    badge.tabIndex = 0;
    const lines = document.createElement('div');
    layer.append(lines, badge);
    c = { el, key: `c${++keys}`, badge, lines, seq: 0, dismissed: new Set(), overridden: false, latencies: [] };
    const me = c;
    badge.addEventListener('click', () => {
      // Out of date or never checked (check-while-typing off): the badge is "check now".
      if (!me.result || snapshot(me.el).text !== me.checkedText) { schedule(me, true); return; }
      const f = visible(me)[0];
      if (f) showCard(me, f);
    });
    badge.addEventListener('keydown', (e) => { if (e.key === 'Enter') badge.click(); });
    composers.set(el, c);
    if (settings.checkWhileTyping) setBadge(c, 'checking', 'council-post-check');
    else setBadge(c, 'idle', 'Not checked: click to check');
  }
  return c;
}

const findingKey = (f: Finding) => `${f.ruleId}|${f.actual}`;
const visible = (c: Composer) => (c.result?.findings ?? []).filter((f) => f.severity !== 'info' && !c.dismissed.has(findingKey(f)));

function verdictOf(c: Composer): Verdict {
  const v = visible(c);
  if (v.some((f) => f.severity === 'error')) return 'block';
  return v.length > 0 ? 'review' : 'ok';
}

function setBadge(c: Composer, state: Verdict | 'checking' | 'offline' | 'idle', text: string) {
  c.badge.dataset.verdict = state;
  c.badge.textContent = text;
  c.badge.title = 'council-post-check: click for details';
}

function renderBadge(c: Composer) {
  const v = verdictOf(c);
  const n = visible(c).length;
  const text = v === 'ok' ? 'OK' : `${v === 'block' ? 'Block' : 'Review'} · ${n}`;
  setBadge(c, v, text);
  c.badge.dataset.latency = String(c.latencies.at(-1) ?? '');
  c.badge.dataset.latencies = c.latencies.map((x) => x.toFixed(1)).join(',');
}

/** Place the badge and redraw the underlines from fresh DOM positions. */
function layout(c: Composer) {
  if (!c.el.isConnected) { c.badge.remove(); c.lines.remove(); composers.delete(c.el); return; }
  const box = c.el.getBoundingClientRect();
  c.badge.style.left = `${Math.max(4, box.right - c.badge.offsetWidth - 6)}px`;
  c.badge.style.top = `${Math.max(4, box.bottom - c.badge.offsetHeight - 6)}px`;
  c.lines.textContent = '';
  const current = snapshot(c.el);
  c.snap = current;
  if (c.seenText !== undefined && current.text !== c.seenText) { c.overridden = false; if (settings.checkWhileTyping) schedule(c); }
  c.seenText = current.text;
  if (!c.result || current.text !== c.checkedText) return; // stale: wait for the next check
  for (const f of visible(c)) {
    for (const r of rectsOf(c.el, current, f)) {
      if (r.width === 0 || r.bottom < box.top || r.top > box.bottom) continue;
      const line = document.createElement('div');
      line.className = `line ${f.severity}`;
      Object.assign(line.style, { left: `${r.left}px`, top: `${r.bottom - 2}px`, width: `${r.width}px` });
      line.dataset.rule = f.ruleId;
      c.lines.append(line);
    }
  }
}

async function runCheck(c: Composer) {
  const { text } = snapshot(c.el);
  if (!text.trim()) { c.result = undefined; c.checkedText = text; setBadge(c, 'ok', 'OK'); layout(c); return; }
  const seq = ++c.seq;
  setBadge(c, 'checking', 'Checking…');
  const reply = await chrome.runtime.sendMessage({ type: 'check', key: c.key, text }) as CheckReply;
  if (seq !== c.seq) return; // a newer check has started
  if (!reply.ok) { if (!reply.aborted) setBadge(c, 'offline', reply.error); return; }
  c.latencies.push(Math.round(reply.ms * 10) / 10);
  c.result = reply.body;
  c.checkedText = text;
  renderBadge(c);
  layout(c);
}

function schedule(c: Composer, now = false) {
  clearTimeout(c.timer);
  if (now) { void runCheck(c); return; }
  c.timer = setTimeout(() => void runCheck(c), DEBOUNCE_MS);
}

// ---------------- the card ----------------

function hideCard() { card?.remove(); card = undefined; }

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, cls?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (cls) e.className = cls;
  return e;
}

/** The first clause quoted in full; any others folded away under "Also". */
function clauseBlocks(parent: HTMLElement, f: Finding, council: string) {
  f.clauses.forEach((c, i) => {
    const q = el('blockquote');
    q.append(el('cite', `${council}, ${c.id}: ${c.title}`), c.quote);
    if (i === 0) { parent.append(q); return; }
    const more = el('details');
    more.append(el('summary', `Also ${c.id}: ${c.title}`), q);
    parent.append(more);
  });
}

function showCard(c: Composer, f: Finding) {
  hideCard();
  card = el('div', undefined, `card ${f.severity}`);
  card.setAttribute('role', 'dialog');
  card.setAttribute('aria-label', LABEL[f.category] ?? f.category);
  card.dataset.rule = f.ruleId;
  card.append(el('h3', `${LABEL[f.category] ?? f.category}: “${f.actual}”`), el('div', f.message));
  if (f.source === 'second-opinion') card.append(el('div', 'From the second opinion (Claude), where the checker was unsure.', 'so'));
  if (f.suggestion) card.append(el('div', `Suggestion: ${f.suggestion}`));
  const actions = el('div', undefined, 'actions');
  if (f.replacement !== undefined) {
    const apply = el('button', 'Apply suggestion');
    apply.dataset.action = 'apply';
    apply.addEventListener('click', () => { applySuggestion(c, f); hideCard(); });
    actions.append(apply);
  }
  // The second opinion's rewrite of the whole post, previewed before it is used.
  const rewrite = c.result?.secondOpinion?.rewrite;
  if (rewrite && c.result?.verdict !== 'ok' && rewrite !== c.checkedText) {
    card.append(el('div', 'Suggested rewrite (second opinion):', 'so'), el('blockquote', rewrite, 'rewrite'));
    const use = el('button', 'Rewrite the post');
    use.dataset.action = 'rewrite';
    use.addEventListener('click', () => {
      const text = c.checkedText ?? '';
      applySuggestion(c, { ...f, offset: 0, length: text.length, actual: text, replacement: rewrite });
      hideCard();
    });
    actions.append(use);
  }
  const dismiss = el('button', 'Dismiss', 'secondary');
  dismiss.dataset.action = 'dismiss';
  dismiss.addEventListener('click', () => { c.dismissed.add(findingKey(f)); hideCard(); renderBadge(c); layout(c); });
  actions.append(dismiss);
  card.append(actions);
  clauseBlocks(card, f, c.result?.profile.name ?? '');
  const rect = rectsOf(c.el, c.snap ?? snapshot(c.el), f)[0] ?? c.el.getBoundingClientRect();
  layer.append(card);
  const top = rect.bottom + 8 + card.offsetHeight > innerHeight ? Math.max(8, rect.top - card.offsetHeight - 8) : rect.bottom + 8;
  Object.assign(card.style, { left: `${Math.min(Math.max(8, rect.left), innerWidth - card.offsetWidth - 8)}px`, top: `${top}px` });
}

/** Replace the span through the editor's own input handling (beforeinput/input). */
function applySuggestion(c: Composer, f: Finding) {
  const replacement = f.replacement ?? '';
  const snap = snapshot(c.el);
  if (snap.text.slice(f.offset, f.offset + f.length) !== f.actual) return; // the draft changed since the check
  c.el.focus();
  if (isTextField(c.el)) {
    c.el.setSelectionRange(f.offset, f.offset + f.length);
    if (!document.execCommand('insertText', false, replacement)) {
      c.el.setRangeText(replacement, f.offset, f.offset + f.length, 'end');
      c.el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertReplacementText', data: replacement }));
    }
  } else {
    const range = rangeOf(snap, f.offset, f.offset + f.length);
    if (!range) return;
    const sel = getSelection();
    sel?.removeAllRanges();
    sel?.addRange(range);
    // Rich editors (Draft.js, Lexical, ProseMirror) keep their own model and act on
    // beforeinput; execCommand does not fire it, so offer the edit as a beforeinput first.
    // An editor that takes it cancels the event; otherwise let the browser make the edit.
    const offered = new InputEvent('beforeinput', {
      bubbles: true, cancelable: true, composed: true,
      inputType: 'insertReplacementText', data: replacement,
      targetRanges: [new StaticRange(range)],
    });
    if (c.el.dispatchEvent(offered)) document.execCommand('insertText', false, replacement);
  }
  schedule(c, true);
}

// ---------------- the Post guard ----------------

function buttonLabel(b: Element): string {
  return (b.getAttribute('aria-label') || (b as HTMLInputElement).value || b.textContent || '').trim();
}

function hideGuard() { guard?.remove(); guard = undefined; }

function showGuard(c: Composer, button: HTMLElement) {
  hideGuard();
  guard = el('div');
  const backdrop = el('div', undefined, 'backdrop');
  const box = el('div', undefined, 'guard');
  box.setAttribute('role', 'alertdialog');
  box.setAttribute('aria-modal', 'true');
  box.setAttribute('aria-label', 'This post would breach the protocol');
  const blocking = visible(c).filter((f) => f.severity === 'error');
  box.append(el('h3', 'This post would breach the protocol'));
  for (const f of blocking) {
    box.append(el('div', `${LABEL[f.category] ?? f.category}: “${f.actual}”`));
    clauseBlocks(box, { ...f, clauses: f.clauses.slice(0, 1) }, c.result?.profile.name ?? '');
  }
  const actions = el('div', undefined, 'actions');
  const back = el('button', 'Go back and edit');
  back.dataset.action = 'edit';
  back.addEventListener('click', () => { hideGuard(); c.el.focus(); });
  const anyway = el('button', 'Post anyway', 'secondary');
  anyway.dataset.action = 'override';
  // Only a real press counts: a page script's synthetic click (isTrusted false) is ignored.
  anyway.addEventListener('click', (e) => { if (!e.isTrusted) return; c.overridden = true; hideGuard(); button.click(); });
  actions.append(back, anyway);
  box.append(actions);
  guard.append(backdrop, box);
  layer.append(guard);
  back.focus();
}

let passThrough = false; // set while re-sending a click the guard held back
document.addEventListener('click', (e) => {
  if (passThrough) return;
  const button = (e.target as Element | null)?.closest?.<HTMLElement>('button, [role="button"], input[type="submit"]');
  if (!button || host.contains(button) || !POST_BUTTON.test(buttonLabel(button))) return;
  const c = active && active.el.isConnected ? active : [...composers.values()].find((x) => x.el.isConnected);
  if (!c || c.overridden || !snapshot(c.el).text.trim()) return;
  const current = () => c.result !== undefined && snapshot(c.el).text === c.checkedText;
  if (current() && verdictOf(c) !== 'block') return;
  e.preventDefault();
  e.stopImmediatePropagation();
  if (current()) { showGuard(c, button); return; }
  // Post pressed before the last words were checked (or with check-while-typing off):
  // check now, then guard or let the click through. If the checker cannot be reached,
  // the post goes ahead: the checker advises, it never traps a post.
  clearTimeout(c.timer);
  void runCheck(c).then(() => {
    if (current() && verdictOf(c) === 'block') { showGuard(c, button); return; }
    passThrough = true;
    try { button.click(); } finally { passThrough = false; }
  });
}, true);

// ---------------- wiring ----------------

/** Start following a composer: on focus, on the first key an editor handles itself
 * (beforeinput), or when the caret moves into one that already had focus. */
function follow(target: EventTarget | null) {
  const el = composerElement(target);
  if (!el) return;
  const known = composers.has(el);
  active = composerFor(el);
  if (!known) layout(active);
}
document.addEventListener('focusin', (e) => follow(e.target), true);
document.addEventListener('beforeinput', (e) => follow(e.target), true);
document.addEventListener('selectionchange', () => follow(document.activeElement));
follow(document.activeElement);

document.addEventListener('input', (e) => {
  const el = composerElement(e.target);
  if (!el) return;
  active = composerFor(el);
  layout(active); // notices the new text and schedules a check
}, true);

document.addEventListener('mousemove', (e) => {
  if (card?.matches(':hover') || guard) return;
  for (const c of composers.values()) {
    if (!c.result || !c.snap) continue;
    for (const f of visible(c)) {
      const hit = rectsOf(c.el, c.snap, f).some((r) => e.clientX >= r.left && e.clientX <= r.right && e.clientY >= r.top - 2 && e.clientY <= r.bottom + 4);
      if (hit) { if (card?.dataset.rule !== f.ruleId) showCard(c, f); return; }
    }
  }
}, { passive: true });

document.addEventListener('keydown', (e) => { if (e.key === 'Escape') { hideCard(); hideGuard(); } }, true);
// From the page's side, every event inside the closed shadow root comes from the host.
document.addEventListener('mousedown', (e) => { if (card && !e.composedPath().includes(host)) hideCard(); }, true);

const relayout = () => { for (const c of composers.values()) layout(c); };
addEventListener('scroll', relayout, true);
addEventListener('resize', relayout);
// Editors that re-render their own DOM (Draft.js, Lexical): redraw from fresh positions.
new MutationObserver(() => { requestAnimationFrame(relayout); }).observe(document.documentElement, { subtree: true, childList: true, characterData: true });

chrome.runtime.onMessage.addListener((msg: { type: string }) => {
  if (msg.type !== 'check-now') return;
  const el = composerElement(document.activeElement) ?? active?.el;
  if (el) schedule(composerFor(el), true);
});
