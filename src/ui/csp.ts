// Content Security Policy for the pages and the HTML report without 'unsafe-inline': each
// inline <script> and <style> block is allowed by its SHA-256 hash, and nothing else runs
// or styles (an injected <script>, onclick= or style= attribute is refused by the browser).
// The blocks are named by the code that wrote them, never found by searching the document,
// so nothing injected into it can be hashed in by mistake.

async function hashSource(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  let s = '';
  for (const b of digest) s += String.fromCharCode(b);
  return `'sha256-${btoa(s)}'`;
}

const sources = async (blocks: string[]) => (blocks.length ? (await Promise.all(blocks.map(hashSource))).join(' ') : "'none'");

/** The policy for a document whose only scripts and styles are the inline blocks given.
 * `connect` is what its script may fetch ("'self'" for the pages, "'none'" for a file);
 * `meta` leaves out frame-ancestors, which browsers ignore in a <meta> policy. */
export async function policyFor(o: { scripts: string[]; styles: string[]; connect: string; meta?: boolean }): Promise<string> {
  return [
    "default-src 'none'",
    `script-src ${await sources(o.scripts)}`,
    `style-src ${await sources(o.styles)}`,
    `connect-src ${o.connect}`,
    "base-uri 'none'",
    "form-action 'none'",
    ...(o.meta ? [] : ["frame-ancestors 'none'"]),
  ].join('; ');
}
