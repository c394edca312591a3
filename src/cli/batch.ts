// `council-post-check batch FILE`: JSONL or CSV in (streamed, so memory stays flat),
// JSONL, CSV, an HTML report, SARIF or rdjson (for CI tools) out; a progress bar on a terminal; a summary at the end;
// exit code 2 with --fail-on when any post reaches that level (to gate a pipeline).

import { createReadStream, createWriteStream, statSync, type WriteStream } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, relative, resolve, sep } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { csvRecordChunks, findColumns, rowToItem, toCsv, type Columns } from '../batch/csv.ts';
import { csvRow, CSV_HEADER } from '../batch/csv-row.ts';
import { checkItemDetailed, profileLookup, textOf, type CheckedItem, type ItemResult } from '../batch/items.ts';
import { toRdjson } from '../batch/rdjson.ts';
import { renderReport, type ReportPost } from '../batch/report-html.ts';
import { toSarif } from '../batch/sarif.ts';
import { addToSummary, emptySummary, type BatchSummary } from '../batch/summary.ts';
import { withDefaultContext } from '../batch/defaults.ts';
import { CATEGORIES } from '../pipeline/types.ts';
import { contextFromFields, ContextInputSchema, type ContextInput } from '../schema/check.ts';
import { DEFAULT_PROFILE_ID, getProfile, profileIds } from '../profiles/index.ts';
import { countToSend, secondOpinionForItems, TOKENS_PER_CALL } from '../second-opinion/batch.ts';
import type { SecondOpinionMode } from '../second-opinion/index.ts';
import { cliBudget, cliSecondOpinion, secondOpinionMode } from './second-opinion.ts';
import { checkHere, checkOnWorkers, type Pending } from './batch-pool.ts';

export class BatchUsageError extends Error {}

const FORMATS = ['jsonl', 'csv', 'html', 'sarif', 'rdjson'] as const;

export interface BatchOptions {
  file: string;
  input: 'jsonl' | 'csv';
  format: (typeof FORMATS)[number];
  out?: string | undefined;
  profile: string;
  quiet: boolean;
  failOn?: 'block' | 'review' | undefined;
  /** Claude's second opinion for unsettled posts (needs ANTHROPIC_API_KEY); off by default. */
  secondOpinion?: SecondOpinionMode | undefined;
  /** The batch's default context (--role, --channel, --posted-at, --polling-day,
   * --period-start): each post's own context, or its account column, wins. */
  context?: ContextInput | undefined;
  /** Worker threads checking posts (--jobs); by default one a core for a file of 1 MB or
   * more, and none (this thread) for smaller files and standard input. */
  jobs?: number | undefined;
}

/** From this input size the batch uses every core (starting the workers costs ~0.3 s). */
const POOL_FROM_BYTES = 1_000_000;
const MAX_JOBS = 16;

