import type { HistoryEntry } from '../../../shared/contract';

/** Plain words for what an audit row records, as the "History of changes" table shows them. */
const actionLabels: Record<string, string> = {
  'create-plan': 'Created the plan',
  'rename-plan': 'Renamed the plan',
  'archive-plan': 'Archived the plan',
  'unarchive-plan': 'Brought the plan back from the archive',
  edit: 'Changed',
  'agree-plan': 'Agreed a version of the plan with the person',
};

const formatWords: Record<string, string> = {
  pdf: 'the PDF for the person',
  csv: 'actions for spreadsheets (CSV)',
  ics: 'actions for calendars (ICS)',
  fhir: 'FHIR R4 for other record systems',
  md: 'Markdown',
};

const legalBasisWords: Record<string, string> = {
  directCare: 'direct care',
  safeguardingOrStatutory: 'safeguarding or a statutory duty',
};

/** "export-plan pdf v1 legal-basis directCare" (see main/services/export-service.ts) in plain words. */
function describeExport(action: string): string | null {
  const match = /^export-plan (\w+) (draft|v(\d+))(?: legal-basis (\w+))?$/.exec(action);
  if (!match) return null;
  const [, format = '', , version, basis] = match;
  const what = version ? `agreed version ${version}` : 'the draft';
  const why = basis ? ` without consent, on the legal basis of ${legalBasisWords[basis] ?? basis}` : '';
  return `Exported ${what} as ${formatWords[format] ?? format}${why}`;
}

export function describeChange(entry: Pick<HistoryEntry, 'action' | 'sections'>): string {
  const exported = describeExport(entry.action);
  if (exported) return exported;
  const restored = /^restore-version v(\d+)$/.exec(entry.action);
  if (restored) return `Restored agreed version ${restored[1]} (a new change; nothing earlier was rewritten)`;
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
