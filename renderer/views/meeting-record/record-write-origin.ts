import type * as Y from 'yjs';

/**
 * Transaction origin for text this screen writes on the user's behalf (answers recorded,
 * notes shared, review notes). Open text fields ignore local transactions with no origin
 * (those are their own keystrokes), so a programmatic write needs an origin of its own to
 * show up in them; persistence still saves it as a local change.
 */
export const MEETING_RECORD_ORIGIN = 'meeting-record';

export function writeFromRecord(doc: Y.Doc, write: () => void): void {
  doc.transact(write, MEETING_RECORD_ORIGIN);
}
