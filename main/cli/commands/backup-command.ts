import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseFlags, UsageError } from '../../host/parse-flags';
import { backupDataDir } from '../../store/backup-writer';
import type { CliCommand } from '../cli-command';

export const backupCommand: CliCommand = {
  name: 'backup',
  usage: 'carehouse backup --data-dir DIR --out FILE',
  summary: 'write a consistent, encrypted backup (safe while CareHouse is running)',
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
    const manifest = await backupDataDir(dataDir, resolve(out));
    io.out(`Backup written to ${out} (${manifest.databaseBytes} bytes, sha256 ${manifest.databaseSha256.slice(0, 16)}..., made ${manifest.createdAt}).`);
    return 0;
  },
};
