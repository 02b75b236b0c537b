import { CareError, EXPORT_MAX_BYTES, LEGAL_BASIS_NEEDED, type ExportLegalBasis } from '../../shared/contract';
import type { ExportFormat } from '../../shared/export/export-formats';
import { SharingRefusedError } from '../../shared/export/sharing-limits';
import type { ConsentStatus } from '../../shared/plan';
import { exportPlan } from '../export/export-plan';
import { UndrawableTextError } from '../export/pdf-text/undrawable-text-error';
import { ExportSourceError, loadPlanForExport } from '../export/load-plan-for-export';
import type { CareStore } from '../store/care-store';
import { PlanNotFoundError } from '../store/plan-records';
import { currentActor } from './actor';
import { withAgreedVersionErrors } from './agreed-version-errors';
import type { HandlerSlice } from './handler-table';

/** Consent states in which sharing needs a lawful basis said out loud (care-plan.md section 9). */
export function exportNeedsLegalBasis(status: ConsentStatus): boolean {
  return status === 'declined' || status === 'notYetAsked';
}

/**
 * The audit action for one export: what, which version and on what basis; never to whom,
 * because the audit action is stored in the clear and a recipient may be a person's name.
 * Reads in the history as "export plan pdf v2 legal basis directCare".
 */
export function exportAuditAction(format: ExportFormat, versionNumber: number | null, legalBasis: ExportLegalBasis | null): string {
  return `export-plan ${format} ${versionNumber === null ? 'draft' : `v${versionNumber}`}${legalBasis ? ` legal-basis ${legalBasis}` : ''}`;
}

/** The audit action for an export refused because of the person's sharing limits: "export-refused pdf draft". */
export function exportRefusedAuditAction(format: ExportFormat, versionNumber: number | null): string {
  return `export-refused ${format} ${versionNumber === null ? 'draft' : `v${versionNumber}`}`;
}

/** Exports through the contract: the same builders and PDF renderer as the CLI, so every host gives the same file. */
export function createExportHandlers(store: CareStore): HandlerSlice<'exportPlan'> {
  return {
    exportPlan: async ({ planId, version, format, recipient, legalBasis, calendarTodos }) => {
      const actor = currentActor(store);
      if (!store.hasPlan(planId)) throw new PlanNotFoundError(planId);
      const source = withAgreedVersionErrors(() => {
        try {
          return loadPlanForExport(store, planId, version ?? null);
        } catch (error) {
          if (error instanceof ExportSourceError) throw new CareError('not-found', `This plan has no agreed version ${version ?? ''}.`);
          throw error;
        }
      });
      const consent = source.snapshot.consent.status;
      if (exportNeedsLegalBasis(consent) && legalBasis === undefined) {
        const why = consent === 'declined' ? 'The person declined consent to share their plan' : 'Nobody has asked the person yet whether their plan may be shared';
        const message = `${why}. To export it, give the legal basis for sharing without consent: direct care, or safeguarding or statutory duty.`;
        throw new CareError('refused', message, [{ path: LEGAL_BASIS_NEEDED, message }]);
      }
      let file;
      try {
        file = await exportPlan(source.snapshot, format, {
          versionLabel: source.versionLabel,
          agreement: source.agreement,
          generatedAt: new Date().toISOString(),
          planId,
          recipient: recipient || null,
        }, { calendarTodos: calendarTodos === true });
      } catch (error) {
        if (error instanceof SharingRefusedError) {
          // A refusal is part of the plan's story ("who asked for it, for whom"): recorded,
          // with the recipient sealed (it may be a person's name).
          store.recordAudit(planId, exportRefusedAuditAction(format, source.versionNumber), actor, [], { recipient: recipient ?? '' });
          throw new CareError('refused', error.message);
        }
        if (error instanceof UndrawableTextError) throw new CareError('refused', error.message);
        throw error;
      }
      if (file.bytes.byteLength > EXPORT_MAX_BYTES) {
        throw new CareError('refused', 'This export is too large to hand over in one go. Use the command line: carehouse export.');
      }
      // Only a basis that was needed is recorded: with consent, consent is the basis.
      const basis = exportNeedsLegalBasis(consent) ? (legalBasis ?? null) : null;
      store.recordAudit(planId, exportAuditAction(format, source.versionNumber, basis), actor);
      return {
        fileName: file.fileName,
        mimeType: file.mimeType,
        base64: Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength).toString('base64'),
        bytes: file.bytes.byteLength,
        versionLabel: source.versionLabel,
      };
    },
  };
}
