import { CareError, type UpdateOrigin } from '../../shared/contract';
import type { AuditActor } from '../store/audit-log';
import type { CareStore } from '../store/care-store';

/** Who is acting on this machine: the saved profile. Changes need one, for attribution. */
export function currentActor(store: CareStore): AuditActor {
  const profile = store.getProfile();
  if (!profile) throw new CareError('refused', 'Set up your profile (name and role) before changing a plan.');
  return { name: profile.name, role: profile.role, organisation: profile.organisation };
}

/** Who a change received in a meeting is recorded as: the peer, and the key that signed it if any. */
export function peerActor(origin: Extract<UpdateOrigin, { kind: 'peer' }>): AuditActor {
  return {
    name: origin.peerName,
    role: origin.peerRole,
    organisation: '',
    peerId: origin.peerId,
    ...(origin.verifiedKey ? { verifiedKey: origin.verifiedKey, signedBy: origin.signedBy ?? 'deliverer' } : {}),
  };
}
