// The scorer's features that join two facts a linear model cannot multiply: the
// pre-election period with what the post says, abuse with whom it is aimed at, and
// officers with signs of criticism by implication. Each test has its twin without the fact.

import { describe, expect, it } from 'vitest';
import { analyzeParts } from '../src/pipeline/analyze.ts';
import { getProfile } from '../src/profiles/index.ts';
import type { ContextInput } from '../src/schema/check.ts';

const profile = getProfile('southend-on-sea')!;
const election = { pollingDay: '2027-05-06', periodStart: '2027-03-29' };
const names = (text: string, context: ContextInput = {}) =>
  [...analyzeParts(text, { profile, context, now: new Date('2026-11-22T12:00:00Z') }).features.entries.keys()];

describe('the pre-election period joined with what the post says', () => {
  const official: ContextInput = { authorRole: 'council_account', channel: 'official', election };
  const text = 'Great to see Cllr Ray Mottram at the Shoebury Common clean-up this morning.';

  it('a councillor named by title, a party, election words and polling day count inside the period', () => {
    const inside = names(text, { ...official, postedAt: '2027-04-11' });
    expect(inside).toContain('x:period+councillor');
    const steer = names('You know what to do on 6 May. Vote Labour 🌹', { authorRole: 'councillor', channel: 'personal', postedAt: '2027-04-20', election });
    expect(steer).toEqual(expect.arrayContaining(['x:period+polling-day', 'x:period+election-word', 'x:period+party']));
  });

  it('the same words outside the period carry none of them', () => {
    expect(names(text, { ...official, postedAt: '2027-02-11' }).filter((n) => n.startsWith('x:period+'))).toEqual([]);
  });

  it('another date is not polling day', () => {
    expect(names('See you at the ward surgery on 9 May.', { authorRole: 'councillor', channel: 'personal', postedAt: '2027-04-20', election })).not.toContain('x:period+polling-day');
  });
});

describe('abusive words aimed at a person or at a thing', () => {
  it('swearing at a consultation is aimed at a thing', () => {
    const f = names('What a load of absolute bollocks this consultation is.');
    expect(f).toContain('x:abuse-word+thing');
    expect(f).not.toContain('x:abuse-word+person');
  });

  it('the same word at a named person is aimed at a person', () => {
    expect(names('@DaveSmith you are talking absolute bollocks, Dave.')).toContain('x:abuse-word+person');
  });

  it('a post with no abusive word has neither', () => {
    expect(names('Thanks to everyone who came to the consultation.').filter((n) => n.startsWith('x:abuse-word'))).toEqual([]);
  });
});

describe('criticism of officers by implication', () => {
  it('waiting, irony, a question and scare quotes in a sentence about an officer', () => {
    expect(names('Still no reply from the planning officer after nine months.')).toContain('x:officer+waiting');
    expect(names('The planning officer says it is "in the system". Top work 🙄')).toEqual(expect.arrayContaining(['x:officer+quoted', 'x:officer+irony']));
    expect(names('What exactly does the planning officer do all day?')).toContain('x:officer+question');
  });

  it('the same signs with nobody from the council in view count for nothing', () => {
    const f = names('Still no reply from the water company after nine months. What exactly do they do all day?');
    expect(f.filter((n) => n.startsWith('x:officer+'))).toEqual([]);
  });

  it('a plain word of thanks to an officer has none of them', () => {
    expect(names('Thank you to the planning officer who met residents on Friday.').filter((n) => /^x:officer\+(waiting|irony|question|quoted)$/u.test(n))).toEqual([]);
  });
});

describe("people's names", () => {
  it('count as one word, <name>, whoever is named (and an honorific stays a word)', () => {
    const karen = names('Sending love to Karen Holt in Customer Services, off for her op this week.');
    const dev = names('Sending love to Helen Price in Customer Services, off for her op this week.');
    expect(karen).toEqual(expect.arrayContaining(['w:<name>', 'b:to_<name>', 'b:<name>_<name>']));
    expect(karen.filter((n) => n.includes('karen') || n.includes('holt'))).toEqual([]);
    expect(names('Spoke to Mrs Okafor today.')).toEqual(expect.arrayContaining(['w:mr', 'b:mr_<name>']));
    // The same post with another name has the same features.
    expect(dev.sort()).toEqual(karen.sort());
  });

  it('a capitalised word that is no name keeps its own word', () => {
    const f = names('Sending love to Customer Services this week.');
    expect(f).not.toContain('w:<name>');
    expect(f).toContain('w:custom');
  });
});
