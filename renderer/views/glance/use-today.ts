import { useEffect, useState } from 'react';

function todayIso(): string {
  const now = new Date();
  // The local calendar day (not UTC): "overdue" is about the day on the wall.
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** Today as 'YYYY-MM-DD', updated when the day changes while the plan is open. */
export function useToday(): string {
  const [today, setToday] = useState(todayIso);
  useEffect(() => {
    const timer = setInterval(() => setToday(todayIso()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return today;
}
