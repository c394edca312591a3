// The examples contract: every lexicon entry and every detector carries flag and pass
// examples, and they behave as written. A flag example must raise its category to at
// least "review" with a finding over each [[marked]] span; a pass example must leave
// its category at "ok".

import { describe, expect, it } from 'vitest';
import { detectors } from '../src/detectors/index.ts';
import { lexicons } from '../src/lexicon/index.ts';
import type { Entry, Example } from '../src/lexicon/schema.ts';
import { analyze } from '../src/pipeline/analyze.ts';
import type { Category } from '../src/pipeline/types.ts';
import { getProfile } from '../src/profiles/index.ts';
import { NOW, parseExample } from './helpers.ts';

const profile = getProfile()!;

interface Case { owner: string; category: Category; examples: { flag: readonly Example[]; pass: readonly Example[] } }

const entriesOf = (category: Category, file: string, groups: Record<string, readonly Entry[]>): Case[] =>
  Object.entries(groups).flatMap(([group, entries]) =>
    entries.map((e) => ({ owner: `${file} ${group}/${e.id}`, category, examples: e.examples })));

const cases: Case[] = [
  ...detectors.map((d) => ({ owner: `detector ${d.id}`, category: d.category, examples: d.examples })),
  ...entriesOf('officer-criticism', 'officer-criticism.json', { targets: lexicons.officerCriticism.targets, others: lexicons.officerCriticism.others, criticism: lexicons.officerCriticism.criticism }),
  ...entriesOf('confidential', 'confidential.json', { markers: lexicons.confidential.markers, disclosure: lexicons.confidential.disclosure, benign: lexicons.confidential.benign, sensitive: lexicons.confidential.sensitive }),
  ...entriesOf('electioneering', 'electioneering.json', { appeals: lexicons.electioneering.appeals, civic: lexicons.electioneering.civic, roleLeaning: lexicons.electioneering.roleLeaning }),
  ...entriesOf('abuse', 'abuse.json', { terms: lexicons.abuse.terms }),
];

describe('examples contract', () => {
  it('every detector and lexicon entry has flag and pass examples', () => {
    for (const c of cases) {
      expect(c.examples.flag.length, `${c.owner} has no flag example`).toBeGreaterThan(0);
      expect(c.examples.pass.length, `${c.owner} has no pass example`).toBeGreaterThan(0);
    }
  });

  for (const c of cases) {
    describe(c.owner, () => {
      for (const ex of c.examples.flag) {
        const { text, spans, context } = parseExample(ex);
        it(`flags: ${text}`, () => {
          expect(spans.length, 'a flag example marks its span with [[...]]').toBeGreaterThan(0);
          const result = analyze(text, { profile, context, now: NOW });
          expect(result.categories[c.category].verdict).not.toBe('ok');
          const mine = result.findings.filter((f) => f.category === c.category && f.severity !== 'info');
          for (const s of spans) {
            const covered = mine.some((f) => f.offset < s.end && s.start < f.offset + f.length);
            expect(covered, `no ${c.category} finding over "${text.slice(s.start, s.end)}"`).toBe(true);
          }
        });
      }
      for (const ex of c.examples.pass) {
        const { text, context } = parseExample(ex);
        it(`passes: ${text}`, () => {
          const result = analyze(text, { profile, context, now: NOW });
          expect(result.categories[c.category].verdict, JSON.stringify(result.findings.map((f) => [f.ruleId, f.actual]))).toBe('ok');
        });
      }
    });
  }
});
