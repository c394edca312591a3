// GET /v1/health: liveness and versions.

import { Hono } from 'hono';
import type { AppEnv } from '../env.ts';
import { tokenHashes } from './access.ts';
import { ENGINE_VERSION } from '../pipeline/analyze.ts';
import { lexiconVersion } from '../lexicon/index.ts';
import { DEFAULT_PROFILE_ID, profileIds } from '../profiles/index.ts';

export const healthRoutes = new Hono<AppEnv>();

healthRoutes.get('/', (c) => c.json({
  status: 'ok',
  /** "open" when no API tokens are configured (local development), else "token". */
  access: tokenHashes(c.env).length > 0 ? 'token' : 'open',
  engine: { version: ENGINE_VERSION, lexiconVersion },
  profiles: profileIds(),
  defaultProfile: DEFAULT_PROFILE_ID,
}));
