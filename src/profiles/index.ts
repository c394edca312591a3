// The bundled council profiles. Southend-on-Sea is the default.

import southendData from '../../lexicons/profiles/southend-on-sea.json' with { type: 'json' };
import { ProfileSchema, type Profile } from './schema.ts';

export const DEFAULT_PROFILE_ID = 'southend-on-sea';

const bundled: ReadonlyMap<string, Profile> = new Map(
  [ProfileSchema.parse(southendData)].map((p) => [p.id, p]),
);

export function getProfile(id: string = DEFAULT_PROFILE_ID): Profile | undefined {
  return bundled.get(id);
}

export function profileIds(): string[] {
  return [...bundled.keys()];
}
