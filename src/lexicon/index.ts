// Loads every lexicon in lexicons/ once and validates it with zod. A malformed file
// fails loudly at start-up (and in the lexicon test, which names the file and entry).

import officerCriticismData from '../../lexicons/officer-criticism.json' with { type: 'json' };
import confidentialData from '../../lexicons/confidential.json' with { type: 'json' };
import electioneeringData from '../../lexicons/electioneering.json' with { type: 'json' };
import abuseData from '../../lexicons/abuse.json' with { type: 'json' };
import wordClustersData from '../../lexicons/word-clusters.json' with { type: 'json' };
import {
  AbuseLexiconSchema,
  ConfidentialLexiconSchema,
  ElectioneeringLexiconSchema,
  OfficerCriticismLexiconSchema,
  WordClustersSchema,
} from './schema.ts';

export const lexicons = {
  officerCriticism: OfficerCriticismLexiconSchema.parse(officerCriticismData),
  confidential: ConfidentialLexiconSchema.parse(confidentialData),
  electioneering: ElectioneeringLexiconSchema.parse(electioneeringData),
  abuse: AbuseLexiconSchema.parse(abuseData),
  wordClusters: WordClustersSchema.parse(wordClustersData),
};

/** The raw JSON, for the validation test to report file and entry. */
export const rawLexicons: Record<string, unknown> = {
  'officer-criticism.json': officerCriticismData,
  'confidential.json': confidentialData,
  'electioneering.json': electioneeringData,
  'abuse.json': abuseData,
  'word-clusters.json': wordClustersData,
};

/** One version string for all lexicons together (reported in every response). */
export const lexiconVersion = [
  lexicons.officerCriticism.version,
  lexicons.confidential.version,
  lexicons.electioneering.version,
  lexicons.abuse.version,
].sort().at(-1)!;
