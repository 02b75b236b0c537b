import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { encodeHello } from '../../../renderer/sync/meeting/peer-identity';
import { initialisePlanDoc, personText } from '../../../shared/plan';
import { FakePeer, settle } from './support/fake-peers';
import { connectIdentified, IdentifiedParticipant, ROOM, sessionKeysFor } from './support/identified-participant';
import { linkedPeers } from './support/fake-peers';

function plan(): Y.Doc {
  const doc = new Y.Doc();
  initialisePlanDoc(doc, '2025-03-14T09:00:00.000Z');
  return doc;
}

/** An awareness message as y-webrtc sends it, with one entry of our choosing. */
function awarenessMessage(clientId: number, clock: number, state: unknown): Uint8Array {
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, 1);
  encoding.writeVarUint(inner, clientId);
  encoding.writeVarUint(inner, clock);
  encoding.writeVarString(inner, JSON.stringify(state));
  const outer = encoding.createEncoder();
  encoding.writeVarUint(outer, 1);
  encoding.writeVarUint8Array(outer, encoding.toUint8Array(inner));
  return encoding.toUint8Array(outer);
}

function updateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, 2);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** Priya (receiver), Dr Amina Shah (GP) and Mallory (has the code and a key of her own), all connected. */
async function room() {
  const shared = plan();
  const state = Y.encodeStateAsUpdate(shared);
  const make = (name: string, peerId: string, role: string) => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, state);
    return new IdentifiedParticipant(doc, name, peerId, sessionKeysFor(name, role));
  };
  const priya = make('Priya Shah', 'peer-priya', 'Care coordinator');
  const amina = make('Dr Amina Shah', 'peer-amina', 'GP');
  const mallory = make('Mallory', 'peer-mallory', 'Visitor');
  connectIdentified(priya, amina);
  const [, fromMallory] = connectIdentified(priya, mallory);
  connectIdentified(amina, mallory);
  await settle(60);
  return { priya, amina, mallory, fromMallory };
}

describe('proof of key on meeting connections', () => {
  it('forged presence for another participant and for the receiver itself is ignored; own presence still arrives', async () => {
    const { priya, amina, mallory } = await room();
    const aminaState = () => priya.awareness.getStates().get(amina.awareness.clientID) as { user: { name: string }; chair: boolean } | undefined;
    expect(aminaState()?.user.name).toBe('Dr Amina Shah');
    const priyaOwnBefore = JSON.stringify(priya.awareness.getLocalState());

    const forged = { user: { name: 'Dr Amina Shah', role: 'GP', colour: '#1a5fb4' }, meetingPeerId: 'peer-mallory', focus: null, caret: null, viewing: 'goals', chair: true };
    mallory.broadcast(awarenessMessage(amina.awareness.clientID, 9999, forged));
    mallory.broadcast(awarenessMessage(priya.awareness.clientID, 9999, { ...forged, user: { ...forged.user, name: 'Priya (forged)' } }));
    // Positive control: Mallory's presence for her OWN client id does arrive.
    mallory.awareness.setLocalStateField('viewing', 'actions');
    await settle(60);

    expect((priya.awareness.getStates().get(mallory.awareness.clientID) as { viewing: string }).viewing).toBe('actions');
    expect(aminaState()?.user.name).toBe('Dr Amina Shah');
    expect(aminaState()?.chair).toBe(false);
    expect(JSON.stringify(priya.awareness.getLocalState())).toBe(priyaOwnBefore);
    expect(priya.refused).toEqual([]);
  });

  it('an update forged to carry the GP’s client id is recorded as signed by its deliverer, never as the GP', async () => {
    const { priya, amina, mallory } = await room();
    // Positive control: the GP's own edit is credited to her, verified as its author.
    personText(amina.doc, 'firstName')?.insert(0, 'Jill');
    await settle(60);
    const fromAmina = priya.origins.find((origin) => origin.peerId === 'peer-amina');
    expect(fromAmina?.peerName).toBe('Dr Amina Shah');
    expect(fromAmina?.verification?.signedBy).toBe('author');

    const forger = new Y.Doc();
    forger.clientID = amina.doc.clientID;
    Y.applyUpdate(forger, Y.encodeStateAsUpdate(mallory.doc));
    const before = Y.encodeStateVector(forger);
    personText(forger, 'familyName')?.insert(0, 'Forged by Mallory');
    const forgedUpdate = Y.encodeStateAsUpdate(forger, before);
    priya.origins.length = 0;
    mallory.conns.find((conn) => conn.remotePeerId === 'peer-priya')?.peer.send(updateMessage(forgedUpdate));
    await settle(60);

    const recorded = priya.origins.filter((origin) => origin.peerId === 'peer-mallory');
    expect(recorded.length).toBeGreaterThan(0);
    expect(recorded.every((origin) => origin.peerName === 'Mallory' && origin.verification?.signedBy === 'deliverer')).toBe(true);
    expect(priya.origins.some((origin) => origin.peerName === 'Dr Amina Shah')).toBe(false);
  });

  it('unsigned messages, a hello replayed from another connection and a changed key are refused', async () => {
    const { priya, mallory, fromMallory } = await room();
    // Bypass the signing wrapper: straight onto the channel.
    FakePeer.prototype.send.call(fromMallory, updateMessage(Y.encodeStateAsUpdate(mallory.doc)));
    // A hello Mallory made for ANOTHER connection (to Amina), replayed to Priya.
    FakePeer.prototype.send.call(fromMallory, encodeHello(mallory.keys, ROOM, 'peer-mallory', 'peer-amina', [mallory.awareness.clientID]));
    // A hello for this connection but with another key: a connection proves one key.
    FakePeer.prototype.send.call(fromMallory, encodeHello(sessionKeysFor('Dr Amina Shah', 'GP'), ROOM, 'peer-mallory', 'peer-priya', [mallory.awareness.clientID]));
    await settle(60);
    expect(priya.refused).toEqual([
      'a message not signed by the person who sent it',
      'a proof of identity that did not check out',
      'a proof of identity that did not check out',
    ]);
    expect(priya.identity.peerOf({ remotePeerId: 'peer-mallory' })?.name).toBe('Mallory');
  });

  it('a send attempted before the channel is open does not lose the hello: it is still the first message once open', async () => {
    const priya = new IdentifiedParticipant(plan(), 'Priya Nair', 'peer-priya');
    const tom = new IdentifiedParticipant(new Y.Doc(), 'Tom Reid', 'peer-tom');
    const [toTom, toPriya] = linkedPeers();
    // simple-peer throws when asked to send before its channel is open (y-webrtc broadcasts to such peers too).
    let open = false;
    const send = toTom.send.bind(toTom);
    toTom.send = (data: Uint8Array) => {
      if (!open) throw new Error('cannot send before connected');
      send(data);
    };
    const conn = priya.attach(toTom, 'peer-tom');
    tom.attach(toPriya, 'peer-priya');
    expect(() => conn.peer.send(new Uint8Array([0, 0, 1, 0]))).toThrow();
    open = true;
    priya.connectTo(conn);
    await settle(60);
    expect(tom.refused).toEqual([]);
    expect(tom.identity.peerOf({ remotePeerId: 'peer-priya' })?.name).toBe('Priya Nair');
  });
});
