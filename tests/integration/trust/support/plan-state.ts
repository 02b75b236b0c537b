import * as Y from 'yjs';
import type { CareStore } from '../../../../main/store/care-store';

/** Everything a person would see in a store, decrypted: plans, their documents, history, profile. */
export function decryptedContent(store: CareStore): unknown {
  return {
    profile: store.getProfile(),
    plans: store.listPlans(true).map((plan) => {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, store.loadPlan(plan.id).state);
      return {
        id: plan.id,
        displayName: plan.displayName,
        archived: plan.archived,
        document: doc.toJSON(),
        history: store.auditTrail(plan.id, 100_000).map((event) => ({ ...event, id: undefined })),
      };
    }),
  };
}
