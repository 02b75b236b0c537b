import type { CliCommand } from './cli-command';
import { listCommand } from './commands/list-command';

/** Every subcommand; add new ones here. */
export const cliCommands: readonly CliCommand[] = [listCommand];
