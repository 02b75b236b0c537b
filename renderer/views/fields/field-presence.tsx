import { createContext, useContext } from 'react';

/** Someone else in the meeting who is editing a field right now. */
export interface FieldEditor {
  clientId: number;
  name: string;
  role: string;
  colour: string;
}

/**
 * How fields learn about the meeting without knowing about WebRTC: a field reports when it
 * gains or loses focus (by its plan path, e.g. "goals/<id>/words"), and asks who else is
 * editing it. Outside a meeting the default does nothing and nobody else is editing.
 */
export interface FieldPresence {
  reportFocus: (fieldPath: string | null) => void;
  editorsOf: (fieldPath: string) => readonly FieldEditor[];
}

const nobody: readonly FieldEditor[] = [];
export const FieldPresenceContext = createContext<FieldPresence>({ reportFocus: () => undefined, editorsOf: () => nobody });

export function useFieldPresence(): FieldPresence {
  return useContext(FieldPresenceContext);
}
