// The web page's batch tab, served at "/reviews": the communications team uploads a CSV
// export, it is checked and saved as a review (D1); reviewers mark each post approved,
// needs edit or rejected with a note; the review exports to CSV. Needs the team token.
// Plain HTML, CSS and a small script; post text only ever goes into the page as text.

import { CATEGORY_LABEL, VERDICT_LABEL } from './labels.ts';
import { pageShell } from './shell.ts';

const CSS = `
:root { color-scheme: light; --ink:#1b1f24; --muted:#4a5563; --line:#c9d1da; --accent:#0b5cad; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); }
header, main { max-width: 60rem; margin: 0 auto; padding: 1rem; }
header h1 { font-size: 1.4rem; margin: 0; } header p { margin: .25rem 0 0; color: var(--muted); }
label { display: block; font-weight: 600; margin: .75rem 0 .25rem; }
input[type=text], input[type=password], input[type=file], select, textarea { width: 100%; font: inherit; padding: .5rem; border: 1px solid #8795a1; border-radius: 6px; background: #fff; color: var(--ink); }
fieldset { border: 1px solid var(--line); border-radius: 8px; margin: 1rem 0; padding: .25rem 1rem 1rem; }
legend { font-weight: 700; padding: 0 .3rem; }
.grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(13rem, 1fr)); gap: 0 1rem; }
button { font: inherit; font-weight: 600; padding: .5rem 1rem; border-radius: 6px; border: 2px solid var(--accent); background: var(--accent); color: #fff; cursor: pointer; min-height: 44px; margin-top: .75rem; }
button.secondary { background: #fff; color: var(--accent); } button.danger { background: #fff; color: #8a1212; border-color: #8a1212; }
button:focus-visible, input:focus-visible, select:focus-visible, textarea:focus-visible, a:focus-visible { outline: 3px solid #f2a900; outline-offset: 2px; }
.note { color: var(--muted); font-size: .9rem; }
#status { min-height: 1.5rem; font-weight: 600; }
table { width: 100%; border-collapse: collapse; margin: .5rem 0; font-size: .95rem; }
th, td { text-align: left; padding: .4rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
.post { border: 1px solid var(--line); border-left: 6px solid #98a2b3; border-radius: 8px; padding: .6rem .9rem; margin: .8rem 0; }
.post.block { border-left-color: #b42318; } .post.review { border-left-color: #b54708; } .post.ok { border-left-color: #2e7d32; }
.badge { font-weight: 700; border-radius: 999px; padding: .05rem .55rem; font-size: .85rem; border: 1px solid; margin-right: .4rem; }
.badge.block { color: #8a1212; background: #fde7e7; } .badge.review { color: #6b4500; background: #fff4d6; } .badge.ok { color: #135c2b; background: #e6f4ea; } .badge.error { color: #344054; background: #f2f4f7; }
.text { white-space: pre-wrap; overflow-wrap: anywhere; background: #f9fafb; padding: .4rem .6rem; border-radius: 6px; }
mark { background: none; color: inherit; text-decoration: underline wavy; text-decoration-thickness: 2px; text-underline-offset: 3px; }
mark.error { text-decoration-color: #c21818; } mark.warning { text-decoration-color: #b87800; }
.finding { margin: .3rem 0; } .finding cite { font-style: normal; font-weight: 600; }
.decide { display: flex; flex-wrap: wrap; gap: .25rem 1rem; align-items: center; border: 0; padding: 0; margin: .5rem 0 0; }
.decide label { display: inline-flex; gap: .3rem; font-weight: 400; margin: 0; align-items: center; }
.decide input[type=text] { flex: 1 1 14rem; width: auto; }
.decided { color: var(--muted); font-size: .9rem; }
@media (max-width: 30rem) { header, main { padding: .75rem; } }
`;

