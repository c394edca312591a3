// A batch's results in reviewdog's Diagnostic Format, as one rdjson document (the
// DiagnosticResult message of reviewdog's proto/rdf/reviewdog.proto), for
// `reviewdog -f=rdjson`. Pure: results in, one object out; no post text.
//
// reviewdog's columns are 1-based UTF-8 byte counts within a line of the file. Where the
// post's text sits inside its line (after JSON escaping or CSV quoting) is not known, so
// each diagnostic covers its post's line (start and end with a line and no column, which
// the proto reads as the whole line): the JSONL line or the CSV row, as in the SARIF
// output. The message gives the reason and the clauses cited. A post that could not be checked is
// a WARNING with the code "not-checked".

import type { Severity } from '../pipeline/types.ts';
import { isError, type ItemResult } from './items.ts';
import { lineOf, TOOL_NAME, withClauses } from './sarif.ts';

type RdSeverity = 'ERROR' | 'WARNING' | 'INFO';
const SEVERITY: Record<Severity, RdSeverity> = { error: 'ERROR', warning: 'WARNING', info: 'INFO' };
const RANK: Record<RdSeverity, number> = { INFO: 0, WARNING: 1, ERROR: 2 };

export interface RdjsonOptions {
  /** The input file's path, relative ("posts/week-19.csv"). */
  path: string;
}

export function toRdjson(results: readonly ItemResult[], o: RdjsonOptions) {
  const diagnostics: Array<{ message: string; location: object; severity: RdSeverity; code: { value: string } }> = [];
  for (const r of results) {
    const line = lineOf(r);
    const location = { path: o.path, ...(line !== undefined ? { range: { start: { line }, end: { line } } } : {}) };
    if (isError(r)) {
      diagnostics.push({ message: r.error.message, location, severity: 'WARNING', code: { value: 'not-checked' } });
      continue;
    }
    for (const f of r.findings) diagnostics.push({ message: withClauses(f), location, severity: SEVERITY[f.severity], code: { value: f.ruleId } });
  }
  const worst = diagnostics.reduce<RdSeverity | undefined>((w, d) => (w === undefined || RANK[d.severity] > RANK[w] ? d.severity : w), undefined);
  return { source: { name: TOOL_NAME }, ...(worst ? { severity: worst } : {}), diagnostics };
}
