// Lexicons built from packages must be up to date: lexicons/names.json (from
// compromise; the name finder must find the people the confidential detector depends on),
// lexicons/confusables.json (unhomoglyph's confusables data) and
// lexicons/phone-metadata-gb.json (libphonenumber-js's metadata, +44 only).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { namesFileContent } from '../src/cli/build-names.ts';
import { findPeople } from '../src/nlp/people.ts';

describe('names', () => {
  it('lexicons/names.json matches what npm run build:names writes', () => {
    expect(readFileSync(join(import.meta.dirname, '../lexicons/names.json'), 'utf8')).toBe(namesFileContent());
  });

  it('finds names with honorifics, first names and surnames, with offsets', () => {
    const text = 'Mrs Okafor and John Smith met Sharon Jones, not Universal Credit or Housing Benefit.';
    const found = findPeople(text).map((n) => text.slice(n.start, n.end));
    expect(found).toEqual(['Mrs Okafor', 'John Smith', 'Sharon Jones']);
  });
});

describe('confusables', () => {
  it('lexicons/confusables.json matches what npm run build:confusables writes', async () => {
    const { confusablesFileContent } = await import('../src/cli/build-confusables.ts');
    expect(readFileSync(join(import.meta.dirname, '../lexicons/confusables.json'), 'utf8')).toBe(confusablesFileContent());
  });
});

describe('phone metadata', () => {
  it('lexicons/phone-metadata-gb.json matches what npm run build:phone-metadata writes', async () => {
    const { phoneMetadataFileContent } = await import('../src/cli/build-phone-metadata.ts');
    expect(readFileSync(join(import.meta.dirname, '../lexicons/phone-metadata-gb.json'), 'utf8')).toBe(phoneMetadataFileContent());
  });
});
