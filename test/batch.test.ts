// Batches: CSV as people export it, POST /v1/batch (partial failures, the limit), the
// CLI's formats, summary and exit codes.

import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { app } from '../src/app.ts';
import { findColumns, parseCsv, parseExportDate, rowToItem } from '../src/batch/csv.ts';
import { contextFromAccount, mergeContext, withDefaultContext } from '../src/batch/defaults.ts';
import { progressLine } from '../src/cli/batch.ts';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'cpc-batch-'));
const BIN = join(import.meta.dirname, '../src/cli/bin.ts');
const cli = async (...args: string[]) => {
  try {
    const r = await run(process.execPath, [BIN, ...args], { encoding: 'utf8' });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, stdout: x.stdout, stderr: x.stderr };
  }
};

const RISKY = 'Sarah in Planning has made a complete mess, again.\nUseless.';
const EXPORT = `\uFEFFMessage ID,Post Message,Scheduled Date,Network,Author\r\n`
  + `h-1,"${RISKY}",01/05/2026 09:00,Facebook,Cllr A\r\n`
  + `h-2,"Lovely day at the pier, with the Mayor.",2026-05-02 10:30,personal,\r\n`
  + `h-3,,2026-05-02,X,\r\n`;

describe('CSV as people export it', () => {
  it('reads a BOM, quoted newlines and commas, and loosely named columns', () => {
    const { headers, records } = parseCsv(EXPORT);
    expect(headers[0]).toBe('Message ID'); // the BOM is gone
    const found = findColumns(headers);
    expect(found.ok).toBe(true);
    if (!found.ok) return;
    expect(found.columns).toMatchObject({ id: 0, text: 1, date: 2, network: 3, author: 4 });
    const first = rowToItem(records[0]!.cells, found.columns, records[0]!.row);
    expect(first.raw).toMatchObject({ id: 'h-1', text: RISKY, context: { postedAt: '2026-05-01T09:00:00' }, meta: { network: 'Facebook', author: 'Cllr A' } });
    expect(rowToItem(records[1]!.cells, found.columns, 3).raw).toMatchObject({ text: 'Lovely day at the pier, with the Mayor.', context: { channel: 'personal' } });
  });

  it.each([
    [['Text'], 0], [['id', 'Body'], 1], [['Post ID', 'Post'], 1], [['Date', 'Content', 'Link'], 1], [['Message', 'Message ID'], 0], [['network', 'post text'], 1],
  ])('finds the text column in %j', (headers, text) => {
    const found = findColumns(headers);
    expect(found.ok && found.columns.text).toBe(text);
  });

  it('names the columns it found when none holds the text', () => {
    const found = findColumns(['Post ID', 'Scheduled', 'Link']);
    expect(found.ok).toBe(false);
    if (!found.ok) {
      expect(found.error.code).toBe('no_text_column');
      expect(found.error.columns).toEqual(['Post ID', 'Scheduled', 'Link']);
      expect(found.error.message).toContain('"Post ID", "Scheduled", "Link"');
    }
  });

  it('reads export dates, day first as in the UK, and refuses impossible ones', () => {
    expect(parseExportDate('2026-05-01')).toBe('2026-05-01T00:00:00');
    expect(parseExportDate('03/04/2026 14:05')).toBe('2026-04-03T14:05:00');
    expect(parseExportDate('2026-05-01T09:00:00+01:00')).toBe('2026-05-01T09:00:00+01:00');
    expect(parseExportDate('1 May 2026 09:00 GMT')).toBe('2026-05-01T09:00:00Z');
    expect(parseExportDate('31/02/2026')).toBeUndefined();
    expect(parseExportDate('next Tuesday')).toBeUndefined();
    const { raw, warnings } = rowToItem(['x', 'soon'], { text: 0, date: 1, headers: ['text', 'date'] }, 2);
    expect(raw).not.toHaveProperty('context');
    expect(warnings[0]).toMatch(/"soon" was not understood/u);
  });
});

const batch = (body: string, type = 'application/json', query = '') =>
  app.request(`/v1/batch${query}`, { method: 'POST', headers: { 'content-type': type }, body });

