// Issue 10: suggestions that are safe to apply. Over every labelled fixture post (not the
// blind sets) with findings: apply each offered replacement, check the changed post
// again, and the finding is gone, no other finding appears, the verdict is no worse, and
// nothing more is offered there (pressing Apply twice changes nothing more).

import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readFixtures } from '../src/cli/fixtures.ts';
import { analyzeWithSuggestions as analyze } from '../src/pipeline/analyze.ts';
import { getProfile } from '../src/profiles/index.ts';
import type { CheckResponse, Finding } from '../src/schema/check.ts';
import { NOW } from './helpers.ts';

const RANK = { ok: 0, review: 1, block: 2 } as const;
const risky = (r: CheckResponse) => r.findings.filter((f) => f.severity !== 'info');
const overlaps = (f: Finding, start: number, end: number) => f.offset < end && start < f.offset + f.length;

describe('safe replacements', () => {
  const files = readdirSync('fixtures').filter((f) => f.endsWith('.jsonl') && !f.startsWith('blind-'));
  const posts = files.flatMap((f) => readFixtures(`fixtures/${f}`));

  it('every replacement removes its finding and adds none; applying twice changes nothing more', () => {
    let offered = 0;
    const problems: string[] = [];
    for (const p of posts) {
      const options = { profile: getProfile(p.profile)!, context: p.context, now: NOW };
      const r = analyze(p.text, options);
      for (const f of r.findings) {
        if (f.replacement === undefined) continue;
        offered++;
        const changed = p.text.slice(0, f.offset) + f.replacement + p.text.slice(f.offset + f.length);
        const end = f.offset + f.replacement.length;
        const again = analyze(changed, options);
        if (risky(again).some((g) => g.category === f.category && overlaps(g, f.offset, end))) problems.push(`${p.id}: ${f.ruleId} still there`);
        if (RANK[again.verdict] > RANK[r.verdict]) problems.push(`${p.id}: verdict ${r.verdict} -> ${again.verdict}`);
        const left = new Map<string, number>();
        for (const g of risky(r)) if (!overlaps(g, f.offset, f.offset + f.length)) left.set(g.ruleId, (left.get(g.ruleId) ?? 0) + 1);
        for (const g of risky(again)) {
          const n = left.get(g.ruleId) ?? 0;
          if (n === 0) problems.push(`${p.id}: new ${g.ruleId} "${g.actual}"`);
          left.set(g.ruleId, n - 1);
        }
        if (again.findings.some((g) => g.replacement !== undefined && overlaps(g, f.offset, end))) problems.push(`${p.id}: offers more at the same place`);
      }
    }
    expect(problems).toEqual([]);
    expect(offered).toBeGreaterThan(200);
  }, 120_000);

  it('officer criticism is redirected as a whole statement, with no insult carried onto anyone', () => {
    const profile = getProfile('southend-on-sea')!;
    const text = "Sarah Jones, our so-called Head of Planning, has waved this through... She is either incompetent or doesn't care.";
    const r = analyze(text, { profile, now: NOW });
    const offered = r.findings.filter((f) => f.replacement !== undefined);
    expect(offered.length).toBeGreaterThan(0);
    for (const f of offered) {
      // The sentence that carries on about her goes too: nothing is left to point at the Cabinet Member.
      expect(f.actual).toBe("Sarah Jones, our so-called Head of Planning, has waved this through... She is either incompetent or doesn't care");
      const applied = text.slice(0, f.offset) + f.replacement + text.slice(f.offset + f.length);
      expect(applied).not.toMatch(/so-called|incompetent|doesn't care/iu);
      expect(f.replacement).toMatch(/^I'll be asking .+ to explain this and put it right$/u);
      expect(f.suggestion).toContain(`"${f.replacement}."`); // the card says what Apply does
      expect(f.replacement).not.toMatch(/so-called|incompetent|clueless|useless|idiot/iu);
    }
    const sacked = analyze('The Head of Housing is clueless and should be sacked.', { profile, now: NOW }).findings.find((f) => f.category === 'officer-criticism')!;
    expect(sacked.actual).toBe('The Head of Housing is clueless and should be sacked');
    expect(sacked.replacement).toBe("I'll be asking Cllr Ben Hollis (Cabinet Member for Housing) to explain this and put it right");
  });
});
