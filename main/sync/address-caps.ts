import { isIPv6 } from 'node:net';

/**
 * Per-address bookkeeping for the signaling server, so one machine cannot take every
 * slot: counts of open and not-yet-authenticated sockets per source address. IPv6
 * addresses are counted per /64 (one machine can hold a whole /64 of addresses).
 */
export function addressBucket(remoteAddress: string | undefined): string {
  if (!remoteAddress) return 'unknown';
  const address = remoteAddress.startsWith('::ffff:') ? remoteAddress.slice(7) : remoteAddress;
  if (!isIPv6(address)) return address;
  const [head] = address.split('::');
  const groups = (head ?? '').split(':').filter(Boolean);
  return `${groups.slice(0, 4).join(':')}::/64`;
}

export class AddressCounts {
  readonly #counts = new Map<string, number>();

  get(bucket: string): number {
    return this.#counts.get(bucket) ?? 0;
  }

  add(bucket: string, delta: number): void {
    const next = this.get(bucket) + delta;
    if (next <= 0) this.#counts.delete(bucket);
    else this.#counts.set(bucket, next);
  }
}
