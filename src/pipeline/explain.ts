// What a finding says when the fitted scorer flags a risk that no detector's phrase
// explains: the rule id `<category>.fitted`, a plain message for the risk in its
// context, and a suggestion. The span is chosen by the caller (the sentence that
// carried the judgement). Pure.

import { calendarNote } from '../detectors/electioneering.ts';
import type { Category, CheckContext, Evidence } from './types.ts';

type Explanation = Pick<Evidence, 'ruleId' | 'category' | 'message' | 'suggestion'>;

function electioneeringWhy(ctx: CheckContext): string {
  if (ctx.authorRole === 'officer') return 'Officers must stay politically impartial, on any channel.';
  if (ctx.authorRole === 'council_account' || ctx.channel === 'official') return 'An official channel must not promote a party or candidate.';
  return 'It leans on your council role, a council announcement or council resources.';
}

export function explainFitted(category: Category, ctx: CheckContext): Explanation {
  const ruleId = `${category}.fitted`;
  switch (category) {
    case 'officer-criticism':
      return {
        ruleId, category,
        message: `This reads as public criticism of council officers${ctx.sharing ? ', in content you are sharing' : ''}: blaming, mocking, implying failure by or insinuating against officers, named or identifiable. Officers cannot answer back in public: direct public criticism at the Cabinet Member responsible.`,
        suggestion: 'Point the criticism at the Cabinet Member responsible for the service, and raise any concern about an officer privately with the Chief Executive or the officer\'s manager.',
      };
    case 'confidential':
      return {
        ruleId, category,
        message: 'This may disclose information you hold as a councillor or officer that is confidential, exempt or personal: closed-session business, unpublished papers or figures, legal or HR matters, or a resident\'s personal details.',
        suggestion: 'Remove the confidential or personal details. Say only what has been published, or that the matter will be decided in public when it can be.',
      };
    case 'electioneering':
      return {
        ruleId, category,
        message: `This gives the impression of electioneering. ${electioneeringWhy(ctx)} ${calendarNote(ctx)}`,
        suggestion: ctx.authorRole === 'officer' || ctx.channel === 'official'
          ? 'Keep official channels factual and neutral: describe what the council has done without crediting, promoting or attacking a party.'
          : 'Post campaign content from your campaign account with a digital imprint, and keep your councillor account and council resources out of it.',
      };
    case 'abuse':
      return {
        ruleId, category,
        message: 'This may read as offensive, intimidating, malicious or insulting towards someone.',
        suggestion: 'Criticise the decision, the record or the policy, not the person: take out the name-calling, the threat or the insinuation.',
      };
  }
}