export function parseBatchArgs(args: string[]): BatchOptions {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'jsonl' },
      input: { type: 'string' },
      profile: { type: 'string' },
      out: { type: 'string', short: 'o' },
      quiet: { type: 'boolean', short: 'q', default: false },
      'fail-on': { type: 'string' },
      'second-opinion': { type: 'string' },
      role: { type: 'string' },
      channel: { type: 'string' },
      'posted-at': { type: 'string' },
      'polling-day': { type: 'string' },
      'period-start': { type: 'string' },
      jobs: { type: 'string', short: 'j' },
    },
  });
  const file = positionals[0];
  if (!file) throw new BatchUsageError(`batch needs a file: council-post-check batch FILE [--format ${FORMATS.join('|')}] [--out FILE]`);
  const format = FORMATS.find((f) => f === values.format);
  if (!format) throw new BatchUsageError(`--format must be ${FORMATS.slice(0, -1).join(', ')} or ${FORMATS.at(-1)}, not "${values.format}"`);
  const input = values.input ?? (/\.csv$/iu.test(file) ? 'csv' : 'jsonl');
  if (input !== 'jsonl' && input !== 'csv') throw new BatchUsageError(`--input must be jsonl or csv, not "${input}"`);
  const failOn = values['fail-on'];
  if (failOn !== undefined && failOn !== 'block' && failOn !== 'review') throw new BatchUsageError(`--fail-on must be block or review, not "${failOn}"`);
  const profile = values.profile ?? DEFAULT_PROFILE_ID;
  if (!getProfile(profile)) throw new BatchUsageError(`unknown profile "${profile}"; known: ${profileIds().join(', ')}`);
  const asked = secondOpinionMode(values['second-opinion']);
  if (!asked.ok) throw new BatchUsageError(asked.message);
  const context = batchContext(values);
  let jobs: number | undefined;
  if (values.jobs !== undefined) {
    jobs = /^\d+$/u.test(values.jobs) ? Number(values.jobs) : NaN;
    if (!(jobs >= 1 && jobs <= MAX_JOBS)) throw new BatchUsageError(`--jobs must be a whole number from 1 to ${MAX_JOBS}, not "${values.jobs}"`);
  }
  return { file, input, format, out: values.out, profile, quiet: values.quiet ?? false, failOn, secondOpinion: asked.mode, ...(context ? { context } : {}), ...(jobs !== undefined ? { jobs } : {}) };
}

/** The batch's default context from its options, validated as /v1/check validates one. */
function batchContext(v: { role?: string | undefined; channel?: string | undefined; 'posted-at'?: string | undefined; 'polling-day'?: string | undefined; 'period-start'?: string | undefined }): ContextInput | undefined {
  const raw = contextFromFields({ authorRole: v.role, channel: v.channel, postedAt: v['posted-at'], pollingDay: v['polling-day'], periodStart: v['period-start'] });
  if (v['period-start'] !== undefined && v['polling-day'] === undefined) throw new BatchUsageError('--period-start needs --polling-day');
  if (Object.keys(raw).length === 0) return undefined;
  const parsed = ContextInputSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const OPTION: Record<string, string> = { authorRole: '--role', channel: '--channel', postedAt: '--posted-at', 'election.pollingDay': '--polling-day', 'election.periodStart': '--period-start' };
  const said = parsed.error.issues.map((i) => `${OPTION[i.path.join('.')] ?? i.path.join('.')}: ${i.message}`);
  throw new BatchUsageError(said.join('; '));
}

// ---------------- input: one item at a time ----------------

type Checked = CheckedItem & { result: ItemResult; text: string };

/** Each line, parsed and given the batch's defaults, to be checked. */
async function* jsonlItems(input: NodeJS.ReadableStream, context: ContextInput | undefined): AsyncGenerator<Pending> {
  let n = 0;
  for await (const line of createInterface({ input, crlfDelay: Infinity })) {
    n++;
    const clean = n === 1 ? line.replace(/^\uFEFF/u, '') : line;
    if (!clean.trim()) continue;
    let raw: unknown;
    try { raw = JSON.parse(clean); } catch { yield { result: { id: null, line: n, error: { code: 'invalid_json', message: `line ${n} is not valid JSON` } }, text: '' }; continue; }
    raw = withDefaultContext(raw, context);
    yield { raw, where: { line: n }, warnings: [], text: textOf(raw) };
  }
}

async function* csvItems(input: NodeJS.ReadableStream, context: ContextInput | undefined): AsyncGenerator<Pending> {
  let columns: Columns | undefined;
  let row = 0;
  for await (const chunk of csvRecordChunks(input)) {
    for (const cells of chunk) {
      row++;
      if (!columns) {
        // The BOM, if any, arrives in the first header cell.
        const found = findColumns(cells.map((c, i) => (i === 0 ? c.replace(/^\uFEFF/u, '') : c)));
        if (!found.ok) throw new BatchUsageError(found.error.message);
        columns = found.columns;
        continue;
      }
      const { raw: own, warnings } = rowToItem(cells, columns, row);
      const raw = withDefaultContext(own, context);
      yield { raw, where: { row }, warnings, text: textOf(raw) };
    }
  }
  if (!columns) throw new BatchUsageError('the CSV file is empty: it needs a header row with a text column');
}

