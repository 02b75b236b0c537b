/**
 * What someone typed into a number field: empty (clears it), a whole number in range, or
 * a plain explanation. Typed as text rather than a browser number input, which silently
 * turns "7.5" or "ten" into an empty value and so would lose what was typed.
 */
export function parseWholeNumber(text: string, min: number, max: number): { value: number | null } | { problem: string } {
  const trimmed = text.trim();
  if (trimmed === '') return { value: null };
  if (!/^-?\d+$/.test(trimmed)) return { problem: `type a whole number from ${min} to ${max}` };
  const value = Number(trimmed);
  if (value < min || value > max) return { problem: `${value} is outside ${min} to ${max}` };
  return { value };
}
