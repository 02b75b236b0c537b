import { join } from 'node:path';
import { configureLog } from '../logging/log';
import { CareStore } from '../store/care-store';
import { readPassphrase } from './read-passphrase';

/**
 * Opens the store for the Node hosts (browser host, CLI): the key comes from a
 * passphrase, asked for on the terminal or given in the environment for automation.
 */
export async function openNodeStore(dataDir: string): Promise<CareStore> {
  const passphrase = await readPassphrase('CareHouse passphrase');
  const store = CareStore.open({ dataDir, keySource: { kind: 'passphrase', passphrase } });
  configureLog(join(dataDir, 'logs'));
  return store;
}
