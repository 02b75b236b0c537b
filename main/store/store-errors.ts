/** Errors the store raises for the states a user must be told about in plain words. */
export class PlanDamagedError extends Error {
  constructor(readonly planId: string, readonly problems: readonly string[]) {
    super(
      `This plan failed its integrity check (${problems.join('; ')}). It may have been altered outside CareHouse or damaged, so it is not opened for editing. Restore it from a backup, or choose to keep it as it now is.`,
    );
    this.name = 'PlanDamagedError';
  }
}

export class DiskFullError extends Error {
  constructor() {
    super('The disk is full, so this change was not saved. Everything saved before it is safe. Free some space and try again.');
    this.name = 'DiskFullError';
  }
}

export class DamagedDatabaseError extends Error {
  constructor(file: string, what: string) {
    super(`The CareHouse data file ${file} is damaged (${what}). It was left exactly as it is. Restore your data from a backup (carehouse restore --data-dir … --from …).`);
    this.name = 'DamagedDatabaseError';
  }
}

/** SQLite says the disk (or the file's size limit) is full. */
export function isDiskFull(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = 'code' in error ? String(error.code) : '';
  return code === 'SQLITE_FULL' || code === 'ENOSPC' || code.startsWith('SQLITE_IOERR_WRITE') && /ENOSPC|full/i.test(error.message);
}

/** SQLite found the file is not a whole database. */
export function isCorruptDatabase(error: unknown): boolean {
  if (!(error instanceof Error) || !('code' in error)) return false;
  const code = String(error.code);
  return code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT_');
}

/** Another connection holds the lock SQLite needed (after waiting the busy timeout). */
export function isBusy(error: unknown): boolean {
  return error instanceof Error && 'code' in error && String(error.code).startsWith('SQLITE_BUSY');
}
