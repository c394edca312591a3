#!/usr/bin/env node
// npm run build:phone-metadata: lexicons/phone-metadata-gb.json, libphonenumber-js's
// metadata cut down to the numbers a UK post holds (+44: GB, Guernsey, Isle of Man,
// Jersey). The whole world's metadata is 89 KB of the Worker; this is a few KB. Same
// package, same rules for the numbers it keeps. A test checks the file is up to date.

import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const OUT = join(import.meta.dirname, '../../lexicons/phone-metadata-gb.json');
const CALLING_CODE = '44';

interface Metadata { version: number; country_calling_codes: Record<string, string[]>; countries: Record<string, unknown>; nonGeographic?: Record<string, unknown> }

export function phoneMetadataFileContent(): string {
  const require = createRequire(import.meta.url);
  const all = JSON.parse(readFileSync(require.resolve('libphonenumber-js/metadata.min.json'), 'utf8')) as Metadata;
  const countries = all.country_calling_codes[CALLING_CODE]!;
  const cut: Metadata = {
    version: all.version,
    country_calling_codes: { [CALLING_CODE]: countries },
    countries: Object.fromEntries(countries.map((c) => [c, all.countries[c]])),
    nonGeographic: {},
  };
  return `${JSON.stringify(cut)}\n`;
}

if (import.meta.main) {
  writeFileSync(OUT, phoneMetadataFileContent());
  console.log('wrote lexicons/phone-metadata-gb.json');
}