describe('POST /v1/batch', () => {
  it('checks every item; a bad one gets its own error and the others carry on', async () => {
    const res = await batch(JSON.stringify({ items: [
      { id: 'a', text: RISKY },
      { id: 'b' },
      { id: 'c', text: 'Thank you to the library team.', profile: 'atlantis' },
      'not an item',
      { id: 'e', text: 'Thank you to the library team.', context: { channel: 'campaign' } },
    ] }));
    expect(res.status).toBe(200);
    const body = await res.json() as { summary: { total: number; verdicts: Record<string, number> }; results: Array<Record<string, unknown>> };
    expect(body.results.map((r) => [r.id, r.index, r.verdict ?? (r.error as { code: string }).code])).toEqual([
      ['a', 0, 'block'], ['b', 1, 'invalid_item'], ['c', 2, 'unknown_profile'], [null, 3, 'invalid_item'], ['e', 4, 'ok'],
    ]);
    expect(body.summary.total).toBe(5);
    expect(body.summary.verdicts).toEqual({ ok: 1, review: 0, block: 1, error: 3 });
  });

  it('gives each item the same result /v1/check gives it alone', async () => {
    const items = [{ id: 1, text: RISKY }, { id: 2, text: 'Vote for us on Thursday!', context: { channel: 'official', postedAt: '2026-04-20' } }];
    const body = await (await batch(JSON.stringify({ profile: 'rugby', items }))).json() as { profile: { id: string }; results: Array<Record<string, unknown>> };
    expect(body.profile.id).toBe('rugby');
    for (const [i, item] of items.entries()) {
      const alone = await (await app.request('/v1/check', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: item.text, profile: 'rugby', context: item.context }) })).json();
      const { id, index, ...rest } = body.results[i]!;
      expect(id).toBe(item.id);
      expect(index).toBe(i);
      expect(rest).toEqual(alone);
    }
  });

  it('takes a CSV export, with the profile in the query', async () => {
    const res = await batch(EXPORT, 'text/csv; charset=utf-8', '?profile=tendring');
    expect(res.status).toBe(200);
    const body = await res.json() as { results: Array<Record<string, unknown>> };
    expect(body.results.map((r) => [r.id, r.row, r.verdict ?? (r.error as { code: string }).code])).toEqual([['h-1', 2, 'block'], ['h-2', 3, 'ok'], ['h-3', 4, 'invalid_item']]);
    expect((body.results[0]!.profile as { id: string }).id).toBe('tendring');
  });

  it('refuses more than 1,000 posts with a 413 that says the limit', async () => {
    const items = Array.from({ length: 1001 }, (_, i) => ({ id: i, text: 'Hello' }));
    const res = await batch(JSON.stringify({ items }));
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ error: { code: 'too_many_items', limit: 1000, count: 1001 } });
    const csv = `text\n${Array.from({ length: 1001 }, () => 'Hello').join('\n')}\n`;
    expect((await batch(csv, 'text/csv')).status).toBe(413);
    const ok = await batch(JSON.stringify({ items: items.slice(0, 1000) }));
    expect(ok.status).toBe(200);
  });

  it('says what was wrong with a request it cannot read', async () => {
    expect((await batch('hello', 'text/plain')).status).toBe(415);
    const noText = await batch('id,when\n1,today\n', 'text/csv');
    expect(noText.status).toBe(400);
    expect(await noText.json()).toMatchObject({ error: { code: 'no_text_column', columns: ['id', 'when'] } });
    expect((await batch('{"items": 3}')).status).toBe(400);
    expect((await batch('{nope')).status).toBe(400);
    expect((await batch(JSON.stringify({ profile: 'atlantis', items: [] }))).status).toBe(404);
  });
});

