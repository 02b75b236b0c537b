import { describedByFor } from './field-frame';
import { useFieldPresence } from './field-presence';

/**
 * The props every field's control carries: its problem and hint for screen readers, and
 * focus reported to the meeting so others see who is editing it.
 */
export function useControlProps(id: string, hint: string | undefined, problem: string | null | undefined, fieldPath: string | undefined) {
  const presence = useFieldPresence();
  return {
    'aria-invalid': problem ? true : undefined,
    'aria-describedby': describedByFor(id, hint, problem),
    onFocus: () => presence.reportFocus(fieldPath ?? null),
    onBlur: () => presence.reportFocus(null),
  } as const;
}
