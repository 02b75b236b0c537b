import { randomBytes, scryptSync } from 'node:crypto';
import type Database from 'better-sqlite3';
import { KEY_BYTES, TamperedDataError, open, seal } from './cipher';

/**
 * Envelope encryption: one random data key encrypts every personal value in the store;
 * the data key itself is stored only wrapped — by a key derived from the user's
 * passphrase (scrypt), or by the operating system's keyring (Electron safeStorage).
 * Changing the passphrase re-wraps the data key in one transaction, so a crash during
 * a re-key leaves either the old or the new passphrase working, never neither.
 */
export type KeySource =
  | { kind: 'passphrase'; passphrase: string }
  | { kind: 'os-keyring'; protect: (key: Buffer) => Buffer; unprotect: (wrapped: Buffer) => Buffer };

export class WrongPassphraseError extends Error {
  constructor() {
    super('That passphrase does not unlock this CareHouse data. Nothing was changed.');
    this.name = 'WrongPassphraseError';
  }
}

export class KeySourceMismatchError extends Error {
  constructor(expected: string) {
    super(`This CareHouse data is locked with ${expected}. Nothing was changed.`);
    this.name = 'KeySourceMismatchError';
  }
}

const MIN_PASSPHRASE_CHARS = 8;
/** scrypt cost: ~100 ms on a 2-core laptop; 64 MiB of memory. */
const SCRYPT = { N: 1 << 15, r: 8, p: 1, maxmem: 96 * 1024 * 1024 } as const;
const WRAP_CONTEXT = 'carehouse-data-key';

interface KeyRingRow {
  kind: string;
  salt: Buffer | null;
  wrapped_key: Buffer;
}

export function checkPassphraseStrength(passphrase: string): void {
  if (passphrase.length < MIN_PASSPHRASE_CHARS) {
    throw new Error(`A passphrase needs at least ${MIN_PASSPHRASE_CHARS} characters.`);
  }
}

function deriveKey(passphrase: string, salt: Buffer): Buffer {
  return scryptSync(passphrase.normalize('NFKC'), salt, KEY_BYTES, SCRYPT);
}

function wrap(dataKey: Buffer, source: KeySource): { kind: string; salt: Buffer | null; wrapped: Buffer } {
  if (source.kind === 'passphrase') {
    checkPassphraseStrength(source.passphrase);
    const salt = randomBytes(16);
    return { kind: 'passphrase', salt, wrapped: seal(deriveKey(source.passphrase, salt), dataKey, WRAP_CONTEXT) };
  }
  return { kind: 'os-keyring', salt: null, wrapped: source.protect(dataKey) };
}

function unwrap(row: KeyRingRow, source: KeySource): Buffer {
  if (row.kind !== source.kind) {
    throw new KeySourceMismatchError(row.kind === 'passphrase' ? 'a passphrase' : "this computer's keyring");
  }
  if (source.kind === 'passphrase') {
    try {
      return open(deriveKey(source.passphrase, row.salt ?? Buffer.alloc(0)), row.wrapped_key, WRAP_CONTEXT);
    } catch (error) {
      if (error instanceof TamperedDataError) throw new WrongPassphraseError();
      throw error;
    }
  }
  const key = source.unprotect(row.wrapped_key);
  if (key.length !== KEY_BYTES) throw new Error("The computer's keyring returned a damaged key.");
  return key;
}

function readRow(db: Database.Database): KeyRingRow | undefined {
  return db.prepare('SELECT kind, salt, wrapped_key FROM key_ring WHERE id = 1').get() as KeyRingRow | undefined;
}

/** Returns the data key: unwraps the stored one, or creates one on a brand-new store. */
export function unlockKeyRing(db: Database.Database, source: KeySource): Buffer {
  const row = readRow(db);
  if (row) return unwrap(row, source);
  const dataKey = randomBytes(KEY_BYTES);
  const { kind, salt, wrapped } = wrap(dataKey, source);
  db.prepare('INSERT INTO key_ring (id, kind, salt, wrapped_key) VALUES (1, ?, ?, ?)').run(kind, salt, wrapped);
  return dataKey;
}

export function isKeyRingInitialised(db: Database.Database): boolean {
  return readRow(db) !== undefined;
}

/** Re-wraps the data key for a new source; the old source must unlock it first. */
export function rekeyKeyRing(db: Database.Database, current: KeySource, next: KeySource): void {
  const row = readRow(db);
  if (!row) throw new Error('This store has no key yet.');
  const dataKey = unwrap(row, current);
  const { kind, salt, wrapped } = wrap(dataKey, next);
  db.prepare('UPDATE key_ring SET kind = ?, salt = ?, wrapped_key = ? WHERE id = 1').run(kind, salt, wrapped);
}
