import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CareStore } from '../../main/store/care-store';

export const TEST_PASSPHRASE = 'correct horse battery staple';

export function tempDataDir(label = 'carehouse-test'): string {
  return mkdtempSync(join(tmpdir(), `${label}-`));
}

export function openTestStore(dataDir: string, options: { compactionThreshold?: number; passphrase?: string } = {}): CareStore {
  return CareStore.open({
    dataDir,
    keySource: { kind: 'passphrase', passphrase: options.passphrase ?? TEST_PASSPHRASE },
    compactionThreshold: options.compactionThreshold,
  });
}

export const testActor = { name: 'Tom Reid', role: 'Practice nurse', organisation: 'Headingley Medical Centre' };
