import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSignalingCliArgs } from '../../../main/sync/signaling-cli-args';
import { TestClient, waitUntil } from './signaling-test-client';

/**
 * The stand-alone server as an operator meets it: bundled the way we ship Node entries
 * (esbuild, CommonJS) and run as a real process.
 */
let workDir: string;
let entry: string;

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'carehouse-signaling-cli-'));
  entry = join(workDir, 'run-signaling-server.cjs');
  await build({
    entryPoints: [fileURLToPath(new URL('../../../main/sync/run-signaling-server.ts', import.meta.url))],
    outfile: entry,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // ws loads these native speed-ups only if present.
    external: ['bufferutil', 'utf-8-validate'],
    logLevel: 'silent',
  });
});

afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runCli(args: string[], timeoutMs = 10_000): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [entry, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`CLI did not exit within ${timeoutMs} ms`));
    }, timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe('run-signaling-server CLI', () => {
  it.each([
    [['--bogus']],
    [['--port']],
    [['--port', 'abc']],
    [['--port', '70000']],
    [['--port', '-1']],
    [['--host']],
    [['--host', '--port', '1']],
    [['--port', '1', '--port', '2']],
    [['--host', '0.0.0.0']],
    [['--host=::']],
    [['--lan=yes']],
    [['stray']],
  ])('rejects %j with usage and exit 2', async (args) => {
    const run = await runCli(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Usage: run-signaling-server');
    expect(run.stdout).toBe('');
  });

  it('prints usage for --help and exits 0', async () => {
    const run = await runCli(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Usage: run-signaling-server');
  });

  it('listens, announces itself in one line, serves, and stops cleanly on SIGTERM', async () => {
    const child = spawn(process.execPath, [entry, '--host', '127.0.0.1', '--port', '0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      await waitUntil(() => stdout.includes('\n'), 'the listening line', 10_000);
      const match = /^CareHouse signaling server listening on (ws:\/\/127\.0\.0\.1:\d+)\n$/.exec(stdout);
      expect(match, stdout).not.toBeNull();
      const client = await TestClient.connect(match?.[1] ?? '');
      await client.roundTrip();
      child.kill('SIGTERM');
      expect(await client.closed).toBe(1001);
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });

  it('exits 1 when the port is taken', async () => {
    const first = spawn(process.execPath, [entry, '--host', '127.0.0.1', '--port', '0'], {
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    let stdout = '';
    first.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const firstExited = new Promise((resolve) => first.on('exit', resolve));
    try {
      await waitUntil(() => stdout.includes('\n'), 'the listening line', 10_000);
      const port = /:(\d+)\n$/.exec(stdout)?.[1] ?? '';
      const second = await runCli(['--host', '127.0.0.1', '--port', port]);
      expect(second.code).toBe(1);
      expect(second.stderr).toContain('EADDRINUSE');
    } finally {
      first.kill('SIGTERM');
      await firstExited;
    }
  });
});

describe('CLI flag parsing', () => {
  it('defaults to loopback on y-webrtc\'s usual port', () => {
    expect(parseSignalingCliArgs([])).toEqual({ kind: 'run', settings: { host: '127.0.0.1', port: 4444, lan: false } });
  });

  it('takes a LAN address as given, and 0.0.0.0 only with --lan', () => {
    expect(parseSignalingCliArgs(['--host', '192.168.1.20', '--port=5000'])).toEqual({
      kind: 'run',
      settings: { host: '192.168.1.20', port: 5000, lan: false },
    });
    expect(parseSignalingCliArgs(['--host', '0.0.0.0']).kind).toBe('error');
    expect(parseSignalingCliArgs(['--lan', '--host', '0.0.0.0'])).toEqual({
      kind: 'run',
      settings: { host: '0.0.0.0', port: 4444, lan: true },
    });
  });
});
