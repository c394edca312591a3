// A batch's results as SARIF 2.1.0 (`batch --format sarif`), for GitHub code scanning
// and other SARIF viewers. Pure: results in, one log object out; no post text but the
// flagged words (region.snippet).
//
// Where a finding is: the input file (artifactLocation.uri), the line its post starts
// on (region.startLine: the JSONL line, or the CSV row, which is the file's line unless
// an earlier cell holds a newline), the flagged words (region.snippet) and where they
// are in the post's text (region.properties.postCharOffset/postCharLength, UTF-16 code
// units, as the API's offset/length). Those offsets are not region.charOffset, which
// SARIF counts from the start of the file; the post's place inside its line (after JSON
// escaping or CSV quoting) is not known, so no columns are given either.
// A post that could not be checked is a tool notification, not a result.

import { ENGINE_VERSION } from '../pipeline/analyze.ts';
import type { Category, Severity } from '../pipeline/types.ts';
import type { Finding } from '../schema/check.ts';
import { CATEGORY_LABEL } from '../ui/labels.ts';
import { isError, type ItemResult } from './items.ts';

export const TOOL_NAME = 'council-post-check';
const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

/** What each risk covers (the rule's fullDescription). */
const CATEGORY_DESCRIPTION: Record<Category, string> = {
  'officer-criticism': 'Public criticism, blame, ridicule or insinuation aimed at council officers, named or identifiable by post or team. Officers cannot answer back in public.',
  confidential: 'Exempt, closed-session, embargoed or in-confidence information, officers\' advice to a political group, or personal data.',
  electioneering: 'Vote appeals, party credit, attacks on opponents or campaigning where the author\'s role, the channel or the election calendar rules it out.',
  abuse: 'Insults, threats, profanity, dehumanising words or mockery toward anyone, including disguised spellings.',
};

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/** The line a result's post starts on: its JSONL line or CSV row (none for an index). */
export const lineOf = (r: ItemResult): number | undefined => r.line ?? r.row;

/** The finding's message with the clause numbers it cites. */
export const withClauses = (f: Finding): string => `${f.message} [${[...new Set(f.clauses.map((c) => c.id))].join(', ')}]`;

/** "officer-criticism.named-officer" -> "Criticism of officers: named officer". */
function shortDescription(f: Finding): string {
  const rest = f.ruleId.slice(f.ruleId.indexOf('.') + 1);
  const what = f.source === 'second-opinion' ? "Claude's second opinion" : rest === 'fitted' ? "the scorer's reading of the whole post" : rest.replace(/-/gu, ' ');
  return `${CATEGORY_LABEL[f.category]}: ${what}`;
}

interface RuleSeen { index: number; finding: Finding; clauses: Set<string> }

export interface SarifOptions {
  /** The input file as a relative URI ("posts/week-19.csv"). */
  uri: string;
}

export function toSarif(results: readonly ItemResult[], o: SarifOptions) {
  const rules = new Map<string, RuleSeen>();
  const out: unknown[] = [];
  const notifications: unknown[] = [];
  for (const r of results) {
    const line = lineOf(r);
    const where = r.row !== undefined ? { row: r.row } : r.line !== undefined ? { line: r.line } : { index: r.index };
    const location = (region?: object) => ({
      physicalLocation: { artifactLocation: { uri: o.uri }, ...(line !== undefined ? { region: { startLine: line, ...region } } : {}) },
      ...(r.id !== null ? { logicalLocations: [{ name: String(r.id) }] } : {}),
    });
    if (isError(r)) {
      notifications.push({ level: 'warning', message: { text: r.error.message }, descriptor: { id: r.error.code }, locations: [location()] });
      continue;
    }
    for (const f of r.findings) {
      let rule = rules.get(f.ruleId);
      if (!rule) { rule = { index: rules.size, finding: f, clauses: new Set() }; rules.set(f.ruleId, rule); }
      for (const c of f.clauses) rule.clauses.add(`${r.profile.name}, ${c.id} (${c.title}): "${c.quote}"`);
      out.push({
        ruleId: f.ruleId,
        ruleIndex: rule.index,
        level: LEVEL[f.severity],
        message: { text: withClauses(f) },
        locations: [location({ snippet: { text: f.actual }, properties: { postCharOffset: f.offset, postCharLength: f.length } })],
        properties: { postId: r.id, ...where, verdict: r.verdict, score: r.score, category: f.category, confidence: f.confidence, ...(f.source ? { source: f.source } : {}) },
      });
    }
  }
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0' as const,
    runs: [{
      tool: {
        driver: {
          name: TOOL_NAME,
          version: ENGINE_VERSION,
          semanticVersion: ENGINE_VERSION,
          rules: [...rules.entries()].map(([id, { finding: f, clauses }]) => ({
            id,
            shortDescription: { text: shortDescription(f) },
            fullDescription: { text: CATEGORY_DESCRIPTION[f.category] },
            help: { text: `The protocol says:\n\n${[...clauses].join('\n\n')}` },
            properties: { category: f.category, risk: CATEGORY_LABEL[f.category], tags: [f.category] },
          })),
        },
      },
      invocations: [{ executionSuccessful: true, ...(notifications.length ? { toolExecutionNotifications: notifications } : {}) }],
      results: out,
    }],
  };
}
