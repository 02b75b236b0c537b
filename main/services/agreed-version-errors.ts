import { CareError } from '../../shared/contract';
import { AgreedVersionIntegrityError, AgreedVersionNotFoundError } from '../store/agreed-versions';

/** Agreed-version failures as errors the UI can show: not found, or refused (tampered). */
export function toAgreedVersionCareError(error: unknown): unknown {
  if (error instanceof AgreedVersionNotFoundError) return new CareError('not-found', error.message);
  if (error instanceof AgreedVersionIntegrityError) return new CareError('refused', error.message);
  return error;
}

export function withAgreedVersionErrors<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    throw toAgreedVersionCareError(error);
  }
}
