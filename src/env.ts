// The Worker's bindings, typed once for the whole app.

export interface Bindings {
  /** Workers KV namespace for council profiles uploaded at run time (optional). */
  PROFILES?: KVNamespace;
  /** Worker secret: the token that may upload profiles (PUT/DELETE /v1/profiles/:id). */
  ADMIN_TOKEN?: string;
}

export type AppEnv = { Bindings: Bindings };
