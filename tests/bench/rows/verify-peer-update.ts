import * as Y from 'yjs';
import { channelKey, MessageSigner, openMac, openSigned, sealWithMac, type VerifiedPeer } from '../../../renderer/sync/meeting/peer-identity';
import { PeerUpdateGate } from '../../../shared/sync/peer-update-gate';
import { createSigningKeyPair, encodeKeyBytes, keyFingerprint, signBytes, signSessionCertificate } from '../../../shared/identity';
import { buildExamplePlan, getPlanText } from '../../../shared/plan';
import { defineBench } from '../bench-row';
import { rounds, sampleMs } from '../measure';

/**
 * Issue 11: what proof of key costs per received keystroke, against the peer-update gate
 * alone on the same updates of Jill's plan, in the same run:
 * - after the hellos (every message but the first few): the connection's MAC + the gate;
 * - before the other side's hello: the sender's Ed25519 signature + the gate.
 */
export const bench = defineBench({
  name: 'verify peer update',
  run: () => {
    const source = new Y.Doc();
    buildExamplePlan('jill', source, { today: '2026-11-23' });
    const initial = Y.encodeStateAsUpdate(source);
    const updates: Uint8Array[] = [];
    source.on('update', (update: Uint8Array) => updates.push(update));
    const text = getPlanText(source, ['aboutMe', 'whatMatters']);
    if (!text) throw new Error('no text');
    for (let index = 0; index < 1200; index += 1) text.insert(text.length, 'a');

    const identity = createSigningKeyPair();
    const session = createSigningKeyPair();
    const now = Date.now();
    const certificate = signSessionCertificate((bytes) => signBytes(identity.secretKey, bytes), {
      identityKey: encodeKeyBytes(identity.publicKey),
      sessionKey: encodeKeyBytes(session.publicKey),
      name: 'Bench',
      role: 'Bench',
      issuedAt: now,
      expiresAt: now + 3_600_000,
    });
    const signer = new MessageSigner({ certificate, secretKey: session.secretKey }, 'bench-room', 'peer-bench');
    const receiver = createSigningKeyPair();
    const sendKey = channelKey(session.secretKey, receiver.publicKey, 'bench-room', 'peer-bench', 'peer-receiver');
    const receiveKey = channelKey(receiver.secretKey, session.publicKey, 'bench-room', 'peer-bench', 'peer-receiver');
    // Sealing is the sender's cost; the receiver's is what is measured.
    const signed = updates.map((update) => signer.seal(update));
    const maced = updates.map((update) => sealWithMac(sendKey, update));
    const peer: VerifiedPeer = {
      identityKey: certificate.identityKey,
      fingerprint: keyFingerprint(identity.publicKey),
      name: 'Bench',
      role: 'Bench',
      sessionKey: session.publicKey,
      clientIds: new Set([source.clientID]),
    };

    const measure = (verify: 'none' | 'mac' | 'signature') => {
      const live = new Y.Doc();
      Y.applyUpdate(live, initial);
      const gate = new PeerUpdateGate(live);
      let next = 0;
      const stats = rounds(3, () =>
        sampleMs(100, () => {
          const index = next++;
          const update =
            verify === 'mac'
              ? openMac(receiveKey, maced[index] ?? new Uint8Array())
              : verify === 'signature'
                ? openSigned(signed[index] ?? new Uint8Array(), peer, 'bench-room', 'peer-bench')
                : (updates[index] ?? new Uint8Array());
          if (!update) throw new Error('did not verify');
          gate.admit(update, 'bench', () => {
            throw new Error('refused');
          });
        }),
      );
      gate.dispose();
      return stats;
    };
    const baseline = measure('none');
    const mac = measure('mac');
    const signature = measure('signature');
    return [
      { name: 'verify one peer update', baselineLabel: 'peer-update gate', baseline, candidateLabel: 'connection MAC + gate', candidate: mac, unit: 'ms' },
      { name: 'verify one (pre-hello) update', baselineLabel: 'peer-update gate', baseline, candidateLabel: 'Ed25519 + gate', candidate: signature, unit: 'ms' },
    ];
  },
});
