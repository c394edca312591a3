// The content script: finds the composer the user is typing in (textarea,
// contenteditable, role="textbox"), checks the draft when typing pauses or on demand,
// and shows a badge, underlines drawn as an overlay (the editor's DOM is never
// changed), a card per finding, and a guard that holds the post back when the verdict
// is block (or review, if the options say so), however it is posted (submissions.ts).
// Everything it draws lives in one closed shadow root attached to <html>, so the page's
// scripts can neither read the findings nor press its buttons; all of it works from the
// keyboard, and an aria-live region announces each verdict. It never reads storage or the
// token: the service worker sends it the settings and makes the calls. Direct-message
// boxes are left alone unless the options say otherwise.

import { CATEGORY_LABEL } from '../../src/ui/labels.ts';
import { isDirectMessage } from './direct-messages.ts';
import { DEFAULTS, publicSettings, type PublicSettings } from './settings.ts';
import { clickSubmission, formSubmission, keySubmission, type Submission } from './submissions.ts';

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
  .announcer { position: fixed; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
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
// Screen readers hear each verdict from here ("Block: 1 issue"); it exists from the start
// so that its first change is announced.
const announcer = document.createElement('div');
announcer.className = 'announcer';
announcer.setAttribute('role', 'status');
announcer.setAttribute('aria-live', 'polite');
root.append(announcer, layer);
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
  /** A submission held back while its draft is being checked. */
  waiting?: Submission;
  latencies: number[];
}

const composers = new Map<HTMLElement, Composer>();
let active: Composer | undefined;
let card: HTMLElement | undefined;
let cardComposer: Composer | undefined;
let guard: HTMLElement | undefined;
let guardComposer: Composer | undefined;
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
    const badge = document.createElement('button');
    badge.className = 'badge';
    const lines = document.createElement('div');
    layer.append(lines, badge);
    c = { el, key: `c${++keys}`, badge, lines, seq: 0, dismissed: new Set(), overridden: false, latencies: [] };
    const me = c;
    badge.addEventListener('click', () => void checkAndOpenCard(me));
    badge.addEventListener('keydown', (e) => {
      // Tab from the badge goes on to what follows the composer (see the Tab key below).
      if (e.key !== 'Tab' || e.ctrlKey || e.altKey || e.metaKey) return;
      const next = e.shiftKey ? me.el : nextTabStopAfter(me.el);
      if (next) { e.preventDefault(); next.focus(); }
    });
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
  c.badge.setAttribute('aria-label', `council-post-check: ${text}`);
  c.badge.title = 'council-post-check: click for details';
  if (state === 'offline') announce(text);
}

function announce(text: string) {
  if (announcer.textContent !== text) announcer.textContent = text;
}

