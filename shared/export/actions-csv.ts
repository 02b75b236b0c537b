import { isLive, type CarePlanSnapshot } from '../plan/plan-snapshot';
import { csvText, UTF8_BOM } from './csv-encoding';
import { versionText, type ExportContext } from './export-context';
import { actionStatusLabels, housePartLabels, labelOf } from './plain-labels';
import { describeMeeting, describePersonRef, goalWordsFor, namePersonRef, personFullName } from './plan-people';
import { applySharingLimits } from './sharing-limits';
import { utf8Bytes } from './utf8-bytes';

export const ACTIONS_CSV_COLUMNS = [
  'Person',
  'NHS number',
  'Plan',
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
 * The plan's live actions as a CSV table, one row per action. Whose plan (name, NHS number,
 * plan id) and which version go in columns on every row (rather than a line above the
 * header) so the file stays one clean table when sorted, filtered or pasted into a team
 * tracker that covers many people, and every row still says whose action it is. The name
 * and NHS number survive a sharing scope (identification always goes, see sharing-limits).
 */
export function buildActionsCsvText(snapshot: CarePlanSnapshot, context: ExportContext): string {
  const { plan } = applySharingLimits(snapshot, context);
  const version = versionText(context);
  const person = personFullName(plan);
  const nhsNumber = plan.person.nhsNumber.trim();
  const rows = plan.actions.filter(isLive).map((action) => {
    const owner = namePersonRef(plan, action.owner);
    return [
      person,
      nhsNumber,
      context.planId,
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
