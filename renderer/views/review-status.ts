/** How many days before the review date a plan shows "Due". */
export const REVIEW_DUE_WITHIN_DAYS = 14;

/** "overdue" once the review date has passed, "due" within two weeks of it, otherwise null. */
export function reviewStatus(reviewDate: string, today: Date): 'overdue' | 'due' | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(reviewDate)) return null;
  const todayIso = today.toISOString().slice(0, 10);
  if (reviewDate < todayIso) return 'overdue';
  const soon = new Date(today.getTime() + REVIEW_DUE_WITHIN_DAYS * 86_400_000).toISOString().slice(0, 10);
  return reviewDate <= soon ? 'due' : null;
}
