import type { HistoryEntry } from '../../../shared/contract';
import { shortFingerprint } from '../../../shared/identity/key-fingerprint';

type Verifiable = Pick<HistoryEntry, 'origin' | 'verifiedKey' | 'signedBy'>;

/** Plain words for how sure we are who made a change received in a meeting (docs/meetings.md, "Identity"). */
export function describeVerification(entry: Verifiable): string | null {
  if (entry.origin !== 'peer') return null;
  if (!entry.verifiedKey) return 'Not verified';
  if (entry.signedBy === 'author') return `Verified (key ${shortFingerprint(entry.verifiedKey)})`;
  return `Passed on by this verified person (key ${shortFingerprint(entry.verifiedKey)}); who wrote it is not verified`;
}

/** Shown next to the name in History of changes: verified, passed on, or not verified. */
export function VerificationMark({ entry }: { entry: Verifiable }) {
  const words = describeVerification(entry);
  if (!words) return null;
  const kind = !entry.verifiedKey ? 'unverified' : entry.signedBy === 'author' ? 'verified' : 'passed-on';
  return (
    <span className={`verification verification--${kind}`} data-verification={kind} title={entry.verifiedKey ? `Full key fingerprint: ${entry.verifiedKey}` : undefined}>
      {kind === 'verified' ? '✓ ' : '⚠ '}
      {words}
    </span>
  );
}
