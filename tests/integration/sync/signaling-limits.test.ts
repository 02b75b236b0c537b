import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../../main/sync/rate-limiter';
import { exceedsDepth, parseSignalingMessage, type MessageLimits } from '../../../main/sync/signaling-message';
import { TopicRegistry } from '../../../main/sync/topic-registry';

/** The pure pieces the server is built from, checked without sockets or clocks. */
const limits: MessageLimits = { maxTopicLength: 128, maxTopicsPerMessage: 16, maxDepth: 32 };

describe('rate limiter', () => {
  it('allows a burst, refills at the rate, and disconnects a sustained flood', () => {
    let now = 0;
    const limiter = new RateLimiter({ perSecond: 10, burst: 20, now: () => now });
    const decisions = Array.from({ length: 20 }, () => limiter.take());
    expect(decisions.every((decision) => decision === 'accept')).toBe(true);
    expect(limiter.take()).toBe('drop');
    now += 100; // one token back
    expect(limiter.take()).toBe('accept');
    expect(limiter.take()).toBe('drop');
    // More overflow in one second than a second's worth of tokens: a flood, not a burst.
    const flood = Array.from({ length: 20 }, () => limiter.take());
    expect(flood).toContain('disconnect');
    now += 5000; // a quiet spell: a fresh window and a full bucket
    expect(limiter.take()).toBe('accept');
  });
});

describe('signaling message parsing', () => {
  it('accepts the four frames y-webrtc sends', () => {
    expect(parseSignalingMessage('{"type":"subscribe","topics":["a","b"]}', limits)).toEqual({
      ok: true,
      message: { type: 'subscribe', topics: ['a', 'b'] },
    });
    expect(parseSignalingMessage('{"type":"subscribe","topics":[]}', limits).ok).toBe(true);
    expect(parseSignalingMessage('{"type":"unsubscribe","topics":["a"]}', limits).ok).toBe(true);
    expect(parseSignalingMessage('{"type":"ping"}', limits)).toEqual({ ok: true, message: { type: 'ping' } });
    const publish = parseSignalingMessage('{"type":"publish","topic":"a","data":"b64"}', limits);
    expect(publish).toEqual({
      ok: true,
      message: { type: 'publish', topic: 'a', frame: { type: 'publish', topic: 'a', data: 'b64' } },
    });
  });

  it.each([
    ['{', 'malformed-json'],
    ['', 'malformed-json'],
    ['null', 'not-an-object'],
    ['[]', 'not-an-object'],
    ['"x"', 'not-an-object'],
    ['{"type":"pong"}', 'unknown-type'],
    ['{"type":"toString"}', 'unknown-type'],
    ['{"type":"subscribe"}', 'invalid-topic'],
    ['{"type":"subscribe","topics":[1]}', 'invalid-topic'],
    [`{"type":"subscribe","topics":["${'t'.repeat(129)}"]}`, 'invalid-topic'],
    [`{"type":"subscribe","topics":${JSON.stringify(Array.from({ length: 17 }, (_, i) => `t${i}`))}}`, 'too-many-topics'],
    ['{"type":"publish","topic":""}', 'invalid-topic'],
    [`{"type":"publish","topic":"a","data":${'['.repeat(40)}${']'.repeat(40)}}`, 'too-deep'],
  ])('rejects %s as %s', (text, reason) => {
    expect(parseSignalingMessage(text, limits)).toEqual({ ok: false, reason });
  });

  it('measures depth without recursion', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 200_000; i += 1) deep = [deep];
    expect(exceedsDepth(deep, 32)).toBe(true);
    expect(exceedsDepth({ a: [{ b: 1 }] }, 3)).toBe(false);
    expect(exceedsDepth({ a: [{ b: {} }] }, 3)).toBe(true);
  });
});

describe('topic registry', () => {
  it('caps topics per subscriber all-or-nothing and forgets empty topics', () => {
    const registry = new TopicRegistry<string>(2);
    expect(registry.subscribe('nurse', ['a', 'b'])).toBe('subscribed');
    expect(registry.subscribe('nurse', ['a', 'c'])).toBe('too-many-topics');
    expect(registry.isSubscribed('nurse', 'c')).toBe(false);
    expect(registry.subscribe('doctor', ['a'])).toBe('subscribed');
    expect(registry.subscribersOf('a').sort()).toEqual(['doctor', 'nurse']);
    registry.unsubscribe('nurse', ['a', 'never-joined']);
    expect(registry.subscribersOf('a')).toEqual(['doctor']);
    registry.removeSubscriber('doctor');
    expect(registry.topicCount).toBe(1);
    expect(registry.subscriptionCount).toBe(1);
    registry.removeSubscriber('nurse');
    expect(registry.topicCount).toBe(0);
  });
});
