import type { WebSocket } from 'ws';

/**
 * The one place the relay reaches into `ws` internals (ws 8.x, checked by
 * tests/unit/relay/ws-payload-limit.test.ts). `ws` checks `maxPayload` against each
 * frame's declared length BEFORE buffering it, but only per server. The relay wants a
 * small limit until a socket has proven a member (a stranger's oversized frame is then
 * refused at its header, never buffered) and a plan-sized one afterwards, so it raises the
 * socket's receiver limit once authenticated.
 */
interface ReceiverShape {
  _maxPayload: number;
}

function receiverOf(socket: WebSocket): ReceiverShape | null {
  const receiver = (socket as unknown as { _receiver?: unknown })._receiver;
  if (typeof receiver !== 'object' || receiver === null || typeof (receiver as { _maxPayload?: unknown })._maxPayload !== 'number') return null;
  return receiver as ReceiverShape;
}

/** Raises this socket's frame limit; false when `ws` no longer has the shape relied on. */
export function raisePayloadLimit(socket: WebSocket, bytes: number): boolean {
  const receiver = receiverOf(socket);
  if (!receiver) return false;
  receiver._maxPayload = bytes;
  return true;
}

export function payloadLimitOf(socket: WebSocket): number | null {
  return receiverOf(socket)?._maxPayload ?? null;
}
