import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/**
 * "I refused that removal": told to the room when someone keeps their plan rather than
 * accept a large removal, so the others know their copies now differ and why. Signed like
 * every message (peer-identity.ts), so the name shown is the refuser's verified name.
 */
export const MESSAGE_REMOVAL_REFUSED = 104;
const MAX_DESCRIPTION = 600;

export function encodeRemovalRefused(description: string): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_REMOVAL_REFUSED);
  encoding.writeVarString(encoder, description.slice(0, MAX_DESCRIPTION));
  return encoding.toUint8Array(encoder);
}

export function decodeRemovalRefused(message: Uint8Array): string | null {
  try {
    const decoder = decoding.createDecoder(message);
    if (decoding.readVarUint(decoder) !== MESSAGE_REMOVAL_REFUSED) return null;
    const description = decoding.readVarString(decoder);
    return description.length <= MAX_DESCRIPTION ? description : null;
  } catch {
    return null;
  }
}
