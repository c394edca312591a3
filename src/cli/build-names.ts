#!/usr/bin/env node
// npm run build:names: writes lexicons/names.json (first names and surnames) from
// compromise's lexicon. This is the only importer of compromise: evaluating
// compromise/two costs ~450 ms and ~100 KiB gzip, far too much for a Worker's start-up
// budget (150 ms), so the Worker gets its name lists as data instead.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nlp from 'compromise/two';

const FIRST = new Set(['FirstName', 'MaleName', 'FemaleName']);

export function extractNames(): { firstNames: string[]; lastNames: string[] } {
  const lexicon = (nlp.model() as { one: { lexicon: Record<string, string> } }).one.lexicon;
  const firstNames: string[] = [];
  const lastNames: string[] = [];
  for (const [word, tag] of Object.entries(lexicon)) {
    if (!/^[a-z][a-z'-]+$/u.test(word)) continue;
    if (FIRST.has(tag)) firstNames.push(word);
    else if (tag === 'LastName') lastNames.push(word);
  }
  return { firstNames: firstNames.sort(), lastNames: lastNames.sort() };
}

export function namesFileContent(): string {
  const { firstNames, lastNames } = extractNames();
  return `${JSON.stringify({
    description: "People's first names and surnames, extracted from compromise's lexicon by src/cli/build-names.ts (npm run build:names). Used to recognise a person's name in a draft.",
    source: 'compromise (MIT), lexicon tags FirstName, MaleName, FemaleName, LastName',
    firstNames,
    lastNames,
  })}\n`;
}

if (import.meta.main) {
  const file = join(import.meta.dirname, '../../lexicons/names.json');
  writeFileSync(file, namesFileContent());
  const { firstNames, lastNames } = extractNames();
  console.log(`wrote ${file}: ${firstNames.length} first names, ${lastNames.length} surnames`);
}