// ---------------- output ----------------

/** The CLI's CSV results end with each post's text, so a reader sees what was judged. */
const CLI_CSV_HEADER = [...CSV_HEADER, 'text'];

/** The input file as CI tools want it: relative to the working directory (run it from
 * the repository's root), with forward slashes; "stdin" for standard input. */
export const inputPath = (file: string) => (file === '-' ? 'stdin' : relative(process.cwd(), resolve(file)).split(sep).join('/'));

interface Writer { write(c: Checked): Promise<void>; end(summary: BatchSummary): Promise<void> }

function makeWriter(o: BatchOptions, stream: NodeJS.WritableStream): Writer {
  // Output goes out in chunks of about 64 KB: one write per post costs more than the post.
  let pending = '';
  const flush = () => {
    const chunk = pending;
    pending = '';
    return chunk && !stream.write(chunk) ? new Promise<void>((r) => stream.once('drain', () => r())) : Promise.resolve();
  };
  const put = (s: string) => { pending += s; return pending.length >= 65_536 ? flush() : Promise.resolve(); };
  const done = async () => { await flush(); };
  if (o.format === 'jsonl') return { write: (c) => put(`${JSON.stringify(c.result)}\n`), end: done };
  if (o.format === 'csv') {
    let first = true;
    return {
      write: async (c) => { if (first) { first = false; await put(`\uFEFF${toCsv([], CLI_CSV_HEADER)}\r\n`); } await put(`${toCsv([[...csvRow(c.result), c.text]])}\r\n`); },
      end: async () => { if (first) await put(`\uFEFF${toCsv([], CLI_CSV_HEADER)}\r\n`); await done(); },
    };
  }
  if (o.format === 'sarif' || o.format === 'rdjson') {
    // One JSON document (SARIF lists each rule once, before the results): every result
    // is held until the end, but not the posts' text.
    const results: ItemResult[] = [];
    const path = inputPath(o.file);
    return {
      write: async (c) => { results.push(c.result); },
      end: async () => {
        const doc = o.format === 'sarif' ? toSarif(results, { uri: path.split('/').map(encodeURIComponent).join('/') }) : toRdjson(results, { path });
        await put(`${JSON.stringify(doc, null, 2)}\n`);
        await done();
      },
    };
  }
  // The report is sorted by risk, so it needs every post before it can be written.
  const posts: ReportPost[] = [];
  return {
    write: async (c) => { posts.push({ result: c.result, text: c.text }); },
    end: async (summary) => { await put(await renderReport(posts, { title: 'Social media posts: protocol check', source: o.file === '-' ? 'standard input' : basename(o.file), generatedAt: new Date(), summary })); await done(); },
  };
}

// ---------------- progress and summary ----------------

const fmt = (n: number) => Math.round(n).toLocaleString('en-GB');
const duration = (s: number) => (s < 60 ? `${Math.ceil(s)}s` : `${Math.floor(s / 60)}m${String(Math.ceil(s % 60)).padStart(2, '0')}s`);