const SCRIPT = `
const $ = (id) => document.getElementById(id);
const el = (tag, props = {}, ...kids) => { const e = document.createElement(tag); Object.assign(e, props); for (const k of kids) if (k != null) e.append(k); return e; };
const LABEL = ${JSON.stringify(CATEGORY_LABEL)};
const VERDICT = ${JSON.stringify(VERDICT_LABEL)};
const DECISION = { approved: 'Approved', needs_edit: 'Needs edit', rejected: 'Rejected' };
$('token').value = sessionStorage.getItem('cpc-team-token') || '';
$('reviewer').value = localStorage.getItem('cpc-reviewer') || '';
$('token').addEventListener('change', () => { sessionStorage.setItem('cpc-team-token', $('token').value.trim()); refresh(); });
$('reviewer').addEventListener('change', () => localStorage.setItem('cpc-reviewer', $('reviewer').value.trim()));
let tokenProblem = false; // the status line is asking for the token
const say = (s, token = false) => { $('status').textContent = s; tokenProblem = token; };
async function api(path, init = {}) {
  // Names go in headers (percent-encoded), never in the URL.
  const headers = { ...(init.headers || {}), authorization: 'Bearer ' + $('token').value.trim(), 'x-reviewer': encodeURIComponent($('reviewer').value.trim()) };
  const res = await fetch(path, { ...init, headers });
  if (res.status === 401 || res.status === 403) {
    const body = await res.clone().json().catch(() => ({}));
    say(body.error?.code === 'reviews_disabled' ? body.error.message : 'The team token is missing or wrong.', true);
  }
  return res;
}
async function refresh() {
  if (!$('token').value.trim()) { say('Enter the team token to see and save reviews.', true); return; }
  const pr = await api('/v1/profiles');
  if (pr.ok) {
    const sel = $('profile'); const keep = sel.value; sel.textContent = '';
    for (const p of (await pr.json()).profiles) sel.append(el('option', { value: p.id, textContent: p.name, selected: p.id === (keep || 'southend-on-sea') }));
  }
  // The list comes a page at a time (newest first): follow nextCursor to the end.
  const reviews = [];
  let cursor = null;
  do {
    const res = await api('/v1/reviews?limit=200' + (cursor ? '&cursor=' + encodeURIComponent(cursor) : ''));
    if (!res.ok) return;
    const page = await res.json();
    reviews.push(...page.reviews);
    cursor = page.nextCursor;
  } while (cursor);
  if (tokenProblem) say('');
  const body = $('reviews-body'); body.textContent = '';
  $('no-reviews').hidden = reviews.length > 0;
  for (const r of reviews) {
    const open = el('button', { type: 'button', className: 'secondary', textContent: 'Open' });
    open.setAttribute('aria-label', 'Open review ' + r.name);
    open.addEventListener('click', () => openReview(r.id));
    body.append(el('tr', {}, el('td', { textContent: r.name }), el('td', { textContent: r.createdAt.slice(0, 16).replace('T', ' ') + ' by ' + r.createdBy }),
      el('td', { textContent: r.total + ' (' + r.summary.verdicts.block + ' block, ' + r.summary.verdicts.review + ' review)' }),
      el('td', { textContent: r.decided + ' of ' + r.total }), el('td', { textContent: r.expiresAt.slice(0, 10) }), el('td', {}, open)));
  }
}
$('upload').addEventListener('submit', async (e) => {
  e.preventDefault();
  const file = $('file').files[0];
  if (!file) { say('Choose a CSV file first.'); $('file').focus(); return; }
  if (!$('reviewer').value.trim()) { say('Enter your name: every decision records who made it.'); $('reviewer').focus(); return; }
  const name = $('name').value.trim() || file.name.replace(/\\.csv$/i, '');
  say('Checking ' + file.name + '…');
  const q = new URLSearchParams({ profile: $('profile').value });
  if ($('role').value) q.set('authorRole', $('role').value);
  if ($('channel').value) q.set('channel', $('channel').value);
  const res = await api('/v1/reviews?' + q, { method: 'POST', headers: { 'content-type': 'text/csv', 'x-review-name': encodeURIComponent(name) }, body: await file.text() });
  const body = await res.json();
  if (!res.ok) { say(body.error?.message || 'The upload failed.'); return; }
  say('Saved "' + body.name + '": ' + body.total + ' posts, ' + body.summary.verdicts.block + ' block, ' + body.summary.verdicts.review + ' review.');
  await refresh();
  await openReview(body.id);
});
function highlighted(text, result) {
  const p = el('p', { className: 'text' });
  const spans = (result.findings || []).filter((f) => f.severity !== 'info').sort((a, b) => a.offset - b.offset);
  let at = 0;
  for (const f of spans) {
    if (f.offset < at) continue;
    p.append(text.slice(at, f.offset), el('mark', { className: f.severity, title: LABEL[f.category], textContent: text.slice(f.offset, f.offset + f.length) }));
    at = f.offset + f.length;
  }
  p.append(text.slice(at));
  return p;
}
let current;
async function openReview(id) {
  const res = await api('/v1/reviews/' + encodeURIComponent(id));
  if (!res.ok) { say((await res.json()).error?.message || 'Could not open the review.'); return; }
  current = await res.json();
  const { review, posts } = current;
  const box = $('review'); box.hidden = false; box.textContent = '';
  const exp = el('button', { type: 'button', className: 'secondary', textContent: 'Export CSV' });
  exp.addEventListener('click', () => exportReview(review));
  const del = el('button', { type: 'button', className: 'danger', textContent: 'Delete review and its text' });
  del.addEventListener('click', () => deleteReview(review));
  const v = review.summary.verdicts;
  box.append(el('h2', { id: 'review-title', tabIndex: -1, textContent: review.name }),
    el('p', { className: 'note', textContent: review.total + ' posts: ' + v.block + ' block, ' + v.review + ' review, ' + v.ok + ' OK' + (v.error ? ', ' + v.error + ' could not be checked' : '') + '. Saved ' + review.createdAt.slice(0, 16).replace('T', ' ') + ' by ' + review.createdBy + '; the text is kept until ' + review.expiresAt.slice(0, 10) + '.' }),
    el('div', {}, exp, ' ', del));
  for (const p of posts) box.append(postCard(review, p));
  $('review-title').focus();
}
function postCard(review, p) {
  const r = p.result;
  const verdict = r.error ? 'error' : r.verdict;
  const art = el('article', { className: 'post ' + verdict });
  art.dataset.position = p.position;
  art.append(el('div', {}, el('span', { className: 'badge ' + verdict, textContent: VERDICT[verdict] }), (p.postId ? 'id ' + p.postId : 'post ' + (p.position + 1)) + (r.meta?.date ? ' · ' + r.meta.date : '') + (r.meta?.network ? ' · ' + r.meta.network : '')));
  art.append(r.error ? el('p', { className: 'text', textContent: p.text }) : highlighted(p.text, r));
  if (r.error) art.append(el('p', { textContent: r.error.message }));
  for (const f of (r.findings || []).filter((f) => f.severity !== 'info')) {
    const c = f.clauses[0];
    art.append(el('div', { className: 'finding' }, el('strong', { textContent: LABEL[f.category] + ': ' }), f.message, ' ',
      c ? el('cite', { textContent: r.profile.name + ', ' + c.id + ': ' }) : null, c ? '“' + c.quote + '”' : null,
      f.suggestion ? el('div', { textContent: 'Suggestion: ' + f.suggestion }) : null));
  }
  const group = el('fieldset', { className: 'decide' });
  group.append(el('legend', { className: 'note', textContent: 'Decision for ' + (p.postId ? 'post ' + p.postId : 'this post') }));
  for (const [value, label] of Object.entries(DECISION)) {
    const input = el('input', { type: 'radio', name: 'decision-' + p.position, value, checked: p.decision === value });
    group.append(el('label', {}, input, label));
  }
  const note = el('input', { type: 'text', value: p.note || '', placeholder: 'Note (optional)' });
  note.setAttribute('aria-label', 'Note for ' + (p.postId ? 'post ' + p.postId : 'this post'));
  const save = el('button', { type: 'button', textContent: 'Save decision' });
  const said = el('span', { className: 'decided', textContent: p.decision ? DECISION[p.decision] + ' by ' + p.decidedBy + ', ' + p.decidedAt.slice(0, 16).replace('T', ' ') : 'No decision yet' });
  said.setAttribute('role', 'status');
  save.addEventListener('click', async () => {
    const chosen = group.querySelector('input[type=radio]:checked');
    if (!chosen) { said.textContent = 'Choose approved, needs edit or rejected first.'; return; }
    if (!$('reviewer').value.trim()) { say('Enter your name: every decision records who made it.'); $('reviewer').focus(); return; }
    const res = await api('/v1/reviews/' + review.id + '/posts/' + p.position, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ decision: chosen.value, note: note.value.trim() || undefined, reviewer: $('reviewer').value.trim() }) });
    const body = await res.json();
    said.textContent = res.ok ? DECISION[body.decision] + ' by ' + body.decidedBy + ', ' + body.decidedAt.slice(0, 16).replace('T', ' ') : (body.error?.message || 'Not saved.');
    if (res.ok) { art.dataset.decision = body.decision; refresh(); }
  });
  group.append(note, save, said);
  art.append(group);
  if (p.decision) art.dataset.decision = p.decision;
  return art;
}
async function exportReview(review) {
  const res = await api('/v1/reviews/' + review.id + '/export');
  if (!res.ok) { say('Export failed.'); return; }
  const url = URL.createObjectURL(await res.blob());
  const a = el('a', { href: url, download: review.name.replace(/[^\\w.-]+/g, '-') + '.csv' });
  document.body.append(a); a.click(); a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}
async function deleteReview(review) {
  if (!confirm('Delete "' + review.name + '" and the text of its ' + review.total + ' posts? The audit trail stays.')) return;
  const res = await api('/v1/reviews/' + review.id, { method: 'DELETE' });
  if (res.status === 204) { $('review').hidden = true; say('Deleted "' + review.name + '".'); refresh(); }
}
refresh();
`;

