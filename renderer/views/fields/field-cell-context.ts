import { createContext, useContext } from 'react';

/**
 * Set when fields are shown as the cells of a table row (the Actions table): the row's
 * name ("action 3"). The column heading is then the visible label, and each control's
 * own label (read by screen readers) says which row it is in: "Status, action 3".
 */
export const FieldCellContext = createContext<string | null>(null);

export function useFieldCell(): string | null {
  return useContext(FieldCellContext);
}
