// The Worker's bindings, typed once for the whole app.

import type { TokenScope } from './tokens/scope.ts';

export interface Bindings {
  /** Workers KV namespace for council profiles uploaded at run time (optional). */
  PROFILES?: KVNamespace;
  /** Worker secret: the token that may upload profiles (PUT/DELETE /v1/profiles/:id). */
  ADMIN_TOKEN?: string;
  /** Worker secret: SHA-256 hex digests of the API tokens, separated by commas or spaces.
   * When set, every /v1/ route needs Authorization: Bearer <token>. */
  API_TOKENS?: string;
  /** Workers KV namespace of scoped API tokens: token:<SHA-256 hex> -> its council
   * profile and default role and channel (src/tokens/store.ts). */
  TOKENS?: KVNamespace;
  /** Origins allowed by CORS besides the Worker's own page (the browser extension's). */
  CORS_ORIGINS?: string;
  /** Cloudflare D1 database for saved reviews (migrations in migrations/). */
  DB?: D1Database;
  /** Worker secret: the communications team's token for saved reviews (/v1/reviews). */
  TEAM_TOKEN?: string;
  /** Workers KV namespace holding each saved review's key (src/reviews/sealed.ts), and the
   * key material of idempotent results (idempotency:<entry>, src/idempotency/store.ts). */
  REVIEW_KEYS?: KVNamespace;
  /** Days a saved review (and its post text) is kept; default 30. */
  RETENTION_DAYS?: string;
  /** Days an audit row (who decided what, when; no text) is kept; default 365. */
  AUDIT_RETENTION_DAYS?: string;
  /** "true" only under `npm run dev` / `npm start` (passed with --var): the API answers
   * without tokens. A deployed Worker without API_TOKENS refuses /v1/ instead. */
  LOCAL_OPEN_ACCESS?: string;
  /** Worker secret: an Anthropic API key switches Claude's second opinion on (for the
   * councils SECOND_OPINION_COUNCILS lists, or whose profile says secondOpinion: true). */
  ANTHROPIC_API_KEY?: string;
  /** Another Messages API address (a proxy, or the tests' stand-in). */
  ANTHROPIC_BASE_URL?: string;
  SECOND_OPINION_MODEL?: string;
  SECOND_OPINION_TIMEOUT_MS?: string;
  SECOND_OPINION_COUNCILS?: string;
  SECOND_OPINION_DAILY_CAP?: string;
  /** Workers Rate Limiting bindings (wrangler.toml [[ratelimits]]). */
  RATE_LIMIT_TOKEN?: RateLimit;
  RATE_LIMIT_IP?: RateLimit;
}

export type AppEnv = {
  Bindings: Bindings;
  /** requestId: every request's id; form: LanguageTool's /v2/check fields, read once
   * before the token check (the token may be one of them); tokenScope: what a scoped
   * API token is tied to. */
  Variables: { requestId: string; form?: Record<string, string>; tokenScope?: TokenScope };
};
