// What the web page's two tabs share: the document around them, the heading and the
// tabs themselves (check one post at "/", batch review at "/reviews").

type Tab = 'check' | 'reviews';

const NAV_CSS = `
nav.tabs { display: flex; gap: .25rem; margin: .5rem 0 0; border-bottom: 2px solid #c9d1da; }
nav.tabs a { padding: .45rem .9rem; color: #0b5cad; text-decoration: none; font-weight: 600; border: 2px solid transparent; border-bottom: 0; border-radius: 6px 6px 0 0; margin-bottom: -2px; }
nav.tabs a[aria-current=page] { color: #1b1f24; border-color: #c9d1da; background: #fff; border-bottom: 2px solid #fff; }
nav.tabs a:focus-visible { outline: 3px solid #f2a900; outline-offset: 2px; }
`;

function nav(current: Tab): string {
  const tab = (href: string, id: Tab, label: string) => `<a href="${href}"${id === current ? ' aria-current="page"' : ''}>${label}</a>`;
  return `<nav class="tabs" aria-label="Pages">${tab('/', 'check', 'Check a post')}${tab('/reviews', 'reviews', 'Batch review')}</nav>`;
}

/** A page's document, and its inline script and style (what its CSP allows by hash). */
export interface Page { html: string; scripts: string[]; styles: string[] }

/** A whole page: its own CSS, script and main content inside the shared document. */
export function pageShell(p: { tab: Tab; title: string; intro: string; css: string; main: string; script: string }): Page {
  const style = `${p.css}${NAV_CSS}`;
  const html = `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${p.title}</title>
<style>${style}</style>
</head>
<body>
<header>
  <h1>council-post-check</h1>
  ${nav(p.tab)}
  <p>${p.intro}</p>
</header>
<main>
${p.main}
</main>
<script>${p.script}</script>
</body>
</html>
`;
  return { html, scripts: [p.script], styles: [style] };
}
