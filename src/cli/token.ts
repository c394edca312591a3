// `council-post-check token new | revoke`: API tokens. A plain token's SHA-256 digest
// goes in the Worker's API_TOKENS secret; a scoped one (--profile, --role, --channel) is
// kept in the TOKENS KV namespace as token:<digest> -> its scope, written here with
// wrangler (--local for `npm run dev`'s state, --remote for the deployment) or printed as
// the command to run. Only digests are ever stored, so neither place leaks a token.

import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { bundledProfiles } from '../profiles/index.ts';
import { sha256Hex } from '../routes/access.ts';
import { TokenScopeSchema, type TokenScope } from '../tokens/scope.ts';
import { TOKEN_KEY_PREFIX } from '../tokens/store.ts';
import { WRANGLER } from './dev-server.ts';

export const TOKEN_HELP = `Usage:
  council-post-check token new [--profile ID] [--role ROLE] [--channel CHANNEL] [--label TEXT] [--local | --remote]
  council-post-check token new --team --councils ID[,ID...] [--label TEXT] [--local | --remote]
  council-post-check token revoke DIGEST [--local | --remote]

token new prints a new API token and its SHA-256 digest (the only thing the Worker keeps).
  Without scope options: add the digest to the Worker's API_TOKENS secret.
  With --profile, --role or --channel: a scoped token, kept in the TOKENS KV namespace.
  Requests with it are checked against that council only (another is 403 token_scope),
  and take its role and channel where they do not say their own, so a client that knows
  only the server and its key (a LanguageTool client) gets that council's judgement.
  --profile ID        the council profile (bundled: ${bundledProfiles().map((p) => p.id).join(', ')}, or an uploaded one)
  --role ROLE         councillor | cabinet_member | officer | council_account
  --channel CHANNEL   personal | official | campaign
  --label TEXT        who or what the token is for (kept with the scope)
  --team --councils   a communications team's token for saved reviews (/v1/reviews, the
                      Batch review tab) that sees only those councils' reviews (others
                      are 404 to it) and uploads only for them
  --local             write the scope into the local state of npm run dev (wrangler kv --local)
  --remote            write it into the deployed namespace (wrangler kv --remote)
  Without --local or --remote, the wrangler command to run is printed instead.
token revoke DIGEST deletes a scoped token's entry (a plain one: remove it from API_TOKENS).
  Workers that looked it up in the last minute may accept it for up to a minute more.
`;

export async function newToken(): Promise<{ token: string; hash: string }> {
  const token = `cpc_${randomBytes(32).toString('base64url')}`;
  return { token, hash: await sha256Hex(token) };
}

/** The wrangler arguments that write (or delete) a scoped token's entry. */
export function kvArgs(action: 'put' | 'delete', digest: string, where: 'local' | 'remote', value?: string): string[] {
  return ['kv', 'key', action, '--binding', 'TOKENS', `${TOKEN_KEY_PREFIX}${digest}`, ...(value === undefined ? [] : [value]), `--${where}`];
}

const shellQuote = (s: string) => (/^[\w@%+=:,./-]+$/u.test(s) ? s : `'${s.replace(/'/gu, `'\\''`)}'`);

export async function runToken(args: string[], usage: (message: string) => Error, run = runWrangler): Promise<void> {
  const [sub, ...rest] = args;
  if (sub === undefined || sub === '--help' || sub === '-h' || rest.includes('--help')) { process.stdout.write(TOKEN_HELP); return; }
  const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, strict: true, options: {
    profile: { type: 'string' }, role: { type: 'string' }, channel: { type: 'string' }, label: { type: 'string' },
    team: { type: 'boolean' }, councils: { type: 'string' },
    local: { type: 'boolean' }, remote: { type: 'boolean' },
  } });
  if (values.local && values.remote) throw usage('choose one of --local and --remote');
  const where = values.local ? 'local' : values.remote ? 'remote' : undefined;

  if (sub === 'revoke') {
    const digest = positionals[0]?.toLowerCase();
    if (!digest || !/^[0-9a-f]{64}$/u.test(digest)) throw usage('usage: council-post-check token revoke DIGEST (the 64 hex characters token new printed)');
    if (where) { run(kvArgs('delete', digest, where)); process.stdout.write(`revoked ${digest} (${where})\n`); }
    else process.stdout.write(`run: npx wrangler ${kvArgs('delete', digest, 'remote').map(shellQuote).join(' ')}\n`);
    return;
  }
  if (sub !== 'new' || positionals.length > 0) throw usage(`usage: council-post-check token new [options] | token revoke DIGEST (see token --help)`);

  if (values.team && (values.profile !== undefined || values.role !== undefined || values.channel !== undefined)) throw usage('a --team token takes --councils, not --profile, --role or --channel');
  if (values.team && !values.councils) throw usage('a --team token needs --councils ID[,ID...]');
  if (values.councils !== undefined && !values.team) throw usage('--councils is for a --team token');
  const scoped = values.team === true || values.profile !== undefined || values.role !== undefined || values.channel !== undefined;
  const { token, hash } = await newToken();
  if (!scoped) {
    if (where) throw usage('--local and --remote write a scoped token; give --profile, --role or --channel (a plain token goes in API_TOKENS)');
    process.stdout.write(`token (give this to the user or tool; it is not stored anywhere):
  ${token}
SHA-256 digest (add it to the Worker's API_TOKENS secret, comma-separated):
  ${hash}
`);
    return;
  }
  const parsed = TokenScopeSchema.safeParse({
    ...(values.team ? { kind: 'team', councils: values.councils!.split(',').map((x) => x.trim()).filter(Boolean) } : {}),
    ...(values.profile !== undefined ? { profile: values.profile } : {}),
    ...(values.role !== undefined ? { authorRole: values.role } : {}),
    ...(values.channel !== undefined ? { channel: values.channel } : {}),
    ...(values.label !== undefined ? { label: values.label } : {}),
    createdAt: new Date().toISOString(),
  });
  if (!parsed.success) throw usage(parsed.error.issues.map((i) => `--${i.path[0] === 'authorRole' ? 'role' : String(i.path[0])}: ${i.message}`).join('; '));
  const scope: TokenScope = parsed.data;
  const value = JSON.stringify(scope);
  if (where) run(kvArgs('put', hash, where, value));
  process.stdout.write(`token (give this to the user or tool; it is not stored anywhere):
  ${token}
SHA-256 digest:
  ${hash}
scope: ${describe(scope)}
${where ? `kept in the TOKENS namespace (${where}).` : `keep it in the TOKENS namespace:\n  npx wrangler ${kvArgs('put', hash, 'remote', value).map(shellQuote).join(' ')}`}
`);
}

function describe(s: TokenScope): string {
  if (s.kind === 'team') return `team token: saved reviews of ${s.councils!.join(', ')} only`;
  return [s.profile ? `council ${s.profile} only` : 'any council', s.authorRole ? `role ${s.authorRole} by default` : '', s.channel ? `channel ${s.channel} by default` : '']
    .filter(Boolean).join(', ');
}

function runWrangler(args: string[]): void {
  // From the repository, so wrangler finds wrangler.toml and npm run dev's local state.
  execFileSync(process.execPath, [WRANGLER, ...args], { cwd: join(import.meta.dirname, '../..'), stdio: ['ignore', 'ignore', 'inherit'] });
}
