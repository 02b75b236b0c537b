import { logEvent } from '../logging/log';

/**
 * Integrity failures go to the support log as codes (never names or content): which check
 * failed and, for a plan, its random id. Rate-limited per code, so a store with thousands
 * of damaged rows — or a peer retrying a refused change — cannot flood or rotate the log
 * away; the count of suppressed events is logged when the window ends.
 */
export type IntegrityCode =
  | 'plan-chain-broken'
  | 'plan-set-seal-broken'
  | 'schema-differs'
  | 'sealed-value-failed'
  | 'database-damaged'
  | 'backup-refused'
  | 'disk-full';

const WINDOW_MS = 60_000;
const PER_WINDOW = 20;

interface Window {
  start: number;
  logged: number;
  suppressed: number;
}

const windows = new Map<IntegrityCode, Window>();

export function logIntegrityFailure(code: IntegrityCode, planId?: string, now: number = Date.now()): boolean {
  let window = windows.get(code);
  if (!window || now - window.start >= WINDOW_MS) {
    if (window && window.suppressed > 0) logEvent('warn', 'integrity-failures-suppressed', { code, count: window.suppressed });
    window = { start: now, logged: 0, suppressed: 0 };
    windows.set(code, window);
  }
  if (window.logged >= PER_WINDOW) {
    window.suppressed += 1;
    return false;
  }
  window.logged += 1;
  logEvent('error', 'integrity-failure', planId ? { code, planId } : { code });
  return true;
}

/** Tests only: start every code's window afresh. */
export function resetIntegrityLogWindows(): void {
  windows.clear();
}