function renderBadge(c: Composer) {
  const v = verdictOf(c);
  const n = visible(c).length;
  const text = v === 'ok' ? 'OK' : `${v === 'block' ? 'Block' : 'Review'} · ${n}`;
  setBadge(c, v, text);
  announce(v === 'ok' ? 'OK: no issues' : `${v === 'block' ? 'Block' : 'Review'}: ${n} ${n === 1 ? 'issue' : 'issues'}`);
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

/** Close the card; focus goes back to the composer if it was in the card (or if asked). */
function hideCard(refocus = card?.contains(root.activeElement) ?? false) {
  card?.remove();
  card = undefined;
  if (refocus) cardComposer?.el.focus();
  cardComposer = undefined;
}

/** Check now if the draft changed since the last check, then open the first finding's
 * card with focus in it (the badge and the keyboard shortcut). */
async function checkAndOpenCard(c: Composer) {
  if (!c.result || snapshot(c.el).text !== c.checkedText) { clearTimeout(c.timer); await runCheck(c); }
  const f = visible(c)[0];
  if (f && c.result && snapshot(c.el).text === c.checkedText) showCard(c, f, true);
}

/** Tab and Shift+Tab go round the dialog's controls instead of leaving it. */
function trapFocus(box: HTMLElement) {
  box.addEventListener('keydown', (e) => {
    if (e.key !== 'Tab') return;
    const controls = [...box.querySelectorAll<HTMLElement>('button, summary')];
    const first = controls[0];
    const last = controls.at(-1);
    if (!first || !last) return;
    const now = root.activeElement;
    if (e.shiftKey ? now === first || !box.contains(now) : now === last || !box.contains(now)) {
      e.preventDefault();
      (e.shiftKey ? last : first).focus();
    }
  });
}

/** Focus a dialog's first control, the dialog scrolled to its heading. */
function focusFirstControl(box: HTMLElement) {
  box.querySelector<HTMLElement>('button')?.focus({ preventScroll: true });
  box.scrollTop = 0;
}

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

function showCard(c: Composer, f: Finding, focus = false) {
  hideCard(false);
  card = el('div', undefined, `card ${f.severity}`);
  cardComposer = c;
  card.setAttribute('role', 'dialog');
  card.setAttribute('aria-labelledby', 'card-title');
  card.setAttribute('aria-describedby', 'card-message');
  card.dataset.rule = f.ruleId;
  const title = el('h3', `${LABEL[f.category] ?? f.category}: “${f.actual}”`);
  title.id = 'card-title';
  const message = el('div', f.message);
  message.id = 'card-message';
  card.append(title, message);
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
  trapFocus(card);
  const rect = rectsOf(c.el, c.snap ?? snapshot(c.el), f)[0] ?? c.el.getBoundingClientRect();
  layer.append(card);
  const top = rect.bottom + 8 + card.offsetHeight > innerHeight ? Math.max(8, rect.top - card.offsetHeight - 8) : rect.bottom + 8;
  Object.assign(card.style, { left: `${Math.min(Math.max(8, rect.left), innerWidth - card.offsetWidth - 8)}px`, top: `${top}px` });
  if (focus) focusFirstControl(card);
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

/** Whether the guard stops this draft: a block, or a review when the options say so. */
function guardStops(c: Composer): boolean {
  const v = verdictOf(c);
  return v === 'block' || (v === 'review' && settings.guardReview);
}

/** Close the guard; focus goes back to the composer. */
function hideGuard() {
  guard?.remove();
  guard = undefined;
  guardComposer?.el.focus();
  guardComposer = undefined;
}

function showGuard(c: Composer, held: Submission) {
  hideCard(false);
  guard?.remove();
  guard = el('div');
  guardComposer = c;
  const backdrop = el('div', undefined, 'backdrop');
  backdrop.addEventListener('mousedown', (e) => e.preventDefault()); // keeps focus in the guard
  const box = el('div', undefined, 'guard');
  box.setAttribute('role', 'alertdialog');
  box.setAttribute('aria-modal', 'true');
  box.setAttribute('aria-labelledby', 'guard-title');
  box.setAttribute('aria-describedby', 'guard-summary');
  const breach = verdictOf(c) === 'block';
  const shown = visible(c).filter((f) => !breach || f.severity === 'error');
  const title = el('h3', breach ? 'This post would breach the protocol' : 'This post needs a second look');
  title.id = 'guard-title';
  const summary = el('div', `${shown.length} ${shown.length === 1 ? 'issue' : 'issues'}: ${shown.map((f) => LABEL[f.category] ?? f.category).join(', ')}. Post it anyway, or go back and edit it?`);
  summary.id = 'guard-summary';
  const actions = el('div', undefined, 'actions');
  const back = el('button', 'Go back and edit');
  back.dataset.action = 'edit';
  back.addEventListener('click', hideGuard);
  const anyway = el('button', 'Post anyway', 'secondary');
  anyway.dataset.action = 'override';
  // Only a real press counts (a click, Enter or Space): a page script's synthetic click
  // (isTrusted false) is ignored. Then the post is made the way the user made it.
  anyway.addEventListener('click', (e) => { if (!e.isTrusted) return; c.overridden = true; hideGuard(); letThrough(held); });
  actions.append(back, anyway);
  // The choice comes straight after the heading, so both are in view when it opens.
  box.append(title, summary, actions);
  for (const f of shown) {
    box.append(el('div', `${LABEL[f.category] ?? f.category}: “${f.actual}”`));
    clauseBlocks(box, { ...f, clauses: f.clauses.slice(0, 1) }, c.result?.profile.name ?? '');
  }
  trapFocus(box);
  box.addEventListener('keydown', (e) => { if (e.repeat) e.preventDefault(); }); // a key held down on the composer does not press a button here
  guard.append(backdrop, box);
  layer.append(guard);
  focusFirstControl(box);
}

let passThrough = false; // set while a submission the guard held back is made again
function letThrough(held: Submission) {
  passThrough = true;
  try { held.replay(); } finally { passThrough = false; }
}

/** Holds a submission back (true) while the draft would be stopped: at once if it was
 * checked as it stands, or after checking it now if it was not (Post pressed before the
 * typing pause, or check-while-typing off). If the checker cannot be reached, the post
 * goes ahead: the checker advises, it never traps a post. */
function holdBack(c: Composer | undefined, held: Submission, e: Event): boolean {
  if (passThrough || !c || c.overridden || !snapshot(c.el).text.trim()) return false;
  const current = () => c.result !== undefined && snapshot(c.el).text === c.checkedText;
  if (!c.waiting && current() && !guardStops(c)) return false;
  e.preventDefault();
  e.stopImmediatePropagation();
  if (c.waiting) { c.waiting = held; return true; } // pressed again while checking: the last one counts
  if (current()) { showGuard(c, held); return true; }
  c.waiting = held;
  clearTimeout(c.timer);
  void runCheck(c).then(() => {
    const last = c.waiting!;
    c.waiting = undefined;
    if (current() && guardStops(c)) showGuard(c, last);
    else letThrough(last);
  });
  return true;
}

/** The composer a post button belongs to: the one last used. */
const composerInUse = () => active && active.el.isConnected ? active : [...composers.values()].find((x) => x.el.isConnected);

// Every way of posting, caught in the capture phase before the page's own handlers.
let heldKey: string | undefined; // the key whose keydown was held: its keyup is held too
addEventListener('click', (e) => {
  const held = clickSubmission(e);
  if (held) holdBack(composerInUse(), held, e);
}, true);
addEventListener('keydown', (e) => {
  heldKey = undefined;
  const box = composerElement(e.target);
  const held = keySubmission(e, box);
  if (!held) return;
  if (holdBack(held.kind === 'button' ? composerInUse() : composerFor(box!), held, e)) heldKey = e.key;
}, true);
addEventListener('keyup', (e) => {
  if (passThrough || e.key !== heldKey) return;
  heldKey = undefined;
  e.preventDefault();
  e.stopImmediatePropagation();
}, true);
addEventListener('submit', (e) => {
  const form = e.target as HTMLFormElement;
  const c = [...composers.values()].find((x) => x.el.isConnected && form.contains(x.el));
  if (c) holdBack(c, formSubmission(e), e);
}, true);
// The guard is modal: focus that leaves it (a page script, a click) is brought back.
addEventListener('focusin', (e) => { if (guard && e.target !== host) focusFirstControl(guard.querySelector('.guard')!); }, true);

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
  if (card?.matches(':hover') || card?.contains(root.activeElement) || guard) return;
  for (const c of composers.values()) {
    if (!c.result || !c.snap) continue;
    for (const f of visible(c)) {
      const hit = rectsOf(c.el, c.snap, f).some((r) => e.clientX >= r.left && e.clientX <= r.right && e.clientY >= r.top - 2 && e.clientY <= r.bottom + 4);
      if (hit) { if (card?.dataset.rule !== f.ruleId) showCard(c, f); return; }
    }
  }
}, { passive: true });

