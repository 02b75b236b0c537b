import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { databasePath } from '../../../main/store/database-file';
import { bundleForChild, childEnv } from '../../support/crash-writer-bundle';
import { runNodeProgram } from '../../support/run-program';
import { TEST_PASSPHRASE, openTestStore, tempDataDir } from '../../support/temp-store';

describe('a crash in the very first session', () => {
  it('leaves a data folder that is recognised as CareHouse and keeps what was acknowledged', async () => {
    const writer = await bundleForChild('tests/support/first-session-writer.ts', 'first-session-writer');
    const dataDir = tempDataDir('first-session');
    const planId = randomUUID();
    const result = await runNodeProgram(writer, [dataDir, planId, 'written before the power went'], childEnv({ CAREHOUSE_PASSPHRASE: TEST_PASSPHRASE }));
    expect(result.stdout).toContain('ack');
    expect(result.code).toBeNull(); // killed, not exited
    // The WAL was never checkpointed: the commit lives only there.
    expect(existsSync(`${databasePath(dataDir)}-wal`)).toBe(true);

    const store = openTestStore(dataDir);
    try {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, store.loadPlan(planId).state);
      expect(doc.getText('firstWords').toString()).toBe('written before the power went');
      expect(store.database.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      store.close();
    }
  });
});
