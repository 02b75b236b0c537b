import type { AgreedVersionSummary } from '../../../shared/contract';
import { formatUkDate } from '../../../shared/plan';
import { agreedWithWords } from '../agreement/agreed-with-words';

export interface AgreedVersionRef {
  version: number;
  agreedAt: string;
  /** "Jill Marsh (the person), Karen Marsh (Daughter)"; null when the version does not say. */
  withWhom: string | null;
}

export type VersionStatus = { kind: 'loading' } | ({ kind: 'agreed' } & AgreedVersionRef) | { kind: 'draft'; lastAgreed: AgreedVersionRef | null };

/**
 * Which agreed version the plan on screen is, from the real agreed versions only: "agreed
 * version N" when the plan's content hash is the latest intact version's, otherwise a draft
 * (changed since N, or never agreed). Hand-edited fields never make a plan "agreed".
 */
export function versionStatusOf(versions: readonly AgreedVersionSummary[] | null, contentHash: string | null | undefined): VersionStatus {
  if (versions === null || contentHash === undefined) return { kind: 'loading' };
  const last = versions.filter((version) => version.intact).at(-1);
  const ref = last ? { version: last.version, agreedAt: last.agreedAt, withWhom: agreedWithWords(last) } : null;
  if (ref && contentHash !== null && last?.contentHash === contentHash) return { kind: 'agreed', ...ref };
  return { kind: 'draft', lastAgreed: ref };
}

function dayOf(iso: string): string {
  return formatUkDate(iso.slice(0, 10));
}

/** The House of Care's agreement line: the truth about agreement, in the room's words. */
export function agreementWords(status: VersionStatus): string {
  if (status.kind === 'loading') return 'Checking whether this plan is agreed…';
  if (status.kind === 'agreed') return `Agreed: version ${status.version}, ${dayOf(status.agreedAt)}${status.withWhom ? `, with ${status.withWhom}` : ''}`;
  if (status.lastAgreed) return `Not agreed: changed since version ${status.lastAgreed.version} (${dayOf(status.lastAgreed.agreedAt)})`;
  return 'Not agreed yet: this is a draft';
}

/** The glance's "This plan" line. */
export function versionWords(status: VersionStatus): string {
  if (status.kind === 'loading') return 'Checking…';
  if (status.kind === 'agreed') return `Agreed version ${status.version} (${dayOf(status.agreedAt)})`;
  return status.lastAgreed ? `DRAFT — not agreed (changed since version ${status.lastAgreed.version}, ${dayOf(status.lastAgreed.agreedAt)})` : 'DRAFT — not agreed';
}
