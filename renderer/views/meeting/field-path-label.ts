import { isPlanSectionKey, sectionTitle } from '../../../shared/plan';

/** "goals/<id>/words" -> "Goals" (people need the section, not our ids). */
export function fieldPathLabel(fieldPath: string): string {
  const section = fieldPath.split('/')[0] ?? '';
  return isPlanSectionKey(section) ? sectionTitle(section) : 'a field';
}
