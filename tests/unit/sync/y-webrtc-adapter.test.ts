import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import { Room, WebrtcConn, WebrtcProvider } from 'y-webrtc';
import * as Y from 'yjs';
import { PeerOrigin } from '../../../renderer/sync/update-origin';
import type { WebrtcConnLike } from '../../../renderer/sync/meeting/guarded-connection';
import { detachBroadcastChannel, providerInternals, sendOnlyOwnChanges, Y_WEBRTC_VERSION } from '../../../renderer/sync/meeting/y-webrtc-adapter';

const root = join(__dirname, '..', '..', '..');
const readJson = (path: string) => JSON.parse(readFileSync(join(root, path), 'utf8')) as { version?: string; dependencies?: Record<string, string> };

/** A connection that records what y-webrtc sends on it (no real peer: nothing leaves the test). */
function standInConn(sent: Uint8Array[]): WebrtcConnLike {
  return { remotePeerId: 'peer-b', connected: true, synced: true, peer: { send: (data: Uint8Array) => sent.push(data) }, destroy: () => undefined } as unknown as WebrtcConnLike;
}

/** A provider with no signaling (nothing leaves the test) and one stand-in connection that records what y-webrtc sends. */
async function providerWithOnePeer(roomName: string) {
  const doc = new Y.Doc();
  const provider = new WebrtcProvider(roomName, doc, { signaling: [], password: 'code' });
  const internals = providerInternals(provider);
  await internals.key;
  const room = internals.room;
  if (!room) throw new Error('y-webrtc opened no room');
  const sent: Uint8Array[] = [];
  room.webrtcConns.set('peer-b', standInConn(sent));
  return { doc, provider, room, awareness: provider.awareness, sent };
}

/** An update another participant made (applied here as the guarded connection applies it). */
function peerEdit(doc: Y.Doc, text: string): Uint8Array {
  const peer = new Y.Doc();
  Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
  const before = Y.encodeStateVector(peer);
  peer.getText('t').insert(0, text);
  return Y.encodeStateAsUpdate(peer, before);
}

function peerPresence(name: string): Uint8Array {
  const other = new awarenessProtocol.Awareness(new Y.Doc());
  other.setLocalState({ user: { name } });
  return awarenessProtocol.encodeAwarenessUpdate(other, [other.clientID]);
}

describe('the y-webrtc adapter (style.md rule 14)', () => {
  it('is pinned to the exact version whose internals it uses', () => {
    expect(readJson('package.json').dependencies?.['y-webrtc']).toBe(Y_WEBRTC_VERSION);
    expect(readJson('node_modules/y-webrtc/package.json').version).toBe(Y_WEBRTC_VERSION);
  });

  it("finds the Room, WebrtcConn and provider shapes it relies on in the installed y-webrtc", async () => {
    const { provider, room } = await providerWithOnePeer('adapter-shape');
    expect(room).toBeInstanceOf(Room);
    expect(typeof room.peerId).toBe('string');
    expect(room.name).toBe('adapter-shape');
    expect(room.webrtcConns).toBeInstanceOf(Map);
    expect(typeof room.bcconnected).toBe('boolean');
    for (const handler of [room._bcSubscriber, room._docUpdateHandler, room._awarenessUpdateHandler]) expect(typeof handler).toBe('function');
    expect(Array.isArray(providerInternals(provider).signalingConns)).toBe(true);
    // WebrtcConn fields guarded-connection.ts reads and the simple-peer `send` it wraps.
    const connSource = WebrtcConn.toString();
    for (const field of ['this.remotePeerId', 'this.connected', 'this.synced', 'this.peer = new Peer']) expect(connSource).toContain(field);
    detachBroadcastChannel(room);
    expect(room.bcconnected).toBe(false);
    provider.destroy();
  });

  it('sends own edits and own presence once per connection, and never re-sends what a peer sent', async () => {
    const { doc, provider, room, awareness, sent } = await providerWithOnePeer('adapter-echo');
    // Positive control: as shipped, y-webrtc re-sends an update it received from a peer, and a peer's presence.
    Y.applyUpdate(doc, peerEdit(doc, 'from a peer '), new PeerOrigin('peer-c', 'Karen', 'Daughter'));
    awarenessProtocol.applyAwarenessUpdate(awareness, peerPresence('Karen'), 'conn-c');
    expect(sent).toHaveLength(2);
    sent.length = 0;

    sendOnlyOwnChanges(room, doc, awareness, (origin) => origin instanceof PeerOrigin);
    Y.applyUpdate(doc, peerEdit(doc, 'again '), new PeerOrigin('peer-c', 'Karen', 'Daughter'));
    awarenessProtocol.applyAwarenessUpdate(awareness, peerPresence('Tom'), 'conn-c');
    expect(sent).toHaveLength(0);

    doc.getText('t').insert(0, 'mine');
    awareness.setLocalStateField('focus', 'aboutMe/whatMatters');
    expect(sent).toHaveLength(2);

    // The filter survives y-webrtc's own disconnect/connect (it re-adds whatever the handler properties hold).
    provider.disconnect();
    provider.connect();
    room.webrtcConns.set('peer-b', standInConn(sent));
    sent.length = 0;
    Y.applyUpdate(doc, peerEdit(doc, 'after reconnect '), new PeerOrigin('peer-c', 'Karen', 'Daughter'));
    expect(sent).toHaveLength(0);
    doc.getText('t').insert(0, 'x');
    expect(sent).toHaveLength(1);
    provider.destroy();
  });
});
