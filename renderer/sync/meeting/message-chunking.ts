import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { ReassemblyBudget } from './reassembly-budget';

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
/** All peers of one meeting together: a few whole plans arriving at once (e.g. several joiners' first sync). */
export const MEETING_REASSEMBLY_BYTES = 3 * MAX_ASSEMBLED_BYTES;

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
  /** Parts as received; joined only when the last arrives (never preallocated from the header). */
  parts: Uint8Array[];
}

/**
 * Puts split messages back together, one assembler per connection. The channel is reliable
 * and ordered, so parts of one message arrive in order; anything else (a gap, a lie about
 * the size, too many messages half-sent at once) is a faulty peer and throws ChunkError.
 */
export class ChunkAssembler {
  readonly #open = new Map<number, Assembly>();
  readonly #peerBudget: ReassemblyBudget;
  readonly #meetingBudget: ReassemblyBudget | null;

  /** `meetingBudget` is shared by every connection of one meeting; the peer budget is this connection's own. */
  constructor(meetingBudget: ReassemblyBudget | null = null, peerBudgetBytes = MAX_ASSEMBLED_BYTES) {
    this.#peerBudget = new ReassemblyBudget(peerBudgetBytes);
    this.#meetingBudget = meetingBudget;
  }

  /** Bytes this connection's half-received messages hold right now. */
  get bytesHeld(): number {
    return this.#peerBudget.used;
  }

  /** Gives back everything held (the connection closed). */
  dispose(): void {
    for (const id of [...this.#open.keys()]) this.#discard(id);
  }

  #discard(id: number): void {
    const assembly = this.#open.get(id);
    if (!assembly) return;
    this.#open.delete(id);
    this.#peerBudget.release(assembly.received);
    this.#meetingBudget?.release(assembly.received);
  }

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
    if (total > this.#peerBudget.limit || count < 2 || count > Math.ceil(MAX_ASSEMBLED_BYTES / 1024) || index >= count) {
      this.#discard(id);
      throw new ChunkError('chunk header out of range');
    }
    let assembly = this.#open.get(id);
    if (!assembly) {
      if (index !== 0) throw new ChunkError('chunk arrived without its start');
      if (this.#open.size >= MAX_OPEN_ASSEMBLIES) throw new ChunkError('too many split messages at once');
      assembly = { total, count, received: 0, next: 0, parts: [] };
      this.#open.set(id, assembly);
    }
    if (index !== assembly.next || total !== assembly.total || count !== assembly.count || assembly.received + payload.byteLength > total) {
      this.#discard(id);
      throw new ChunkError('chunk out of order or oversized');
    }
    if (!this.#peerBudget.reserve(payload.byteLength)) {
      this.#discard(id);
      throw new ChunkError('more half-sent data than one peer may hold');
    }
    if (this.#meetingBudget && !this.#meetingBudget.reserve(payload.byteLength)) {
      this.#peerBudget.release(payload.byteLength);
      this.#discard(id);
      throw new ChunkError('the meeting holds too much half-sent data');
    }
    // A copy: the part's bytes may belong to a larger buffer the channel reuses.
    assembly.parts.push(payload.slice());
    assembly.received += payload.byteLength;
    assembly.next += 1;
    if (assembly.next < assembly.count) return null;
    this.#discard(id);
    if (assembly.received !== assembly.total) throw new ChunkError('split message is shorter than announced');
    const whole = new Uint8Array(assembly.total);
    let offset = 0;
    for (const piece of assembly.parts) {
      whole.set(piece, offset);
      offset += piece.byteLength;
    }
    return whole;
  }
}
