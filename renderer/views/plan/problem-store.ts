import type { PlanSnapshotFollower } from '../../../shared/plan';
import { inThreadValidator, type PlanValidator } from '../../validation/plan-validator';
import { indexProblems, problemsAt, type FieldProblems, type ProblemIndex } from './plan-problems';

/**
 * Validation problems of the open plan, computed OFF the keystroke path: validatePlan
 * walks the whole plan, so it runs once typing pauses (a short idle delay), in a Web
 * Worker where there is one. Fields subscribe to the problem text at their own path, so a
 * new index re-renders only the fields whose message actually changed.
 */
export class ProblemStore {
  private index: ProblemIndex = new Map();
  private readonly listeners = new Set<() => void>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private latest = 0;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly follower: PlanSnapshotFollower,
    private readonly validator: PlanValidator = inThreadValidator(),
    private readonly delayMs = 250,
  ) {
    this.unsubscribe = follower.subscribe(() => this.schedule());
    this.validateNow();
  }

  current(): ProblemIndex {
    return this.index;
  }

  at(path: readonly string[]): FieldProblems {
    return problemsAt(this.index, path);
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Checks the plan as it is now; an answer overtaken by a later check is dropped. */
  validateNow(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    const request = ++this.latest;
    void this.validator.validate(this.follower.current()).then((problems) => {
      if (request !== this.latest) return;
      this.index = indexProblems(problems);
      for (const listener of [...this.listeners]) listener();
    });
  }

  destroy(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.latest += 1;
    this.unsubscribe();
    this.listeners.clear();
    this.validator.dispose();
  }

  private schedule(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.validateNow(), this.delayMs);
  }
}
