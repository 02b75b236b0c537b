/**
 * Who is making a change and when, recorded on items they add or remove so the plan
 * itself can say "added by Tom on ..." and "removed by Priya on ..." without the log.
 * `at` is an ISO date-time supplied by the caller: shared/ never reads the clock for
 * document content, so tests and example plans are reproducible.
 */
export interface EditContext {
  by: string;
  at: string;
}
