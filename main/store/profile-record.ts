import { openText, sealText } from './cipher';
import type { StoreContext } from './store-context';

export interface StoredProfile {
  name: string;
  role: string;
  organisation: string;
}

const PROFILE_CONTEXT = 'profile';

export function readProfile(context: StoreContext): StoredProfile | null {
  const row = context.db.prepare('SELECT profile_blob FROM profile WHERE id = 1').get() as { profile_blob: Buffer } | undefined;
  if (!row) return null;
  return JSON.parse(openText(context.key, row.profile_blob, PROFILE_CONTEXT)) as StoredProfile;
}

export function writeProfile(context: StoreContext, profile: StoredProfile): void {
  context.db
    .prepare(
      `INSERT INTO profile (id, profile_blob, updated_at) VALUES (1, ?, ?)
       ON CONFLICT(id) DO UPDATE SET profile_blob = excluded.profile_blob, updated_at = excluded.updated_at`,
    )
    .run(sealText(context.key, JSON.stringify(profile), PROFILE_CONTEXT), context.now());
}
