// The language identifier (src/nlp/language.ts): franc's method on data cut from
// franc-all. It must agree with franc-all itself, limited to the same languages, and the
// data and the labelling guide copied into the code must be current.

import { readFileSync } from 'node:fs';
import { francAll } from 'franc-all';
import { describe, expect, it } from 'vitest';
import { definitionsModule, DEFINITIONS_FILE, DEFINITIONS_SOURCE } from '../src/cli/build-definitions.ts';
import { languageData, LATIN_LANGUAGES } from '../src/cli/build-languages.ts';
import { readFixtures } from '../src/cli/fixtures.ts';
import { identifyLanguage, notEnglish } from '../src/nlp/language.ts';

describe('language identification', () => {
  it('agrees with franc-all (same languages) on every fixture post', () => {
    const texts = ['dev.jsonl', 'train.jsonl', 'posts.jsonl'].flatMap((f) => readFixtures(`fixtures/${f}`).map((p) => p.text));
    let disagree = 0;
    for (const text of texts) {
      const ours = identifyLanguage(text).code;
      const theirs = francAll(text, { only: [...LATIN_LANGUAGES], minLength: 1 })[0]![0];
      // Non-Latin scripts: franc-all limited to Latin languages answers "und"; we name the script.
      if (ours !== theirs && !(theirs === 'und' && !LATIN_LANGUAGES.includes(ours))) disagree++;
    }
    expect(texts.length).toBeGreaterThan(10_000);
    expect(disagree).toBe(0);
  });

  it('finds Welsh and other scripts, and leaves English (short or long) alone', () => {
    expect(notEnglish('Diolch yn fawr i bawb a ddaeth i’r cyfarfod heno yn y neuadd. Mae’r cyngor yn gwrando ar bob llais.')?.code).toBe('cym');
    expect(notEnglish('Pleidleisiwch dros ein hymgeisydd ar ddydd Iau, 7 Mai. Gyda’n gilydd gallwn newid y dref.')?.name).toBe('Welsh');
    expect(notEnglish('مرحبا بكم في مهرجان الشاطئ يوم السبت')?.code).toBe('Arabic');
    expect(notEnglish('আগামী শনিবার সমুদ্র সৈকতে উৎসবে সবাইকে স্বাগতম')?.code).toBe('ben');
    for (const english of ['Cllr Dawes, you absolute melon 🍈', 'Lovely morning at the pier.', 'Under the Independent administration, council tax has been frozen for the third year running, and we will keep it that way.', 'Bore da! Glanhau’r parc heddiw / Park clean-up today at 10am, all welcome.']) {
      expect(notEnglish(english), english).toBeUndefined();
    }
  });

  it('false alarms on the English fixtures stay rare', () => {
    const posts = ['dev.jsonl', 'train.jsonl', 'posts.jsonl'].flatMap((f) => readFixtures(`fixtures/${f}`));
    const flagged = posts.filter((p) => notEnglish(p.text) && notEnglish(p.text)!.code !== 'cym');
    expect(flagged.length / posts.length).toBeLessThan(0.001);
  });

  it('the data in lexicons/languages.json and the copied labelling guide are current', () => {
    expect(JSON.parse(readFileSync('lexicons/languages.json', 'utf8'))).toEqual(JSON.parse(JSON.stringify(languageData())));
    expect(readFileSync(DEFINITIONS_FILE, 'utf8')).toBe(definitionsModule(readFileSync(DEFINITIONS_SOURCE, 'utf8')));
  });
});

describe('the second opinion gate', () => {
  it('lexicons/second-opinion.json is what npm run fit:second-opinion makes', async () => {
    const { fitSecondOpinion, SECOND_OPINION_FILE } = await import('../src/cli/fit-second-opinion.ts');
    expect(readFileSync(SECOND_OPINION_FILE, 'utf8')).toBe(fitSecondOpinion().file);
  });
});
