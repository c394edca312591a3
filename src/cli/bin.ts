#!/usr/bin/env node
// council-post-check on the command line: the same core as the Worker, no HTTP.
//   council-post-check check "draft text" [--profile ID] [--role R] [--channel C]
//                      [--posted-at DATE] [--polling-day DATE] [--sharing] [--json]
//   council-post-check batch FILE [--format jsonl|csv|html|sarif|rdjson] [--out FILE] [--fail-on LEVEL]
// Drafts are read and analysed, never logged.

import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import * as z from 'zod';
import { analyzeDetailed, withSafeReplacements } from '../pipeline/analyze.ts';
import { withSecondOpinion } from '../second-opinion/index.ts';
import { cliBudget, cliSecondOpinion, secondOpinionMode } from './second-opinion.ts';
import { getProfile, profileIds } from '../profiles/index.ts';
import { ProfileSchema, type Profile } from '../profiles/schema.ts';
import { BatchUsageError, parseBatchArgs, runBatch } from './batch.ts';
import { runToken } from './token.ts';
import { ContextInputSchema, MAX_TEXT_LENGTH, type CheckResponse } from '../schema/check.ts';

const USAGE = `council-post-check: check a social media draft against the council's
Protocol on Councillor/Officer Relations.

Usage:
  council-post-check check "TEXT" [options]    print a readable report
  council-post-check batch FILE [options]      many posts (JSONL or CSV) in; JSONL, CSV, HTML, SARIF or rdjson out
  council-post-check profile validate FILE     check a council profile (JSON) against the schema
  council-post-check profile schema            print the profile format as JSON Schema
  council-post-check token new [--profile ID]  make an API token (optionally tied to a council and role)
  council-post-check token revoke DIGEST       delete a scoped token
  council-post-check COMMAND --help            the options of one command
`;

export const CHECK_HELP = `Usage: council-post-check check "TEXT" [options]

Options for check:
  --profile ID          council profile (default southend-on-sea; known: ${profileIds().join(', ')})
  --role ROLE           councillor | cabinet_member | officer | council_account
  --channel CHANNEL     personal | official | campaign
  --posted-at DATE      ISO date or date-time (default now)
  --polling-day DATE    the election to judge against (default: estimated May elections)
  --sharing             the draft shares someone else's content
  --json                print the JSON response instead of the report
  --fail-on LEVEL       block (default), review or none: exit with code 2 when the draft
                        reaches it, so a script can stop a post
  --second-opinion MODE auto | always | off (default off): ask Claude about a post the
                        rules can't settle (auto) or any post (always), with personal
                        data removed; needs ANTHROPIC_API_KEY (and ANTHROPIC_BASE_URL
                        for a proxy)

Exit codes: 0 done, 1 bad usage, 2 --fail-on level reached.
`;

export const BATCH_HELP = `Usage: council-post-check batch FILE [options]   (FILE - reads standard input)

Options for batch:
  --format FORMAT       jsonl (default): one result per line; csv: a row per post;
                        html: one self-contained report, riskiest posts first;
                        sarif: SARIF 2.1.0 (GitHub code scanning); rdjson: reviewdog's
                        format (reviewdog -f=rdjson); both point at the post's line
  --out FILE, -o FILE   write there instead of standard output
  --input FORMAT        jsonl or csv (default: csv for *.csv files, otherwise jsonl)
  --profile ID          council profile for posts that do not name one
  --role ROLE           who posted, for posts that do not say: councillor |
                        cabinet_member | officer | council_account
  --channel CHANNEL     the account, for posts that do not say: personal | official |
                        campaign (a council account is always official)
  --posted-at DATE      when, for posts without a date (ISO date or date-time)
  --polling-day DATE    the election to judge against (--period-start DATE: its
                        pre-election period's first day; default 25 working days before)
  --fail-on LEVEL       block or review: exit with code 2 when any post reaches it
  --quiet, -q           no progress bar and no summary (the bar shows only on a terminal)
  --jobs N, -j N        worker threads checking posts, 1 to 16 (default: one a core for
                        a file of 1 MB or more, otherwise 1); the results are the same
  --second-opinion MODE as for check: only the posts the rules can't settle (auto), 4 at
                        a time; says how many it will send, and the tokens, first

JSONL input lines are {"id": ..., "text": ..., "context"?: {...}} with the same context
as the API; JSONL output lines are {"id": ..., ...the /v1/check response}, or
{"id": ..., "error": {...}} for a post that could not be checked. CSV input needs a
header row; the text column may be called text, message, post, content or body, and
id, date (scheduled, posted at), network, author, account (social profile, profile,
page, handle) and link (url) columns are used when present. An account naming a council
("Rugby Borough Council", "@TendringDC") is the council's own account, one naming a
councillor ("Cllr Jo Bloggs") their personal account ("campaign" or "candidate" in it:
a campaign account). A post's own context or cells win over its account, and both over
--role, --channel and --posted-at. Exit codes: 0 done, 1 bad usage or input, 2 --fail-on
level reached.
`;

