// The HTML report for a batch: one self-contained file (no scripts or styles fetched)
// that a comms officer opens in a browser. A summary with charts of risks by verdict and
// by category, then the posts, riskiest first, with the risky words highlighted and each
// finding's reason, clause and suggestion; filters by verdict and category; prints well.

import { policyFor } from '../ui/csp.ts';
import { CATEGORIES } from '../pipeline/types.ts';
import type { CheckResponse } from '../schema/check.ts';
import { CATEGORY_LABEL, VERDICT_LABEL } from '../ui/labels.ts';
import { isError, type ItemResult } from './items.ts';
import type { BatchSummary } from './summary.ts';

const VERDICT_RANK = { block: 0, review: 1, error: 2, ok: 3 } as const;
const COLOUR = { block: '#b42318', review: '#b54708', ok: '#2e7d32', error: '#667085' } as const;

export interface ReportPost { result: ItemResult; text: string }
export interface ReportOptions { title: string; source?: string; generatedAt: Date; summary: BatchSummary }

const esc = (s: string) => s.replace(/[&<>"']/gu, (ch) => `&#${ch.charCodeAt(0)};`);
const fmt = (n: number) => n.toLocaleString('en-GB');

/** Posts riskiest first: block, review, not checked, ok; higher score first; input order kept. */
export function sortByRisk(posts: ReportPost[]): ReportPost[] {
  const key = (p: ReportPost) => (isError(p.result) ? 'error' : p.result.verdict);
  const score = (p: ReportPost) => (isError(p.result) ? 0 : p.result.score);
  return posts.map((p, i) => ({ p, i }))
    .sort((a, b) => VERDICT_RANK[key(a.p)] - VERDICT_RANK[key(b.p)] || score(b.p) - score(a.p) || a.i - b.i)
    .map((x) => x.p);
}

/** The draft as HTML with each finding's span marked (overlaps: the first one wins). */
export function highlight(text: string, result: CheckResponse): string {
  const spans = result.findings.filter((f) => f.severity !== 'info').sort((a, b) => a.offset - b.offset || b.length - a.length);
  let out = '';
  let at = 0;
  for (const f of spans) {
    if (f.offset < at) continue;
    out += esc(text.slice(at, f.offset));
    out += `<mark class="${f.severity}" title="${esc(CATEGORY_LABEL[f.category])}">${esc(text.slice(f.offset, f.offset + f.length))}</mark>`;
    at = f.offset + f.length;
  }
  return out + esc(text.slice(at));
}

function bars(title: string, rows: Array<{ label: string; parts: Array<{ n: number; colour: string; name: string }> }>): string {
  const max = Math.max(1, ...rows.map((r) => r.parts.reduce((s, p) => s + p.n, 0)));
  const rowH = 28;
  const labelW = 190;
  const barW = 320;
  const h = rows.length * rowH + 8;
  const described = rows.map((r) => `${r.label}: ${r.parts.map((p) => `${p.n} ${p.name}`).join(', ')}`).join('; ');
  let svg = `<svg viewBox="0 0 ${labelW + barW + 70} ${h}" role="img" aria-label="${esc(`${title}. ${described}`)}" class="chart">`;
  rows.forEach((r, i) => {
    const y = 4 + i * rowH;
    svg += `<text x="${labelW - 8}" y="${y + 17}" text-anchor="end">${esc(r.label)}</text>`;
    let x = labelW;
    for (const p of r.parts) {
      const w = (p.n / max) * barW;
      if (w > 0) svg += `<rect x="${x.toFixed(1)}" y="${y + 3}" width="${w.toFixed(1)}" height="${rowH - 8}" fill="${p.colour}"><title>${esc(`${r.label}: ${p.n} ${p.name}`)}</title></rect>`;
      x += w;
    }
    const total = r.parts.reduce((s, p) => s + p.n, 0);
    svg += `<text x="${(x + 6).toFixed(1)}" y="${y + 17}">${fmt(total)}</text>`;
  });
  return `<figure><figcaption>${esc(title)}</figcaption>${svg}</svg></figure>`;
}

function summaryHtml(s: BatchSummary): string {
  const v = s.verdicts;
  const byVerdict = bars('Posts by verdict', (['block', 'review', 'ok', 'error'] as const).filter((k) => k !== 'error' || v.error > 0)
    .map((k) => ({ label: VERDICT_LABEL[k], parts: [{ n: v[k], colour: COLOUR[k], name: 'posts' }] })));
  const byCategory = bars('Risks by category (posts at block and at review)', CATEGORIES.map((c) => ({
    label: CATEGORY_LABEL[c],
    parts: [{ n: s.categories[c].block, colour: COLOUR.block, name: 'block' }, { n: s.categories[c].review, colour: COLOUR.review, name: 'review' }],
  })));
  return `<section class="summary" aria-labelledby="summary-h">
<h2 id="summary-h">Summary</h2>
<p class="counts"><strong>${fmt(s.total)}</strong> posts: <span class="v-block">${fmt(v.block)} block</span>, <span class="v-review">${fmt(v.review)} review</span>, <span class="v-ok">${fmt(v.ok)} OK</span>${v.error ? `, <span class="v-error">${fmt(v.error)} could not be checked</span>` : ''}.</p>
<div class="charts">${byVerdict}${byCategory}</div>
<p class="key"><span class="sw sw-block"></span> block <span class="sw sw-review"></span> review</p>
</section>`;
}

function findingHtml(f: CheckResponse['findings'][number], council: string): string {
  const [first, ...more] = f.clauses;
  const quote = (c: typeof first) => (c ? `<blockquote><cite>${esc(`${council}, ${c.id}: ${c.title}`)}</cite>${esc(c.quote)}</blockquote>` : '');
  return `<li class="finding ${f.severity}">
<p><strong>${esc(CATEGORY_LABEL[f.category])}</strong> (${f.severity === 'error' ? 'block' : f.severity === 'warning' ? 'review' : 'note'})${f.source === 'second-opinion' ? ' <span class="so">second opinion</span>' : ''}: “${esc(f.actual)}”</p>
${f.overruled ? `<p class="so-note">The second opinion disagrees: ${esc(f.overruled.reason)}</p>` : ''}
<p>${esc(f.message)}</p>
${quote(first)}${more.length ? `<details><summary>Also ${more.map((c) => esc(c.id)).join(', ')}</summary>${more.map(quote).join('')}</details>` : ''}
${f.suggestion ? `<p class="suggestion"><strong>Suggestion:</strong> ${esc(f.suggestion)}</p>` : ''}
</li>`;
}

function postHtml(p: ReportPost): string {
  const r = p.result;
  const where = r.row !== undefined ? `row ${r.row}` : r.line !== undefined ? `line ${r.line}` : r.index !== undefined ? `item ${r.index}` : '';
  // A CSV without an id column names each post by its row: say it once.
  const idText = r.id !== null && String(r.id) === where ? where : `${r.id === null ? 'no id' : `id ${r.id}`}${where ? ` · ${where}` : ''}`;
  if (isError(r)) {
    return `<article class="post" data-verdict="error" data-categories="">
<header><span class="badge error">${VERDICT_LABEL.error}</span> <span class="id">${esc(idText)}</span></header>
${p.text ? `<p class="text">${esc(p.text)}</p>` : ''}
<p class="err">${esc(r.error.message)}</p>
</article>`;
  }
  const cats = CATEGORIES.filter((c) => r.categories[c].verdict !== 'ok');
  const meta = [r.meta?.date, r.meta?.network, r.meta?.author].filter(Boolean).map((m) => esc(m!)).join(' · ');
  const shown = r.findings.filter((f) => f.severity !== 'info');
  return `<article class="post" data-verdict="${r.verdict}" data-categories="${cats.join(' ')}">
<header><span class="badge ${r.verdict}">${VERDICT_LABEL[r.verdict]}</span> <span class="score">score ${r.score}</span> <span class="id">${esc(idText)}</span>${meta ? ` <span class="meta">${meta}</span>` : ''}</header>
<p class="text">${highlight(p.text, r)}</p>
${shown.length ? `<ol class="findings">${shown.map((f) => findingHtml(f, r.profile.name)).join('')}</ol>` : ''}
${r.notices?.length ? `<p class="warn">${esc(r.notices.map((n) => n.message).join(' '))}</p>` : ''}
${r.secondOpinion?.status === 'used' ? `<p class="so-note">Second opinion from Claude (${esc(r.secondOpinion.model ?? '')}): ${esc(r.secondOpinion.reason ?? '')}.</p>` : ''}
${r.warnings?.length ? `<p class="warn">${esc(r.warnings.join('; '))}</p>` : ''}
</article>`;
}

const CSS = `
:root{color-scheme:light}
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1b1f24;margin:0 auto;max-width:60rem;padding:1rem}
h1{font-size:1.5rem;margin:.2rem 0}.sub{color:#475467;margin:0 0 1rem}
.charts{display:flex;flex-wrap:wrap;gap:1rem}.chart{width:100%;max-width:36rem;font-size:13px}figure{margin:0;flex:1 1 22rem}figcaption{font-weight:600}
.key .sw{display:inline-block;width:.8em;height:.8em;margin:0 .2em 0 .6em;vertical-align:-.05em}
.filters fieldset.bare{border:0;padding:0;margin:0}#shown{margin:0;align-self:end}.sw-block{background:${COLOUR.block}}.sw-review{background:${COLOUR.review}}
.filters{border:1px solid #d0d5dd;border-radius:8px;padding:.5rem .8rem;margin:1rem 0;display:flex;flex-wrap:wrap;gap:.4rem 1.2rem}
.filters legend{font-weight:600}.filters label{white-space:nowrap}
.post{border:1px solid #d0d5dd;border-left:6px solid #98a2b3;border-radius:8px;padding:.6rem .9rem;margin:.8rem 0;break-inside:avoid}
.post[data-verdict=block]{border-left-color:#b42318}.post[data-verdict=review]{border-left-color:#b54708}.post[data-verdict=ok]{border-left-color:#2e7d32}
.badge{font-weight:700;border-radius:999px;padding:.05rem .55rem;font-size:.85rem;border:1px solid}
.badge.block{color:#8a1212;background:#fde7e7}.badge.review{color:#6b4500;background:#fff4d6}.badge.ok{color:#135c2b;background:#e6f4ea}.badge.error{color:#344054;background:#f2f4f7}
.id,.meta,.score{color:#475467;font-size:.9rem}
.text{white-space:pre-wrap;background:#f9fafb;padding:.4rem .6rem;border-radius:6px}
mark{background:none;text-decoration:underline wavy;text-underline-offset:3px}mark.error{text-decoration-color:#b42318;background:#fde7e7}mark.warning{text-decoration-color:#b54708;background:#fff4d6}
blockquote{margin:.3rem 0;padding:.3rem .7rem;border-left:3px solid #98a2b3;background:#f2f4f7}cite{display:block;font-style:normal;font-weight:600}
.findings{padding-left:1.2rem}.suggestion{color:#0b4a8b}.err{color:#8a1212}.warn{color:#6b4500;font-size:.9rem}
.v-block{color:#8a1212;font-weight:600}.v-review{color:#6b4500;font-weight:600}.v-ok{color:#135c2b;font-weight:600}
.none{color:#475467;font-style:italic}
.so{font-size:.8rem;font-weight:600;color:#3b2a8a;background:#efeaff;border-radius:999px;padding:0 .45rem}.so-note{color:#3b2a8a;font-size:.9rem}
@media print{.filters,.noprint{display:none}body{max-width:none;font-size:11pt}.post{break-inside:avoid;page-break-inside:avoid}details{display:block}details>summary{list-style:none}a{color:inherit}}
`;

const SCRIPT = `
(function(){
  var f=document.getElementById('filters'), posts=[].slice.call(document.querySelectorAll('article.post')), count=document.getElementById('shown');
  function apply(){
    var v={}, c={};
    [].forEach.call(f.querySelectorAll('input[name=verdict]'),function(i){v[i.value]=i.checked});
    [].forEach.call(f.querySelectorAll('input[name=category]'),function(i){c[i.value]=i.checked});
    var n=0;
    posts.forEach(function(p){
      var cats=p.dataset.categories?p.dataset.categories.split(' '):[];
      var show=v[p.dataset.verdict]&&(cats.length===0||cats.some(function(x){return c[x]}));
      p.hidden=!show; if(show)n++;
    });
    count.textContent=n+' of '+posts.length+' posts shown';
  }
  f.addEventListener('change',apply); apply();
  addEventListener('beforeprint',function(){[].forEach.call(document.querySelectorAll('details'),function(d){d.open=true})});
})();
`;

/** The report, with a Content-Security-Policy <meta> that lets only its own inline script
 * and style run: text from the posts can't become markup that executes. */
export async function renderReport(posts: ReportPost[], o: ReportOptions): Promise<string> {
  const html = reportHtml(posts, o);
  const policy = await policyFor({ scripts: [SCRIPT], styles: [CSS], connect: "'none'", meta: true });
  return html.replace('<meta charset="utf-8">', `<meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${policy}">`);
}

function reportHtml(posts: ReportPost[], o: ReportOptions): string {
  const sorted = sortByRisk(posts);
  const verdictBoxes = (['block', 'review', 'ok', 'error'] as const).filter((k) => k !== 'error' || o.summary.verdicts.error > 0)
    .map((k) => `<label><input type="checkbox" name="verdict" value="${k}" checked> ${VERDICT_LABEL[k]} (${fmt(o.summary.verdicts[k])})</label>`).join('');
  const categoryBoxes = CATEGORIES.map((c) => `<label><input type="checkbox" name="category" value="${c}" checked> ${CATEGORY_LABEL[c]}</label>`).join('');
  return `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(o.title)}</title><style>${CSS}</style></head>
<body>
<header><h1>${esc(o.title)}</h1>
<p class="sub">${o.source ? `${esc(o.source)} · ` : ''}checked ${esc(o.generatedAt.toISOString().slice(0, 16).replace('T', ' '))} UTC by council-post-check. Riskiest posts first.</p></header>
${summaryHtml(o.summary)}
<form id="filters" class="filters" aria-label="Filter posts"><fieldset class="bare"><legend>Verdict</legend>${verdictBoxes}</fieldset>
<fieldset class="bare"><legend>Risk</legend>${categoryBoxes}</fieldset>
<p id="shown" role="status"></p></form>
<main>
${sorted.length ? sorted.map(postHtml).join('\n') : '<p class="none">No posts.</p>'}
</main>
<script>${SCRIPT}</script>
</body></html>
`;
}
