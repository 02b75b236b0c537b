import { validatePlan } from '../../shared/plan/validate-plan';
import type { CarePlanSnapshot } from '../../shared/plan/plan-snapshot';
import type { ValidationReply, ValidationRequest } from './validation-messages';

/**
 * Runs validatePlan in a Web Worker, so checking a whole large plan (about 100 ms for
 * 300 actions) never blocks the page while someone types. Built as its own file
 * (dist/renderer/validate-worker.js) by scripts/build.mjs.
 */
interface WorkerScope {
  onmessage: ((event: MessageEvent<ValidationRequest>) => void) | null;
  postMessage(message: ValidationReply): void;
}

const scope = globalThis as unknown as WorkerScope;
scope.onmessage = (event) => {
  const { id, snapshot } = event.data;
  scope.postMessage({ id, problems: validatePlan(snapshot as CarePlanSnapshot) });
};
