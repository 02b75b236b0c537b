import { isLive, type CarePlanSnapshot } from '../plan/plan-snapshot';
import { csvText, UTF8_BOM } from './csv-encoding';
import { versionText, type ExportContext } from './export-context';
import { actionStatusLabels, housePartLabels, labelOf } from './plain-labels';
import { describeMeeting, describePersonRef, goalWordsFor, namePersonRef } from './plan-people';
import { applySharingLimits } from './sharing-limits';
import { utf8Bytes } from './utf8-bytes';

export const ACTIONS_CSV_COLUMNS = [
  'Action',
  'Who',
  'Role/relationship',
  'Due date',
  'Status',
  'Goals served',
  'Part of the house',
  'Who checks',
  'Agreed at meeting',
  'Plan version',
] as const;

/**
 * The plan's live actions as a CSV table, one row per action. The version goes in a column
 * on every row (rather than a line above the header) so the file stays one clean table
 * when sorted, filtered or pasted, and every row still says which plan version it is.
 */
export function buildActionsCsvText(snapshot: CarePlanSnapshot, context: ExportContext): string {
  const { plan } = applySharingLimits(snapshot, context);
  const version = versionText(context);
  const rows = plan.actions.filter(isLive).map((action) => {
    const owner = namePersonRef(plan, action.owner);
    return [
      action.what,
      owner?.name ?? '',
      owner?.role ?? '',
      action.dueDate ?? '',
      actionStatusLabels[action.status],
      goalWordsFor(plan, action.goalIds).join('; '),
      labelOf(housePartLabels, action.housePart),
      describePersonRef(plan, action.checkedBy),
      describeMeeting(plan, action.agreedAtMeetingId),
      version,
    ];
  });
  return csvText([[...ACTIONS_CSV_COLUMNS], ...rows]);
}

/** The CSV file's bytes: UTF-8 with a BOM. */
export function buildActionsCsv(snapshot: CarePlanSnapshot, context: ExportContext): Uint8Array {
  return utf8Bytes(UTF8_BOM + buildActionsCsvText(snapshot, context));
}
