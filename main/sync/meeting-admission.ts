import { randomBytes, timingSafeEqual } from 'node:crypto';
import { signalingProof } from '../../shared/meeting/signaling-proof';

/**
 * Which meetings this signaling server admits: the host's app registers each meeting's
 * signaling key (derived from the meeting code, never the code itself) and the chair's
 * public identity key. A client is given a real slot only after answering the server's
 * nonce with HMAC(key, nonce) for one of them (shared/meeting/signaling-proof.ts).
 */
export interface AdmittedMeeting {
  readonly key: Uint8Array;
  /** The host's identity key (base64): who holds the chair when the meeting starts. */
  readonly chairKey: string | null;
}

/** A host rarely runs more than one meeting at once; old keys fall off past this. */
const MAX_MEETINGS = 8;
export const NONCE_BYTES = 16;

export class MeetingAdmission {
  #meetings: AdmittedMeeting[] = [];

  register(meeting: AdmittedMeeting): void {
    const same = (other: AdmittedMeeting) => other.key.length === meeting.key.length && timingSafeEqual(other.key, meeting.key);
    this.#meetings = [...this.#meetings.filter((other) => !same(other)), meeting].slice(-MAX_MEETINGS);
  }

  get size(): number {
    return this.#meetings.length;
  }

  static nonce(): Uint8Array {
    return new Uint8Array(randomBytes(NONCE_BYTES));
  }

  /** The meeting whose key made this proof for this nonce, or null. Constant time per key. */
  admit(nonce: Uint8Array, proof: Uint8Array): AdmittedMeeting | null {
    let found: AdmittedMeeting | null = null;
    for (const meeting of this.#meetings) {
      const expected = signalingProof(meeting.key, nonce);
      if (expected.length === proof.length && timingSafeEqual(expected, proof)) found = meeting;
    }
    return found;
  }
}
