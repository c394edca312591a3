// Electioneering (Southend-on-Sea 10.1.5 last bullet, 9.5.7, 9.6.1, 9.6.3, 10.1.6).
// The words (vote appeals, party credit, attacks, campaigning, ward meetings) are found
// by the lexicon; how serious they are depends on the context:
//   - officers and council accounts must never promote a party: error;
//   - a campaign channel is the protocol's exception (10.1.5 "unless they have been
//     contacted as an election candidate or political party activist"): only a note
//     about the digital imprint;
//   - in the pre-election period: error on an official channel or when the post leans
//     on the council role, warning on a personal account;
//   - outside the period: warning (review).
// Pure.

import { lexicons } from '../lexicon/index.ts';
import type { PostDocument } from '../pipeline/document.ts';
import { longestMatches, PhraseMatcher } from '../pipeline/matcher.ts';
import type { CheckContext, Evidence, Severity } from '../pipeline/types.ts';
import { daysUntil } from '../pipeline/election.ts';
import type { Detector } from './types.ts';
import { confidenceOf } from './shared.ts';

const lex = lexicons.electioneering;
type Appeal = (typeof lex.appeals)[number];

const appealMatcher = new PhraseMatcher<Appeal>(lex.appeals.map((a) => ({ phrases: a.phrases, value: a })), undefined, lex.lists);
const civicMatcher = new PhraseMatcher<true>(lex.civic.map((c) => ({ phrases: c.phrases, value: true as const })));
const roleMatcher = new PhraseMatcher<true>(lex.roleLeaning.map((c) => ({ phrases: c.phrases, value: true as const })));
const IMPRINT = /\bpromoted\s+(?:by|on behalf of)\b/iu;

const KIND_TEXT: Record<Appeal['kind'], string> = {
  'vote-appeal': 'asks for votes',
  'party-credit': 'credits a party or promotes it',
  'opponent-attack': 'attacks another party for electoral gain',
  campaigning: 'describes election campaigning',
  slogan: 'uses a campaign slogan',
  'ward-meeting': 'advertises a ward public meeting',
};

export function calendarNote(ctx: CheckContext): string {
  const e = ctx.election;
  const days = daysUntil(ctx.postedOn, e.pollingDay);
  const estimated = e.source === 'estimated' ? ' (estimated: the scheduled May local elections)' : '';
  return e.inPeriod
    ? `Polling day is ${e.pollingDay}${estimated}, ${days} day${days === 1 ? '' : 's'} away; the pre-election period began on ${e.periodStart}.`
    : `The next polling day is ${e.pollingDay}${estimated}, ${days} days away; the pre-election period starts on ${e.periodStart}.`;
}

function detect(doc: PostDocument, ctx: CheckContext): Evidence[] {
  if (doc.tokens.length === 0) return [];
  const civic = civicMatcher.matchAll(doc);
  const hits = longestMatches(appealMatcher.matchAll(doc))
    .filter((h) => !civic.some((c) => c.from < h.to && h.from < c.to))
    // Ward public meetings are only a problem in the run-up to elections (9.5.7).
    .filter((h) => h.value.kind !== 'ward-meeting' || ctx.election.inPeriod);
  if (hits.length === 0) return [];

  const officerVoice = ctx.authorRole === 'officer' || ctx.authorRole === 'council_account';
  if (ctx.channel === 'campaign' && !officerVoice) {
    if (IMPRINT.test(doc.text)) return [];
    const first = hits[0]!;
    return [{
      ruleId: 'electioneering.campaign-imprint',
      category: 'electioneering',
      severity: 'info',
      confidence: 0.9,
      start: first.start,
      end: first.end,
      message: 'Campaign channel: the protocol allows this when you act as an election candidate or party activist. Election material published online must carry a digital imprint (who promoted it, and their address).',
      suggestion: 'Add an imprint, e.g. "Promoted by A. Agent on behalf of C. Candidate, both of 1 High Street, Southend SS1 1AA."',
    }];
  }

  // "re-elect me as your councillor" is part of the appeal, not leaning on the role.
  const leaning = roleMatcher.matchAll(doc).some((r) => !hits.some((h) => r.from >= h.to && r.from - h.to <= 2));
  const inPeriod = ctx.election.inPeriod;
  const note = calendarNote(ctx);
  return hits.map((h) => {
    let severity: Severity;
    let why: string;
    if (officerVoice) {
      severity = 'error';
      why = ctx.authorRole === 'officer'
        ? 'Officers must stay politically impartial: council communications cannot promote a party.'
        : 'A council account must never promote a party or candidate.';
    } else if (inPeriod && (ctx.channel === 'official' || leaning)) {
      severity = 'error';
      why = ctx.channel === 'official'
        ? 'Electioneering on an official channel in the pre-election period.'
        : 'Electioneering that leans on your council role in the pre-election period.';
    } else if (inPeriod) {
      severity = 'warning';
      why = 'This gives the impression of electioneering in the pre-election period.';
    } else {
      severity = 'warning';
      why = 'Party-political content; take particular care as elections approach.';
    }
    return {
      ruleId: `electioneering.${h.value.id}`,
      category: 'electioneering' as const,
      severity,
      confidence: confidenceOf(h.value.weight + (inPeriod ? 0.1 : 0)),
      start: h.start,
      end: h.end,
      message: `This ${KIND_TEXT[h.value.kind]}. ${why} ${note}`,
      suggestion: officerVoice || ctx.channel === 'official'
        ? 'Keep official channels factual and neutral: describe what the council has done without crediting or attacking a party.'
        : 'Post campaign content from your campaign account with a digital imprint, and keep your councillor account to ward business.',
    };
  });
}

export const electioneering: Detector = {
  id: 'electioneering',
  category: 'electioneering',
  detect,
  examples: {
    flag: [
      { text: '[[Vote Labour]] on 7 May!', context: { channel: 'official', postedAt: '2026-04-28' } },
      { text: '[[Labour delivered]] this new park for you.', context: { authorRole: 'council_account', postedAt: '2026-10-01' } },
    ],
    pass: [
      { text: 'Vote Labour on 7 May! Promoted by J. Agent for Southend Labour, 1 High St, SS1 1AA.', context: { channel: 'campaign', postedAt: '2026-04-28' } },
      { text: 'Polling stations are open 7am to 10pm today.', context: { channel: 'official', postedAt: '2026-05-07' } },
    ],
  },
};
