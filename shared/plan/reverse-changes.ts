import * as Y from 'yjs';

/** One stored change of a plan, oldest first, and whether it is one of those to reverse. */
export interface RecordedChange {
  update: Uint8Array;
  reverse: boolean;
}

// Transaction origins of the replay: only REVERSE is tracked by the undo manager.
const REVERSE = Symbol('reverse');
const KEEP = Symbol('keep');

/**
 * The forward change that reverses some stored changes while keeping every other change,
 * earlier or later: the whole history is replayed in order into a fresh document with
 * garbage collection off (so deleted text and items still exist to be brought back), the
 * changes to reverse are tracked by a Y.UndoManager and undone, and what the undo wrote is
 * returned as one update against the state before it. Nothing earlier is rewritten: the
 * result is a new change, judged, stored, attributed and synced like any edit.
 *
 * Returns null when none of the changes is to be reversed or undoing them changes nothing.
 */
export function reverseChanges(history: readonly RecordedChange[]): Uint8Array | null {
  if (!history.some((change) => change.reverse)) return null;
  const doc = new Y.Doc({ gc: false });
  try {
    // Replayed before the undo manager exists would leave nothing tracked, so it comes first;
    // captureTimeout 0 keeps each change its own stack item (undone newest first).
    const undo = new Y.UndoManager(doc, { trackedOrigins: new Set([REVERSE]), captureTimeout: 0 });
    for (const change of history) Y.applyUpdate(doc, change.update, change.reverse ? REVERSE : KEEP);
    const before = Y.encodeStateVector(doc);
    let changed = false;
    doc.on('update', () => (changed = true));
    while (undo.undoStack.length > 0) undo.undo();
    undo.destroy();
    // Against the state vector before the undo: its new insertions plus the (whole) delete set,
    // which a document that has the rest of the history already holds, so applies harmlessly.
    return changed ? Y.encodeStateAsUpdate(doc, before) : null;
  } finally {
    doc.destroy();
  }
}
