// Outputs CI tools read (issue 12): `batch --format sarif` validated against the SARIF
// 2.1.0 JSON schema, `batch --format rdjson` against reviewdog's proto; where findings
// point, their levels, rule metadata, no post text beyond the flagged words, exit codes.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { checkItem, isError, type ItemResult, type Where } from '../src/batch/items.ts';
import { toRdjson } from '../src/batch/rdjson.ts';
import { toSarif } from '../src/batch/sarif.ts';
import { getProfile, profileIds } from '../src/profiles/index.ts';
import type { Finding } from '../src/schema/check.ts';

// ---------------- the validators ----------------

const ajv = new Ajv2020({ allErrors: true });
addFormats(ajv);
const validateSarif = ajv.compile(JSON.parse(readFileSync(join(import.meta.dirname, 'schemas/sarif-2.1.0.json'), 'utf8')));
const sarifErrors = (log: unknown) => (validateSarif(log) ? [] : validateSarif.errors!.map((e) => `${e.instancePath} ${e.message}`));

// reviewdog's Diagnostic Format, from its proto (proto/rdf/reviewdog.proto in
// github.com/reviewdog/reviewdog: messages DiagnosticResult, Diagnostic, Location, Range,
// Position, Suggestion, Source, Code; enum Severity), in proto3's JSON mapping: enums as
// their names, fields in lowerCamelCase. Strict, so a misspelt field fails.
const Position = z.object({ line: z.number().int().min(1).optional(), column: z.number().int().min(1).optional() }).strict();
const Range = z.object({ start: Position, end: Position.optional() }).strict();
const Location = z.object({ path: z.string(), range: Range.optional() }).strict();
const Severity = z.enum(['UNKNOWN_SEVERITY', 'ERROR', 'WARNING', 'INFO']);
const Source = z.object({ name: z.string(), url: z.string().optional() }).strict();
const Code = z.object({ value: z.string(), url: z.string().optional() }).strict();
const Suggestion = z.object({ range: Range, text: z.string() }).strict();
const Diagnostic = z.object({
  message: z.string(), location: Location, severity: Severity.optional(), source: Source.optional(),
  code: Code.optional(), suggestions: z.array(Suggestion).optional(), originalOutput: z.string().optional(),
}).strict();
const DiagnosticResult = z.object({ diagnostics: z.array(Diagnostic), source: Source.optional(), severity: Severity.optional() }).strict();

// ---------------- a batch ----------------

const profiles = { get: (id: string | undefined) => getProfile(id), known: profileIds };
const check = (raw: unknown, where: Where) => checkItem(raw, where, profiles, [], new Date('2026-04-20T12:00:00Z'));

/** Innocent words before the flagged ones, behind emoji (surrogate pairs), so offsets
 * must be UTF-16 and the innocent part must not leak into the output. */
const PRIVATE = 'Lovely walk on the pier with Mum this morning';
const POSTS = [
  { id: 'a', text: `🙄🙄 ${PRIVATE}. The Head of Housing is clueless.` },
  { id: 'b', text: 'The highways team have let residents down again.' },
  { id: 'c', text: 'Vote for us on Thursday!', context: { channel: 'campaign' } },
  { id: 'd', text: 'Bins go out on Tuesday.' },
  { id: 'e', text: 'I was told in confidence that the bid was £2m. The Head of Housing is clueless.', profile: 'tendring' },
  { id: 'f', text: '' },
];
const ROWS: ItemResult[] = POSTS.map((p, i) => check(p, { row: i + 2 }));
const LINES: ItemResult[] = POSTS.map((p, i) => check(p, { line: i + 1 }));
const findingsOf = (rs: ItemResult[]) => rs.flatMap((r) => (isError(r) ? [] : r.findings.map((f) => ({ r, f }))));

describe('the batch the tests use', () => {
  it('has errors, warnings, notes, two councils and a post that cannot be checked', () => {
    const severities = new Set(findingsOf(ROWS).map(({ f }) => f.severity));
    expect([...severities].sort()).toEqual(['error', 'info', 'warning']);
    expect(new Set(findingsOf(ROWS).map(({ r }) => !isError(r) && r.profile.id))).toEqual(new Set(['southend-on-sea', 'tendring']));
    expect(ROWS.filter(isError)).toHaveLength(1);
  });
});

// ---------------- SARIF ----------------

type SarifResult = {
  ruleId: string; ruleIndex: number; level: string; message: { text: string };
  locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; snippet: { text: string }; properties: { postCharOffset: number; postCharLength: number } } }; logicalLocations: Array<{ name: string }> }>;
  properties: { postId: string; row?: number; line?: number; verdict: string; score: number; category: string };
};
type SarifRule = { id: string; shortDescription: { text: string }; fullDescription: { text: string }; help: { text: string }; properties: { category: string } };
const sarif = (rs: ItemResult[], uri = 'posts/week 19.csv') => {
  const log = toSarif(rs, { uri: uri.split('/').map(encodeURIComponent).join('/') });
  const run = log.runs[0]!;
  return { log, run, results: run.results as SarifResult[], rules: run.tool.driver.rules as SarifRule[] };
};

