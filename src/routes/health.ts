// GET /v1/health: liveness and versions.

import { Hono } from 'hono';
import type { AppEnv } from '../env.ts';
import { accessMode } from './access.ts';
import { ENGINE_VERSION } from '../pipeline/analyze.ts';
import { lexiconVersion } from '../lexicon/index.ts';
import { DEFAULT_PROFILE_ID, profileIds } from '../profiles/index.ts';

export const healthRoutes = new Hono<AppEnv>();

healthRoutes.get('/', (c) => c.json({
  status: 'ok',
  /** "token"; "open" under npm run dev; "closed" when a deployment has no API_TOKENS. */
  access: accessMode(c.env),
  engine: { version: ENGINE_VERSION, lexiconVersion },
  profiles: profileIds(),
  defaultProfile: DEFAULT_PROFILE_ID,
}));
