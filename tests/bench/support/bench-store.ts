import { randomUUID } from 'node:crypto';
import { CareStore } from '../../../main/store/care-store';

export const benchActor = { name: 'Bench', role: 'Bench', organisation: '' };

/** A real encrypted store in a fresh folder, with one plan created from `initial`. */
export function benchStore(dataDir: string, initial: Uint8Array, options: { compactionThreshold?: number } = {}): { store: CareStore; planId: string } {
  const store = CareStore.open({ dataDir, keySource: { kind: 'passphrase', passphrase: 'bench passphrase' }, ...options });
  const planId = randomUUID();
  store.createPlan(planId, 'Bench', initial, benchActor);
  return { store, planId };
}
