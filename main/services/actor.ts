import { CareError, type UpdateOrigin } from '../../shared/contract';
import type { AuditActor } from '../store/audit-log';
import type { CareStore } from '../store/care-store';

/**
 * The profile, read (decrypted) once per open store and per saved profile rather than on
 * every change: typing asks for the actor on every keystroke. Whoever saves the profile
 * (the profile service, the CLI, a test) moves the store's profile generation on, so the
 * next change is attributed to the new person.
 */
const actors = new WeakMap<CareStore, { generation: number; actor: AuditActor | null }>();

function readActor(store: CareStore): AuditActor | null {
  const profile = store.getProfile();
  return profile ? { name: profile.name, role: profile.role, organisation: profile.organisation } : null;
}

/** Who is acting on this machine: the saved profile. Changes need one, for attribution. */
export function currentActor(store: CareStore): AuditActor {
  let cached = actors.get(store);
  if (cached === undefined || cached.generation !== store.profileGeneration) {
    cached = { generation: store.profileGeneration, actor: readActor(store) };
    actors.set(store, cached);
  }
  const actor = cached.actor;
  if (!actor) throw new CareError('refused', 'Set up your profile (name and role) before changing a plan.');
  return actor;
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
