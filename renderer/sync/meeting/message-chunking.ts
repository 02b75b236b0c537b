import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/**
 * y-webrtc sends each Yjs message as ONE data-channel message, and browsers refuse or drop
 * messages past their SCTP limit (256 KiB in Chromium, 64 KiB in older Firefox/Safari).
 * A 100,000-character paste or the first sync of a long plan is bigger than that, so every
 * outgoing message over CHUNK_BYTES is split here and put back together on arrival.
 * The framing uses a message type y-webrtc does not use (it uses 0, 1, 3 and 4).
 */
export const MESSAGE_CHUNK = 100;
/** 16 KiB: the size every WebRTC implementation delivers in one message. */
export const CHUNK_BYTES = 16 * 1024;
/** A whole plan state is at most 24 MiB (32 MiB of base64, see shared/contract/limits.ts). */
export const MAX_ASSEMBLED_BYTES = 24 * 1024 * 1024;
const MAX_OPEN_ASSEMBLIES = 4;

export function splitMessage(message: Uint8Array, messageId: number, chunkBytes = CHUNK_BYTES): Uint8Array[] {
  if (message.byteLength <= chunkBytes) return [message];
  const count = Math.ceil(message.byteLength / chunkBytes);
  const parts: Uint8Array[] = [];
  for (let index = 0; index < count; index += 1) {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_CHUNK);
    encoding.writeVarUint(encoder, messageId);
    encoding.writeVarUint(encoder, index);
    encoding.writeVarUint(encoder, count);
    encoding.writeVarUint(encoder, message.byteLength);
    encoding.writeVarUint8Array(encoder, message.subarray(index * chunkBytes, Math.min(message.byteLength, (index + 1) * chunkBytes)));
    parts.push(encoding.toUint8Array(encoder));
  }
  return parts;
}

export function isChunk(message: Uint8Array): boolean {
  return message[0] === MESSAGE_CHUNK;
}

export class ChunkError extends Error {}

interface Assembly {
  total: number;
  count: number;
  received: number;
  next: number;
  buffer: Uint8Array;
}

/**
 * Puts split messages back together, one assembler per connection. The channel is reliable
 * and ordered, so parts of one message arrive in order; anything else (a gap, a lie about
 * the size, too many messages half-sent at once) is a faulty peer and throws ChunkError.
 */
export class ChunkAssembler {
  readonly #open = new Map<number, Assembly>();

  /** Returns the whole message when its last part arrives, otherwise null. */
  push(part: Uint8Array): Uint8Array | null {
    let id: number;
    let index: number;
    let count: number;
    let total: number;
    let payload: Uint8Array;
    try {
      const decoder = decoding.createDecoder(part);
      if (decoding.readVarUint(decoder) !== MESSAGE_CHUNK) throw new ChunkError('not a chunk');
      id = decoding.readVarUint(decoder);
      index = decoding.readVarUint(decoder);
      count = decoding.readVarUint(decoder);
      total = decoding.readVarUint(decoder);
      payload = decoding.readVarUint8Array(decoder);
    } catch (error) {
      if (error instanceof ChunkError) throw error;
      throw new ChunkError('unreadable chunk');
    }
    if (total > MAX_ASSEMBLED_BYTES || count < 2 || count > Math.ceil(MAX_ASSEMBLED_BYTES / 1024) || index >= count) {
      this.#open.delete(id);
      throw new ChunkError('chunk header out of range');
    }
    let assembly = this.#open.get(id);
    if (!assembly) {
      if (index !== 0) throw new ChunkError('chunk arrived without its start');
      if (this.#open.size >= MAX_OPEN_ASSEMBLIES) throw new ChunkError('too many split messages at once');
      assembly = { total, count, received: 0, next: 0, buffer: new Uint8Array(total) };
      this.#open.set(id, assembly);
    }
    if (index !== assembly.next || total !== assembly.total || count !== assembly.count || assembly.received + payload.byteLength > total) {
      this.#open.delete(id);
      throw new ChunkError('chunk out of order or oversized');
    }
    assembly.buffer.set(payload, assembly.received);
    assembly.received += payload.byteLength;
    assembly.next += 1;
    if (assembly.next < assembly.count) return null;
    this.#open.delete(id);
    if (assembly.received !== assembly.total) throw new ChunkError('split message is shorter than announced');
    return assembly.buffer;
  }
}
