// CSV as people export it (Hootsuite, Sprout Social, a spreadsheet): the one file that
// uses papaparse. Header names are matched loosely; UTF-8 with or without a BOM; quoted
// newlines and commas in text are papaparse's job.

import Papa from 'papaparse';
import type { ItemMeta } from '../schema/batch.ts';
import { contextFromAccount } from './defaults.ts';
import type { ItemError } from './items.ts';

type Field = 'text' | 'id' | 'date' | 'network' | 'author' | 'account' | 'link';

/** Header words that name each field, best first. A header matches a word exactly, or
 * contains it as a whole word ("Post Message" is text; "Message ID" is an id). */
const NAMES: Record<Field, string[]> = {
  text: ['text', 'message', 'post', 'content', 'body', 'post text', 'message text', 'post content', 'caption', 'tweet', 'copy', 'draft'],
  id: ['id', 'post id', 'message id', 'uid', 'ref', 'reference', 'no', 'number'],
  date: ['date', 'scheduled', 'scheduled at', 'scheduled date', 'scheduled time', 'posted at', 'posted', 'publish date', 'published', 'send time', 'date time', 'time', 'created'],
  network: ['network', 'channel', 'platform', 'social network', 'service'],
  author: ['author', 'posted by', 'created by', 'user', 'owner', 'from', 'councillor'],
  // The account a post goes out from (Hootsuite "Social Profile", Sprout "Profile").
  link: ['link', 'url', 'permalink', 'post link', 'post url', 'link url'],
  account: ['account', 'social profile', 'profile', 'account name', 'profile name', 'social account', 'page', 'handle'],
};
/** Words that stop a header from being the text column however it is named. */
const NOT_TEXT = /\b(id|date|time|link|url|type|count|status|number|no)\b/u;

export const normaliseHeader = (h: string) => h.replace(/^\uFEFF/u, '').toLowerCase().replace(/[^a-z0-9]+/gu, ' ').trim();

export type Columns = Partial<Record<Field, number>> & { text: number; headers: string[] };

export function findColumns(headers: string[]): { ok: true; columns: Columns } | { ok: false; error: ItemError & { columns: string[] } } {
  const norm = headers.map(normaliseHeader);
  const taken = new Set<number>();
  const pick = (field: Field): number | undefined => {
    for (const name of NAMES[field]) {
      const i = norm.findIndex((h, j) => !taken.has(j) && h === name);
      if (i >= 0) { taken.add(i); return i; }
    }
    for (const name of NAMES[field]) {
      const re = new RegExp(`\\b${name}\\b`, 'u');
      const i = norm.findIndex((h, j) => !taken.has(j) && re.test(h) && (field !== 'text' || !NOT_TEXT.test(h)));
      if (i >= 0) { taken.add(i); return i; }
    }
    return undefined;
  };
  // The id and date first, so "Message ID" and "Post date" are not taken for the text.
  const id = pick('id');
  const date = pick('date');
  const text = pick('text');
  if (text === undefined) {
    const found = headers.map((h) => h.replace(/^\uFEFF/u, ''));
    return {
      ok: false,
      error: {
        code: 'no_text_column',
        message: `No column holds the post text: name it one of text, message, post, content or body. Columns found: ${found.length ? found.map((h) => `"${h}"`).join(', ') : '(none)'}.`,
        columns: found,
      },
    };
  }
  const network = pick('network');
  const author = pick('author');
  const account = pick('account');
  const link = pick('link');
  const columns: Columns = { text, headers };
  if (id !== undefined) columns.id = id;
  if (date !== undefined) columns.date = date;
  if (network !== undefined) columns.network = network;
  if (author !== undefined) columns.author = author;
  if (account !== undefined) columns.account = account;
  if (link !== undefined) columns.link = link;
  return { ok: true, columns };
}

const CHANNELS = new Set(['personal', 'official', 'campaign']);
const ROLES: Record<string, string> = { councillor: 'councillor', 'cabinet member': 'cabinet_member', cabinet_member: 'cabinet_member', officer: 'officer', 'council account': 'council_account', council_account: 'council_account', council: 'council_account' };

const pad = (n: string) => n.padStart(2, '0');

/** A date as exports write it, as an ISO date-time: 2026-05-01 09:00, 01/05/2026 (UK
 * day first), 04/30/2027 10:00 AM (month first only when the day can't be a month),
 * 2026/05/01, 1 May 2026 09:00. Undefined when it cannot be read. */
