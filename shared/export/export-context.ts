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
