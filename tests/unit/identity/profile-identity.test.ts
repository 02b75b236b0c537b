import { describe, expect, it } from 'vitest';
import { createIdentityHandlers } from '../../../main/identity/identity-service';
import { decodeKeyBytes, keyFingerprint, verifySessionCertificate } from '../../../shared/identity';
import { openTestStore, tempDataDir, testActor } from '../../support/temp-store';

describe('the profile signing identity (main/identity)', () => {
  it('is made with the profile, kept across reopening, and its secret is sealed', async () => {
    const dir = tempDataDir('identity');
    const store = openTestStore(dir);
    expect(store.database.prepare('SELECT COUNT(*) AS n FROM identity').get()).toEqual({ n: 0 });
    store.saveProfile(testActor);
    const handlers = createIdentityHandlers(store);
    const first = await handlers.getIdentity({});
    const publicKey = decodeKeyBytes(first.publicKey, 32);
    expect(publicKey).not.toBeNull();
    expect(first.fingerprint).toBe(keyFingerprint(publicKey ?? new Uint8Array()));
    const row = store.database.prepare('SELECT secret_key_blob AS blob FROM identity').get() as { blob: Buffer };
    // Sealed: version byte + nonce + tag + 32 bytes of ciphertext, never the raw 32-byte key.
    expect(row.blob.length).toBe(1 + 12 + 16 + 32);
    store.close();

    const reopened = openTestStore(dir);
    expect(await createIdentityHandlers(reopened).getIdentity({})).toEqual(first);
    reopened.close();
  });

  it('certifies a session key under the profile name, verifiable by anyone with the public key', async () => {
    const store = openTestStore(tempDataDir('identity'));
    store.saveProfile(testActor);
    const handlers = createIdentityHandlers(store, () => 1_800_000_000_000);
    const identity = await handlers.getIdentity({});
    const sessionKey = identity.publicKey.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'));
    const certificate = await handlers.certifySessionKey({ sessionKey });
    expect(certificate.identityKey).toBe(identity.publicKey);
    expect(certificate.name).toBe(testActor.name);
    const check = verifySessionCertificate(certificate, 1_800_000_000_001);
    expect(check.ok).toBe(true);
    store.close();
  });

  it('refuses to certify before there is a profile, and changes nothing', async () => {
    const store = openTestStore(tempDataDir('identity'));
    const handlers = createIdentityHandlers(store);
    await expect(async () => handlers.certifySessionKey({ sessionKey: 'A'.repeat(43) + '=' })).rejects.toThrow(/profile/);
    expect(store.database.prepare('SELECT COUNT(*) AS n FROM identity').get()).toEqual({ n: 0 });
    store.close();
  });
});