export const REVIEWS_PAGE = pageShell({
  tab: 'reviews',
  title: 'Batch review · council-post-check',
  intro: 'Check a week of posts at once, record what the team decided, and export it.',
  css: CSS,
  script: SCRIPT,
  main: `  <fieldset>
    <legend>Who you are</legend>
    <div class="grid">
      <div><label for="token">Team token</label><input type="password" id="token" autocomplete="off"></div>
      <div><label for="reviewer">Your name (recorded with each decision)</label><input type="text" id="reviewer" autocomplete="name"></div>
    </div>
  </fieldset>
  <form id="upload">
    <fieldset>
      <legend>New review</legend>
      <div class="grid">
        <div><label for="file">CSV export (from Hootsuite, Sprout Social or a spreadsheet)</label><input type="file" id="file" accept=".csv,text/csv"></div>
        <div><label for="name">Review name</label><input type="text" id="name" placeholder="the file's name"></div>
        <div><label for="profile">Council</label><select id="profile"><option value="southend-on-sea">Southend-on-Sea City Council</option></select></div>
        <div><label for="role">Posted as (unless a row says)</label><select id="role">
          <option value="">as each row's account says (else a councillor)</option><option value="council_account">the council's own accounts</option>
          <option value="councillor">a councillor</option><option value="cabinet_member">a Cabinet Member</option><option value="officer">an officer</option></select></div>
        <div><label for="channel">Account (unless a row says)</label><select id="channel">
          <option value="">as each row's account says (else personal)</option><option value="official">official</option>
          <option value="personal">personal</option><option value="campaign">campaign</option></select></div>
      </div>
      <p class="note">The text column may be called text, message, post, content or body; id, date, network, author, account (social profile, page, handle) and link columns are used when present. An account naming the council ("Rugby Borough Council", "@TendringDC") counts as the council's own account, one naming a councillor ("Cllr Jo Bloggs") as their personal account. Up to 1,000 posts. The posts' text is kept with the review until its retention period ends (30 days unless your council set another), or until you delete it.</p>
      <button type="submit">Check and save</button>
    </fieldset>
  </form>
  <p id="status" role="status" aria-live="polite"></p>
  <section aria-labelledby="reviews-h">
    <h2 id="reviews-h">Saved reviews</h2>
    <p id="no-reviews" class="note">No saved reviews yet.</p>
    <table><thead><tr><th scope="col">Name</th><th scope="col">Saved</th><th scope="col">Posts</th><th scope="col">Decided</th><th scope="col">Kept until</th><th scope="col"><span class="note">Open</span></th></tr></thead><tbody id="reviews-body"></tbody></table>
  </section>
  <section id="review" hidden aria-labelledby="review-title"></section>`,
});
