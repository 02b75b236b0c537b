import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { CHUNK_BYTES, ChunkAssembler, ChunkError, splitMessage } from '../../../renderer/sync/meeting/message-chunking';
import { seededRandom } from '../../support/seeded-random';

describe('splitting big data-channel messages', () => {
  it('round-trips a 100,000-character paste as one Yjs update', () => {
    const doc = new Y.Doc();
    const paste = 'Ünïcödé — Jill’s plan ☕ 漢字 '.repeat(4000).slice(0, 100_000);
    let update: Uint8Array = new Uint8Array();
    doc.on('update', (u: Uint8Array) => (update = u));
    doc.getText('t').insert(0, paste);
    expect(update.byteLength).toBeGreaterThan(256 * 1024 * 0.5);

    const parts = splitMessage(update, 7);
    expect(parts.length).toBe(Math.ceil(update.byteLength / CHUNK_BYTES));
    expect(Math.max(...parts.map((part) => part.byteLength))).toBeLessThanOrEqual(CHUNK_BYTES + 32);
    const assembler = new ChunkAssembler();
    const results = parts.map((part) => assembler.push(part));
    expect(results.slice(0, -1).every((result) => result === null)).toBe(true);
    const whole = results.at(-1);
    expect(whole).toEqual(update);
    const copy = new Y.Doc();
    Y.applyUpdate(copy, whole ?? new Uint8Array());
    expect(copy.getText('t').toString()).toBe(paste);
  });

  it('leaves small messages alone and handles interleaved messages', () => {
    const small = new Uint8Array([0, 2, 1, 9]);
    expect(splitMessage(small, 1)).toEqual([small]);
    const random = seededRandom(9);
    const one = Uint8Array.from({ length: 50_000 }, () => Math.floor(random() * 256));
    const two = Uint8Array.from({ length: 40_000 }, () => Math.floor(random() * 256));
    const a = splitMessage(one, 1, 1000);
    const b = splitMessage(two, 2, 1000);
    const assembler = new ChunkAssembler();
    const out: Uint8Array[] = [];
    for (let i = 0; i < Math.max(a.length, b.length); i += 1) {
      for (const part of [a[i], b[i]]) {
        if (!part) continue;
        const whole = assembler.push(part);
        if (whole) out.push(whole);
      }
    }
    expect(out).toEqual([two, one]);
  });

  it('throws on parts out of order, missing starts, lies about size and junk', () => {
    const message = Uint8Array.from({ length: 5000 }, (_, i) => i % 256);
    const parts = splitMessage(message, 3, 1000);
    expect(() => new ChunkAssembler().push(parts[1] ?? new Uint8Array())).toThrow(ChunkError);
    const assembler = new ChunkAssembler();
    assembler.push(parts[0] ?? new Uint8Array());
    expect(() => assembler.push(parts[2] ?? new Uint8Array())).toThrow(ChunkError);
    expect(() => new ChunkAssembler().push(new Uint8Array([100, 1, 0, 2, 255, 255, 255, 255, 255, 1]))).toThrow(ChunkError);
    expect(() => new ChunkAssembler().push(new Uint8Array([100]))).toThrow(ChunkError);
  });
});
