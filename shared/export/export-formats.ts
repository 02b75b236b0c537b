/** The formats a plan can be exported in, with what a saved file needs to be opened right. */
export const exportFormats = ['pdf', 'csv', 'ics', 'fhir', 'md'] as const;
export type ExportFormat = (typeof exportFormats)[number];

export function isExportFormat(value: string): value is ExportFormat {
  return (exportFormats as readonly string[]).includes(value);
}

export const exportFormatFiles: Record<ExportFormat, { extension: string; mimeType: string; description: string }> = {
  pdf: { extension: 'pdf', mimeType: 'application/pdf', description: 'Plan for the person (PDF)' },
  csv: { extension: 'csv', mimeType: 'text/csv; charset=utf-8', description: 'Actions for spreadsheets (CSV)' },
  ics: { extension: 'ics', mimeType: 'text/calendar; charset=utf-8', description: 'Actions for calendars (ICS)' },
  fhir: { extension: 'fhir.json', mimeType: 'application/fhir+json; fhirVersion=4.0', description: 'FHIR R4 Bundle (JSON)' },
  md: { extension: 'md', mimeType: 'text/markdown; charset=utf-8', description: 'Whole plan as Markdown' },
};

/**
 * A file name that says whose plan, which version and what it holds, using only characters
 * every file system accepts: "jill-marsh-care-plan-v3-actions.csv", "...-draft-....pdf".
 */
export function exportFileName(personName: string, versionNumber: number | null, format: ExportFormat): string {
  const slug =
    personName
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'care-plan';
  const what = format === 'csv' || format === 'ics' ? '-actions' : '';
  const version = versionNumber === null ? 'draft' : `v${versionNumber}`;
  return `${slug}-care-plan-${version}${what}.${exportFormatFiles[format].extension}`;
}
