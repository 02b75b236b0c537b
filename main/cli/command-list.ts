import type { CliCommand } from './cli-command';
import { backupCommand } from './commands/backup-command';
import { changePassphraseCommand } from './commands/change-passphrase-command';
import { connectCommand } from './commands/connect-command';
import { demoCommand } from './commands/demo-command';
import { exportCommand } from './commands/export-command';
import { listCommand } from './commands/list-command';
import { relayCommand } from './commands/relay-command';
import { restoreCommand } from './commands/restore-command';
import { syncCommand } from './commands/sync-command';

/** Every subcommand; add new ones here. */
export const cliCommands: readonly CliCommand[] = [listCommand, backupCommand, restoreCommand, changePassphraseCommand, exportCommand, demoCommand,
  // The practice relay (docs/relay.md).
  relayCommand, connectCommand, syncCommand];
