import * as Y from 'yjs';
import { readPlanSnapshot } from '../../shared/plan/read-plan-snapshot';
import type { CarePlanSnapshot } from '../../shared/plan/plan-snapshot';
import type { CareStore } from '../store/care-store';

/** Thrown when the plan or the asked-for agreed version is not there: a usage mistake. */
export class ExportSourceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExportSourceError';
  }
}

export interface ExportSource {
  snapshot: CarePlanSnapshot;
  /** 'Agreed version 3 (2026-11-23)', or null for the current draft. */
  versionLabel: string | null;
  versionNumber: number | null;
}

/**
 * What an agreed-version store method may return. Agreed versions are being added to the
 * store by another change; until then we accept anything carrying the frozen state, and
 * take the date from whichever field it is given in.
 */
interface AgreedVersionLike {
  state?: unknown;
  agreedAt?: unknown;
  agreedOn?: unknown;
  createdAt?: unknown;
}

type AgreedVersionReader = (planId: string, versionNumber: number) => AgreedVersionLike | null | undefined;

function agreedVersionReader(store: CareStore): AgreedVersionReader | null {
  const candidate = (store as unknown as { getAgreedVersion?: unknown }).getAgreedVersion;
  return typeof candidate === 'function' ? (candidate.bind(store) as AgreedVersionReader) : null;
}

function snapshotOf(state: Uint8Array): CarePlanSnapshot {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
    return readPlanSnapshot(doc);
  } finally {
    doc.destroy();
  }
}

/** The current draft of a plan, or one of its agreed versions, as a snapshot to export. */
export function loadPlanForExport(store: CareStore, planId: string, versionNumber: number | null): ExportSource {
  if (!store.hasPlan(planId)) throw new ExportSourceError(`There is no plan with id "${planId}" in this data folder.`);
  if (versionNumber === null) {
    return { snapshot: snapshotOf(store.loadPlan(planId).state), versionLabel: null, versionNumber: null };
  }
  const read = agreedVersionReader(store);
  let version: AgreedVersionLike | null | undefined = null;
  if (read) {
    try {
      version = read(planId, versionNumber);
    } catch {
      version = null;
    }
  }
  if (!version || !(version.state instanceof Uint8Array)) {
    throw new ExportSourceError(`Plan "${planId}" has no agreed version ${versionNumber}.`);
  }
  const when = [version.agreedAt, version.agreedOn, version.createdAt].find((value): value is string => typeof value === 'string');
  return {
    snapshot: snapshotOf(version.state),
    versionLabel: `Agreed version ${versionNumber}${when ? ` (${when.slice(0, 10)})` : ''}`,
    versionNumber,
  };
}
