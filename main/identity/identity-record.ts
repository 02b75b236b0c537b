import { createSigningKeyPair, publicKeyOf, type SigningKeyPair } from '../../shared/identity';
import { open, seal } from '../store/cipher';
import type { StoreContext } from '../store/store-context';

/**
 * The profile's signing identity: one Ed25519 key pair per installation, made with the
 * profile. The public key is stored in the clear (it is shown to others anyway); the
 * secret key is sealed under the data key like every other secret, bound to its row.
 */
export const IDENTITY_SCHEMA = `
  CREATE TABLE identity (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    public_key BLOB NOT NULL CHECK (length(public_key) = 32),
    secret_key_blob BLOB NOT NULL,
    created_at TEXT NOT NULL
  );
`;

const SECRET_CONTEXT = 'identity-secret-key:1';

interface IdentityRow {
  public_key: Buffer;
  secret_key_blob: Buffer;
}

function readRow(context: StoreContext): IdentityRow | undefined {
  return context.db.prepare('SELECT public_key, secret_key_blob FROM identity WHERE id = 1').get() as IdentityRow | undefined;
}

/** The stored key pair; opening checks the sealed secret and that it matches the public key. */
function openRow(context: StoreContext, row: IdentityRow): SigningKeyPair {
  const secretKey = new Uint8Array(open(context.key, row.secret_key_blob, SECRET_CONTEXT));
  const publicKey = new Uint8Array(row.public_key);
  const derived = publicKeyOf(secretKey);
  if (!derived.every((byte, index) => byte === publicKey[index])) {
    throw new Error("This profile's signing key does not match its public key.");
  }
  return { publicKey, secretKey };
}

/** The public key, without opening the secret (null before the identity is made). */
export function readIdentityPublicKey(context: StoreContext): Uint8Array | null {
  const row = readRow(context);
  return row ? new Uint8Array(row.public_key) : null;
}

/** The key pair, made and stored on first use (in one transaction: two callers cannot both make one). */
export function ensureIdentity(context: StoreContext): SigningKeyPair {
  return context.db.transaction(() => {
    const row = readRow(context);
    if (row) return openRow(context, row);
    const pair = createSigningKeyPair();
    context.db
      .prepare('INSERT INTO identity (id, public_key, secret_key_blob, created_at) VALUES (1, ?, ?, ?)')
      .run(Buffer.from(pair.publicKey), seal(context.key, pair.secretKey, SECRET_CONTEXT), context.now());
    return pair;
  }).immediate();
}
