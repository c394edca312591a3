// The web page served at "/": paste a draft, choose the council and context, see the
// verdict, the highlighted spans and a card per finding with the clause quoted and the
// suggestion. Plain HTML, CSS and a small script (no framework); the draft is only ever
// put into the page as text, never as HTML.

import { CATEGORY_LABEL, VERDICT_LABEL } from './labels.ts';
import { pageShell } from './shell.ts';

const CSS = `
:root { color-scheme: light; --ink:#1b1f24; --muted:#4a5563; --line:#c9d1da; --bg:#ffffff; --accent:#0b5cad;
  --ok-bg:#e6f4ea; --ok:#135c2b; --review-bg:#fff4d6; --review:#6b4500; --block-bg:#fde7e7; --block:#8a1212; }
* { box-sizing: border-box; }
.visually-hidden { position: absolute; left: -9999px; }
.notice { border-left: 4px solid var(--review); background: var(--review-bg); padding: .4rem .6rem; }
.rewrite { border: 1px solid var(--line); border-radius: 8px; padding: .5rem .8rem; margin: .5rem 0; } .rewrite h3 { margin: 0; font-size: 1rem; } .rewrite .preview { white-space: pre-wrap; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: var(--bg); }
header, main { max-width: 52rem; margin: 0 auto; padding: 1rem; }
header h1 { font-size: 1.4rem; margin: 0; } header p { margin: .25rem 0 0; color: var(--muted); }
label { display: block; font-weight: 600; margin: .75rem 0 .25rem; }
textarea, select, input[type=date], input[type=password] { width: 100%; font: inherit; padding: .55rem; border: 1px solid #8795a1; border-radius: 6px; background: #fff; color: var(--ink); }
textarea { min-height: 9rem; resize: vertical; }
fieldset { border: 1px solid var(--line); border-radius: 8px; margin: 1rem 0; padding: .25rem 1rem 1rem; }
.grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr)); gap: 0 1rem; }
.check { display: flex; gap: .5rem; align-items: center; font-weight: 400; }
button { font: inherit; font-weight: 600; padding: .6rem 1.1rem; border-radius: 6px; border: 2px solid var(--accent); background: var(--accent); color: #fff; cursor: pointer; min-height: 44px; }
button.secondary { background: #fff; color: var(--accent); }
button:focus-visible, textarea:focus-visible, select:focus-visible, input:focus-visible, mark:focus-visible { outline: 3px solid #f2a900; outline-offset: 2px; }
#count { color: var(--muted); font-size: .875rem; }
.verdict { font-size: 1.25rem; font-weight: 700; padding: .75rem 1rem; border-radius: 8px; margin: 1rem 0; }
.verdict.ok { background: var(--ok-bg); color: var(--ok); } .verdict.review { background: var(--review-bg); color: var(--review); } .verdict.block { background: var(--block-bg); color: var(--block); }
#highlighted { white-space: pre-wrap; overflow-wrap: anywhere; border: 1px solid var(--line); border-radius: 8px; padding: .75rem; }
mark { background: none; color: inherit; text-decoration: underline wavy; text-decoration-thickness: 2px; text-underline-offset: 3px; cursor: pointer; }
mark.error { text-decoration-color: #c21818; } mark.warning { text-decoration-color: #b87800; } mark.info { text-decoration-color: #2b6cb0; }
.cards { list-style: none; padding: 0; }
.card { border: 1px solid var(--line); border-left: 6px solid #b87800; border-radius: 8px; padding: .75rem 1rem; margin: .75rem 0; }
.card.error { border-left-color: #c21818; } .card.info { border-left-color: #2b6cb0; }
.card h3 { margin: 0 0 .25rem; font-size: 1rem; } .card .actual { font-style: italic; }
blockquote { margin: .5rem 0; padding: .5rem .75rem; background: #f3f5f7; border-left: 3px solid #8795a1; }
blockquote cite { display: block; font-style: normal; font-weight: 600; margin-bottom: .25rem; }
.meta { color: var(--muted); font-size: .875rem; }
@media (max-width: 30rem) { header, main { padding: .75rem; } .verdict { font-size: 1.1rem; } }
`;

