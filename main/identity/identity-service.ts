import { CareError } from '../../shared/contract';
import {
  SESSION_CERTIFICATE_LIFETIME_MS,
  decodeKeyBytes,
  encodeKeyBytes,
  keyFingerprint,
  signSessionCertificate,
} from '../../shared/identity';
import type { HandlerSlice } from '../services/handler-table';
import type { CareStore } from '../store/care-store';

export function createIdentityHandlers(store: CareStore, now: () => number = Date.now): HandlerSlice<'getIdentity' | 'certifySessionKey'> {
  return {
    getIdentity: () => {
      const publicKey = store.identityPublicKey();
      return { publicKey: encodeKeyBytes(publicKey), fingerprint: keyFingerprint(publicKey) };
    },
    certifySessionKey: ({ sessionKey }) => {
      if (!decodeKeyBytes(sessionKey, 32)) throw new CareError('invalid-input', 'That is not a session key.');
      const profile = store.getProfile();
      if (!profile) throw new CareError('refused', 'Set up your profile (name and role) before joining a meeting.');
      const issuedAt = now();
      return signSessionCertificate((message) => store.signAsIdentity(message), {
        identityKey: encodeKeyBytes(store.identityPublicKey()),
        sessionKey,
        name: profile.name,
        role: profile.role,
        issuedAt,
        expiresAt: issuedAt + SESSION_CERTIFICATE_LIFETIME_MS,
      });
    },
  };
}
