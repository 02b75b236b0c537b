/** 300000 -> "300,000". Written out rather than using Intl so messages read the same everywhere. */
export function formatCount(count: number): string {
  return String(Math.trunc(count)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
