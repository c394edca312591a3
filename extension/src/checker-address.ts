// Which checker addresses the extension will send drafts (and the token) to: https://
// anywhere, plain http:// only to this computer (wrangler dev, a local test server).

const THIS_COMPUTER = new Set(['localhost', '127.0.0.1']);

/** Why an address is refused, or undefined when it is fine. */
export function checkerAddressProblem(address: string): string | undefined {
  let url: URL;
  try { url = new URL(address); } catch { return 'That is not a web address (it should look like https://checker.example.gov.uk).'; }
  if (url.protocol === 'https:') return undefined;
  if (url.protocol === 'http:' && THIS_COMPUTER.has(url.hostname)) return undefined;
  if (url.protocol === 'http:') return 'The checker must use https:// (drafts and the token would otherwise cross the network unencrypted); http:// is only for a checker on this computer (localhost or 127.0.0.1).';
  return 'The checker address must start with https://.';
}

/** A test page origin for developers (the content script runs there too): any https://
 * origin, or http:// on this computer; the origin only, no path. */
export function testOriginProblem(origin: string): string | undefined {
  if (origin === '') return undefined;
  const problem = checkerAddressProblem(origin);
  if (problem) return problem.replace('The checker', 'The test page');
  const url = new URL(origin);
  return url.origin === origin.replace(/\/+$/u, '') ? undefined : 'Give the test page origin only, like http://localhost:5173 (no path).';
}
