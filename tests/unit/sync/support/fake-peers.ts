import { EventEmitter } from 'node:events';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { SimplePeerLike, WebrtcConnLike } from '../../../../renderer/sync/meeting/guarded-connection';

/**
 * Two ends of an in-memory data channel shaped like simple-peer's Peer: what one end
 * send()s arrives at the other as a 'data' event, asynchronously and in order, like a
 * reliable ordered RTCDataChannel. Records every raw message so tests can check sizes.
 */
export class FakePeer extends EventEmitter implements SimplePeerLike {
  other: FakePeer | undefined;
  readonly sentSizes: number[] = [];

  send(data: Uint8Array): void {
    this.sentSizes.push(data.byteLength);
    const copy = new Uint8Array(data);
    setImmediate(() => this.other?.emit('data', copy));
  }

  override listeners(event: 'data'): Array<(data: Uint8Array) => void> {
    return super.listeners(event) as Array<(data: Uint8Array) => void>;
  }
}

export function fakeConnection(remotePeerId: string, peer: FakePeer): WebrtcConnLike {
  return { remotePeerId, peer, connected: true, synced: false };
}

export function linkedPeers(): [FakePeer, FakePeer] {
  const a = new FakePeer();
  const b = new FakePeer();
  a.other = b;
  b.other = a;
  return [a, b];
}

export function awarenessFor(doc: Y.Doc, name: string, role: string, meetingPeerId: string): Awareness {
  const awareness = new Awareness(doc);
  awareness.setLocalState({ user: { name, role, colour: '#1a5fb4' }, meetingPeerId, focus: null, caret: null, viewing: null, chair: false });
  return awareness;
}

export const settle = (ms = 20): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits for a condition (messages cross the fake channels asynchronously), failing after `timeoutMs`. */
export async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await settle(5);
  }
}
