import { readPassphrase } from '../../host/read-passphrase';
import { parseFlags, UsageError } from '../../host/parse-flags';
import { CareStore } from '../../store/care-store';
import { inspectDataDir } from '../../store/database-file';
import { checkPassphraseStrength } from '../../store/key-ring';
import type { CliCommand } from '../cli-command';

/** Automation supplies the new passphrase here; people are asked twice on the terminal. */
export const NEW_PASSPHRASE_ENV = 'CAREHOUSE_NEW_PASSPHRASE';

async function readNewPassphrase(env: NodeJS.ProcessEnv): Promise<string> {
  const fromEnv = env[NEW_PASSPHRASE_ENV];
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  // An empty environment makes readPassphrase ask on the terminal (or refuse without one).
  const first = await readPassphrase('New passphrase', {});
  const second = await readPassphrase('New passphrase again', {});
  if (first !== second) throw new Error('The two new passphrases are different. Nothing was changed.');
  return first;
}

export const changePassphraseCommand: CliCommand = {
  name: 'change-passphrase',
  usage: 'carehouse change-passphrase --data-dir DIR',
  summary: `re-key: the old passphrase from CAREHOUSE_PASSPHRASE or a prompt, the new from ${NEW_PASSPHRASE_ENV} or a prompt`,
  async run(args, io) {
    const { values } = parseFlags(args, { 'data-dir': { type: 'string' } });
    const dataDir = values['data-dir'];
    if (!dataDir) throw new UsageError('--data-dir is required');
    // Opening a folder with no data would CREATE a store locked with the "old" passphrase.
    if (inspectDataDir(dataDir) !== 'existing') {
      io.err(`carehouse change-passphrase: ${dataDir} holds no CareHouse data. Nothing was changed.`);
      return 1;
    }
    const current = await readPassphrase('Current passphrase');
    const next = await readNewPassphrase(process.env);
    checkPassphraseStrength(next);
    const store = CareStore.open({ dataDir, keySource: { kind: 'passphrase', passphrase: current } });
    try {
      // One transaction re-wraps the data key: a crash leaves the old or the new passphrase working.
      store.changeKey({ kind: 'passphrase', passphrase: current }, { kind: 'passphrase', passphrase: next });
    } finally {
      store.close();
    }
    io.out('Passphrase changed. Use the new passphrase from now on.');
    return 0;
  },
};
