import { join } from 'node:path';
import { configureLog } from '../logging/log';
import { CareStore } from '../store/care-store';
import { inspectDataDir } from '../store/database-file';
import { checkPassphraseStrength } from '../store/key-ring';
import { PASSPHRASE_ENV, readPassphrase } from './read-passphrase';

/**
 * A new data folder's passphrase becomes the only way in, so a person typing it is asked
 * twice (a typo would otherwise lock them out of everything they then write).
 */
async function choosePassphrase(): Promise<string> {
  const first = await readPassphrase('Choose a passphrase for this CareHouse data (at least 12 characters; three or four ordinary words work well)');
  checkPassphraseStrength(first);
  if (process.env[PASSPHRASE_ENV]) return first;
  const again = await readPassphrase('Type the same passphrase again');
  if (again !== first) throw new Error('The two passphrases were different. Nothing was created; please start again.');
  return first;
}

/**
 * Opens the store for the Node hosts (browser host, CLI): the key comes from a
 * passphrase, asked for on the terminal or given in the environment for automation.
 */
export async function openNodeStore(dataDir: string): Promise<CareStore> {
  const isNew = inspectDataDir(dataDir) === 'new';
  const passphrase = isNew ? await choosePassphrase() : await readPassphrase('CareHouse passphrase');
  const store = CareStore.open({ dataDir, keySource: { kind: 'passphrase', passphrase } });
  configureLog(join(dataDir, 'logs'));
  return store;
}
