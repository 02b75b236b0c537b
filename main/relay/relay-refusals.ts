import { logEvent } from '../logging/log';

/**
 * Refusals are logged as codes only (never keys, names or plan text), and at most once
 * per code per minute with a count, so a flood of bad connections cannot fill the disk.
 */
const WINDOW_MS = 60_000;

export class RefusalLog {
  readonly #counts = new Map<string, { since: number; suppressed: number }>();
  total = 0;

  refuse(code: string): void {
    this.total += 1;
    const now = Date.now();
    const entry = this.#counts.get(code);
    if (entry && now - entry.since < WINDOW_MS) {
      entry.suppressed += 1;
      return;
    }
    logEvent('warn', 'relay-refused', { code, suppressed: entry?.suppressed ?? 0 });
    this.#counts.set(code, { since: now, suppressed: 0 });
  }
}
