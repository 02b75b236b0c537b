import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseFlags, UsageError } from '../../host/parse-flags';
import { readPassphrase } from '../../host/read-passphrase';
import { backupDataDir } from '../../store/backup-data-dir';
import { ForeignDataError, inspectDataDir } from '../../store/database-file';
import type { CliCommand } from '../cli-command';

export const backupCommand: CliCommand = {
  name: 'backup',
  usage: 'carehouse backup --data-dir DIR --out FILE',
  summary: 'write a consistent, encrypted backup bound to your key, checking every plan (safe while CareHouse is running)',
  async run(args, io) {
    const { values } = parseFlags(args, { 'data-dir': { type: 'string' }, out: { type: 'string' } });
    const dataDir = values['data-dir'];
    const out = values.out;
    if (!dataDir) throw new UsageError('--data-dir is required');
    if (!out) throw new UsageError('--out is required');
    // Never overwrite: an older backup may be the only good copy someone has.
    if (existsSync(out)) {
      io.err(`carehouse backup: ${out} already exists; choose a new file name. Nothing was written.`);
      return 1;
    }
    // Refuse a folder without CareHouse data before asking for anything.
    if (inspectDataDir(resolve(dataDir)) !== 'existing') throw new ForeignDataError(`${dataDir} holds no CareHouse data to back up.`);
    const passphrase = await readPassphrase('CareHouse passphrase');
    const outcome = await backupDataDir(resolve(dataDir), resolve(out), { kind: 'passphrase', passphrase });
    const { manifest } = outcome;
    io.out(`Backup written to ${out} (${outcome.plans} plan(s), ${manifest.databaseBytes} bytes, made ${manifest.createdAt}).`);
    for (const problem of outcome.storeProblems) io.err(`Warning: ${problem}.`);
    if (outcome.damagedPlans.length === 0) return 0;
    io.err(`Warning: ${outcome.damagedPlans.length} plan(s) failed their integrity check and are damaged in this backup too:`);
    for (const plan of outcome.damagedPlans) io.err(`  ${plan.planId}: ${plan.problems.join('; ')}`);
    io.err('The other plans are backed up intact; `carehouse restore --salvage` restores them without the damaged ones.');
    // Written, but not clean: scripts must notice.
    return 3;
  },
};
