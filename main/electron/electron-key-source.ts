import { safeStorage } from 'electron';
import type { KeySource } from '../store/key-ring';

/**
 * The OS keyring protects the data key when it is real. On Linux without a keyring
 * Electron falls back to 'basic_text' (a hard-coded key): that is NOT protection, so we
 * say so and ask for a passphrase instead.
 */
export function osKeySource(): KeySource | { unavailable: string } {
  if (!safeStorage.isEncryptionAvailable()) {
    return { unavailable: "This computer offers no secure keyring, so CareHouse needs a passphrase to protect your data." };
  }
  if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') {
    return { unavailable: "This computer's keyring is not set up (no GNOME Keyring or KWallet), so CareHouse needs a passphrase to protect your data." };
  }
  return {
    kind: 'os-keyring',
    protect: (key) => safeStorage.encryptString(key.toString('base64')),
    unprotect: (wrapped) => Buffer.from(safeStorage.decryptString(wrapped), 'base64'),
  };
}
