import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import { ChunkAssembler, ChunkError, MAX_ASSEMBLED_BYTES, MESSAGE_CHUNK, splitMessage } from '../../../renderer/sync/meeting/message-chunking';
import { ReassemblyBudget } from '../../../renderer/sync/meeting/reassembly-budget';

/** A first part that announces `total` bytes in `count` parts but carries only `payload`. */
function hostileHeader(id: number, total: number, count: number, payload = new Uint8Array(1)): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_CHUNK);
  encoding.writeVarUint(encoder, id);
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, count);
  encoding.writeVarUint(encoder, total);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

describe('chunk reassembly memory is bounded per peer and per meeting', () => {
  it('four tiny headers announcing the largest message allocate next to nothing', () => {
    const assembler = new ChunkAssembler(new ReassemblyBudget(3 * MAX_ASSEMBLED_BYTES));
    globalThis.gc?.();
    const before = process.memoryUsage().arrayBuffers;
    for (let id = 1; id <= 4; id += 1) expect(assembler.push(hostileHeader(id, MAX_ASSEMBLED_BYTES, 2000))).toBeNull();
    const grown = process.memoryUsage().arrayBuffers - before;
    // Announcing 4 x 24 MiB used to allocate ~100 MB up front; now only what arrived is held.
    expect(assembler.bytesHeld).toBe(4);
    expect(grown).toBeLessThan(1024 * 1024);
  });

  it('a peer cannot hold more than its budget, even in honest-looking parts', () => {
    const assembler = new ChunkAssembler(null, 64 * 1024);
    const big = new Uint8Array(200 * 1024);
    const parts = splitMessage(big, 1, 16 * 1024);
    // 200 KiB announced over a 64 KiB budget: refused from the header.
    expect(() => assembler.push(parts[0] ?? new Uint8Array())).toThrow(ChunkError);
    // Within the announced size, several messages together cannot pass the budget either.
    const part = new Uint8Array(16 * 1024);
    let refused = false;
    for (let id = 10; id < 14 && !refused; id += 1) {
      for (let index = 0; index < 2; index += 1) {
        try {
          assembler.push(hostileChunk(id, index, 3, 48 * 1024, part));
        } catch (error) {
          expect(error).toBeInstanceOf(ChunkError);
          refused = true;
          break;
        }
      }
    }
    expect(refused).toBe(true);
    expect(assembler.bytesHeld).toBeLessThanOrEqual(64 * 1024);
  });

  it('all peers of a meeting share one budget; a finished or closed message gives its bytes back', () => {
    const meeting = new ReassemblyBudget(40 * 1024);
    const one = new ChunkAssembler(meeting);
    const two = new ChunkAssembler(meeting);
    const part = new Uint8Array(16 * 1024);
    one.push(hostileChunk(1, 0, 3, 48 * 1024, part));
    two.push(hostileChunk(1, 0, 3, 48 * 1024, part));
    expect(meeting.used).toBe(32 * 1024);
    expect(() => two.push(hostileChunk(1, 1, 3, 48 * 1024, part))).toThrow(/meeting/);
    expect(meeting.used).toBe(16 * 1024);
    one.dispose();
    expect(meeting.used).toBe(0);
    // Positive control: with room in the budget, a whole message still arrives.
    const whole = Uint8Array.from({ length: 30 * 1024 }, (_, i) => i % 251);
    const results = splitMessage(whole, 5, 16 * 1024).map((piece) => two.push(piece));
    expect(results.at(-1)).toEqual(whole);
  });
});

function hostileChunk(id: number, index: number, count: number, total: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_CHUNK);
  encoding.writeVarUint(encoder, id);
  encoding.writeVarUint(encoder, index);
  encoding.writeVarUint(encoder, count);
  encoding.writeVarUint(encoder, total);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}
