// Council profiles: valid against the schema, and every quoted clause appears word for
// word in the council's source text (allowing for whitespace, line breaks and the
// source's bold markers).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getProfile, profileIds } from '../src/profiles/index.ts';
import { ProfileSchema } from '../src/profiles/schema.ts';

const collapse = (s: string) => s.replace(/\*\*/gu, '').replace(/\s+/gu, ' ').trim();
const sharedDir = join(import.meta.dirname, '../../shared/protocols');

describe('profiles', () => {
  for (const id of profileIds()) {
    const profile = getProfile(id)!;
    const file = profile.protocol.source.replace(/^shared\/protocols\//u, '');
    const source = collapse(readFileSync(join(sharedDir, file), 'utf8'));
    for (const clause of profile.clauses) {
      it(`${id} ${clause.key} is quoted word for word`, () => {
        expect(source).toContain(collapse(clause.quote));
      });
    }
    it(`${id} cites 6.1.9 and 10.1.5 for social media findings`, () => {
      const ids = profile.clauses.map((c) => c.id);
      if (id === 'southend-on-sea') expect(ids).toEqual(expect.arrayContaining(['6.1.9', '10.1.5']));
    });
  }

  it('rejects a profile whose rules cite a clause it does not have', () => {
    const bad = { ...getProfile()!, rules: { ...getProfile()!.rules, abuse: ['99.9'] } };
    const r = ProfileSchema.safeParse(bad);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['rules', 'abuse']);
  });
});
