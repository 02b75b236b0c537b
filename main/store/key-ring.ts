import { createHash, randomBytes, scryptSync } from 'node:crypto';
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

/**
 * scrypt at the strength OWASP recommends for scrypt today (N=2^17, r=8, p=1: 128 MiB of
 * memory per guess, ~0.4 s on a laptop core). Stores wrapped with older, weaker parameters
 * (N=2^15, before migration 007 recorded them) are re-wrapped on their next unlock.
 */
export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}
export const CURRENT_KDF: ScryptParams = { N: 1 << 17, r: 8, p: 1 };
const LEGACY_KDF: ScryptParams = { N: 1 << 15, r: 8, p: 1 };
const WRAP_CONTEXT = 'carehouse-data-key';

interface KeyRingRow {
  kind: string;
  salt: Buffer | null;
  wrapped_key: Buffer;
  /** "scrypt:N:r:p"; absent (no column, or null) in stores from before migration 007. */
  kdf?: string | null;
}

import { checkPassphraseStrength } from './passphrase-strength';

export { checkPassphraseStrength };

const kdfLabel = (params: ScryptParams) => `scrypt:${params.N}:${params.r}:${params.p}`;

function parseKdf(label: string | null | undefined): ScryptParams {
  if (!label) return LEGACY_KDF;
  const match = /^scrypt:(\d+):(\d+):(\d+)$/.exec(label);
  if (!match) throw new Error('This CareHouse data names a key derivation this version does not know. Nothing was changed.');
  return { N: Number(match[1]), r: Number(match[2]), p: Number(match[3]) };
}

// One process may unlock the same store many times (tests, restore checks): derive each
// (passphrase, salt, parameters) once. The cache holds derived keys only, never passphrases.
const derived = new Map<string, Buffer>();

function deriveKey(passphrase: string, salt: Buffer, params: ScryptParams): Buffer {
  const id = createHash('sha256').update(passphrase.normalize('NFKC')).update(salt).update(kdfLabel(params)).digest('hex');
  const cached = derived.get(id);
  if (cached) return cached;
  const key = scryptSync(passphrase.normalize('NFKC'), salt, KEY_BYTES, { ...params, maxmem: 160 * params.N * params.r });
  if (derived.size > 32) derived.clear();
  derived.set(id, key);
  return key;
}

function wrap(dataKey: Buffer, source: KeySource, params: ScryptParams = CURRENT_KDF): { kind: string; salt: Buffer | null; wrapped: Buffer; kdf: string | null } {
  if (source.kind === 'passphrase') {
    checkPassphraseStrength(source.passphrase);
    const salt = randomBytes(16);
    return { kind: 'passphrase', salt, wrapped: seal(deriveKey(source.passphrase, salt, params), dataKey, WRAP_CONTEXT), kdf: kdfLabel(params) };
  }
  return { kind: 'os-keyring', salt: null, wrapped: source.protect(dataKey), kdf: null };
}

function unwrap(row: KeyRingRow, source: KeySource): Buffer {
  if (row.kind !== source.kind) {
    throw new KeySourceMismatchError(row.kind === 'passphrase' ? 'a passphrase' : "this computer's keyring");
  }
  if (source.kind === 'passphrase') {
    try {
      return open(deriveKey(source.passphrase, row.salt ?? Buffer.alloc(0), parseKdf(row.kdf)), row.wrapped_key, WRAP_CONTEXT);
    } catch (error) {
      if (error instanceof TamperedDataError) throw new WrongPassphraseError();
      throw error;
    }
  }
  const key = source.unprotect(row.wrapped_key);
  if (key.length !== KEY_BYTES) throw new Error("The computer's keyring returned a damaged key.");
  return key;
}

function hasKdfColumn(db: Database.Database): boolean {
  return db.prepare("SELECT 1 FROM pragma_table_info('key_ring') WHERE name = 'kdf'").get() !== undefined;
}

function readRow(db: Database.Database): KeyRingRow | undefined {
  return db.prepare('SELECT * FROM key_ring WHERE id = 1').get() as KeyRingRow | undefined;
}

/** Returns the data key: unwraps the stored one, or creates one on a brand-new store. */
export function unlockKeyRing(db: Database.Database, source: KeySource): Buffer {
  const row = readRow(db);
  if (row) return unwrap(row, source);
  const dataKey = randomBytes(KEY_BYTES);
  // A schema from before migration 007 cannot record parameters: wrap as that release did.
  if (!hasKdfColumn(db)) {
    const { kind, salt, wrapped } = wrap(dataKey, source, LEGACY_KDF);
    db.prepare('INSERT INTO key_ring (id, kind, salt, wrapped_key) VALUES (1, ?, ?, ?)').run(kind, salt, wrapped);
    return dataKey;
  }
  const { kind, salt, wrapped, kdf } = wrap(dataKey, source);
  db.prepare('INSERT INTO key_ring (id, kind, salt, wrapped_key, kdf) VALUES (1, ?, ?, ?, ?)').run(kind, salt, wrapped, kdf);
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
  const { kind, salt, wrapped, kdf } = wrap(dataKey, next);
  db.prepare('UPDATE key_ring SET kind = ?, salt = ?, wrapped_key = ?, kdf = ? WHERE id = 1').run(kind, salt, wrapped, kdf);
}

/**
 * After a successful unlock (schema current): a passphrase wrapping made with weaker scrypt
 * parameters is re-wrapped with CURRENT_KDF and a fresh salt, in one transaction, with the
 * same passphrase — the user notices nothing but a stronger file. The strength check is
 * not applied here: the passphrase is the user's existing one, and refusing it would lock
 * them out of their own data.
 */
export function upgradeKeyWrapping(db: Database.Database, source: KeySource): boolean {
  const row = readRow(db);
  if (!row || source.kind !== 'passphrase' || row.kind !== 'passphrase' || row.kdf === kdfLabel(CURRENT_KDF)) return false;
  db.transaction(() => {
    const dataKey = unwrap(row, source);
    const salt = randomBytes(16);
    const wrapped = seal(deriveKey(source.passphrase, salt, CURRENT_KDF), dataKey, WRAP_CONTEXT);
    db.prepare('UPDATE key_ring SET salt = ?, wrapped_key = ?, kdf = ? WHERE id = 1').run(salt, wrapped, kdfLabel(CURRENT_KDF));
  })();
  return true;
}

/** The scrypt parameters the stored wrapping was made with (tests, diagnostics). */
export function keyWrappingParams(db: Database.Database): ScryptParams | null {
  const row = readRow(db);
  return row && row.kind === 'passphrase' ? parseKdf(row.kdf) : null;
}
