import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chownSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Real Redis and PostgreSQL servers from Debian's packages, started by the tests that need
 * them on 127.0.0.1 with a temporary folder and a free port, and stopped by them. Never
 * mocked. PostgreSQL refuses to run as root, so as root it runs as the `postgres` user.
 */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`nothing listened on port ${port}`);
}

export interface BackingServer {
  readonly url: string;
  stop(): Promise<void>;
}

function exitOf(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', () => resolve())));
}

export async function startRedis(): Promise<BackingServer> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'carehouse-redis-'));
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], { stdio: 'ignore' });
  await waitForPort(port);
  return {
    url: `redis://127.0.0.1:${port}`,
    stop: async () => {
      child.kill('SIGTERM');
      await exitOf(child);
    },
  };
}

function postgresBin(name: string): string {
  const versions = readdirSync('/usr/lib/postgresql').sort();
  const newest = versions[versions.length - 1];
  if (!newest) throw new Error('PostgreSQL is not installed (apt-get install postgresql)');
  return join('/usr/lib/postgresql', newest, 'bin', name);
}

const isRoot = process.getuid?.() === 0;
function asPostgresUser(command: string, args: readonly string[]): [string, string[]] {
  return isRoot ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, [...args]];
}

export async function startPostgres(): Promise<BackingServer> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'carehouse-pg-'));
  if (isRoot) chownSync(dir, Number(execFileSync('id', ['-u', 'postgres']).toString().trim()), Number(execFileSync('id', ['-g', 'postgres']).toString().trim()));
  const data = join(dir, 'data');
  const [initCommand, initArgs] = asPostgresUser(postgresBin('initdb'), ['-D', data, '-A', 'trust', '-U', 'carehouse', '--no-sync']);
  execFileSync(initCommand, initArgs, { stdio: 'ignore' });
  const [command, args] = asPostgresUser(postgresBin('postgres'), ['-D', data, '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=on']);
  const child = spawn(command, args, { stdio: 'ignore' });
  await waitForPort(port);
  // Ready to accept queries (the port opens slightly before recovery has finished).
  const [readyCommand, readyArgs] = asPostgresUser(postgresBin('pg_isready'), ['-h', '127.0.0.1', '-p', String(port), '-t', '30']);
  execFileSync(readyCommand, readyArgs, { stdio: 'ignore' });
  return {
    url: `postgres://carehouse@127.0.0.1:${port}/postgres`,
    stop: async () => {
      // The postmaster's own pid (runuser in between would not pass a fast shutdown on).
      const pid = Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
      if (pid > 0) process.kill(pid, 'SIGINT');
      await exitOf(child);
    },
  };
}
