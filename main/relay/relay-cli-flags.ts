import { UsageError } from '../host/parse-flags';

/** --redis redis://HOST:PORT; anything else is a usage error (no guessing at what was meant). */
export function parseRedisUrl(value: string): { host: string; port: number } {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`--redis must look like redis://HOST:PORT, not "${value}"`);
  }
  if (url.protocol !== 'redis:' || !url.hostname) throw new UsageError(`--redis must look like redis://HOST:PORT, not "${value}"`);
  return { host: url.hostname.replace(/^\[|\]$/g, ''), port: url.port ? Number(url.port) : 6379 };
}

export function checkPostgresUrl(value: string): string {
  if (!/^postgres(ql)?:\/\//.test(value)) throw new UsageError('--database must be a postgres://… connection address');
  return value;
}
