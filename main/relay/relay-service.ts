import * as Y from 'yjs';
import { CareError } from '../../shared/contract';
import type { HandlerSlice } from '../services/handler-table';
import type { PlanDocCache } from '../services/plan-doc-cache';
import type { CareStore } from '../store/care-store';
import { enrolWithRelay } from './enrol-with-relay';
import { RelayRefusedError, RelayUnreachableError } from './relay-client';
import { localOnlyPlanIds, setPlanLocalOnly } from './relay-link-record';
import type { RelayLiveSync } from './relay-live-sync';
import { acceptHeldRemoval, refuseHeldRemoval } from './relay-removal-hold';
import { currentActor } from '../services/actor';

export type RelayHandlers = HandlerSlice<'getRelayStatus' | 'connectRelay' | 'setPlanKeptLocal' | 'getPlanKeptLocal' | 'pullPlanChanges' | 'listRelayHeldRemovals' | 'decideRelayHeldRemoval'>;

const toBase64 = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');

export function createRelayHandlers(store: CareStore, docs: PlanDocCache, live: RelayLiveSync): RelayHandlers {
  return {
    getRelayStatus: () => live.status(),
    connectRelay: async ({ relayUrl, invite }) => {
      if (!store.getProfile()) throw new CareError('refused', 'Set up your profile (name and role) before connecting to a practice server.');
      try {
        const member = await enrolWithRelay(store, relayUrl.split(',').map((url) => url.trim()), invite);
        live.start();
        return { name: member.name, role: member.role };
      } catch (error) {
        if (error instanceof RelayUnreachableError) throw new CareError('refused', error.message);
        if (error instanceof RelayRefusedError) throw new CareError('refused', error.message);
        throw error;
      }
    },
    setPlanKeptLocal: ({ planId, keepLocal }) => {
      if (!store.hasPlan(planId)) throw new CareError('not-found', 'That plan is not on this machine.');
      setPlanLocalOnly(store.database, planId, keepLocal);
      return { planId, keepLocal };
    },
    getPlanKeptLocal: ({ planId }) => {
      if (!store.hasPlan(planId)) throw new CareError('not-found', 'That plan is not on this machine.');
      return { planId, keepLocal: localOnlyPlanIds(store.database).has(planId) };
    },
    listRelayHeldRemovals: ({ planId }) => ({ held: live.hold.list(planId).map(({ description }) => ({ planId, description })) }),
    decideRelayHeldRemoval: ({ planId, accept }) => {
      const held = live.hold.take(planId);
      if (!held) throw new CareError('not-found', 'There is no held change for that plan (it may have been decided already).');
      if (accept) acceptHeldRemoval(store, docs, held);
      else refuseHeldRemoval(store, docs, held, currentActor(store), new Date().toISOString());
      // The restored plan (or the accepted change's sync state) goes up to the relay soon.
      live.nudge();
      return { planId, applied: accept };
    },
    pullPlanChanges: ({ planId, stateVector }) => {
      if (!store.hasPlan(planId)) throw new CareError('not-found', 'That plan is not on this machine.');
      let vector: Uint8Array;
      try {
        vector = new Uint8Array(Buffer.from(stateVector, 'base64'));
        Y.decodeStateVector(vector);
      } catch {
        throw new CareError('invalid-input', 'That is not a state vector.');
      }
      const missing = Y.encodeStateAsUpdate(docs.get(planId), vector);
      const decoded = Y.decodeUpdate(missing);
      return { update: decoded.structs.length === 0 && decoded.ds.clients.size === 0 ? null : toBase64(missing) };
    },
  };
}
