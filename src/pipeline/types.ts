// Types shared by the analysis core. The enums come from the API schemas (one source
// of truth); this file adds the core's internal shapes.

import type { z } from 'zod';
import type { Profile } from '../profiles/schema.ts';
import type { AuthorRoleSchema, CategorySchema, ChannelSchema, SeveritySchema, VerdictSchema } from '../schema/check.ts';

export type Category = z.infer<typeof CategorySchema>;
export type Severity = z.infer<typeof SeveritySchema>;
export type Verdict = z.infer<typeof VerdictSchema>;
export type AuthorRole = z.infer<typeof AuthorRoleSchema>;
export type Channel = z.infer<typeof ChannelSchema>;

/** Severities in order, for sorting (most severe first: rank b - rank a). */
export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { info: 0, warning: 1, error: 2 };

export const CATEGORIES: readonly Category[] = ['officer-criticism', 'confidential', 'electioneering', 'abuse'];

export interface ElectionInfo {
  readonly pollingDay: string;
  readonly periodStart: string;
  readonly inPeriod: boolean;
  readonly source: 'request' | 'profile' | 'estimated';
}

/** The request context after defaults are applied. */
export interface CheckContext {
  readonly authorRole: AuthorRole;
  readonly channel: Channel;
  /** Calendar date of posting, YYYY-MM-DD. */
  readonly postedOn: string;
  readonly sharing: boolean;
  readonly election: ElectionInfo;
  /** The council profile the post is judged under (its people and calendar). */
  readonly profile: Profile;
}

/** What a detector reports: a span of the original text and why it matters. */
export interface Evidence {
  readonly ruleId: string;
  readonly category: Category;
  readonly severity: Severity;
  readonly confidence: number;
  readonly start: number;
  readonly end: number;
  readonly message: string;
  readonly suggestion?: string;
  /** Text that can replace the span as it stands ("apply suggestion"). */
  readonly replacement?: string;
  /** Text that can replace the whole sentence the span is in (officer criticism: the
   * statement, redirected to the Cabinet Member). The finding then spans the sentence. */
  readonly statement?: string;
}
