import { createContext, useContext } from 'react';
import * as Y from 'yjs';
import type { MeetingParticipant } from '../../sync/meeting/meeting-session';
import type { CaretState } from '../../sync/meeting/presence-state';

/** Someone else's caret in a text field, said in words: who, and the text just before it. */
export interface RemoteCaret {
  clientId: number;
  name: string;
  colour: string;
  /** Up to 24 characters before the caret ('' = at the start). */
  before: string;
}

/**
 * Remote carets for text fields, apart from FieldPresence (who is editing which field):
 * a text field reports where its caret is (as Yjs relative positions, which stay put while
 * others type) and asks where everyone else's is. Outside a meeting it does nothing.
 */
export interface CaretPresence {
  reportCaret: (fieldPath: string, text: Y.Text, start: number, end: number) => void;
  caretsIn: (fieldPath: string, text: Y.Text) => readonly RemoteCaret[];
}

const none: readonly RemoteCaret[] = [];
export const CaretPresenceContext = createContext<CaretPresence>({ reportCaret: () => undefined, caretsIn: () => none });

export function useCaretPresence(): CaretPresence {
  return useContext(CaretPresenceContext);
}

/** Builds the context value from the meeting's participants and the way to publish our caret. */
export function caretPresenceFor(participants: readonly MeetingParticipant[], publish: ((caret: CaretState | null) => void) | null): CaretPresence {
  return {
    reportCaret: (fieldPath, text, start, end) => {
      if (!publish) return;
      publish({
        fieldPath,
        anchor: Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text, start)),
        head: Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text, end)),
      });
    },
    caretsIn: (fieldPath, text) => {
      const doc = text.doc;
      if (!doc) return none;
      const carets: RemoteCaret[] = [];
      for (const person of participants) {
        if (person.caret?.fieldPath !== fieldPath) continue;
        try {
          const absolute = Y.createAbsolutePositionFromRelativePosition(Y.createRelativePositionFromJSON(person.caret.head), doc);
          if (!absolute || absolute.type !== text) continue;
          const content = text.toString();
          carets.push({ clientId: person.clientId, name: person.name, colour: person.colour, before: content.slice(Math.max(0, absolute.index - 24), absolute.index) });
        } catch {
          // A malformed position from a peer: show nothing for it.
        }
      }
      return carets;
    },
  };
}
