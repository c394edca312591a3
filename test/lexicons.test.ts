// Lexicon data: each file validates against its zod schema; entry ids are unique within
// a file; phrases compile (unknown lists or unbracketed multi-word alternatives fail).

import { describe, expect, it } from 'vitest';
import { rawLexicons } from '../src/lexicon/index.ts';
import { AbuseLexiconSchema, ConfidentialLexiconSchema, ElectioneeringLexiconSchema, OfficerCriticismLexiconSchema } from '../src/lexicon/schema.ts';
import { PhraseMatcher } from '../src/pipeline/matcher.ts';

const schemas = {
  'officer-criticism.json': OfficerCriticismLexiconSchema,
  'confidential.json': ConfidentialLexiconSchema,
  'electioneering.json': ElectioneeringLexiconSchema,
  'abuse.json': AbuseLexiconSchema,
} as const;

type Raw = { lists?: Record<string, string[]>; [group: string]: unknown };

describe('lexicons', () => {
  for (const [file, schema] of Object.entries(schemas)) {
    it(`${file} validates`, () => {
      const r = schema.safeParse(rawLexicons[file]);
      expect(r.success, r.error?.issues.map((i) => `${file} ${i.path.join('.')}: ${i.message}`).join('\n')).toBe(true);
    });

    it(`${file} has unique entry ids and phrases that compile`, () => {
      const raw = rawLexicons[file] as Raw;
      const ids = new Set<string>();
      for (const [group, value] of Object.entries(raw)) {
        if (!Array.isArray(value) || typeof value[0] !== 'object') continue;
        for (const entry of value as Array<{ id: string; phrases: string[] }>) {
          expect(ids.has(entry.id), `${file} ${group}/${entry.id} is a duplicate id`).toBe(false);
          ids.add(entry.id);
          expect(() => new PhraseMatcher([{ phrases: entry.phrases, value: 1 }], undefined, raw.lists ?? {}).ready(), `${file} ${group}/${entry.id}`).not.toThrow();
        }
      }
    });
  }

  it('the matcher refuses a phrase naming an unknown list', () => {
    expect(() => new PhraseMatcher([{ phrases: ['{nope} officer'], value: 1 }]).ready()).toThrow(/unknown list/u);
  });
});