describe('council-post-check batch', () => {
  const input = join(dir, 'export.csv');
  writeFileSync(input, EXPORT);

  it('writes a CSV row per post and a summary; --fail-on block exits 2', async () => {
    const out = join(dir, 'out.csv');
    const r = await cli('batch', input, '--format', 'csv', '--out', out, '--fail-on', 'block');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^3 posts in .*1 block, 0 review, 1 ok, 1 could not be checked/mu);
    expect(r.stderr).not.toContain('['); // no progress bar when stderr is not a terminal
    const rows = Papa.parse<Record<string, string>>(readFileSync(out, 'utf8').replace(/^\uFEFF/u, ''), { header: true, skipEmptyLines: true }).data;
    expect(rows.map((x) => [x.id, x.verdict])).toEqual([['h-1', 'block'], ['h-2', 'ok'], ['h-3', 'error']]);
    expect(rows[0]!.clauses).toContain('6.1.9');
    expect(rows[0]!.suggestion).toMatch(/Cabinet Member/u);
  });

  it('exits 0 when nothing reaches the --fail-on level, and --quiet says nothing', async () => {
    const calm = join(dir, 'calm.jsonl');
    writeFileSync(calm, '{"id":1,"text":"Thank you to everyone at the library."}\n\n{"id":2,"text":"Bins go out on Tuesday."}\n');
    const r = await cli('batch', calm, '--fail-on', 'review', '--quiet');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout.trim().split('\n').map((l) => JSON.parse(l).verdict)).toEqual(['ok', 'ok']);
  });

  it('fails clearly on a CSV without a text column', async () => {
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'Post ID,Link\n1,http://x\n');
    const r = await cli('batch', bad);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Columns found: "Post ID", "Link"');
  });

  it('--jobs 3 (worker threads) gives the same results, in the same order, as one thread', async () => {
    // 300 lines: five chunks of 64 over three workers, with lines that are not JSON and
    // items that cannot be checked among them, so order and gaps must survive the pool.
    const lines = Array.from({ length: 300 }, (_, i) => (i % 97 === 5 ? 'not json' : i % 89 === 7 ? JSON.stringify({ id: i }) : JSON.stringify({ id: i, text: i % 3 === 0 ? RISKY : `Bins go out on Tuesday, road ${i}.` })));
    const file = join(dir, 'many.jsonl');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const one = await cli('batch', file, '--jobs', '1', '--quiet');
    const three = await cli('batch', file, '--jobs', '3', '--quiet');
    expect(three.code).toBe(0);
    expect(three.stdout).toBe(one.stdout);
    const results = three.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(results).toHaveLength(300);
    expect(results.map((r) => r.line)).toEqual(Array.from({ length: 300 }, (_, i) => i + 1));
    expect(results.filter((r) => r.error?.code === 'invalid_json')).toHaveLength(4);
    expect(results.filter((r) => r.verdict === 'block')).toHaveLength(results.filter((r) => r.id % 3 === 0 && !r.error).length);
  });

  it('refuses a --jobs that is not a whole number from 1 to 16', async () => {
    for (const bad of ['0', '17', 'two', '1.5']) {
      const r = await cli('batch', join(dir, 'calm.jsonl'), '--jobs', bad);
      expect(r.code, bad).toBe(1);
      expect(r.stderr).toContain(`--jobs must be a whole number from 1 to 16, not "${bad}"`);
    }
  });

  it('draws progress with rate and time left', () => {
    expect(progressLine(0.5, 5000, 2)).toBe('[############------------]  50%  5,000 posts  2,500/s  2s left');
    expect(progressLine(undefined, 10, 1)).toBe('10 posts  10/s');
  });
});

