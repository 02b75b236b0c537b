import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import { CareError, type PlanSummary } from '../../shared/contract';
import { initialisePlanDoc, summarisePlan } from '../../shared/plan/plan-layout';
import { updateFieldPaths } from '../../shared/plan/update-field-paths';
import type { CareStore } from '../store/care-store';
import { GroupCommitQueue } from '../store/group-commit-queue';
import type { PlanRecord } from '../store/plan-records';
import { currentActor, peerActor } from './actor';
import type { HandlerSlice } from './handler-table';
import type { PlanDocCache } from './plan-doc-cache';

export type PlanHandlers = HandlerSlice<
  'listPlans' | 'createPlan' | 'renamePlan' | 'setPlanArchived' | 'loadPlan' | 'appendUpdate' | 'ping'
>;

function toBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

export function createPlanHandlers(store: CareStore, docs: PlanDocCache, version: string): PlanHandlers {
  const commits = new GroupCommitQueue(store);
  const summaryOf = (record: PlanRecord & { damage?: string[] | null }): PlanSummary => {
    const base = { id: record.id, displayName: record.displayName, createdAt: record.createdAt, updatedAt: record.updatedAt, archived: record.archived };
    // A damaged plan is listed with what is wrong, never opened: one bad plan must not take the list down.
    if (record.damage) return { ...base, personName: '', nhsNumber: '', keyworker: '', reviewDate: '', damage: record.damage };
    return { ...base, ...summarisePlan(docs.get(record.id)) };
  };

  return {
    ping: () => ({ version }),
    listPlans: ({ includeArchived }) => store.listPlans(includeArchived).map(summaryOf),
    createPlan: ({ displayName, planId }) => {
      const actor = currentActor(store);
      const id = planId ?? randomUUID();
      if (store.hasPlan(id)) throw new CareError('conflict', 'A plan with that id is already on this machine.');
      const doc = new Y.Doc();
      initialisePlanDoc(doc, new Date().toISOString());
      const record = store.createPlan(id, displayName, Y.encodeStateAsUpdate(doc), actor);
      doc.destroy();
      return summaryOf(record);
    },
    renamePlan: ({ planId, displayName }) => summaryOf(store.renamePlan(planId, displayName, currentActor(store))),
    setPlanArchived: ({ planId, archived }) => summaryOf(store.setArchived(planId, archived, currentActor(store))),
    loadPlan: ({ planId }) => {
      const { state, lastSeq } = store.loadPlan(planId);
      return { planId, state: toBase64(state), lastSeq };
    },
    appendUpdate: async ({ planId, update, origin }) => {
      const local = currentActor(store);
      const bytes = Buffer.from(update, 'base64');
      const actor =
        origin.kind === 'local' ? local : peerActor(origin);
      const action = origin.kind === 'local' && origin.action ? (origin.version ? `${origin.action} v${origin.version}` : origin.action) : 'edit';
      // The cached document follows the update at once (checkAndStore), so an update arriving
      // in the same group is judged against this one; the reply waits for the group's commit.
      const { result: committed, sections } = docs.checkAndStore(planId, bytes, (sections, judged) =>
        commits.append({ planId, update: bytes, origin: origin.kind, actor, sections, action, fields: updateFieldPaths(judged, bytes), ...(origin.kind === 'local' && origin.reversed ? { reversed: origin.reversed } : {}) }),
      );
      try {
        return { seq: await committed, sections };
      } catch (error) {
        // Not durable: drop the cached document so the next call starts from what is on disk.
        docs.forget(planId);
        throw error;
      }
    },
  };
}
