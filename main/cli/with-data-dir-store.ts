import type { CareStore } from '../store/care-store';
import { openNodeStore } from '../host/open-node-store';
import { UsageError } from '../host/parse-flags';

/**
 * The shape most commands share: `--data-dir` is required, the store is opened (asking for
 * the passphrase), the work runs, and the store is closed whatever happens.
 */
export async function withDataDirStore<T>(dataDir: string | undefined, work: (store: CareStore) => Promise<T> | T): Promise<T> {
  if (!dataDir) throw new UsageError('--data-dir is required');
  const store = await openNodeStore(dataDir);
  try {
    return await work(store);
  } finally {
    store.close();
  }
}
