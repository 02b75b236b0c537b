import { CareError, type UpdateOrigin } from '../../shared/contract';
import type { AuditActor } from '../store/audit-log';
import type { CareStore } from '../store/care-store';

/**
 * The profile, read (decrypted) once per open store rather than on every change: typing
 * asks for the actor on every keystroke. `saveProfile` is the only writer of the profile
 * and replaces the cached value (forgetActor) when it saves.
 */
const actors = new WeakMap<CareStore, AuditActor | null>();

function readActor(store: CareStore): AuditActor | null {
  const profile = store.getProfile();
  return profile ? { name: profile.name, role: profile.role, organisation: profile.organisation } : null;
}

/** Who is acting on this machine: the saved profile. Changes need one, for attribution. */
export function currentActor(store: CareStore): AuditActor {
  let actor = actors.get(store);
  if (actor === undefined) {
    actor = readActor(store);
    actors.set(store, actor);
  }
  if (!actor) throw new CareError('refused', 'Set up your profile (name and role) before changing a plan.');
  return actor;
}

/** The profile has changed: the next currentActor reads it again. */
export function forgetActor(store: CareStore): void {
  actors.delete(store);
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
