import type { CarePlanSnapshot } from '../../shared/plan/plan-snapshot';
import { buildActionsCsv } from '../../shared/export/actions-csv';
import { buildActionsIcs } from '../../shared/export/actions-ics';
import type { ExportContext } from '../../shared/export/export-context';
import { exportFileName, exportFormatFiles, type ExportFormat } from '../../shared/export/export-formats';
import { buildFhirBundle } from '../../shared/export/fhir/fhir-bundle';
import { buildPdfModel } from '../../shared/export/pdf-model';
import { buildPlanMarkdown } from '../../shared/export/plan-markdown';
import { personFullName } from '../../shared/export/plan-people';
import { renderPdf } from './render-pdf';

export interface ExportedFile {
  bytes: Uint8Array;
  fileName: string;
  mimeType: string;
}

/** "Agreed version 3 (2026-11-23)" -> 3, for the file name; null for a draft. */
function versionNumberOf(context: ExportContext): number | null {
  if (context.versionLabel === null) return null;
  const match = /(\d+)/.exec(context.versionLabel);
  return match ? Number(match[1]) : null;
}

/**
 * One plan in one format, ready to save: the pure builders in shared/export for the bytes,
 * plus pdfkit for the PDF (Node only; the browser host and CLI use this same function, so
 * every host produces the same file). Throws SharingRefusedError for a refused recipient.
 */
export interface ExportOptions {
  /** ICS only: also write each dated action as a to-do (VTODO), beside its event. */
  calendarTodos?: boolean;
}

export async function exportPlan(snapshot: CarePlanSnapshot, format: ExportFormat, context: ExportContext, options: ExportOptions = {}): Promise<ExportedFile> {
  const bytes = await bytesFor(snapshot, format, context, options);
  return {
    bytes,
    fileName: exportFileName(personFullName(snapshot), versionNumberOf(context), format),
    mimeType: exportFormatFiles[format].mimeType,
  };
}

function bytesFor(snapshot: CarePlanSnapshot, format: ExportFormat, context: ExportContext, options: ExportOptions): Promise<Uint8Array> | Uint8Array {
  switch (format) {
    case 'pdf':
      return renderPdf(buildPdfModel(snapshot, context));
    case 'csv':
      return buildActionsCsv(snapshot, context);
    case 'ics':
      return buildActionsIcs(snapshot, context, { todos: options.calendarTodos === true });
    case 'fhir':
      return buildFhirBundle(snapshot, context);
    case 'md':
      return buildPlanMarkdown(snapshot, context);
  }
}
