// The bundled council profiles. Southend-on-Sea is the default. Profiles uploaded at
// run time (Workers KV) are looked up by the edge before these: see src/routes/profiles.ts.

import rugbyData from '../../lexicons/profiles/rugby.json' with { type: 'json' };
import rushcliffeData from '../../lexicons/profiles/rushcliffe.json' with { type: 'json' };
import southendData from '../../lexicons/profiles/southend-on-sea.json' with { type: 'json' };
import tendringData from '../../lexicons/profiles/tendring.json' with { type: 'json' };
import { ProfileSchema, type Profile } from './schema.ts';

export const DEFAULT_PROFILE_ID = 'southend-on-sea';

const bundled: ReadonlyMap<string, Profile> = new Map(
  [southendData, rushcliffeData, tendringData, rugbyData].map((data) => {
    const p = ProfileSchema.parse(data);
    return [p.id, p] as const;
  }),
);

export function getProfile(id: string = DEFAULT_PROFILE_ID): Profile | undefined {
  return bundled.get(id);
}

export function profileIds(): string[] {
  return [...bundled.keys()];
}

export function bundledProfiles(): Profile[] {
  return [...bundled.values()];
}
