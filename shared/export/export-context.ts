/**
 * What every export builder needs besides the plan: which version it is, when it was made
 * and which plan it belongs to. Passed in (never read from a clock) so builders stay pure
 * and golden files stay stable.
 */
export interface ExportContext {
  /** e.g. 'Agreed version 3 (2026-11-23)'; null means the current draft, not agreed. */
  versionLabel: string | null;
  /** ISO 8601 date-time the export was produced. */
  generatedAt: string;
  planId: string;
  /**
   * Who the export is for (an organisation or person), when it leaves the team. Items the
   * person asked not to share with them are left out; see `applySharingLimits`.
   */
  recipient?: string | null;
  /**
   * Who agreed this version and when, read from the agreed version itself (never from
   * hand-edited plan fields). Absent or null for a draft, which never says "agreed with".
   */
  agreement?: ExportAgreement | null;
}

/** The facts of one real agreement, as recorded by the Agree step. */
export interface ExportAgreement {
  /** Calendar date it was agreed (YYYY-MM-DD). */
  agreedOn: string;
  /** Everyone who agreed it: the person or their representative first, then family and carers, e.g. "Jill Marsh (the person)". */
  agreedWith: string[];
}

/** The agreement to state on an export: only for an agreed version, never a draft. */
export function agreementOf(context: ExportContext): ExportAgreement | null {
  return context.versionLabel !== null && context.agreement ? context.agreement : null;
}

/** What every page, row or resource says about its version. */
export const DRAFT_LABEL = 'DRAFT — not agreed';

export function versionText(context: ExportContext): string {
  return context.versionLabel ?? DRAFT_LABEL;
}

export function isAgreed(context: ExportContext): boolean {
  return context.versionLabel !== null;
}

/** The calendar date part of generatedAt, for "printed on" lines. */
export function generatedDate(context: ExportContext): string {
  return context.generatedAt.slice(0, 10);
}