describe('batch --format sarif', () => {
  it('is valid SARIF 2.1.0, one run, the tool named with its version', () => {
    for (const rs of [ROWS, LINES]) {
      const { log, run } = sarif(rs);
      expect(sarifErrors(log)).toEqual([]);
      expect(log.runs).toHaveLength(1);
      expect(run.tool.driver).toMatchObject({ name: 'council-post-check', version: expect.stringMatching(/^\d+\.\d+\.\d+/u) });
    }
  });

  it('gives an empty batch a valid, empty run', () => {
    const { log, results, rules } = sarif([]);
    expect(sarifErrors(log)).toEqual([]);
    expect(results).toEqual([]);
    expect(rules).toEqual([]);
  });

  it('has one result per finding, in order, with the level of its severity', () => {
    const { results } = sarif(ROWS);
    const expected = findingsOf(ROWS);
    expect(results.map((x) => x.ruleId)).toEqual(expected.map(({ f }) => f.ruleId));
    const level = { error: 'error', warning: 'warning', info: 'note' } as const;
    expect(results.map((x) => x.level)).toEqual(expected.map(({ f }) => level[f.severity]));
    results.forEach((x, i) => {
      const { r, f } = expected[i]!;
      if (isError(r)) throw new Error('unreachable');
      expect(x.properties).toMatchObject({ postId: r.id, row: r.row, verdict: r.verdict, score: r.score, category: f.category });
      for (const c of f.clauses) expect(x.message.text).toContain(c.id);
      expect(x.message.text.startsWith(f.message)).toBe(true);
    });
  });

  it('points each result at the input file, the post\'s row or line, and the flagged words within the post', () => {
    for (const [rs, key] of [[ROWS, 'row'], [LINES, 'line']] as const) {
      const { results } = sarif(rs);
      results.forEach((x) => {
        const post = POSTS.find((p) => p.id === x.properties.postId)!;
        const loc = x.locations[0]!;
        expect(loc.physicalLocation.artifactLocation.uri).toBe('posts/week%2019.csv');
        const { startLine, snippet, properties: p } = loc.physicalLocation.region;
        expect(startLine).toBe(x.properties[key]);
        expect(loc.logicalLocations[0]!.name).toBe(post.id);
        // UTF-16 offsets into the post's text: they slice the flagged words out.
        expect(post.text.slice(p.postCharOffset, p.postCharOffset + p.postCharLength)).toBe(snippet.text);
        expect(snippet.text.length).toBeGreaterThan(0);
      });
    }
    const { results } = sarif(ROWS);
    const a = results.find((x) => x.properties.postId === 'a')!.locations[0]!.physicalLocation.region;
    expect(a.snippet.text).toMatch(/Head of Housing/u);
    // UTF-16 code units: each emoji counts twice (as code points "The" would be 2 earlier).
    expect(a.properties.postCharOffset).toBe(POSTS[0]!.text.indexOf('The Head of Housing'));
    expect([...POSTS[0]!.text.slice(0, a.properties.postCharOffset)].length).toBe(a.properties.postCharOffset - 2);
  });

  it('describes each rule that occurs once, with its risk and the clauses quoted with number and council', () => {
    const { results, rules } = sarif(ROWS);
    const ids = rules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(ids)).toEqual(new Set(results.map((x) => x.ruleId)));
    for (const x of results) expect(rules[x.ruleIndex]!.id).toBe(x.ruleId);
    for (const { r, f } of findingsOf(ROWS)) {
      if (isError(r)) continue;
      const rule = rules.find((x) => x.id === f.ruleId)!;
      expect(rule.properties.category).toBe(f.category);
      expect(rule.shortDescription.text.length).toBeGreaterThan(0);
      expect(rule.fullDescription.text.length).toBeGreaterThan(0);
      for (const c of f.clauses) expect(rule.help.text).toContain(`${r.profile.name}, ${c.id} (${c.title}): "${c.quote}"`);
    }
    // The same rule cited by two councils quotes both.
    const identified = rules.find((x) => x.id === 'officer-criticism.identified-officer')!;
    expect(identified.help.text).toContain('Southend-on-Sea');
    expect(identified.help.text).toContain('Tendring');
  });

  it('reports a post that could not be checked as a notification, not a result', () => {
    const { run, results } = sarif(ROWS);
    expect(results.some((x) => x.properties.postId === 'f')).toBe(false);
    const notes = run.invocations[0]!.toolExecutionNotifications as Array<{ message: { text: string }; locations: Array<{ physicalLocation: { region: { startLine: number } } }> }>;
    expect(notes).toHaveLength(1);
    expect(notes[0]!.message.text).toMatch(/row 7 cannot be checked/u);
    expect(notes[0]!.locations[0]!.physicalLocation.region.startLine).toBe(7);
  });

  it('carries no post text but the flagged words', () => {
    const json = JSON.stringify(toSarif(ROWS, { uri: 'x.csv' }));
    expect(json).not.toContain(PRIVATE);
    expect(json).not.toContain('Bins go out');
  });
});

