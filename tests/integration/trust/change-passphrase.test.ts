import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { WrongPassphraseError } from '../../../main/store/key-ring';
import { fingerprintDir } from '../../support/file-fingerprint';
import { TEST_PASSPHRASE, openTestStore, tempDataDir, testActor } from '../../support/temp-store';
import { decryptedContent } from './support/plan-state';
import { runCli } from './support/run-cli';

const NEW_PASSPHRASE = 'a much longer new passphrase 2026';

function seeded(): string {
  const dataDir = tempDataDir('carehouse-rekey');
  const store = openTestStore(dataDir);
  store.saveProfile(testActor);
  const doc = new Y.Doc();
  doc.getText('notes').insert(0, 'Jill likes her tea strong');
  store.createPlan(randomUUID(), 'Jill Marsh', Y.encodeStateAsUpdate(doc), testActor);
  store.close();
  return dataDir;
}

function contentWith(dataDir: string, passphrase: string): unknown {
  const store = openTestStore(dataDir, { passphrase });
  try {
    return decryptedContent(store);
  } finally {
    store.close();
  }
}

describe('carehouse change-passphrase', () => {
  it('re-keys: the old passphrase stops working, the new one opens the same data', async () => {
    const dataDir = seeded();
    const before = contentWith(dataDir, TEST_PASSPHRASE);
    const result = await runCli(['change-passphrase', '--data-dir', dataDir], {
      CAREHOUSE_PASSPHRASE: TEST_PASSPHRASE,
      CAREHOUSE_NEW_PASSPHRASE: NEW_PASSPHRASE,
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Passphrase changed');
    expect(() => openTestStore(dataDir, { passphrase: TEST_PASSPHRASE })).toThrow(WrongPassphraseError);
    expect(contentWith(dataDir, NEW_PASSPHRASE)).toEqual(before);
    // And back again, with the CLI, proving the new one is a working old one.
    const back = await runCli(['change-passphrase', '--data-dir', dataDir], {
      CAREHOUSE_PASSPHRASE: NEW_PASSPHRASE,
      CAREHOUSE_NEW_PASSPHRASE: TEST_PASSPHRASE,
    });
    expect(back.code).toBe(0);
    expect(contentWith(dataDir, TEST_PASSPHRASE)).toEqual(before);
  });

  it('a wrong old passphrase is refused with a clear message and nothing is modified', async () => {
    const dataDir = seeded();
    const before = fingerprintDir(dataDir);
    const result = await runCli(['change-passphrase', '--data-dir', dataDir], {
      CAREHOUSE_PASSPHRASE: 'this is not the passphrase',
      CAREHOUSE_NEW_PASSPHRASE: NEW_PASSPHRASE,
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('does not unlock this CareHouse data. Nothing was changed.');
    expect(fingerprintDir(dataDir)).toBe(before);
    expect(() => openTestStore(dataDir, { passphrase: NEW_PASSPHRASE })).toThrow(WrongPassphraseError);
    openTestStore(dataDir).close();
  });

  it('a too-short new passphrase, or no passphrase and no terminal, changes nothing', async () => {
    const dataDir = seeded();
    const before = fingerprintDir(dataDir);
    const short = await runCli(['change-passphrase', '--data-dir', dataDir], { CAREHOUSE_PASSPHRASE: TEST_PASSPHRASE, CAREHOUSE_NEW_PASSPHRASE: 'short' });
    expect(short.code).toBe(1);
    expect(short.stderr).toContain('at least 12 characters');
    const noNew = await runCli(['change-passphrase', '--data-dir', dataDir], { CAREHOUSE_PASSPHRASE: TEST_PASSPHRASE });
    expect(noNew.code).toBe(1);
    expect(noNew.stderr).toContain('passphrase is needed');
    expect(fingerprintDir(dataDir)).toBe(before);
  });

  it('refuses a folder without CareHouse data instead of creating a store', async () => {
    const empty = tempDataDir('carehouse-rekey-empty');
    const result = await runCli(['change-passphrase', '--data-dir', empty], { CAREHOUSE_PASSPHRASE: TEST_PASSPHRASE, CAREHOUSE_NEW_PASSPHRASE: NEW_PASSPHRASE });
    expect(result.code).toBe(1);
    expect(fingerprintDir(empty)).toBe(fingerprintDir(tempDataDir('carehouse-rekey-empty')));
  });
});
