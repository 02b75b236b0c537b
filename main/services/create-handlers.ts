import type { CareStore } from '../store/care-store';
import { createAgreementHandlers } from './agreement-service';
import { createConnectionHandlers } from './connection-service';
import { createDemoHandlers } from './demo-service';
import { createExportHandlers } from './export-service';
import type { HandlerTable } from './handler-table';
import { createHistoryHandlers } from './history-service';
import { createIntegrityHandlers } from './integrity-service';
import { createMeetingHandlers } from './meeting-service';
import { PlanDocCache } from './plan-doc-cache';
import { createPlanHandlers } from './plan-service';
import { createProfileHandlers } from './profile-service';
import { createUnlockedSessionHandlers } from './session-service';

export interface ServiceOptions {
  version: string;
}

/** The whole handler table over one store: what both hosts (Electron, browser) serve. */
export function createHandlers(store: CareStore, options: ServiceOptions): HandlerTable {
  const docs = new PlanDocCache(store);
  return {
    ...createPlanHandlers(store, docs, options.version),
    ...createProfileHandlers(store),
    ...createUnlockedSessionHandlers(),
    ...createHistoryHandlers(store),
    ...createMeetingHandlers(store, docs),
    ...createDemoHandlers(store, docs),
    ...createAgreementHandlers(store),
    ...createExportHandlers(store),
    ...createIntegrityHandlers(store, docs),
    ...createConnectionHandlers(),
  };
}
