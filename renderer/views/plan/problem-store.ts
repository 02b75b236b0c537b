import { validatePlan, type CarePlanSnapshot, type PlanSnapshotFollower } from '../../../shared/plan';
import { indexProblems, problemsAt, type FieldProblems, type ProblemIndex } from './plan-problems';

/**
 * Validation problems of the open plan, computed OFF the keystroke path: validatePlan
 * walks the whole plan, so it runs once typing pauses (a short idle delay), not per
 * keystroke. Fields subscribe to the problem text at their own path, so a new index
 * re-renders only the fields whose message actually changed.
 */
export class ProblemStore {
  private index: ProblemIndex;
  private readonly listeners = new Set<() => void>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly follower: PlanSnapshotFollower,
    private readonly delayMs = 250,
  ) {
    this.index = indexProblems(validatePlan(follower.current()));
    this.unsubscribe = follower.subscribe(() => this.schedule());
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

  /** Re-validates now (e.g. before Agree, or when a test wants the current answer). */
  validateNow(snapshot: CarePlanSnapshot = this.follower.current()): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.index = indexProblems(validatePlan(snapshot));
    for (const listener of [...this.listeners]) listener();
  }

  destroy(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.unsubscribe();
    this.listeners.clear();
  }

  private schedule(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.validateNow(), this.delayMs);
  }
}
