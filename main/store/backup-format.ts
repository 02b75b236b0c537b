import { createHash } from 'node:crypto';
import { z } from 'zod';

/**
 * The `.carehouse-backup` container: ONE file, so a backup cannot be separated from its
 * integrity data.
 *
 *   magic "CHBACKUP" (8 bytes)
 *   manifest length, uint32 big-endian (4 bytes)
 *   manifest, UTF-8 JSON (see backupManifestSchema)
 *   the SQLite database bytes (a CareHouse database; every personal value in it is
 *     already sealed with AES-256-GCM, so the backup is as encrypted as the live store)
 *   SHA-256 of everything above (32 bytes)
 *
 * The trailing hash covers the magic and the manifest as well as the database, so a
 * single flipped byte anywhere, or a truncated file, is detected before anything is
 * restored. It proves integrity, not authorship: the sealed values inside prove that
 * (each opens only with the data key and only in the row it was written for).
 */
export const BACKUP_MAGIC = Buffer.from('CHBACKUP', 'latin1');
export const BACKUP_FORMAT = 'carehouse-backup' as const;
/** 2: the manifest carries a MAC from the data key (backup-mac.ts). 1: unkeyed hashes only. */
export const BACKUP_FORMAT_VERSION = 2;
export const BACKUP_FILE_EXTENSION = '.carehouse-backup';
const LENGTH_BYTES = 4;
const HASH_BYTES = 32;
/** A manifest is a few hundred bytes; anything far larger is not ours, refused before parsing. */
const MAX_MANIFEST_BYTES = 64 * 1024;

const manifestFields = {
  format: z.literal(BACKUP_FORMAT),
  createdAt: z.string().datetime({ offset: true }),
  schemaVersion: z.number().int().positive(),
  applicationId: z.number().int(),
  databaseBytes: z.number().int().positive(),
  /** SHA-256 of the database bytes alone, hex. */
  databaseSha256: z.string().regex(/^[0-9a-f]{64}$/),
};
export const backupManifestSchema = z.discriminatedUnion('formatVersion', [
  z.object({ ...manifestFields, formatVersion: z.literal(1) }).strict(),
  z
    .object({
      ...manifestFields,
      formatVersion: z.literal(2),
      /** Plans found damaged when the backup was made (random ids, no personal data). */
      damagedPlans: z.array(z.string().uuid()).max(100_000),
      /** HMAC-SHA256 over the rest of the manifest, keyed from the data key, hex. */
      mac: z.string().regex(/^[0-9a-f]{64}$/),
    })
    .strict(),
]);
export type BackupManifest = z.infer<typeof backupManifestSchema>;
export type KeyedBackupManifest = Extract<BackupManifest, { formatVersion: 2 }>;

export class InvalidBackupError extends Error {
  constructor(reason: string) {
    super(`This backup cannot be restored: ${reason} Nothing was changed.`);
    this.name = 'InvalidBackupError';
  }
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function encodeBackup(manifest: BackupManifest, database: Buffer): Buffer {
  const manifestBytes = Buffer.from(JSON.stringify(manifest), 'utf8');
  const length = Buffer.alloc(LENGTH_BYTES);
  length.writeUInt32BE(manifestBytes.length);
  const body = Buffer.concat([BACKUP_MAGIC, length, manifestBytes, database]);
  return Buffer.concat([body, createHash('sha256').update(body).digest()]);
}

/** Checks the container completely (magic, sizes, both hashes) and returns its parts. */
export function decodeBackup(file: Buffer): { manifest: BackupManifest; database: Buffer } {
  const headerBytes = BACKUP_MAGIC.length + LENGTH_BYTES;
  if (file.length < headerBytes + HASH_BYTES || !file.subarray(0, BACKUP_MAGIC.length).equals(BACKUP_MAGIC)) {
    throw new InvalidBackupError('it is not a CareHouse backup file (or it is cut short).');
  }
  const body = file.subarray(0, file.length - HASH_BYTES);
  const expectedHash = file.subarray(file.length - HASH_BYTES);
  if (!createHash('sha256').update(body).digest().equals(expectedHash)) {
    throw new InvalidBackupError('it is damaged or incomplete (its checksum does not match).');
  }
  const manifestLength = file.readUInt32BE(BACKUP_MAGIC.length);
  if (manifestLength > MAX_MANIFEST_BYTES || headerBytes + manifestLength > body.length) {
    throw new InvalidBackupError('its description block is damaged.');
  }
  let parsedJson: unknown;
  try {
    parsedJson = JSON.parse(body.subarray(headerBytes, headerBytes + manifestLength).toString('utf8'));
  } catch {
    throw new InvalidBackupError('its description block is damaged.');
  }
  const manifest = backupManifestSchema.safeParse(parsedJson);
  if (!manifest.success) {
    throw new InvalidBackupError('it was made by a different version of CareHouse, or its description block is damaged.');
  }
  const database = body.subarray(headerBytes + manifestLength);
  if (database.length !== manifest.data.databaseBytes || sha256Hex(database) !== manifest.data.databaseSha256) {
    throw new InvalidBackupError('the database inside it is damaged or incomplete.');
  }
  return { manifest: manifest.data, database };
}