// Escape closes the guard or the card and puts focus back in the composer; the page does
// not see that Escape (a site's composer dialog would close on it).
addEventListener('keydown', (e) => {
  if (e.key !== 'Escape' || (!guard && !card)) return;
  e.preventDefault();
  e.stopImmediatePropagation();
  if (guard) hideGuard(); else hideCard(true);
}, true);
// From the page's side, every event inside the closed shadow root comes from the host.
document.addEventListener('mousedown', (e) => { if (card && !e.composedPath().includes(host)) hideCard(false); }, true);

// Keyboard order: the badge sits at the end of the document, so Tab from a composer goes
// to its badge, and Tab from the badge on to what follows the composer on the page.
addEventListener('keydown', (e) => {
  if (e.key !== 'Tab' || e.shiftKey || e.ctrlKey || e.altKey || e.metaKey || e.isComposing) return;
  const box = composerElement(e.target);
  const c = box && composers.get(box);
  if (!c?.badge.isConnected) return;
  e.preventDefault();
  c.badge.focus();
}, true);

/** The first element after el (not inside it) that Tab would stop at. */
function nextTabStopAfter(el: HTMLElement): HTMLElement | undefined {
  const candidates = document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, summary, [tabindex], [contenteditable]');
  return [...candidates].find((x) => !el.contains(x) && el.compareDocumentPosition(x) & Node.DOCUMENT_POSITION_FOLLOWING
    && x.tabIndex >= 0 && !x.matches(':disabled') && x.checkVisibility());
}

const relayout = () => { for (const c of composers.values()) layout(c); };
addEventListener('scroll', relayout, true);
addEventListener('resize', relayout);
// Editors that re-render their own DOM (Draft.js, Lexical): redraw from fresh positions.
new MutationObserver(() => { requestAnimationFrame(relayout); }).observe(document.documentElement, { subtree: true, childList: true, characterData: true });

// The toolbar button and the keyboard shortcut (Ctrl+Shift+K): check, and open the first
// finding's card with focus in it.
chrome.runtime.onMessage.addListener((msg: { type: string }) => {
  if (msg.type !== 'check-now') return;
  const el = composerElement(document.activeElement) ?? active?.el;
  if (el) void checkAndOpenCard(composerFor(el));
});
