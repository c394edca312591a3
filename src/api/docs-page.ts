// /docs: the API reference as one static page, rendered on the server from the OpenAPI
// document (src/api/openapi.ts), so it works offline and under a CSP with no script at
// all. Each route: method and path, who may call it, parameters, the request body's
// fields and the response's, and the errors it may answer. Pure.

import type { Page } from '../ui/shell.ts';

type Json = Record<string, unknown>;
const esc = (s: unknown) => String(s).replace(/[&<>"']/gu, (ch) => `&#${ch.charCodeAt(0)};`);

const CSS = `
body { font: 15px/1.5 system-ui, sans-serif; color: #1b1f24; max-width: 60rem; margin: 0 auto; padding: 1rem; }
h1 { margin: .2rem 0; } h2 { margin-top: 2rem; border-bottom: 2px solid #c9d1da; }
section.op { border: 1px solid #c9d1da; border-radius: 8px; padding: .6rem 1rem; margin: 1rem 0; }
.method { display: inline-block; min-width: 4.2rem; font-weight: 700; color: #fff; background: #0b5cad; border-radius: 4px; padding: 0 .4rem; text-align: center; }
.method.delete { background: #9b1c1c; } .method.put { background: #7a4b00; } .method.get { background: #1d6b35; }
code { background: #eef1f4; padding: 0 .25rem; border-radius: 3px; }
ul.fields { list-style: none; padding-left: 1rem; border-left: 2px solid #eef1f4; margin: .2rem 0; }
.type { color: #4a5663; } .req { color: #9b1c1c; font-size: .85em; }
details > summary { cursor: pointer; font-weight: 600; padding: .3rem 0; min-height: 24px; }
details { margin: .3rem 0; }
nav li { margin: .35rem 0; }
a { color: #0b5cad; } a:focus-visible, summary:focus-visible { outline: 3px solid #f2a900; outline-offset: 2px; }
`;

function typeOf(s: Json): string {
  if (s['$ref']) return String(s['$ref']).split('/').pop()!;
  if (Array.isArray(s['enum'])) return (s['enum'] as unknown[]).map((v) => JSON.stringify(v)).join(' | ');
  if (s['const'] !== undefined) return JSON.stringify(s['const']);
  const alts = (s['anyOf'] ?? s['oneOf']) as Json[] | undefined;
  if (alts) return alts.map(typeOf).join(' | ');
  if (s['type'] === 'array') return `array of ${typeOf((s['items'] ?? {}) as Json)}`;
  return Array.isArray(s['type']) ? (s['type'] as string[]).join(' | ') : String(s['type'] ?? 'any');
}

function fields(s: Json, depth = 0): string {
  if (depth > 5) return '';
  const target = s['type'] === 'array' ? (s['items'] ?? {}) as Json : s;
  const alts = (target['anyOf'] ?? target['oneOf']) as Json[] | undefined;
  if (alts) return alts.map((a, i) => `<p>${i === 0 ? 'Either' : 'or'}:</p>${fields(a, depth + 1)}`).join('');
  const props = target['properties'] as Record<string, Json> | undefined;
  if (!props) return '';
  const required = new Set((target['required'] as string[] | undefined) ?? []);
  return `<ul class="fields">${Object.entries(props).map(([name, p]) => `<li><code>${esc(name)}</code> <span class="type">${esc(typeOf(p))}</span>${required.has(name) ? ' <span class="req">required</span>' : ''}${p['description'] ? ` — ${esc(p['description'])}` : ''}${fields(p, depth + 1)}</li>`).join('')}</ul>`;
}

function operation(path: string, method: string, o: Json): string {
  const params = (o['parameters'] as Json[] | undefined) ?? [];
  const body = (o['requestBody'] as Json | undefined)?.['content'] as Record<string, Json> | undefined;
  const responses = o['responses'] as Record<string, Json>;
  const ok = Object.entries(responses).filter(([s]) => s.startsWith('2'));
  const errors = Object.entries(responses).filter(([s]) => !s.startsWith('2'));
  const security = (o['security'] as Json[]).flatMap((x) => Object.keys(x));
  const access = security.length === 0 ? 'anyone' : security.map((k) => ({ apiToken: 'API token (none under npm run dev)', teamToken: 'team token', adminToken: 'admin token' } as Record<string, string>)[k] ?? k).join(' or ');
  return `<section class="op" id="${esc(o['operationId'])}">
<h3><span class="method ${method}">${method.toUpperCase()}</span> <code>${esc(path)}</code></h3>
<p>${esc(o['summary'])}${o['description'] ? `. ${esc(o['description'])}` : ''}</p>
<p><strong>Access:</strong> ${esc(access)}</p>
${params.length ? `<p><strong>Parameters</strong></p><ul class="fields">${params.map((p) => `<li><code>${esc(p['name'])}</code> <span class="type">in ${esc(p['in'])}</span>${p['required'] ? ' <span class="req">required</span>' : ''}${p['description'] ? ` — ${esc(p['description'])}` : ''}</li>`).join('')}</ul>` : ''}
${body ? Object.entries(body).map(([type, c]) => `<details><summary>Request body: ${esc(type)}</summary>${fields(c['schema'] as Json) || `<p class="type">${esc(typeOf(c['schema'] as Json))}${(c['schema'] as Json)['description'] ? ` — ${esc((c['schema'] as Json)['description'])}` : ''}</p>`}</details>`).join('') : ''}
${ok.map(([status, r]) => `<details><summary>${esc(status)}: ${esc(r['description'])}</summary>${Object.entries((r['content'] as Record<string, Json> | undefined) ?? {}).map(([type, c]) => `<p>${esc(type)}</p>${fields(c['schema'] as Json)}`).join('')}</details>`).join('')}
<p><strong>Errors</strong> (each <a href="#errors">the error body</a>): ${errors.map(([s, r]) => `<abbr title="${esc(r['description'])}">${esc(s)}</abbr>`).join(', ')}</p>
</section>`;
}

export function docsPage(doc: Json): Page {
  const paths = doc['paths'] as Record<string, Record<string, Json>>;
  const byTag = new Map<string, string[]>();
  for (const [path, ops] of Object.entries(paths)) {
    for (const [method, o] of Object.entries(ops)) {
      const tag = (o['tags'] as string[])[0]!;
      if (!byTag.has(tag)) byTag.set(tag, []);
      byTag.get(tag)!.push(operation(path, method, o));
    }
  }
  const tags = doc['tags'] as Array<{ name: string; description: string }>;
  const info = doc['info'] as Json;
  const error = ((doc['components'] as Json)['schemas'] as Json)['Error'] as Json;
  const html = `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>council-post-check API reference</title>
<style>${CSS}</style>
</head>
<body>
<header>
<h1>council-post-check API</h1>
<p>${esc(info['description'])} Version ${esc(info['version'])}. The machine-readable document is <a href="/openapi.json">/openapi.json</a> (OpenAPI 3.1): generate a client from it.</p>
<nav aria-label="Sections"><ul>${tags.map((t) => `<li><a href="#tag-${esc(t.name)}">${esc(t.name)}</a>: ${esc(t.description)}</li>`).join('')}<li><a href="#errors">Errors</a></li></ul></nav>
</header>
<main>
${tags.map((t) => `<h2 id="tag-${esc(t.name)}">${esc(t.name)}</h2>${(byTag.get(t.name) ?? []).join('\n')}`).join('\n')}
<h2 id="errors">Errors</h2>
<p>Every error is JSON with the status; <code>error.requestId</code> repeats the <code>X-Request-Id</code> header. A wrong method is 405 with <code>Allow</code>.</p>
${fields(error)}
</main>
</body>
</html>
`;
  return { html, scripts: [], styles: [CSS] };
}