const HELP = `${USAGE}\n${CHECK_HELP.replace(/^Usage:.*\n\n/u, '')}\n${BATCH_HELP.replace(/^Usage:.*\n\n/u, '')}`;

class UsageError extends Error {}

function fail(message: string, code = 1): never {
  process.stderr.write(`council-post-check: ${message}\n`);
  process.exit(code);
}

function profileOrFail(id: string | undefined) {
  const profile = getProfile(id);
  if (!profile) throw new UsageError(`unknown profile "${id}"; known: ${profileIds().join(', ')}`);
  return profile;
}

// ---------------- check ----------------

const tty = process.stdout.isTTY;
const paint = (code: string, s: string) => (tty ? `\x1b[${code}m${s}\x1b[0m` : s);
const VERDICT_COLOUR = { ok: '32', review: '33', block: '31' } as const;

function wrap(text: string, width = 78, indent = '      '): string {
  const words = text.split(/\s+/u);
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    if (line && line.length + w.length + 1 > width - indent.length) { lines.push(line); line = w; } else line = line ? `${line} ${w}` : w;
  }
  if (line) lines.push(line);
  return lines.map((l) => indent + l).join('\n');
}

export function formatReport(r: CheckResponse): string {
  const out: string[] = [];
  out.push(`${paint(VERDICT_COLOUR[r.verdict], r.verdict.toUpperCase())}  score ${r.score}/100  (${r.profile.name})`);
  out.push(Object.entries(r.categories).map(([c, v]) => `${c}: ${v.verdict}`).join(' | '));
  if (r.election) out.push(`election: polling day ${r.election.pollingDay}, period from ${r.election.periodStart} (${r.election.source})${r.election.inPeriod ? ', IN the pre-election period' : ''}`);
  for (const f of r.findings) {
    out.push('');
    out.push(`  ${paint(f.severity === 'error' ? '31' : f.severity === 'warning' ? '33' : '36', f.severity)} ${f.category} [${f.ruleId}] at ${f.offset}+${f.length}: "${f.actual}"`);
    out.push(wrap(f.message));
    for (const c of f.clauses) out.push(wrap(`${c.id} (${c.title}): "${c.quote}"`));
    if (f.suggestion) out.push(wrap(`Suggestion: ${f.suggestion}`));
  }
  if (r.findings.length === 0) out.push('No findings.');
  return out.join('\n');
}

const wantsHelp = (args: string[]) => args.includes('--help') || args.includes('-h');

/** Resolves with the exit code: 2 when the verdict reaches --fail-on (default block). */
async function runCheck(args: string[]): Promise<number> {
  if (wantsHelp(args)) { process.stdout.write(CHECK_HELP); return 0; }
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      profile: { type: 'string' }, role: { type: 'string' }, channel: { type: 'string' },
      'posted-at': { type: 'string' }, 'polling-day': { type: 'string' }, sharing: { type: 'boolean' }, json: { type: 'boolean' },
      'second-opinion': { type: 'string' }, 'fail-on': { type: 'string' },
    },
  });
  const failOn = values['fail-on'] ?? 'block';
  if (failOn !== 'block' && failOn !== 'review' && failOn !== 'none') throw new UsageError(`--fail-on must be block, review or none, not "${failOn}"`);
  const text = positionals.join(' ');
  if (!text) throw new UsageError('check needs the draft text: council-post-check check "TEXT"');
  if (text.length > MAX_TEXT_LENGTH) throw new UsageError(`text may be at most ${MAX_TEXT_LENGTH} characters; this one has ${text.length}`);
  const context = ContextInputSchema.safeParse({
    authorRole: values.role,
    channel: values.channel,
    postedAt: values['posted-at'],
    sharing: values.sharing,
    election: values['polling-day'] ? { pollingDay: values['polling-day'] } : undefined,
  });
  if (!context.success) throw new UsageError(context.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; '));
  const asked = secondOpinionMode(values['second-opinion']);
  if (!asked.ok) throw new UsageError(asked.message);
  const mode = asked.mode ?? 'off';
  const profile = profileOrFail(values.profile);
  const detailed = withSafeReplacements(text, analyzeDetailed(text, { profile, context: context.data }), { profile, context: context.data });
  const settings = mode === 'off' ? undefined : cliSecondOpinion();
  if (mode !== 'off' && !settings) process.stderr.write('second opinion: skipped: no ANTHROPIC_API_KEY\n');
  const result = mode === 'off' ? detailed.response
    : await withSecondOpinion({ text, profile, detailed, mode, settings, budget: cliBudget() });
  process.stdout.write(`${values.json ? JSON.stringify(result, null, 2) : formatReport(result)}\n`);
  const reached = failOn === 'block' ? result.verdict === 'block' : failOn === 'review' ? result.verdict !== 'ok' : false;
  return reached ? 2 : 0;
}

