/** A helper was given a path or id that names nothing in this plan (a programming error, or a stale UI). */
export class PlanPathError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PlanPathError';
  }
}