/** "[######------] 45%  4,500 posts  3,100/s  2s left" (the fraction is of bytes read). */
export function progressLine(fraction: number | undefined, posts: number, seconds: number, width = 24): string {
  const rate = seconds > 0 ? posts / seconds : 0;
  if (fraction === undefined) return `${fmt(posts)} posts  ${fmt(rate)}/s`;
  const f = Math.min(1, Math.max(0, fraction));
  const filled = Math.round(f * width);
  const left = f > 0 ? (seconds * (1 - f)) / f : undefined;
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${String(Math.floor(f * 100)).padStart(3)}%  ${fmt(posts)} posts  ${fmt(rate)}/s  ${left === undefined ? '' : `${duration(left)} left`}`;
}

export function summaryText(s: BatchSummary, seconds: number): string {
  const v = s.verdicts;
  const lines = [
    `${fmt(s.total)} posts in ${seconds.toFixed(1)}s (${fmt(seconds > 0 ? s.total / seconds : 0)}/s): ${fmt(v.block)} block, ${fmt(v.review)} review, ${fmt(v.ok)} ok${v.error ? `, ${fmt(v.error)} could not be checked` : ''}`,
    ...CATEGORIES.map((c) => `  ${c.padEnd(18)} ${fmt(s.categories[c].block).padStart(6)} block ${fmt(s.categories[c].review).padStart(6)} review`),
  ];
  return `${lines.join('\n')}\n`;
}

export const failed = (s: BatchSummary, level: BatchOptions['failOn']) =>
  level === 'block' ? s.verdicts.block > 0 : level === 'review' ? s.verdicts.block + s.verdicts.review > 0 : false;

// ---------------- run ----------------

/** Run a batch; resolves with the exit code. */
export async function runBatch(o: BatchOptions): Promise<number> {
  let size: number | undefined;
  if (o.file !== '-') {
    try { size = statSync(o.file).size; } catch (e) { throw new BatchUsageError(`cannot read ${o.file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`); }
  }
  const input = o.file === '-' ? process.stdin : createReadStream(o.file);
  let bytes = 0;
  input.on('data', (b: Buffer | string) => { bytes += typeof b === 'string' ? Buffer.byteLength(b) : b.length; });
  const output: NodeJS.WritableStream = o.out ? createWriteStream(o.out) : process.stdout;
  const writer = makeWriter(o, output);
  const profiles = profileLookup(o.profile);
  const summary = emptySummary();
  const showProgress = !o.quiet && process.stderr.isTTY === true;
  const started = performance.now();
  let lastDraw = 0;
  const seconds = () => (performance.now() - started) / 1000;
  const draw = () => process.stderr.write(`\r\x1b[2K${progressLine(size ? bytes / size : undefined, summary.total, seconds())}`);

  const wanted = o.secondOpinion !== undefined && o.secondOpinion !== 'off';
  const so = wanted ? cliSecondOpinion() : undefined;
  if (wanted && !so) process.stderr.write('second opinion: skipped: no ANTHROPIC_API_KEY\n');
  const items = o.input === 'csv' ? csvItems(input, o.context) : jsonlItems(input, o.context);
  if (so) {
    // Every post is checked first (keeping what a second opinion needs), so the run can
    // say what it will send before sending.
    const all: Checked[] = [];
    for await (const p of items) all.push('result' in p ? p : { ...checkItemDetailed(p.raw, p.where, profiles, p.warnings), text: p.text });
    const n = countToSend(all, o.secondOpinion, so);
    const t = TOKENS_PER_CALL;
    process.stderr.write(`second opinion (${so.model}, ${o.secondOpinion}): ${fmt(n)} of ${fmt(all.length)} posts will be sent, about ${fmt(n * (t.cachedInput + t.input))} input tokens (${fmt(n * t.cachedInput)} of them cached) and ${fmt(n * t.output)} output tokens\n`);
    const judged = await secondOpinionForItems(all, { mode: o.secondOpinion, settings: so, budget: cliBudget() });
    for (let i = 0; i < all.length; i++) {
      const c = { ...all[i]!, result: judged[i]! };
      addToSummary(summary, c.result);
      await writer.write(c);
    }
  } else {
    const jobs = o.jobs ?? (size !== undefined && size >= POOL_FROM_BYTES ? Math.min(MAX_JOBS, availableParallelism()) : 1);
    const checked = jobs > 1 ? checkOnWorkers(items, o.profile, jobs) : checkHere(items, profiles);
    for await (const c of checked) {
      addToSummary(summary, c.result);
      await writer.write(c);
      if (showProgress && performance.now() - lastDraw > 100) { lastDraw = performance.now(); draw(); }
    }
  }
  await writer.end(summary);
  if (o.out) await new Promise<void>((r) => (output as WriteStream).end(r));
  if (showProgress) { draw(); process.stderr.write('\n'); }
  if (!o.quiet) process.stderr.write(summaryText(summary, seconds()));
  return failed(summary, o.failOn) ? 2 : 0;
}