const SCRIPT = `
const $ = (id) => document.getElementById(id);
const el = (tag, props = {}, ...kids) => { const e = document.createElement(tag); Object.assign(e, props); for (const k of kids) e.append(k); return e; };
let timer, inflight, last;
async function api(path, init = {}) {
  const token = $('token').value.trim();
  const headers = { ...(init.headers || {}), ...(token ? { authorization: 'Bearer ' + token } : {}) };
  const res = await fetch(path, { ...init, headers });
  if (res.status === 401 || res.status === 403) { $('token-row').hidden = false; }
  return res;
}
async function loadProfiles() {
  try {
    const res = await api('/v1/profiles');
    if (!res.ok) return;
    const { profiles } = await res.json();
    const sel = $('profile'); sel.textContent = '';
    const wanted = profiles.some((p) => p.id === remembered.profile) ? remembered.profile : 'southend-on-sea';
    for (const p of profiles) sel.append(el('option', { value: p.id, textContent: p.name, selected: p.id === wanted }));
  } catch {}
}
function context() {
  const c = { authorRole: $('role').value, channel: $('channel').value, sharing: $('sharing').checked };
  if ($('postedAt').value) c.postedAt = $('postedAt').value;
  if ($('pollingDay').value) c.election = { pollingDay: $('pollingDay').value };
  return c;
}
async function check(secondOpinion, show) {
  const text = $('text').value;
  $('count').textContent = text.length + ' / 20000 characters';
  if (!text.trim()) { $('result').hidden = true; return; }
  inflight?.abort(); inflight = new AbortController();
  $('status').textContent = 'Checking…';
  try {
    const res = await api('/v1/check', { method: 'POST', signal: inflight.signal, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text, profile: $('profile').value || undefined, context: context(), ...(secondOpinion ? { secondOpinion } : {}) }) });
    const body = await res.json();
    if (!res.ok) { $('status').textContent = body.error?.message || 'The check failed.'; return; }
    last = { text, body }; render(text, body); $('status').textContent = '';
    // Asked for (Check, Enter): bring the verdict into view and move focus to it, so a
    // phone or screen-reader user lands on the answer. While typing, focus stays put.
    if (show) { const v = $('verdict'); v.scrollIntoView({ block: 'start' }); v.focus({ preventScroll: true }); }
    return body;
  } catch (e) { if (e.name !== 'AbortError') $('status').textContent = 'Could not reach the checker.'; }
}
const LABEL = ${JSON.stringify(CATEGORY_LABEL)};
const VERDICT = ${JSON.stringify(VERDICT_LABEL)};
function render(text, r) {
  $('result').hidden = false;
  const v = $('verdict');
  v.className = 'verdict ' + r.verdict;
  const n = r.findings.filter((f) => f.severity !== 'info').length;
  v.textContent = (r.verdict === 'ok' ? 'OK to post' : r.verdict === 'review' ? 'Review before posting' : 'Do not post as written') + (n ? ': ' + n + ' issue' + (n === 1 ? '' : 's') + ' to look at' : '');
  const box = $('highlighted'); box.textContent = '';
  let at = 0;
  r.findings.slice().sort((a, b) => a.offset - b.offset).forEach((f, i) => {
    if (f.offset < at) return;
    box.append(text.slice(at, f.offset));
    const m = el('mark', { className: f.severity, tabIndex: 0, title: LABEL[f.category] }, text.slice(f.offset, f.offset + f.length));
    m.dataset.card = 'card-' + i;
    m.addEventListener('click', () => document.getElementById('card-' + i)?.focus());
    m.addEventListener('keydown', (e) => { if (e.key === 'Enter') document.getElementById('card-' + i)?.focus(); });
    box.append(m); at = f.offset + f.length;
  });
  box.append(text.slice(at));
  const list = $('cards'); list.textContent = '';
  const notes = $('notices'); notes.textContent = '';
  for (const n of r.notices || []) notes.append(el('p', { className: 'notice', textContent: n.message }));
  const so = r.secondOpinion;
  if (so && so.status === 'used') notes.append(el('p', { className: 'meta', textContent: 'A second opinion from Claude (' + so.model + ') was asked: ' + so.reason + '.' }));
  if (so && so.status === 'skipped') {
    const ask = el('button', { type: 'button', className: 'secondary', textContent: 'Ask for a second opinion anyway' });
    ask.addEventListener('click', () => check('always'));
    notes.append(el('p', { className: 'meta' }, 'The checker was sure enough not to ask Claude for a second opinion. ', ask));
  }
  if (so && so.status === 'unavailable') notes.append(el('p', { className: 'meta', textContent: 'The second opinion was not available (' + so.reason + '): this is the result of the checker alone.' }));
  if (so && so.rewrite && so.rewrite !== text && r.verdict !== 'ok') {
    const box = el('div', { className: 'rewrite' }, el('h3', { textContent: 'Suggested rewrite (second opinion)' }), el('p', { className: 'preview', textContent: so.rewrite }));
    const use = el('button', { type: 'button', className: 'secondary', textContent: 'Rewrite the post' });
    use.addEventListener('click', () => {
      const t = $('text');
      if (t.value !== last.text) { $('status').textContent = 'Your draft changed after this rewrite was suggested: check again first.'; return; }
      t.value = so.rewrite; t.focus(); check();
    });
    box.append(use);
    notes.append(box);
  }
  // Each distinct clause text is quoted once on the page; a clause with the same words
  // as one already quoted (5.7 and 9.3.5) is named, not repeated.
  const quoted = new Map();
  const small = matchMedia('(max-width: 30rem)').matches;
  r.findings.forEach((f, i) => {
    const card = el('li', { className: 'card ' + f.severity, id: 'card-' + i, tabIndex: -1 });
    const level = f.severity === 'info' ? 'Note' : VERDICT[r.categories[f.category].verdict] || 'Review';
    card.append(el('h3', { textContent: LABEL[f.category] + ': ' + level + (f.source === 'second-opinion' ? ', from the second opinion' : '') }));
    if (f.overruled) card.append(el('p', { className: 'meta', textContent: 'The second opinion disagrees: ' + f.overruled.reason }));
    card.append(el('p', {}, el('span', { className: 'actual', textContent: '“' + f.actual + '”' })));
    card.append(el('p', { textContent: f.message }));
    const groups = [];
    for (const c of f.clauses) {
      const same = groups.find((g) => g.quote === c.quote);
      if (same) same.ids.push(c.id); else groups.push({ quote: c.quote, ids: [c.id], title: c.title });
    }
    const quotes = [];
    const also = [];
    for (const g of groups) {
      const before = quoted.get(g.quote);
      if (before) { also.push(g.ids.join(' and ') + (g.ids.join() === before.join() ? ', quoted above' : ', the same words as ' + before.join(' and ') + ' above')); continue; }
      quoted.set(g.quote, g.ids);
      quotes.push(el('blockquote', {}, el('cite', { textContent: r.profile.name + ', ' + g.ids.join(' and ') + ': ' + g.title }), g.quote));
    }
    if (quotes.length) card.append(quotes[0]);
    if (quotes.length > 1) {
      // Further clauses fold away on a phone (open on a wider screen).
      const more = el('details', { open: !small }, el('summary', { textContent: 'More clauses (' + (quotes.length - 1) + ')' }));
      for (const q of quotes.slice(1)) more.append(q);
      card.append(more);
    }
    if (also.length) card.append(el('p', { className: 'meta', textContent: 'Also ' + also.join('; ') + '.' }));
    if (f.suggestion) card.append(el('p', { textContent: 'Suggestion: ' + f.suggestion }));
    if (f.replacement !== undefined) {
      const b = el('button', { type: 'button', className: 'secondary', textContent: 'Apply suggestion' });
      b.addEventListener('click', () => applyFinding(f));
      card.append(b);
    }
    list.append(card);
  });
  const e = r.election;
  $('election').textContent = e ? 'Judged against the election on ' + longDate(e.pollingDay) + ': the pre-election period ' + (e.inPeriod ? 'started on ' : 'starts on ') + longDate(e.periodStart) + (e.inPeriod ? ', so this post is inside it' : '') + '. Council: ' + r.profile.name + '.' : '';
}
/** "Thursday 6 May 2027", as people write a date. */
function longDate(iso) {
  return new Date(iso + 'T12:00:00Z').toLocaleDateString('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}
/** Apply a card's suggestion. When the draft changed since the check, check it again
 * first and apply the same suggestion from the new result, or say it no longer applies. */
async function applyFinding(f) {
  const t = $('text');
  if (t.value !== last.text) {
    const body = await check();
    const again = body && body.findings.find((g) => g.ruleId === f.ruleId && g.actual === f.actual && g.replacement !== undefined);
    if (!again) { $('status').textContent = 'Your draft changed, and that suggestion no longer applies: see the new result.'; return; }
    f = again;
  }
  t.value = t.value.slice(0, f.offset) + f.replacement + t.value.slice(f.offset + f.length);
  t.focus(); check();
}
$('form').addEventListener('submit', (e) => { e.preventDefault(); check(undefined, true); });
$('copy').addEventListener('click', async () => {
  try { await navigator.clipboard.writeText($('text').value); $('status').textContent = 'Copied: paste it where you post.'; }
  catch { $('text').select(); $('status').textContent = 'Select the draft and copy it (Ctrl+C).'; }
});
// The context (not the draft) is remembered in this browser between visits.
const REMEMBER = ['role', 'channel', 'sharing'];
function saveContext() {
  const c = { profile: $('profile').value };
  for (const id of REMEMBER) c[id] = $(id).type === 'checkbox' ? $(id).checked : $(id).value;
  localStorage.setItem('cpc-context', JSON.stringify(c));
}
const remembered = (() => { try { return JSON.parse(localStorage.getItem('cpc-context') || '{}'); } catch { return {}; } })();
for (const id of REMEMBER) if (remembered[id] !== undefined) { if ($(id).type === 'checkbox') $(id).checked = !!remembered[id]; else if ([...$(id).options].some((o) => o.value === remembered[id])) $(id).value = remembered[id]; }
$('text').addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(() => check(), 600); });
for (const id of ['profile', 'role', 'channel', 'postedAt', 'pollingDay', 'sharing']) $(id).addEventListener('change', () => { saveContext(); if ($('text').value.trim()) check(); });
$('token').value = localStorage.getItem('cpc-token') || '';
$('token').addEventListener('change', () => { localStorage.setItem('cpc-token', $('token').value); loadProfiles(); });
loadProfiles();
`;

