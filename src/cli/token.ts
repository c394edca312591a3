// `council-post-check token new`: a random API token and the SHA-256 digest the Worker
// keeps (API_TOKENS holds digests only, so a leaked configuration leaks no token).

import { randomBytes } from 'node:crypto';
import { sha256Hex } from '../routes/access.ts';

export async function newToken(): Promise<{ token: string; hash: string }> {
  const token = `cpc_${randomBytes(32).toString('base64url')}`;
  return { token, hash: await sha256Hex(token) };
}

export async function runToken(args: string[], usage: (message: string) => Error): Promise<void> {
  if (args[0] !== 'new') throw usage('usage: council-post-check token new');
  const { token, hash } = await newToken();
  process.stdout.write(`token (give this to the user or tool; it is not stored anywhere):
  ${token}
SHA-256 digest (add it to the Worker's API_TOKENS secret, comma-separated):
  ${hash}
`);
}
