import { readPlanSnapshotFromState } from '../../shared/plan/read-plan-snapshot';
import type { CarePlanSnapshot } from '../../shared/plan/plan-snapshot';
import type { ExportAgreement } from '../../shared/export/export-context';
import { AgreedVersionNotFoundError, type AgreedVersion, type AgreementDetails } from '../store/agreed-versions';
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
  /** Who agreed the version and when, from the version's own record; null for the draft. */
  agreement: ExportAgreement | null;
}

/** "Jill Marsh (the person)", "Karen Marsh (daughter)": everyone the version records as agreeing. */
export function agreementFromDetails(details: AgreementDetails | null, agreedAt: string): ExportAgreement | null {
  if (!details) return null;
  const first = details.agreedBy.role === 'the person' ? `${details.agreedBy.name} (the person)` : `${details.agreedBy.name} (${details.agreedBy.relationship})`;
  const others = (details.othersAgreed ?? []).map((other) => (other.relationship ? `${other.name} (${other.relationship})` : other.name));
  return { agreedOn: agreedAt.slice(0, 10), agreedWith: [first, ...others] };
}

/** The current draft of a plan, or one of its agreed versions, as a snapshot to export. */
export function loadPlanForExport(store: CareStore, planId: string, versionNumber: number | null): ExportSource {
  if (!store.hasPlan(planId)) throw new ExportSourceError(`There is no plan with id "${planId}" in this data folder.`);
  if (versionNumber === null) {
    return { snapshot: readPlanSnapshotFromState(store.loadPlan(planId).state), versionLabel: null, versionNumber: null, agreement: null };
  }
  let version: AgreedVersion;
  try {
    version = store.getAgreedVersion(planId, versionNumber);
  } catch (error) {
    if (error instanceof AgreedVersionNotFoundError) throw new ExportSourceError(`Plan "${planId}" has no agreed version ${versionNumber}.`);
    throw error; // a version that fails its integrity check is never exported
  }
  return {
    snapshot: readPlanSnapshotFromState(version.state),
    versionLabel: `Agreed version ${versionNumber} (${version.agreedAt.slice(0, 10)})`,
    versionNumber,
    agreement: agreementFromDetails(version.details, version.agreedAt),
  };
}
