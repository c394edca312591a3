// The two tabs of the web page: check one post ("/") and batch review ("/reviews").

export const NAV_CSS = `
nav.tabs { display: flex; gap: .25rem; margin: .5rem 0 0; border-bottom: 2px solid #c9d1da; }
nav.tabs a { padding: .45rem .9rem; color: #0b5cad; text-decoration: none; font-weight: 600; border: 2px solid transparent; border-bottom: 0; border-radius: 6px 6px 0 0; margin-bottom: -2px; }
nav.tabs a[aria-current=page] { color: #1b1f24; border-color: #c9d1da; background: #fff; border-bottom: 2px solid #fff; }
nav.tabs a:focus-visible { outline: 3px solid #f2a900; outline-offset: 2px; }
`;

export function nav(current: 'check' | 'reviews'): string {
  const tab = (href: string, id: typeof current, label: string) => `<a href="${href}"${id === current ? ' aria-current="page"' : ''}>${label}</a>`;
  return `<nav class="tabs" aria-label="Pages">${tab('/', 'check', 'Check a post')}${tab('/reviews', 'reviews', 'Batch review')}</nav>`;
}
