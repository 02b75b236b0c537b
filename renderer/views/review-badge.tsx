import { reviewStatus } from './review-status';

/** "Due" within 14 days, "Overdue" once the date has passed. */
export function ReviewBadge({ reviewDate, today = new Date() }: { reviewDate: string; today?: Date }) {
  const status = reviewStatus(reviewDate, today);
  if (status === 'overdue') return <span className="badge badge--overdue">Overdue</span>;
  if (status === 'due') return <span className="badge badge--due">Due</span>;
  return null;
}