// ---------------- rdjson ----------------

describe('batch --format rdjson', () => {
  it('is a DiagnosticResult as reviewdog\'s proto defines it, also when empty', () => {
    for (const rs of [ROWS, LINES, []]) expect(DiagnosticResult.safeParse(toRdjson(rs, { path: 'posts/week 19.csv' })).error).toBeUndefined();
    expect(toRdjson([], { path: 'x.csv' })).toEqual({ source: { name: 'council-post-check' }, diagnostics: [] });
  });

  it('has a diagnostic per finding on its post\'s line, with severity, rule code and clauses', () => {
    const doc = DiagnosticResult.parse(toRdjson(ROWS, { path: 'posts/week 19.csv' }));
    const checked = doc.diagnostics.filter((d) => d.code?.value !== 'not-checked');
    const expected = findingsOf(ROWS);
    const severity = { error: 'ERROR', warning: 'WARNING', info: 'INFO' } as const;
    expect(checked.map((d) => [d.code?.value, d.severity])).toEqual(expected.map(({ f }) => [f.ruleId, severity[f.severity]]));
    checked.forEach((d, i) => {
      const { r, f } = expected[i]! as { r: ItemResult; f: Finding };
      expect(d.location).toEqual({ path: 'posts/week 19.csv', range: { start: { line: r.row }, end: { line: r.row } } });
      expect(d.message.startsWith(f.message)).toBe(true);
      for (const c of f.clauses) expect(d.message).toContain(c.id);
    });
    expect(doc.severity).toBe('ERROR');
    expect(doc.diagnostics.find((d) => d.code?.value === 'not-checked')).toMatchObject({ severity: 'WARNING', location: { range: { start: { line: 7 } } } });
    expect(JSON.stringify(doc)).not.toContain(PRIVATE);
  });
});

// ---------------- the command line ----------------

describe('the command line with --format sarif and rdjson', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cpc-ci-'));
  const csv = 'id,text\r\nh-1,"The Head of Housing is clueless, again."\r\nh-2,The highways team have let residents down again.\r\n';
  writeFileSync(join(dir, 'week.csv'), csv);
  writeFileSync(join(dir, 'calm.jsonl'), '{"id":1,"text":"Thank you to everyone at the library."}\n');
  const bin = join(import.meta.dirname, '../src/cli/bin.ts');
  const run = (...args: string[]) => spawnSync(process.execPath, [bin, 'batch', ...args], { encoding: 'utf8', cwd: dir, env: { ...process.env, ANTHROPIC_API_KEY: '' } });

  it('writes valid SARIF naming the file relative to where it runs; --fail-on works as for the other formats', () => {
    const r = run('week.csv', '--format', 'sarif', '--fail-on', 'block', '--quiet');
    expect(r.status).toBe(2);
    const log = JSON.parse(r.stdout);
    expect(sarifErrors(log)).toEqual([]);
    expect(log.runs[0].results.map((x: SarifResult) => [x.locations[0]!.physicalLocation.artifactLocation.uri, x.locations[0]!.physicalLocation.region.startLine, x.level]))
      .toEqual([['week.csv', 2, 'error'], ['week.csv', 3, 'warning']]);
    expect(run(join(dir, 'calm.jsonl'), '--format', 'sarif', '--fail-on', 'review', '-q').status).toBe(0);
  });

  it('writes rdjson to --out; exit codes as for the other formats', () => {
    const out = join(dir, 'out.rdjson');
    expect(run('week.csv', '--format', 'rdjson', '--out', out, '--fail-on', 'review', '-q').status).toBe(2);
    const doc = DiagnosticResult.parse(JSON.parse(readFileSync(out, 'utf8')));
    expect(doc.diagnostics.map((d) => [d.location.path, d.location.range?.start.line, d.severity])).toEqual([['week.csv', 2, 'ERROR'], ['week.csv', 3, 'WARNING']]);
    expect(run('week.csv', '--format', 'rdjson', '-q').status).toBe(0);
    const piped = spawnSync(process.execPath, [bin, 'batch', '-', '--input', 'csv', '--format', 'rdjson', '-q'], { encoding: 'utf8', cwd: dir, input: csv });
    expect(DiagnosticResult.parse(JSON.parse(piped.stdout)).diagnostics[0]!.location.path).toBe('stdin');
    const bad = run('week.csv', '--format', 'xml');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('sarif or rdjson');
  });
});
