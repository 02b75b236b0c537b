import type { HistoryEntry } from '../../../shared/contract';

/** Plain words for what an audit row records, as the "History of changes" table shows them. */
const actionLabels: Record<string, string> = {
  'create-plan': 'Created the plan',
  'rename-plan': 'Renamed the plan',
  'archive-plan': 'Archived the plan',
  'unarchive-plan': 'Brought the plan back from the archive',
  edit: 'Changed',
};

export function describeChange(entry: Pick<HistoryEntry, 'action' | 'sections'>): string {
  const label = actionLabels[entry.action] ?? entry.action.replace(/-/g, ' ');
  const titles = entry.sections.map((section) => section.title);
  if (entry.action === 'edit') return titles.length > 0 ? `${label} ${titles.join(', ')}` : `${label} the plan`;
  return titles.length > 0 ? `${label}: ${titles.join(', ')}` : label;
}

export function describeOrigin(entry: Pick<HistoryEntry, 'origin'>): string {
  if (entry.origin === 'peer') return 'Received from another computer in a meeting';
  if (entry.origin === 'system') return 'CareHouse itself';
  return 'Made on this computer';
}

export function formatWhen(at: string): string {
  const date = new Date(at);
  if (Number.isNaN(date.getTime())) return at;
  return date.toLocaleString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}
