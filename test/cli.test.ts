// The command line's pure parts: profile validation names the field that is wrong, and
// a batch line is checked or reported, never thrown.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkJsonLine } from '../src/batch/items.ts';
import { validateProfileText } from '../src/cli/bin.ts';
import { getProfile, profileIds } from '../src/profiles/index.ts';

const profiles = { get: (id: string | undefined) => getProfile(id), known: profileIds };
const checkLine = (line: string, n: number) => checkJsonLine(line, n, profiles).result;

const southend = readFileSync(join(import.meta.dirname, '../lexicons/profiles/southend-on-sea.json'), 'utf8');

describe('profile validate', () => {
  it('accepts a bundled profile and summarises what it covers', () => {
    const r = validateProfileText(southend);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.summary.join('\n')).toMatch(/officer-criticism: 6\.1\.9, 7\.1\.3/u);
  });

  it('names the fields that are wrong', () => {
    const p = JSON.parse(southend);
    p.id = 'Not Kebab';
    p.clauses[0].quote = 42;
    p.people.officers.push({ name: 'X', service: 'planning' });
    const r = validateProfileText(JSON.stringify(p));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors.some((e) => e.startsWith('id:'))).toBe(true);
      expect(r.errors.some((e) => e.startsWith('clauses.0.quote:'))).toBe(true);
      expect(r.errors.some((e) => e.startsWith('people.officers.8.title:'))).toBe(true);
    }
  });

  it('reports rules that cite unknown clauses and election years listed twice', () => {
    const p = JSON.parse(southend);
    p.rules.abuse = ['no-such-clause'];
    p.elections.scheduled.push({ year: 2026, type: 'all-out' });
    const r = validateProfileText(JSON.stringify(p));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors).toContain('rules.abuse: unknown clause key "no-such-clause"');
      expect(r.errors.some((e) => /^elections\.scheduled\.\d+\.year: year 2026 is listed twice/u.test(e))).toBe(true);
    }
  });

  it('reports JSON that does not parse', () => {
    const r = validateProfileText('{ nope');
    expect(r.ok).toBe(false);
  });
});

describe('batch lines', () => {
  it('checks a good line and reports bad ones without throwing', () => {
    expect(checkLine('{"id":"a","text":"The Head of Planning is clueless."}', 1)).toMatchObject({ id: 'a', verdict: 'block' });
    expect(checkLine('nope', 2)).toMatchObject({ id: null, error: { code: 'invalid_json' } });
    expect(checkLine('{"id":3,"text":""}', 3)).toMatchObject({ id: 3, error: { code: 'invalid_item' } });
    expect(checkLine('{"id":4,"text":"hi","profile":"atlantis"}', 4)).toMatchObject({ id: 4, error: { code: 'unknown_profile' } });
    expect(checkLine('{"id":5,"text":"Hi","profile":"rugby"}', 5)).toMatchObject({ id: 5, profile: { id: 'rugby' } });
  });
});

describe('the command line, run (issue 11)', () => {
  const run = async (args: string[]) => {
    const { spawnSync } = await import('node:child_process');
    return spawnSync(process.execPath, [join(import.meta.dirname, '../src/cli/bin.ts'), ...args], { encoding: 'utf8', env: { ...process.env, ANTHROPIC_API_KEY: '' } });
  };

  it('check --help and batch --help print their own options and exit 0', async () => {
    const check = await run(['check', '--help']);
    expect(check.status).toBe(0);
    expect(check.stdout).toMatch(/^Usage: council-post-check check/u);
    expect(check.stdout).toContain('--fail-on LEVEL');
    const batch = await run(['batch', '--help']);
    expect(batch.status).toBe(0);
    expect(batch.stdout).toMatch(/^Usage: council-post-check batch/u);
    expect(batch.stdout).toContain('--format FORMAT');
  });

  it('check exits 2 on a block (or at --fail-on review), 0 otherwise, so a script can gate a post', async () => {
    expect((await run(['check', 'The Head of Housing is clueless and should be sacked.'])).status).toBe(2);
    expect((await run(['check', 'The Head of Housing is clueless and should be sacked.', '--fail-on', 'none'])).status).toBe(0);
    expect((await run(['check', 'Lovely morning at the pier.'])).status).toBe(0);
    expect((await run(['check', 'Lovely morning at the pier.', '--fail-on', 'sometimes'])).status).toBe(1);
  });

  it('profile validate lists each clause number once', () => {
    const r = validateProfileText(southend);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    for (const line of r.summary.slice(1)) {
      const ids = line.split(': ')[1]!.split(', ');
      expect(new Set(ids).size, line).toBe(ids.length);
    }
  });
});

describe('the HTML report header (issue 11)', () => {
  it('names a post by its row once, and shows the file name, not its path', async () => {
    const { mkdtempSync, writeFileSync, readFileSync: read } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { spawnSync } = await import('node:child_process');
    const dir = mkdtempSync(join(tmpdir(), 'cpc-header-'));
    writeFileSync(join(dir, 'no-ids.csv'), 'message\nLovely morning at the pier.\nThe Head of Housing is clueless.\n');
    spawnSync(process.execPath, [join(import.meta.dirname, '../src/cli/bin.ts'), 'batch', join(dir, 'no-ids.csv'), '--format', 'html', '--out', join(dir, 'r.html'), '--quiet']);
    const html = read(join(dir, 'r.html'), 'utf8');
    expect(html).toContain('<span class="id">row 2</span>');
    expect(html).not.toContain('id row 2');
    expect(html).toContain('no-ids.csv · checked');
    expect(html).not.toContain(dir);
  });
});

describe('npm run dev: the port (issue 11)', () => {
  it('takes --port N or --port=N over $PORT over 8787, and passes other arguments on', async () => {
    const { devPort } = await import('../src/cli/dev.ts');
    expect(devPort([], {})).toEqual({ port: 8787, rest: [] });
    expect(devPort([], { PORT: '8790' }).port).toBe(8790);
    expect(devPort(['--port', '9001', '--log-level', 'warn'], { PORT: '8790' })).toEqual({ port: 9001, rest: ['--log-level', 'warn'] });
    expect(devPort(['--port=9002'], {}).port).toBe(9002);
    expect(() => devPort(['--port'], {})).toThrow(/whole number/u);
    expect(() => devPort([], { PORT: '80a' })).toThrow(/"80a"/u);
  });
});
