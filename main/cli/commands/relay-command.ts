import { writeFileSync } from 'node:fs';
import { parseFlags, parsePort, UsageError } from '../../host/parse-flags';
import { accessLogCsv, readAccessLog } from '../../relay/relay-access-log';
import { checkPostgresUrl, parseRedisUrl } from '../../relay/relay-cli-flags';
import { closeRelayDatabase, openRelayDatabase, type RelayDatabase } from '../../relay/relay-database';
import { createInvitation, listMembers, revokeMember } from '../../relay/relay-membership';
import { relayKeySource } from '../../relay/relay-passphrase';
import { runRelayService } from '../../relay/run-relay-service';
import { keyFingerprint } from '../../../shared/identity';
import type { CliCommand, CliIo } from '../cli-command';

const USAGE = [
  'carehouse relay serve --data-dir DIR [--host ADDR] [--port N] [--tls-cert F --tls-key F] [--redis URL --database postgres://…]',
  'carehouse relay invite --data-dir DIR --name NAME --role ROLE',
  'carehouse relay members --data-dir DIR',
  'carehouse relay revoke --data-dir DIR --member ID',
  'carehouse relay access-log --data-dir DIR [--out FILE.csv]',
].join('\n       ');

const DEFAULT_RELAY_PORT = 4455;

async function withRelay<T>(dataDir: string | undefined, use: (relay: RelayDatabase) => T): Promise<T> {
  if (!dataDir) throw new UsageError('--data-dir is required');
  const relay = openRelayDatabase(dataDir, await relayKeySource());
  try {
    return use(relay);
  } finally {
    closeRelayDatabase(relay);
  }
}

async function serve(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseFlags(args, {
    'data-dir': { type: 'string' },
    host: { type: 'string' },
    port: { type: 'string' },
    'tls-cert': { type: 'string' },
    'tls-key': { type: 'string' },
    redis: { type: 'string' },
    database: { type: 'string' },
    'store-debounce-ms': { type: 'string' },
  });
  const dataDir = values['data-dir'];
  if (!dataDir) throw new UsageError('--data-dir is required');
  if (Boolean(values['tls-cert']) !== Boolean(values['tls-key'])) throw new UsageError('--tls-cert and --tls-key go together');
  if (values.redis && !values.database) throw new UsageError('--redis needs --database postgres://… (several relays share one PostgreSQL)');
  const debounce = values['store-debounce-ms'];
  if (debounce !== undefined && !/^\d{1,6}$/.test(debounce)) throw new UsageError('--store-debounce-ms must be a number of milliseconds');
  await runRelayService(
    {
      dataDir,
      host: values.host ?? '127.0.0.1',
      port: parsePort(values.port, DEFAULT_RELAY_PORT),
      ...(values['tls-cert'] ? { tlsCert: values['tls-cert'] } : {}),
      ...(values['tls-key'] ? { tlsKey: values['tls-key'] } : {}),
      ...(values.redis ? { redis: parseRedisUrl(values.redis) } : {}),
      ...(values.database ? { database: checkPostgresUrl(values.database) } : {}),
      ...(debounce !== undefined ? { storeDebounceMs: Number(debounce) } : {}),
    },
    io.out,
  );
  // Runs until SIGTERM/SIGINT (run-relay-service exits the process after a graceful stop).
  return new Promise<number>(() => undefined);
}

export const relayCommand: CliCommand = {
  name: 'relay',
  usage: USAGE,
  summary: 'run and administer a practice relay (see docs/relay.md)',
  async run(args, io) {
    const [sub, ...rest] = args;
    switch (sub) {
      case 'serve':
        return serve(rest, io);
      case 'invite': {
        const { values } = parseFlags(rest, { 'data-dir': { type: 'string' }, name: { type: 'string' }, role: { type: 'string' } });
        if (!values.name || !values.role) throw new UsageError('--name and --role are required');
        const { code, expiresAt } = await withRelay(values['data-dir'], (relay) => createInvitation(relay, { name: values.name ?? '', role: values.role ?? '' }));
        io.out(code);
        io.err(`One-time invitation for ${values.name} (${values.role}); valid until ${expiresAt}.`);
        return 0;
      }
      case 'members': {
        const { values } = parseFlags(rest, { 'data-dir': { type: 'string' } });
        const members = await withRelay(values['data-dir'], listMembers);
        for (const member of members) {
          io.out([member.id, member.name, member.role, keyFingerprint(member.publicKey), member.revokedAt ? `revoked ${member.revokedAt}` : 'active'].join('\t'));
        }
        return 0;
      }
      case 'revoke': {
        const { values } = parseFlags(rest, { 'data-dir': { type: 'string' }, member: { type: 'string' } });
        if (!values.member) throw new UsageError('--member ID is required (see carehouse relay members)');
        const member = await withRelay(values['data-dir'], (relay) => revokeMember(relay, values.member ?? ''));
        io.out(`${member.name} can no longer use this relay; their open connections are closed.`);
        return 0;
      }
      case 'access-log': {
        const { values } = parseFlags(rest, { 'data-dir': { type: 'string' }, out: { type: 'string' } });
        const csv = await withRelay(values['data-dir'], (relay) => accessLogCsv(readAccessLog(relay)));
        if (values.out) writeFileSync(values.out, csv, { mode: 0o600, flag: 'wx' });
        else io.out(csv.trimEnd());
        return 0;
      }
      default:
        throw new UsageError(sub ? `Unknown relay command "${sub}"` : 'Say which relay command: serve, invite, members, revoke or access-log');
    }
  },
};
