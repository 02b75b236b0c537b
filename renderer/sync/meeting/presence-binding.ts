import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/**
 * Presence can only be set by the connection it describes: of an awareness update that
 * arrives over a connection, only the entries for the client ids that connection proved
 * (its hello) are kept; our own client id is never taken from the network. Entries for
 * others are dropped silently: y-webrtc relays everyone's presence to everyone, so a relay
 * is normal and must not flag an honest peer.
 *
 * `allowed` null (a connection without proof of key, only in tests of the bare guard):
 * every entry but our own.
 *
 * Returns the re-encoded update with only the allowed entries, or null if none remain.
 * Throws on an unreadable update (the caller refuses it).
 */
export function keepOwnPresence(update: Uint8Array, allowed: ReadonlySet<number> | null, myClientId: number): Uint8Array | null {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const kept: Array<{ clientId: number; clock: number; state: string }> = [];
  for (let index = 0; index < count; index += 1) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const state = decoding.readVarString(decoder);
    if (clientId !== myClientId && (allowed === null || allowed.has(clientId))) kept.push({ clientId, clock, state });
  }
  if (kept.length === 0) return null;
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, kept.length);
  for (const entry of kept) {
    encoding.writeVarUint(encoder, entry.clientId);
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarString(encoder, entry.state);
  }
  return encoding.toUint8Array(encoder);
}
