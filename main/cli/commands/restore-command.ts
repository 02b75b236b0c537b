import { resolve } from 'node:path';
import { readPassphrase } from '../../host/read-passphrase';
import { parseFlags, UsageError } from '../../host/parse-flags';
import { restoreBackup } from '../../store/restore-backup';
import type { CliCommand } from '../cli-command';

export const restoreCommand: CliCommand = {
  name: 'restore',
  usage: 'carehouse restore --data-dir DIR --from FILE [--salvage]',
  summary: 'verify a backup completely, keep the current data aside, then restore (close CareHouse first); --salvage restores the healthy plans of a damaged backup',
  async run(args, io) {
    const { values } = parseFlags(args, { 'data-dir': { type: 'string' }, from: { type: 'string' }, salvage: { type: 'boolean' } });
    const dataDir = values['data-dir'];
    const from = values.from;
    if (!dataDir) throw new UsageError('--data-dir is required');
    if (!from) throw new UsageError('--from is required');
    const passphrase = await readPassphrase('Passphrase in force when the backup was made');
    const outcome = restoreBackup({
      dataDir: resolve(dataDir),
      from: resolve(from),
      keySource: { kind: 'passphrase', passphrase },
      salvage: values.salvage ?? false,
    });
    io.out(`Restored ${outcome.plans} plan(s) from a backup made ${outcome.manifest.createdAt}.`);
    for (const plan of outcome.leftOut) io.out(`Left out (damaged): ${plan.planId}: ${plan.problems.join('; ')}`);
    if (outcome.previousDir) io.out(`The data it replaced is kept in ${outcome.previousDir}`);
    return 0;
  },
};
