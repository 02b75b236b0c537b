import { openText, sealText } from './cipher';
import type { StoreContext } from './store-context';

/**
 * A family's private time (family group conference): notes the family keep to themselves
 * until they choose to share them. They live in their own table on the family's machine,
 * sealed, and are never part of the plan document, its update log, its audit rows, an
 * export or what peers receive. Sharing is a separate, deliberate step that copies the
 * text into the meeting record (see renderer/views/meeting-record).
 */
const notesContext = (planId: string, meetingId: string) => `private-family-notes:${planId}:${meetingId}`;

export function readPrivateFamilyNotes(context: StoreContext, planId: string, meetingId: string): { text: string; updatedAt: string | null } {
  const row = context.db
    .prepare('SELECT notes_blob, updated_at FROM private_family_notes WHERE plan_id = ? AND meeting_id = ?')
    .get(planId, meetingId) as { notes_blob: Buffer; updated_at: string } | undefined;
  if (!row) return { text: '', updatedAt: null };
  return { text: openText(context.key, row.notes_blob, notesContext(planId, meetingId)), updatedAt: row.updated_at };
}

export function writePrivateFamilyNotes(context: StoreContext, planId: string, meetingId: string, text: string): string {
  const at = context.now();
  context.db
    .prepare(
      `INSERT INTO private_family_notes (plan_id, meeting_id, notes_blob, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (plan_id, meeting_id) DO UPDATE SET notes_blob = excluded.notes_blob, updated_at = excluded.updated_at`,
    )
    .run(planId, meetingId, sealText(context.key, text, notesContext(planId, meetingId)), at);
  return at;
}