// ---------------- profile ----------------

export type ProfileValidation =
  | { ok: true; profile: Profile; summary: string[] }
  | { ok: false; errors: string[] };

/** Validate a profile's JSON text; errors name the field ("clauses.2.quote: ..."). */
export function validateProfileText(text: string): ProfileValidation {
  let raw: unknown;
  try { raw = JSON.parse(text); } catch (e) { return { ok: false, errors: [`not valid JSON: ${(e as Error).message}`] }; }
  const parsed = ProfileSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, errors: parsed.error.issues.map((i) => `${i.path.join('.') || '(profile)'}: ${i.message}`) };
  const p = parsed.data;
  const coverage = (['officer-criticism', 'confidential', 'electioneering', 'abuse'] as const).map((cat) => {
    const keys = p.rules[cat] ?? [];
    const byCode = keys.every((k) => p.clauses.find((c) => c.key === k)?.codeOfConduct);
    // Several clauses may share a number (a clause with bullet points): each id once.
    return `${cat}: ${byCode ? "the Members' Code of Conduct (the protocol is silent)" : [...new Set(keys.map((k) => p.clauses.find((c) => c.key === k)!.id))].join(', ')}`;
  });
  return {
    ok: true,
    profile: p,
    summary: [
      `${p.id}: ${p.name} - ${p.clauses.length} clauses, ${p.people.officers.length} officers, ${p.people.cabinet.length} Cabinet Members, ${p.people.councillors.length} councillors, ${p.elections.scheduled.length} scheduled election years`,
      ...coverage.map((c) => `  ${c}`),
    ],
  };
}

function runProfile(args: string[]): void {
  const [sub, file] = args;
  if (sub === 'schema') { process.stdout.write(`${JSON.stringify(z.toJSONSchema(ProfileSchema, { io: 'input', unrepresentable: 'any' }), null, 2)}\n`); return; }
  if (sub !== 'validate' || !file) throw new UsageError('usage: council-post-check profile validate FILE | profile schema');
  let text: string;
  try { text = readFileSync(file, 'utf8'); } catch (e) { throw new UsageError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`); }
  const result = validateProfileText(text);
  if (!result.ok) {
    process.stderr.write(`${file} is not a valid profile:\n${result.errors.map((e) => `  ${e}`).join('\n')}\n`);
    process.exit(1);
  }
  process.stdout.write(`${file} is valid.\n${result.summary.join('\n')}\n`);
}

// ---------------- main ----------------

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  try {
    if (!command || command === '--help' || command === '-h' || command === 'help') { process.stdout.write(HELP); return; }
    if (command === 'check') { process.exitCode = await runCheck(rest); return; }
    if (command === 'batch') {
      if (wantsHelp(rest)) { process.stdout.write(BATCH_HELP); return; }
      process.exitCode = await runBatch(parseBatchArgs(rest));
      return;
    }
    if (command === 'profile') return runProfile(rest);
    if (command === 'token') return await runToken(rest, (m) => new UsageError(m));
    throw new UsageError(`unknown command "${command}"\n\n${HELP}`);
  } catch (e) {
    if (e instanceof UsageError || e instanceof BatchUsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) fail((e as Error).message);
    throw e;
  }
}

if (import.meta.main) await main(process.argv.slice(2));
