import * as Y from 'yjs';
import type { CareApi } from '../../shared/contract';
import { LOAD_ORIGIN } from './plan-persistence';
import { decodeUpdate, encodeUpdate } from './update-encoding';

/**
 * Keeps an open plan's Y.Doc up to date with what main has stored from elsewhere (the
 * practice server, `carehouse sync`): the renderer PULLS by state vector rather than
 * main pushing into it (see docs/relay.md, "How relay changes reach an open plan").
 * Applied with LOAD_ORIGIN: main has stored it already, so persistence must not send it back.
 */
const PULL_INTERVAL_MS = 1_500;
const NOT_CONNECTED_RECHECK_MS = 10_000;

export function followStoredChanges(api: CareApi, planId: string, doc: Y.Doc): () => void {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const schedule = (delay: number) => {
    if (!stopped) timer = setTimeout(tick, delay);
  };

  const tick = async () => {
    try {
      const status = await api.getRelayStatus({});
      if (stopped) return;
      if (status.state === 'not-connected') {
        schedule(NOT_CONNECTED_RECHECK_MS);
        return;
      }
      const { update } = await api.pullPlanChanges({ planId, stateVector: encodeUpdate(Y.encodeStateVector(doc)) });
      if (!stopped && update) Y.applyUpdate(doc, decodeUpdate(update), LOAD_ORIGIN);
    } catch {
      // Main unreachable for a moment (the browser host restarting): try again next tick.
    }
    schedule(PULL_INTERVAL_MS);
  };

  schedule(0);
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
  };
}
