// Each council profile: the same kinds of draft are flagged with that council's own
// clauses (or its Code of Conduct fallback where the protocol is silent); directory
// officers are recognised even misspelt; councillors sharing a surname are not; the
// redirect names the Cabinet Member for the service; the calendar comes from the profile.

import { describe, expect, it } from 'vitest';
import { analyze, analyzeParts } from '../src/pipeline/analyze.ts';
import { bundledProfiles, getProfile } from '../src/profiles/index.ts';
import type { Profile } from '../src/profiles/schema.ts';
import type { ContextInput } from '../src/schema/check.ts';
import { NOW } from './helpers.ts';

const check = (profile: Profile, text: string, context?: ContextInput) => analyze(text, { profile, context, now: NOW });
/** The officer-criticism evidence the detectors find (before the scorer's judgement). */
const officerEvidence = (profile: Profile, text: string) =>
  analyzeParts(text, { profile, now: NOW }).evidence.filter((e) => e.category === 'officer-criticism' && e.severity !== 'info');

/** Every cited clause is one of the profile's own, quoted exactly as the profile holds it. */
function expectOwnClauses(profile: Profile, clauses: Array<{ id: string; quote: string }>) {
  expect(clauses.length).toBeGreaterThan(0);
  for (const c of clauses) {
    expect(profile.clauses.some((p) => p.id === c.id && p.quote === c.quote), `${profile.id} has no clause ${c.id} with that quote`).toBe(true);
  }
}

/** A polling day in the council's next scheduled election year from the calendar. */
function pollingYear(profile: Profile): number {
  return profile.elections.scheduled.find((e) => e.type !== 'none' && e.year >= 2026)!.year;
}

describe.each(bundledProfiles().map((p) => [p.id, p] as const))('profile %s', (_id, profile) => {
  const officer = profile.people.officers.find((o) => o.service !== 'corporate')!;

  it('flags criticism of a named officer from its directory, citing its own clauses', () => {
    const r = check(profile, `${officer.name} has made a complete mess of this and should be ashamed.`);
    expect(r.categories['officer-criticism'].verdict).toBe('block');
    const f = r.findings.find((x) => x.category === 'officer-criticism')!;
    expect(f.actual).toContain(officer.name);
    expectOwnClauses(profile, f.clauses);
    const member = profile.people.cabinet.find((c) => c.services.includes(officer.service));
    if (member) expect(f.suggestion).toContain(member.name);
  });

  it('flags exempt information, citing its own clauses or the Code of Conduct', () => {
    const r = check(profile, 'From the Part 2 report tonight: the council will pay £1.2m to settle the claim.');
    expect(r.categories.confidential.verdict).toBe('block');
    const f = r.findings.find((x) => x.category === 'confidential')!;
    expectOwnClauses(profile, f.clauses);
    const onlyCode = f.clauses.every((c) => profile.clauses.find((p) => p.id === c.id)?.codeOfConduct);
    if (onlyCode) expect(f.message).toMatch(/no specific clause on this; it defers to the Members' Code of Conduct/u);
  });

  it('blocks electioneering on an official channel in its own pre-election period', () => {
    const year = pollingYear(profile);
    const r = check(profile, 'Vote Labour on polling day!', { channel: 'official', postedAt: `${year}-04-20` });
    expect(r.election).toMatchObject({ source: 'profile', inPeriod: true });
    expect(r.election!.pollingDay.startsWith(String(year))).toBe(true);
    expect(r.categories.electioneering.verdict).toBe('block');
    expectOwnClauses(profile, r.findings.find((x) => x.category === 'electioneering')!.clauses);
  });
});

describe('directory people (Southend-on-Sea)', () => {
  const southend = getProfile('southend-on-sea')!;

  it('recognises a misspelt or shortened officer name and names the Cabinet Member', () => {
    for (const text of ['Sara Jone has made a complete mess of the Local Plan.', 'Sarah Jone has made a complete mess of the Local Plan.']) {
      const [f] = officerEvidence(southend, text);
      expect(f?.ruleId, text).toBe('officer-criticism.named-officer');
      expect(f?.message).toContain('Head of Planning');
      expect(f?.suggestion).toContain('Cllr Priya Nandra, Cabinet Member for Planning and Regeneration');
    }
    const [okafor] = officerEvidence(southend, 'Mr Okafur has ignored every one of my emails. Useless.');
    expect(okafor?.message).toContain('Head of Housing');
    expect(okafor?.suggestion).toContain('Cllr Ben Hollis');
  });

  it('does not take a councillor who shares an officer\'s surname for the officer', () => {
    // "Ms Jones" fits officer Sarah Jones and Cllr Peter Jones alike: an ambiguous surname
    // is taken for the councillor, so no officer finding.
    for (const text of ['Cllr Jones has made a complete mess of the Local Plan.', 'Peter Jones has made a complete mess of the Local Plan.', 'Ms Jones has made a complete mess of the Local Plan.']) {
      expect(officerEvidence(southend, text), text).toEqual([]);
    }
    expect(officerEvidence(southend, 'Sarah Jones has made a complete mess of the Local Plan.').map((e) => e.ruleId)).toEqual(['officer-criticism.named-officer']);
  });

  it('judges posts against by-elections and skips years with no scheduled election', () => {
    const byElection = check(southend, 'Vote for me on 18 February!', { postedAt: '2027-01-20' });
    expect(byElection.election).toMatchObject({ pollingDay: '2027-02-18', periodStart: '2027-01-13', inPeriod: true, source: 'profile' });
    // Rushcliffe has no poll in 2026, so April 2026 is outside any period: a council
    // account's party promotion is review there, not block (labelling guide).
    const rushcliffe = check(getProfile('rushcliffe')!, 'Vote Labour!', { authorRole: 'council_account', postedAt: '2026-04-20' });
    expect(rushcliffe.election).toMatchObject({ pollingDay: '2027-05-06', inPeriod: false, source: 'profile' });
    expect(rushcliffe.categories.electioneering.verdict).toBe('review');
  });
});

describe('the same draft under each council', () => {
  it('cites a different council\'s clauses for the same criticism', () => {
    const text = 'The Head of Planning is clueless and should be sacked.';
    const ids = bundledProfiles().map((p) => check(p, text).findings[0]!.clauses.map((c) => c.id).join(' + '));
    expect(new Set(ids).size).toBe(4);
  });
});

describe('abuse cites the officer clause only when aimed at an officer (issue 11)', () => {
  const southend = getProfile('southend-on-sea')!;
  const abuseClauses = (text: string) => check(southend, text).findings.filter((f) => f.category === 'abuse').flatMap((f) => f.clauses.map((c) => c.id));
  it.each([
    ['Sarah Jones in Planning is a total moron.', true],
    ['Spoke to the Head of Waste today. Absolute idiot.', true],
    ['Mrs Patel on Elm Road is a total moron.', false],
    ['The Leader of the opposition is a total moron.', false],
  ])('%s -> 7.1.3 cited: %s', (text, officer) => {
    const ids = abuseClauses(text);
    expect(ids).toContain('10.1.5');
    expect(ids.includes('7.1.3')).toBe(officer);
  });
});
