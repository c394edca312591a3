// Where the browser tests put their screenshots: test-results/screenshots (ignored by
// git), or the README's copies in docs/screenshots with UPDATE_SCREENSHOTS=1.

import { join } from 'node:path';

export const SHOTS = join(import.meta.dirname, process.env['UPDATE_SCREENSHOTS'] === '1' ? '../../docs/screenshots' : '../../test-results/screenshots');
