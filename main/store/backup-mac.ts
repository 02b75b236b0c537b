import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { canonicalJsonBytes } from '../../shared/plan-diff/canonical-json';
import type { KeyedBackupManifest } from './backup-format';

/**
 * Binds a backup to the data key. The container's SHA-256 hashes catch damage, but anyone
 * can recompute them around an edited database; this MAC over the manifest (which carries
 * the database's SHA-256) can only be made by someone who can unlock the data. Restore
 * recomputes it from the key the backup's own key ring unlocks to, before trusting anything.
 */
function backupKey(dataKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), 'carehouse-backup-manifest-v1', 32));
}

export function manifestMac(dataKey: Buffer, manifest: Omit<KeyedBackupManifest, 'mac'>): string {
  return createHmac('sha256', backupKey(dataKey)).update(canonicalJsonBytes(manifest)).digest('hex');
}

export function manifestMacHolds(dataKey: Buffer, manifest: KeyedBackupManifest): boolean {
  const { mac, ...rest } = manifest;
  const expected = Buffer.from(manifestMac(dataKey, rest), 'hex');
  const given = Buffer.from(mac, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