export function parseExportDate(s: string): string | undefined {
  const t = s.trim();
  if (!t) return undefined;
  let m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/u.exec(t);
  if (!m) {
    // Day first as in the UK; month first (as US exports write it) only when the day
    // could not be a month: 04/30/2027.
    const dm = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap]\.?m\.?)?)?$/iu.exec(t);
    if (dm) {
      const [, a, b, y, h, mi, sec, half] = dm;
      const monthFirst = Number(b) > 12 && Number(a) <= 12;
      let hour = h;
      if (half && h !== undefined) {
        const n = Number(h);
        if (n < 1 || n > 12) return undefined;
        hour = String((n % 12) + (/^p/iu.test(half) ? 12 : 0));
      }
      m = [dm[0], y!, monthFirst ? a! : b!, monthFirst ? b! : a!, hour, mi, sec, undefined] as unknown as RegExpExecArray;
    }
  }
  if (m) {
    const [, y, mo, d, h = '0', mi = '0', sec = '0', zone] = m;
    const iso = `${y}-${pad(mo!)}-${pad(d!)}T${pad(h)}:${pad(mi)}:${pad(sec)}`;
    const check = new Date(`${iso}Z`);
    if (Number.isNaN(check.getTime()) || check.getUTCDate() !== Number(d) || check.getUTCMonth() + 1 !== Number(mo)) return undefined;
    return zone ? `${iso}${zone === 'Z' ? 'Z' : zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone}` : iso;
  }
  if (/[a-z]{3}/iu.test(t)) {
    const ms = Date.parse(t);
    if (!Number.isNaN(ms)) return new Date(ms).toISOString().replace(/\.\d{3}Z$/u, 'Z');
  }
  return undefined;
}

/** One CSV record as a batch item (unvalidated) and what could not be read. */
export function rowToItem(cells: string[], cols: Columns, row: number): { raw: Record<string, unknown>; warnings: string[] } {
  const cell = (i: number | undefined) => (i === undefined ? '' : (cells[i] ?? '').trim());
  const warnings: string[] = [];
  const meta: ItemMeta = {};
  const context: Record<string, unknown> = {};
  const date = cell(cols.date);
  if (date) {
    meta.date = date.slice(0, 200);
    const iso = parseExportDate(date);
    if (iso) context.postedAt = iso;
    else warnings.push(`the date "${date.slice(0, 40)}" was not understood; judged as if posted now`);
  }
  const network = cell(cols.network);
  if (network) {
    meta.network = network.slice(0, 200);
    if (CHANNELS.has(network.toLowerCase())) context.channel = network.toLowerCase();
  }
  const author = cell(cols.author);
  if (author) {
    meta.author = author.slice(0, 200);
    const role = ROLES[author.toLowerCase()];
    if (role) context.authorRole = role;
  }
  // The account says who posted where, unless the row's own cells said so already.
  const account = cell(cols.account);
  if (account) {
    meta.account = account.slice(0, 200);
    for (const [k, v] of Object.entries(contextFromAccount(account) ?? {})) if (!(k in context)) context[k] = v;
  }
  const link = cell(cols.link);
  if (link) meta.link = link.slice(0, 2000);
  const id = cell(cols.id) || `row ${row}`;
  return { raw: { id: id.slice(0, 200), text: cells[cols.text] ?? '', ...(Object.keys(context).length ? { context } : {}), ...(Object.keys(meta).length ? { meta } : {}) }, warnings };
}

export interface ParsedCsv { headers: string[]; records: Array<{ cells: string[]; row: number }> }

/** Parse a whole CSV text (the Worker's uploads; at most a few MB). Rows are counted as
 * a spreadsheet counts them when no cell holds a newline: the header is row 1. */
export function parseCsv(text: string): ParsedCsv {
  const result = Papa.parse<string[]>(text.replace(/^\uFEFF/u, ''), { header: false, skipEmptyLines: 'greedy' });
  const [headers = [], ...rest] = result.data;
  return { headers, records: rest.map((cells, i) => ({ cells, row: i + 2 })) };
}

/** Records (string arrays) from a Node stream of CSV text, a chunk of rows at a time,
 * for files too big to hold: the parser pauses until the caller has used each chunk, so
 * memory stays flat. */
export async function* csvRecordChunks(input: NodeJS.ReadableStream): AsyncGenerator<string[][]> {
  const ready: string[][][] = [];
  let parser: Papa.Parser | undefined;
  let done = false;
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  const notify = () => { wake?.(); wake = undefined; };
  Papa.parse<string[]>(input as unknown as Papa.LocalFile, {
    header: false,
    skipEmptyLines: 'greedy',
    chunk: (results, p) => { parser = p; p.pause(); ready.push(results.data); notify(); },
    complete: () => { done = true; notify(); },
    error: (e: Error) => { failure = e; done = true; notify(); },
  });
  (input as NodeJS.ReadableStream & { on(e: 'error', f: (e: Error) => void): unknown }).on('error', (e: Error) => { failure = e; done = true; notify(); });
  for (;;) {
    const next = ready.shift();
    if (next) { yield next; if (ready.length === 0 && !done) parser?.resume(); continue; }
    if (failure) throw failure;
    if (done) return;
    await new Promise<void>((r) => { wake = r; });
  }
}

/** Rows to CSV text (RFC 4180 quoting), with a header row when given. */
export function toCsv(rows: unknown[][], header?: string[]): string {
  // escapeFormulae: a cell starting with = + - @ tab or CR gets a leading ' so a
  // spreadsheet shows it as text instead of running it (CSV formula injection).
  return Papa.unparse(header ? [header, ...rows] : rows, { newline: '\r\n', escapeFormulae: true });
}
