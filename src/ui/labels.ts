// The words people see for each risk and verdict: one list for the web page, the batch
// review tab, the HTML report and the browser extension.

export const CATEGORY_LABEL = {
  'officer-criticism': 'Criticism of officers',
  confidential: 'Confidential information',
  electioneering: 'Electioneering',
  abuse: 'Bullying and abuse',
} as const;

/** A batch result's verdict, including "error" for a post that could not be checked. */
export const VERDICT_LABEL = { block: 'Block', review: 'Review', ok: 'OK', error: 'Not checked' } as const;
