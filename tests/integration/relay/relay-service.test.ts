import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { request } from 'node:https';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { invite, runCli, startRelayProcess } from '../../support/relay-processes';
import { tempDataDir } from '../../support/temp-store';

/** The relay runs like a real service: TLS, health, encrypted storage, clean logs, graceful stop. */
function httpsJson(url: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    // The test's own self-signed certificate.
    request(url, { rejectUnauthorized: false }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve(JSON.parse(body) as unknown));
    })
      .on('error', reject)
      .end();
  });
}

describe('carehouse relay serve', () => {
  it('serves wss with a certificate, answers health, keeps names out of its file and logs, and stops cleanly on SIGTERM', async () => {
    const dir = tempDataDir('relay-tls');
    const cert = join(dir, 'cert.pem');
    const key = join(dir, 'key.pem');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=127.0.0.1'], { stdio: 'ignore' });
    const relayDir = join(dir, 'relay');
    const relay = await startRelayProcess(relayDir, ['--tls-cert', cert, '--tls-key', key]);
    onTestFinished(() => relay.kill());
    expect(relay.url).toMatch(/^wss:\/\/127\.0\.0\.1:\d+$/);
    const health = await httpsJson(`${relay.url.replace(/^wss/, 'https')}/health`);
    expect(health).toMatchObject({ status: 'ok', documents: 0, connections: 0 });

    // An invitation holds the person's name (sealed).
    expect(await invite(relayDir, 'Grace Okafor', 'Community matron')).toMatch(/^[A-Z0-9]{6}(-[A-Z0-9]{6}){3}$/);

    expect(await relay.stop()).toBe(0);
    // Sealed at rest: the member's name is in neither the database files nor the logs.
    const files = readdirSync(relayDir, { recursive: true }).map(String).filter((name) => statSync(join(relayDir, name)).isFile());
    expect(files).toContain('relay.db');
    expect(files.some((name) => name.endsWith('carehouse.log'))).toBe(true);
    for (const name of files) expect(readFileSync(join(relayDir, name)).includes('Grace Okafor'), name).toBe(false);
    expect(statSync(join(relayDir, 'relay.db')).mode & 0o077).toBe(0);
    const log = readFileSync(join(relayDir, 'logs', 'carehouse.log'), 'utf8');
    expect(log).toContain('"event":"relay-listening"');
    expect(log).toContain('"event":"relay-stopped"');
  });

  it('refuses bad flags with usage and exit 2', async () => {
    for (const args of [['relay', 'serve'], ['relay', 'serve', '--data-dir', tempDataDir('x'), '--redis', 'redis://127.0.0.1:1'], ['relay', 'serve', '--data-dir', tempDataDir('x'), '--tls-cert', 'a'], ['relay', 'frobnicate']]) {
      const result = await runCli(args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr, args.join(' ')).toMatch(/Usage/);
    }
  });
});
