import { readPassphrase } from '../host/read-passphrase';
import type { KeySource } from '../store/key-ring';

/** A relay is a service: its passphrase normally comes from its environment (systemd, a secret store). */
export const RELAY_PASSPHRASE_ENV = 'CAREHOUSE_RELAY_PASSPHRASE';

export async function relayKeySource(env: NodeJS.ProcessEnv = process.env): Promise<KeySource> {
  const fromEnv = env[RELAY_PASSPHRASE_ENV];
  if (fromEnv !== undefined && fromEnv !== '') return { kind: 'passphrase', passphrase: fromEnv };
  // Falls back to the terminal (or CAREHOUSE_PASSPHRASE), as every other command does.
  return { kind: 'passphrase', passphrase: await readPassphrase('Relay passphrase') };
}
