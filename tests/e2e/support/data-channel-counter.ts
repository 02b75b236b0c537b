import type { Page } from '@playwright/test';

/**
 * Counts every RTCDataChannel message a page sends and receives, by CareHouse message
 * kind (the first byte: 0 = Yjs sync, 1 = presence, anything else = other). Installed with
 * page.addInitScript before the app loads, so every channel y-webrtc opens is counted.
 */
export const dataChannelCounterScript = `(() => {
  const zero = () => ({ sync: 0, presence: 0, other: 0 });
  const counts = { sent: zero(), received: zero() };
  Object.defineProperty(window, '__dataChannelCounts', { value: counts });
  // Issue 11 wraps every message after the hello as [101 signed | 105 MAC][varint length, tag][varint length, message]:
  // the kind is that of the wrapped message.
  const readVarUint = (bytes, at) => {
    let value = 0, shift = 0, index = at;
    while (index < bytes.length) {
      const byte = bytes[index++];
      value += (byte & 127) * 2 ** shift;
      shift += 7;
      if (byte < 128) break;
    }
    return [value, index];
  };
  const kind = (data) => {
    let bytes;
    if (data instanceof ArrayBuffer) bytes = new Uint8Array(data);
    else if (ArrayBuffer.isView(data)) bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    let first = bytes ? bytes[0] : undefined;
    if (bytes && (first === 101 || first === 105)) {
      const [tagLength, afterTagLength] = readVarUint(bytes, 1);
      const [, afterInnerLength] = readVarUint(bytes, afterTagLength + tagLength);
      first = bytes[afterInnerLength];
    }
    return first === 0 ? 'sync' : first === 1 ? 'presence' : 'other';
  };
  const send = RTCDataChannel.prototype.send;
  RTCDataChannel.prototype.send = function (data) {
    counts.sent[kind(data)] += 1;
    return send.call(this, data);
  };
  const watch = (channel) => channel.addEventListener('message', (event) => { counts.received[kind(event.data)] += 1; });
  const Native = window.RTCPeerConnection;
  class CountingPeerConnection extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener('datachannel', (event) => watch(event.channel));
    }
    createDataChannel(...args) {
      const channel = super.createDataChannel(...args);
      watch(channel);
      return channel;
    }
  }
  window.RTCPeerConnection = CountingPeerConnection;
})();`;

export interface MessageCounts {
  sync: number;
  presence: number;
  other: number;
}

export interface ChannelCounts {
  sent: MessageCounts;
  received: MessageCounts;
}

export function readCounts(page: Page): Promise<ChannelCounts> {
  return page.evaluate(() => structuredClone((window as unknown as { __dataChannelCounts: ChannelCounts }).__dataChannelCounts));
}

export function sumCounts(all: readonly ChannelCounts[]): ChannelCounts {
  const add = (pick: (counts: ChannelCounts) => MessageCounts): MessageCounts => ({
    sync: all.reduce((total, counts) => total + pick(counts).sync, 0),
    presence: all.reduce((total, counts) => total + pick(counts).presence, 0),
    other: all.reduce((total, counts) => total + pick(counts).other, 0),
  });
  return { sent: add((counts) => counts.sent), received: add((counts) => counts.received) };
}

export function difference(after: MessageCounts, before: MessageCounts): MessageCounts {
  return { sync: after.sync - before.sync, presence: after.presence - before.presence, other: after.other - before.other };
}
