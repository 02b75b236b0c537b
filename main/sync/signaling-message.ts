/**
 * The y-webrtc signaling protocol, as the client in node_modules/y-webrtc/src/y-webrtc.js
 * speaks it: JSON text frames of four kinds. Everything else a socket sends is rejected
 * here with a reason, so the server can count it without ever looking at (or logging) the
 * contents.
 *
 * Hand-written rather than zod: we need a precise reason per rejection for the stats, a
 * depth check zod does not do, and to keep the relayed payload untouched.
 */
export type SignalingMessage =
  | { type: 'subscribe'; topics: string[] }
  | { type: 'unsubscribe'; topics: string[] }
  /** `frame` is the whole parsed object, relayed as-is plus `clients`: y-webrtc reads `data`. */
  | { type: 'publish'; topic: string; frame: Readonly<Record<string, unknown>> }
  | { type: 'ping' }
  /** Ours: "send me the challenge again" (a client that attached after it was sent). */
  | { type: 'challenge' }
  /** Ours: the proof of the meeting code for the server's nonce, base64. */
  | { type: 'auth'; proof: string };

export type MessageRejectReason =
  | 'malformed-json'
  | 'not-an-object'
  | 'unknown-type'
  | 'invalid-topic'
  | 'too-many-topics'
  | 'too-deep';

export type ParsedMessage = { ok: true; message: SignalingMessage } | { ok: false; reason: MessageRejectReason };

export interface MessageLimits {
  /** Longest topic (room name) accepted, in UTF-16 code units. */
  maxTopicLength: number;
  /** Most topics one subscribe/unsubscribe may name. */
  maxTopicsPerMessage: number;
  /**
   * Deepest nesting accepted. Real signals are ~4 levels (publish > data > signal > candidate);
   * a cap keeps JSON.stringify of the relayed frame far from the recursion limit.
   */
  maxDepth: number;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const isValidTopic = (value: unknown, maxTopicLength: number): value is string =>
  typeof value === 'string' && value.length > 0 && value.length <= maxTopicLength;

/** Iterative, so a hostile 64 KiB of `[[[[` cannot exhaust the stack while we measure it. */
export function exceedsDepth(root: unknown, maxDepth: number): boolean {
  const stack: Array<{ value: unknown; depth: number }> = [{ value: root, depth: 1 }];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const { value, depth } = item;
    if (typeof value !== 'object' || value === null) continue;
    if (depth > maxDepth) return true;
    const children = Array.isArray(value) ? value : Object.values(value);
    for (const child of children) {
      if (typeof child === 'object' && child !== null) stack.push({ value: child, depth: depth + 1 });
    }
  }
  return false;
}

function parseTopicList(raw: unknown, limits: MessageLimits): string[] | MessageRejectReason {
  if (!Array.isArray(raw)) return 'invalid-topic';
  if (raw.length > limits.maxTopicsPerMessage) return 'too-many-topics';
  const topics: string[] = [];
  for (const topic of raw) {
    if (!isValidTopic(topic, limits.maxTopicLength)) return 'invalid-topic';
    topics.push(topic);
  }
  return topics;
}

export function parseSignalingMessage(text: string, limits: MessageLimits): ParsedMessage {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // The error text quotes the input, so it is deliberately discarded.
    return { ok: false, reason: 'malformed-json' };
  }
  if (!isPlainObject(value)) return { ok: false, reason: 'not-an-object' };
  if (exceedsDepth(value, limits.maxDepth)) return { ok: false, reason: 'too-deep' };

  switch (value.type) {
    case 'subscribe':
    case 'unsubscribe': {
      // y-webrtc always sends an array (possibly empty); a missing list is a broken client.
      const topics = parseTopicList(value.topics, limits);
      if (typeof topics === 'string') return { ok: false, reason: topics };
      return { ok: true, message: { type: value.type, topics } };
    }
    case 'publish': {
      if (!isValidTopic(value.topic, limits.maxTopicLength)) return { ok: false, reason: 'invalid-topic' };
      return { ok: true, message: { type: 'publish', topic: value.topic, frame: value } };
    }
    case 'ping':
      return { ok: true, message: { type: 'ping' } };
    case 'challenge':
      return { ok: true, message: { type: 'challenge' } };
    case 'auth':
      if (typeof value.proof !== 'string' || value.proof.length > 64) return { ok: false, reason: 'malformed-json' };
      return { ok: true, message: { type: 'auth', proof: value.proof } };
    default:
      return { ok: false, reason: 'unknown-type' };
  }
}
