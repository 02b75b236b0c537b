import { validatePlan, type CarePlanSnapshot, type PlanProblem } from '../../shared/plan';
import type { ValidationReply, ValidationRequest } from './validation-messages';

/** Checks a whole plan, off the page's thread where it can. */
export interface PlanValidator {
  validate(snapshot: CarePlanSnapshot): Promise<PlanProblem[]>;
  dispose(): void;
}

/** In the page itself: where Workers are unavailable (and the fallback if the worker fails). */
export function inThreadValidator(): PlanValidator {
  return { validate: (snapshot) => Promise.resolve(validatePlan(snapshot)), dispose: () => undefined };
}

/**
 * In a Web Worker (validate-worker.js next to the app), falling back to the page thread
 * if the worker cannot start or fails, so problems are always shown.
 */
export function workerValidator(): PlanValidator {
  if (typeof Worker === 'undefined') return inThreadValidator();
  let worker: Worker | null;
  try {
    worker = new Worker('./validate-worker.js');
  } catch {
    return inThreadValidator();
  }
  let nextId = 1;
  const waiting = new Map<number, (problems: PlanProblem[]) => void>();
  const fallback = inThreadValidator();
  const failOver = () => {
    worker?.terminate();
    worker = null;
  };
  worker.onmessage = (event: MessageEvent<ValidationReply>) => {
    waiting.get(event.data.id)?.(event.data.problems);
    waiting.delete(event.data.id);
  };
  worker.onerror = () => {
    failOver();
    for (const resolve of waiting.values()) resolve([]);
    waiting.clear();
  };
  return {
    validate: (snapshot) => {
      if (!worker) return fallback.validate(snapshot);
      const id = nextId++;
      return new Promise<PlanProblem[]>((resolve) => {
        waiting.set(id, resolve);
        const request: ValidationRequest = { id, snapshot };
        worker?.postMessage(request);
      });
    },
    dispose: () => {
      worker?.terminate();
      worker = null;
      waiting.clear();
    },
  };
}
