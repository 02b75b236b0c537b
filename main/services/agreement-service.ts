import { CareError, type AgreedVersionSummary as AgreedVersionSummaryOutput, type PlanVersionRef } from '../../shared/contract';
import { isCarePlanSnapshot, listAgreeAdvisories, listBlockingProblems, readPlanSnapshotFromState, type CarePlanSnapshot } from '../../shared/plan';
import { countChanges, diffPlanSnapshots } from '../../shared/plan-diff';
import { contentHashOf, type AgreedVersion, type AgreedVersionSummary } from '../store/agreed-versions';
import type { CareStore } from '../store/care-store';
import { PlanNotFoundError } from '../store/plan-records';
import { currentActor } from './actor';
import { withAgreedVersionErrors } from './agreed-version-errors';
import type { HandlerSlice } from './handler-table';

export type AgreementHandlers = HandlerSlice<'agreePlan' | 'listAgreedVersions' | 'getAgreedVersion' | 'diffPlanVersions'>;

/** The plan as stored now: its merged state and the snapshot read from it. */
export function currentPlan(store: CareStore, planId: string): { state: Uint8Array; snapshot: CarePlanSnapshot } {
  const { state } = store.loadPlan(planId);
  return { state, snapshot: readPlanSnapshotFromState(state) };
}

/** An agreed version's snapshot as agreed; read again from its state only if its stored shape is no longer current. */
export function snapshotOfVersion(version: AgreedVersion): CarePlanSnapshot {
  return isCarePlanSnapshot(version.snapshot) ? version.snapshot : readPlanSnapshotFromState(version.state);
}

export function versionLabel(version: Pick<AgreedVersionSummary, 'version' | 'agreedAt'>): string {
  return `Agreed version ${version.version} (${version.agreedAt.slice(0, 10)})`;
}

export function toSummaryOutput(summary: AgreedVersionSummary): AgreedVersionSummaryOutput {
  return {
    version: summary.version,
    agreedAt: summary.agreedAt,
    contentHash: summary.contentHash,
    intact: summary.intact,
    agreedBy: summary.details?.agreedBy ?? null,
    professionalsPresent: summary.details?.professionalsPresent ?? [],
    recordedBy: summary.details?.recordedBy ?? null,
    othersAgreed: summary.details?.othersAgreed ?? [],
    goingAhead: summary.details?.goingAhead ?? null,
  };
}

/** The problem path that means "the reason for agreeing despite advisory gaps is missing". */
export const REASON_FOR_GOING_AHEAD = 'agree.reasonForGoingAhead';

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/**
 * Agreeing the plan and its history. The plan is read from the store (what everyone's
 * changes were saved to), never taken from the caller, so what is frozen is what was saved.
 */
export function createAgreementHandlers(store: CareStore): AgreementHandlers {
  const requirePlan = (planId: string) => {
    if (!store.hasPlan(planId)) throw new PlanNotFoundError(planId);
  };
  const snapshotFor = (planId: string, ref: PlanVersionRef): { label: string; snapshot: CarePlanSnapshot } => {
    if (ref === 'current') return { label: 'Current draft', snapshot: currentPlan(store, planId).snapshot };
    const version = withAgreedVersionErrors(() => store.getAgreedVersion(planId, ref));
    return { label: versionLabel(version), snapshot: snapshotOfVersion(version) };
  };

  return {
    agreePlan: ({ planId, agreedBy, professionalsPresent, othersAgreed, reasonForGoingAhead, expectedStateHash }) => {
      const actor = currentActor(store);
      requirePlan(planId);
      const { state, snapshot } = currentPlan(store, planId);
      const blocking = listBlockingProblems(snapshot);
      if (blocking.length > 0) {
        throw new CareError(
          'refused',
          `This plan cannot be agreed yet: ${plural(blocking.length, 'thing needs', 'things need')} fixing first. ` +
            blocking.map((problem) => problem.message).join('. ') +
            '.',
          blocking.map((problem) => ({ path: problem.path.join('.'), message: problem.message })),
        );
      }
      const contentHash = contentHashOf(snapshot);
      if (expectedStateHash !== undefined && contentHash !== expectedStateHash) {
        throw new CareError(
          'conflict',
          'The plan changed while it was being agreed (someone edited it, or a change was still saving). Check it and agree again.',
        );
      }
      // Agreeing what was already agreed would make a second, identical version that
      // reads as if something new was decided: say so and store nothing.
      const last = store.listAgreedVersions(planId).at(-1);
      if (last && last.intact && last.contentHash === contentHash) {
        return { ...toSummaryOutput(last), created: false };
      }
      const advisories = listAgreeAdvisories(snapshot);
      const reason = reasonForGoingAhead?.trim() ?? '';
      if (advisories.length > 0 && reason === '') {
        throw new CareError(
          'refused',
          `Say why the plan is being agreed as it is: ${advisories.map((problem) => problem.message).join('; ')}.`,
          advisories.map((problem) => ({ path: REASON_FOR_GOING_AHEAD, message: problem.message })),
        );
      }
      const details = {
        agreedBy,
        professionalsPresent,
        recordedBy: actor,
        othersAgreed,
        ...(advisories.length > 0 ? { goingAhead: { despite: advisories.map((problem) => problem.message), reason } } : {}),
      };
      const stored = store.agreeVersion({ planId, state, snapshot, details }, actor);
      return { ...toSummaryOutput(stored), created: true };
    },
    listAgreedVersions: ({ planId }) => {
      requirePlan(planId);
      return store.listAgreedVersions(planId).map(toSummaryOutput);
    },
    getAgreedVersion: ({ planId, version }) => {
      requirePlan(planId);
      const found = withAgreedVersionErrors(() => store.getAgreedVersion(planId, version));
      return { ...toSummaryOutput(found), snapshot: snapshotOfVersion(found) };
    },
    diffPlanVersions: ({ planId, from, to }) => {
      requirePlan(planId);
      const before = snapshotFor(planId, from);
      const after = snapshotFor(planId, to);
      const sections = diffPlanSnapshots(before.snapshot, after.snapshot);
      return { fromLabel: before.label, toLabel: after.label, total: countChanges(sections), sections };
    },
  };
}
