// GET /v1/health: liveness and versions.

import { Hono } from 'hono';
import { ENGINE_VERSION } from '../pipeline/analyze.ts';
import { lexiconVersion } from '../lexicon/index.ts';
import { DEFAULT_PROFILE_ID, profileIds } from '../profiles/index.ts';

export const healthRoutes = new Hono();

healthRoutes.get('/', (c) => c.json({
  status: 'ok',
  engine: { version: ENGINE_VERSION, lexiconVersion },
  profiles: profileIds(),
  defaultProfile: DEFAULT_PROFILE_ID,
}));