export const PAGE = pageShell({
  tab: 'check',
  title: 'council-post-check: check a post before it goes out',
  intro: "Check a social media draft against your council's Protocol on Councillor/Officer Relations before you post it. Drafts are not stored.",
  css: CSS,
  script: SCRIPT,
  main: `  <form id="form" novalidate>
    <label for="text">Draft post</label>
    <textarea id="text" name="text" maxlength="20000" aria-describedby="count" placeholder="Paste or type your draft here"></textarea>
    <div id="count" aria-live="off">0 / 20000 characters</div>
    <fieldset>
      <legend>Context</legend>
      <div class="grid">
        <div><label for="profile">Council</label><select id="profile"><option value="southend-on-sea">Southend-on-Sea City Council</option></select></div>
        <div><label for="role">You are posting as</label><select id="role">
          <option value="councillor">a councillor</option><option value="cabinet_member">a Cabinet Member</option>
          <option value="officer">an officer</option><option value="council_account">the council's account</option></select></div>
        <div><label for="channel">Account</label><select id="channel">
          <option value="personal">personal</option><option value="official">official</option><option value="campaign">campaign</option></select></div>
        <div><label for="postedAt">Posting date</label><input type="date" id="postedAt"></div>
        <div><label for="pollingDay">Polling day (if you know it)</label><input type="date" id="pollingDay"></div>
      </div>
      <label class="check"><input type="checkbox" id="sharing"> I am sharing someone else's content</label>
      <div id="token-row" hidden><label for="token">API token</label><input type="password" id="token" autocomplete="off"></div>
    </fieldset>
    <button type="submit">Check</button> <button type="button" id="copy" class="secondary">Copy</button> <span id="status" role="status"></span>
  </form>
  <section id="result" aria-live="polite" hidden>
    <h2 class="visually-hidden">Result</h2>
    <p id="verdict" class="verdict" tabindex="-1"></p>
    <div id="notices"></div>
    <div id="highlighted" aria-label="Your draft with the risky words underlined"></div>
    <p id="election" class="meta"></p>
    <ol id="cards" class="cards"></ol>
  </section>`,
});
