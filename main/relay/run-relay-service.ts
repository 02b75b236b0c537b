import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { configureLog, logEvent } from '../logging/log';
import { closeRelayDatabase, openRelayDatabase } from './relay-database';
import type { RelayDocumentStore } from './relay-document-store';
import { relayKeySource } from './relay-passphrase';
import { createPostgresDocumentStore } from './relay-postgres-store';
import { startRelayServer, type RunningRelay } from './relay-server';
import { createSqliteDocumentStore } from './relay-sqlite-store';

export interface RelayServiceOptions {
  dataDir: string;
  host: string;
  port: number;
  tlsCert?: string;
  tlsKey?: string;
  redis?: { host: string; port: number };
  database?: string;
  storeDebounceMs?: number;
}

/** Opens storage, starts the relay, and stops it gracefully on SIGTERM/SIGINT. */
export async function runRelayService(options: RelayServiceOptions, announce: (line: string) => void): Promise<RunningRelay> {
  configureLog(join(options.dataDir, 'logs'));
  const relay = openRelayDatabase(options.dataDir, await relayKeySource());
  let store: RelayDocumentStore;
  try {
    store = options.database ? await createPostgresDocumentStore(options.database, relay.key) : createSqliteDocumentStore(relay);
  } catch (error) {
    closeRelayDatabase(relay);
    throw error;
  }
  const tls = options.tlsCert && options.tlsKey ? { cert: readFileSync(options.tlsCert), key: readFileSync(options.tlsKey) } : undefined;
  const running = await startRelayServer({
    relay,
    store,
    host: options.host,
    port: options.port,
    ...(tls ? { tls } : {}),
    ...(options.redis ? { redis: options.redis } : {}),
    ...(options.storeDebounceMs !== undefined ? { storeDebounceMs: options.storeDebounceMs } : {}),
  });
  announce(`CareHouse relay listening at ${running.url}`);
  const stop = (signal: string) => {
    logEvent('info', 'relay-stopping', { signal: signal.toLowerCase() });
    running
      .close()
      .then(() => closeRelayDatabase(relay))
      .finally(() => process.exit(0));
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
  return running;
}