// A comms team's batch (issue 11): who posted where, for the whole batch or per account.
describe('batch context', () => {
  const VOTE = 'Vote Conservative on 6 May';
  const IN_PERIOD = '2027-04-21T09:00:00';
  const ELECTION = { pollingDay: '2027-05-06', periodStart: '2027-03-29' };
  const electioneering = (r: { categories: Record<string, { verdict: string }>; findings: Array<{ category: string; suggestion?: string }> }) => ({
    verdict: r.categories['electioneering']!.verdict,
    advice: r.findings.filter((f) => f.category === 'electioneering').map((f) => f.suggestion ?? '').join(' '),
  });

  it.each([
    ['Rugby Borough Council', 'council_account', 'official'], ['@RushcliffeBC', 'council_account', 'official'], ['@SouthendCouncil', 'council_account', 'official'],
    ['Cyngor Sir Ddinbych', 'council_account', 'official'], ['Cllr Jo Bloggs', 'councillor', 'personal'], ['@CllrJoBloggs', 'councillor', 'personal'],
    ['Jo Bloggs - campaign', 'councillor', 'campaign'],
  ])('reads the account "%s" as %s on a %s channel', (account, authorRole, channel) => {
    expect(contextFromAccount(account)).toEqual({ authorRole, channel });
  });

  it.each(['Facebook', 'BBC Essex', 'Southend Labour', ''])('reads nothing into the account "%s"', (account) => {
    expect(contextFromAccount(account)).toBeUndefined();
  });

  it("merges the batch's defaults under an item's own context, field by field", () => {
    expect(mergeContext({ authorRole: 'council_account', postedAt: '2027-04-21', election: { pollingDay: '2027-05-06' } }, { postedAt: '2027-04-30', election: { pollingDay: '2027-05-06', periodStart: '2027-04-01' } }))
      .toEqual({ authorRole: 'council_account', postedAt: '2027-04-30', election: { pollingDay: '2027-05-06', periodStart: '2027-04-01' } });
    expect(withDefaultContext({ id: 1, text: 'x', context: 'nonsense' }, { channel: 'official' })).toEqual({ id: 1, text: 'x', context: 'nonsense' });
    expect(withDefaultContext({ id: 1, text: 'x' }, { channel: 'official' })).toEqual({ id: 1, text: 'x', context: { channel: 'official' } });
  });

  it("maps an export's account column to who posted, unless the row's own cells say", () => {
    const csv = `Post,Scheduled,Social Profile,Author,Link\r\n${VOTE},21/04/2027 09:00,Rugby Borough Council,,https://example.org/p/1\r\n${VOTE},21/04/2027 09:00,Rugby Borough Council,officer,\r\n`;
    const { headers, records } = parseCsv(csv);
    const found = findColumns(headers);
    if (!found.ok) throw new Error('no columns');
    expect(rowToItem(records[0]!.cells, found.columns, 2).raw).toMatchObject({ context: { authorRole: 'council_account', channel: 'official' }, meta: { account: 'Rugby Borough Council', link: 'https://example.org/p/1' } });
    expect(rowToItem(records[1]!.cells, found.columns, 3).raw).toMatchObject({ context: { authorRole: 'officer', channel: 'official' } });
  });

  it('reads US dates when the day cannot be a month, and 12-hour times', () => {
    expect(parseExportDate('04/30/2027 10:00 AM')).toBe('2027-04-30T10:00:00');
    expect(parseExportDate('30/04/2027 10:00 PM')).toBe('2027-04-30T22:00:00');
    expect(parseExportDate('04/05/2027 12:00 AM')).toBe('2027-05-04T00:00:00');
    expect(parseExportDate('04/30/2027 13:00 PM')).toBeUndefined();
  });

  it('/v1/batch: a context default in the body is a council account, and its advice is not about a campaign account', async () => {
    const items = [{ id: 'a', text: VOTE, context: { postedAt: IN_PERIOD } }];
    const plain = await (await batch(JSON.stringify({ items, context: { election: ELECTION } }))).json() as { results: Array<Parameters<typeof electioneering>[0]> };
    const council = await (await batch(JSON.stringify({ items, context: { authorRole: 'council_account', election: ELECTION } }))).json() as typeof plain;
    expect(electioneering(plain.results[0]!).verdict).not.toBe('block');
    expect(electioneering(council.results[0]!).verdict).toBe('block');
    expect(electioneering(council.results[0]!).advice).not.toMatch(/campaign account/iu);
    expect(electioneering(council.results[0]!).advice).toMatch(/official/iu);
  });

  it('/v1/batch: a CSV takes the default context from the query; a bad value is a 400 naming the field', async () => {
    const csv = `text,date\r\n${VOTE},21/04/2027 09:00\r\n`;
    const res = await batch(csv, 'text/csv', '?authorRole=council_account&pollingDay=2027-05-06&periodStart=2027-03-29');
    expect(res.status).toBe(200);
    const body = await res.json() as { results: Array<Parameters<typeof electioneering>[0]> };
    expect(electioneering(body.results[0]!).verdict).toBe('block');
    const bad = await batch(csv, 'text/csv', '?authorRole=mayor');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain('authorRole');
  });

  it('the CLI: --role and --polling-day set the batch context; CSV results carry the account, the link and the text', async () => {
    const file = join(dir, 'council-account.jsonl');
    writeFileSync(file, `${JSON.stringify({ id: 1, text: VOTE, context: { postedAt: IN_PERIOD } })}\n`);
    const asCouncil = await cli('batch', file, '--quiet', '--role', 'council_account', '--polling-day', '2027-05-06');
    const asDefault = await cli('batch', file, '--quiet', '--polling-day', '2027-05-06');
    expect(electioneering(JSON.parse(asCouncil.stdout)).verdict).toBe('block');
    expect(electioneering(JSON.parse(asDefault.stdout)).verdict).not.toBe('block');
    const bad = await cli('batch', file, '--role', 'mayor');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('--role');

    const csvFile = join(dir, 'accounts.csv');
    writeFileSync(csvFile, `Post,Scheduled,Social Profile,Link\r\n${VOTE},21/04/2027 09:00,@TendringDC,https://example.org/p/9\r\n`);
    const out = await cli('batch', csvFile, '--quiet', '--format', 'csv', '--polling-day', '2027-05-06');
    const rows = Papa.parse<Record<string, string>>(out.stdout.replace(/^\uFEFF/u, ''), { header: true, skipEmptyLines: true }).data;
    expect(rows[0]).toMatchObject({ verdict: 'block', account: "'@TendringDC", link: 'https://example.org/p/9', text: VOTE });
  });
});
