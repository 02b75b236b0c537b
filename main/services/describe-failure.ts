import { CareError, type CareErrorShape } from '../../shared/contract';
import { TamperedDataError } from '../store/cipher';
import { ForeignDataError } from '../store/database-file';
import { WrongPassphraseError } from '../store/key-ring';
import { PlanNotFoundError } from '../store/plan-records';
import { logEvent } from '../logging/log';
import { StoreSchemaError } from '../store/schema-check';
import { DamagedDatabaseError, DiskFullError, PlanDamagedError } from '../store/store-errors';
import { WeakPassphraseError } from '../store/passphrase-strength';

/** Turns any thrown value into an error the UI can show, without leaking internals. */
export function describeFailure(error: unknown): CareErrorShape {
  if (error instanceof CareError) return error.toShape();
  if (error instanceof PlanNotFoundError) return { code: 'not-found', message: 'That plan is not on this machine.' };
  if (error instanceof WrongPassphraseError) return { code: 'locked', message: error.message };
  if (error instanceof TamperedDataError || error instanceof ForeignDataError) return { code: 'refused', message: error.message };
  // Integrity: plain words for the user; the store already logged the code (rate-limited).
  if (error instanceof PlanDamagedError || error instanceof DamagedDatabaseError || error instanceof StoreSchemaError) {
    return { code: 'refused', message: error.message };
  }
  if (error instanceof WeakPassphraseError) return { code: 'invalid-input', message: error.message };
  // Not "refused": the change is still wanted, so the renderer keeps it and retries.
  if (error instanceof DiskFullError) return { code: 'disk-full', message: error.message };
  // Unexpected: log the kind of failure (never its data) and give the user a plain message.
  logEvent('error', 'unexpected-failure', { kind: error instanceof Error ? error.name : typeof error });
  return { code: 'internal', message: 'Something went wrong inside CareHouse. Your saved work is safe; please try again.' };
}
