import { createContext, useContext } from 'react';
import type * as Y from 'yjs';
import type { CarePlanSnapshot, EditContext } from '../../../shared/plan';
import type { ProblemIndex } from './plan-problems';

/**
 * What every field of an open plan needs: the live document to write to, the current
 * snapshot to read from (and to offer links and people from), the validation problems,
 * and who is editing (stamped on items they add or remove).
 */
export interface PlanEditing {
  doc: Y.Doc;
  snapshot: CarePlanSnapshot;
  problems: ProblemIndex;
  editContext: () => EditContext;
}

export const PlanEditingContext = createContext<PlanEditing | null>(null);

export function usePlanEditing(): PlanEditing {
  const editing = useContext(PlanEditingContext);
  if (!editing) throw new Error('usePlanEditing must be used inside an open plan');
  return editing;
}
