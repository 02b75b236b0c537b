import { describe, expect, it } from 'vitest';
import { PeerPacer } from '../../../renderer/sync/meeting/peer-pacer';
import { settle } from './support/fake-peers';

describe('per-peer pacing: a flood is slowed down, not a freeze', () => {
  it('within the budget messages run at once; past it they wait in order, the peer is shown slowed, and it clears', async () => {
    const changes: Array<[string, boolean]> = [];
    const pacer = new PeerPacer({ perSecond: 200, burst: 10, maxQueued: 1000 }, (peer, slowed) => changes.push([peer, slowed]));
    const ran: number[] = [];
    for (let index = 0; index < 10; index += 1) pacer.run('tom', () => ran.push(index));
    // Positive control: the burst ran synchronously and nobody is slowed.
    expect(ran).toHaveLength(10);
    expect(pacer.isSlowed('tom')).toBe(false);

    for (let index = 10; index < 40; index += 1) pacer.run('tom', () => ran.push(index));
    pacer.run('priya', () => ran.push(-1));
    expect(pacer.isSlowed('tom')).toBe(true);
    expect(pacer.isSlowed('priya')).toBe(false);
    expect(ran).toContain(-1); // another peer is not held up by Tom's flood
    expect(changes).toEqual([['tom', true]]);

    const deadline = Date.now() + 3000;
    while (pacer.isSlowed('tom') && Date.now() < deadline) await settle(10);
    expect(ran.filter((value) => value >= 0)).toEqual(Array.from({ length: 40 }, (_, index) => index));
    expect(changes).toEqual([
      ['tom', true],
      ['tom', false],
    ]);
    pacer.dispose();
  });

  it('a queue past its bound drops the oldest waiting messages (the plan check resyncs them), never grows without end', () => {
    const pacer = new PeerPacer({ perSecond: 1, burst: 1, maxQueued: 5 });
    for (let index = 0; index < 50; index += 1) pacer.run('mallory', () => undefined);
    expect(pacer.dropped).toBe(44);
    pacer.dispose();
  });
});
