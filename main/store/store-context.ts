import type Database from 'better-sqlite3';

/** What every repository in the store needs: the open database and the unwrapped data key. */
export interface StoreContext {
  readonly db: Database.Database;
  readonly key: Buffer;
  /** MAC key for the tamper-evident chains, derived from the data key (chain-mac.ts). */
  readonly chainKey: Buffer;
  readonly now: () => string;
}
