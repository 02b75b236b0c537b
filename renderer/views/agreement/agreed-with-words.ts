import type { AgreedVersionSummary } from '../../../shared/contract';

/** Who agreed a version, in words: the person (or representative) first, then family and carers. Null when unknown. */
export function agreedWithWords(entry: Pick<AgreedVersionSummary, 'agreedBy' | 'othersAgreed'>): string | null {
  if (!entry.agreedBy) return null;
  const first = entry.agreedBy.role === 'the person' ? `${entry.agreedBy.name} (the person)` : `${entry.agreedBy.name} (${entry.agreedBy.relationship})`;
  const others = entry.othersAgreed.map((other) => (other.relationship ? `${other.name} (${other.relationship})` : other.name));
  return [first, ...others].join(', ');
}
