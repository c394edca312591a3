#!/usr/bin/env node
// npm run build:confusables: lexicons/confusables.json, the look-alike characters the
// normaliser folds to plain Latin before matching. The letters come from the Unicode
// confusables data as the package unhomoglyph ships it (every non-ASCII code point whose
// skeleton is one or two Latin letters); a short list of additions covers what that
// data leaves out on purpose (lower-case Cyrillic and Greek letters that only look
// like small capitals, typographic quotes, dashes and spaces). A test checks the file
// is up to date.

import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const OUT = join(import.meta.dirname, '../../lexicons/confusables.json');

/** Folded by us, not by the confusables data. */
export const ADDITIONS: Readonly<Record<string, string>> = {
  'в': 'b', 'ё': 'e', 'Ё': 'e', 'н': 'h', 'ї': 'i', 'к': 'k', 'м': 'm', 'т': 't',
  'β': 'b', 'ε': 'e', 'η': 'n', 'κ': 'k', 'μ': 'u', 'τ': 't', 'χ': 'x', 'ζ': 'z',
  '‘': "'", '’': "'", '‚': "'", '‛': "'", '′': "'", '`': "'", '´': "'",
  '“': '"', '”': '"', '„': '"', '«': '"', '»': '"', '″': '"',
  '‐': '-', '‑': '-', '‒': '-', '–': '-', '—': '-', '―': '-', '−': '-',
  '\u00a0': ' ', '\u2002': ' ', '\u2003': ' ', '\u2009': ' ', '\u202f': ' ', '\u3000': ' ', '…': '...',
};

export function confusablesFileContent(): string {
  const require = createRequire(import.meta.url);
  const data = JSON.parse(readFileSync(require.resolve('unhomoglyph/data.json'), 'utf8')) as Record<string, string>;
  const version = (JSON.parse(readFileSync(require.resolve('unhomoglyph/package.json'), 'utf8')) as { version: string }).version;
  const map: Record<string, string> = {};
  for (const [from, to] of Object.entries(data)) {
    if ([...from].length !== 1 || from.codePointAt(0)! < 0x80) continue;
    const lower = to.toLowerCase();
    if (/^[a-z]{1,2}$/u.test(lower)) map[from] = lower;
  }
  Object.assign(map, ADDITIONS);
  const keys = Object.keys(map).sort((a, b) => a.codePointAt(0)! - b.codePointAt(0)!);
  const body = keys.map((k) => `  ${JSON.stringify(k)}: ${JSON.stringify(map[k])}`).join(',\n');
  return `{\n "description": "Look-alike characters folded to plain Latin before matching: letters from the Unicode confusables data (unhomoglyph ${version}, skeletons of one or two Latin letters), plus additions for small-capital look-alikes, typographic quotes, dashes and spaces. Built by npm run build:confusables; do not edit by hand.",\n "map": {\n${body}\n }\n}\n`;
}

if (import.meta.main) {
  writeFileSync(OUT, confusablesFileContent());
  console.log(`wrote lexicons/confusables.json`);
}
