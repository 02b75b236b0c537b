import type { CareStore } from '../store/care-store';
import { createAgreementHandlers } from './agreement-service';
import { createConnectionHandlers } from './connection-service';
import { createDemoHandlers } from './demo-service';
import { createExportHandlers } from './export-service';
import type { HandlerTable } from './handler-table';
import { createHistoryHandlers } from './history-service';
import { createReversalHandlers } from './reversal-service';
import { createIdentityHandlers } from '../identity/identity-service';
import { createIntegrityHandlers } from './integrity-service';
import { createMeetingHandlers } from './meeting-service';
import { createMeetingRecordHandlers } from './meeting-record-service';
import { createMyWorkHandlers } from './my-work-service';
import { PlanDocCache } from './plan-doc-cache';
import { createPlanHandlers } from './plan-service';
import { createProfileHandlers } from './profile-service';
import { RelayLiveSync } from '../relay/relay-live-sync';
import { createRelayHandlers } from '../relay/relay-service';
import { createUnlockedSessionHandlers } from './session-service';

export interface ServiceOptions {
  version: string;
}

/** The whole handler table over one store: what both hosts (Electron, browser) serve. */
export function createHandlers(store: CareStore, options: ServiceOptions): HandlerTable {
  const docs = new PlanDocCache(store);
  const plans = createPlanHandlers(store, docs, options.version);
  // The practice relay: runs only on a machine enrolled with one (docs/relay.md).
  const relay = new RelayLiveSync(store, docs);
  relay.start();
  return {
    ...plans,
    appendUpdate: async (input) => {
      const stored = await plans.appendUpdate(input);
      relay.nudge();
      return stored;
    },
    ...createRelayHandlers(store, docs, relay),
    ...createProfileHandlers(store),
    ...createUnlockedSessionHandlers(),
    ...createHistoryHandlers(store),
    ...createReversalHandlers(store),
    ...createMeetingHandlers(store, docs),
    ...createDemoHandlers(store, docs),
    ...createAgreementHandlers(store),
    ...createExportHandlers(store),
    ...createMeetingRecordHandlers(store),
    ...createMyWorkHandlers(store, docs),
    ...createIdentityHandlers(store),
    ...createIntegrityHandlers(store, docs),
    ...createConnectionHandlers(),
  };
}
