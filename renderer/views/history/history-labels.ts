import type { HistoryEntry, HistoryGroup } from '../../../shared/contract';

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

/** "export-refused pdf draft" with who it was for. */
function describeRefusedExport(action: string, recipient: string | undefined): string | null {
  const match = /^export-refused (\w+) (draft|v(\d+))$/.exec(action);
  if (!match) return null;
  const [, format = '', , version] = match;
  const what = version ? `agreed version ${version}` : 'the draft';
  return `Refused to export ${what} as ${formatWords[format] ?? format} for ${recipient || 'someone not named'}: the person asked that they are not told`;
}

/** One readable history entry: "Changed What is most important to me", "Refused to export … for …". */
export function describeGroup(entry: Pick<HistoryGroup, 'action' | 'sections' | 'field' | 'recipient' | 'count' | 'reversed'>): string {
  const refused = describeRefusedExport(entry.action, entry.recipient);
  if (refused) return refused;
  const reversal = describeReversal(entry);
  if (reversal) return reversal;
  if (entry.action === 'edit' && entry.field) {
    const titles = entry.sections.map((section) => section.title).join(', ');
    return titles ? `Changed ${entry.field} (${titles})` : `Changed ${entry.field}`;
  }
  return describeChange(entry);
}

/** "Undid Tom Reid's changes since 14:02", "Brought back what Tom Reid removed at 14:05". */
function describeReversal(entry: Pick<HistoryGroup, 'action' | 'reversed'>): string | null {
  const reversed = entry.reversed;
  if (entry.action === 'undo-changes' && reversed) return `Undid ${reversed.person}'s changes since ${reversed.since ? clockTime(reversed.since) : 'then'} (a new change; nothing earlier was rewritten)`;
  if (entry.action === 'bring-back' && reversed) return `Brought back what ${reversed.person} removed${reversed.at ? ` at ${clockTime(reversed.at)}` : ''} (a new change)`;
  return null;
}

/** "14:02" today, else "23 Nov 2026, 14:02". */
export function clockTime(at: string): string {
  const date = new Date(at);
  if (Number.isNaN(date.getTime())) return at;
  const sameDay = date.toDateString() === new Date().toDateString();
  return sameDay ? date.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' }) : formatWhen(at);
}

/** "14:02" or "14:02–14:05" (same day), else the full start and end. */
export function formatSpan(firstAt: string, lastAt: string): string {
  const first = new Date(firstAt);
  const last = new Date(lastAt);
  if (Number.isNaN(first.getTime()) || Number.isNaN(last.getTime())) return lastAt;
  const time = (date: Date) => date.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
  const day = (date: Date) => date.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
  if (day(first) !== day(last)) return `${formatWhen(firstAt)} – ${formatWhen(lastAt)}`;
  return time(first) === time(last) ? `${day(last)}, ${time(last)}` : `${day(last)}, ${time(first)}–${time(last)}`;
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
