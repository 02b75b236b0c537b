import { CareError } from '../../shared/contract';
import type { AuditActor } from '../store/audit-log';
import type { CareStore } from '../store/care-store';

/** Who is acting on this machine: the saved profile. Changes need one, for attribution. */
export function currentActor(store: CareStore): AuditActor {
  const profile = store.getProfile();
  if (!profile) throw new CareError('refused', 'Set up your profile (name and role) before changing a plan.');
  return { name: profile.name, role: profile.role, organisation: profile.organisation };
}
