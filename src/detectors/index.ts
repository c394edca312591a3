// Every detector, in report order. A new kind of check is a new module added here.

import { abuse } from './abuse.ts';
import { confidential } from './confidential.ts';
import { electioneering } from './electioneering.ts';
import { officerCriticism } from './officer-criticism.ts';
import type { Detector } from './types.ts';

export const detectors: readonly Detector[] = [officerCriticism, confidential, electioneering, abuse];
