import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { exportFormats, isExportFormat } from '../../../shared/export/export-formats';
import { SharingRefusedError } from '../../../shared/export/sharing-limits';
import type { ExportLegalBasis } from '../../../shared/contract/export-calls';
import { sharingLegalBases } from '../../../shared/plan/plan-snapshot';
import { exportPlan } from '../../export/export-plan';
import { UndrawableTextError } from '../../export/pdf-text/undrawable-text-error';
import { ExportSourceError, loadPlanForExport } from '../../export/load-plan-for-export';
import { writeFileAtomically } from '../../export/write-file-atomically';
import { openNodeStore } from '../../host/open-node-store';
import { parseFlags, UsageError } from '../../host/parse-flags';
import { exportAuditAction, exportNeedsLegalBasis } from '../../services/export-service';
import { AgreedVersionIntegrityError } from '../../store/agreed-versions';
import type { AuditActor } from '../../store/audit-log';
import type { CliCommand } from '../cli-command';

/** Bases that allow sharing without consent; "consent" itself is not one of them. */
const basesWithoutConsent = sharingLegalBases.filter((basis) => basis !== 'consent');

function parseVersion(value: string | undefined): number | null {
  if (value === undefined) return null;
  if (!/^[1-9]\d{0,5}$/.test(value)) throw new UsageError(`--version must be an agreed version number (1, 2, 3...), not "${value}"`);
  return Number(value);
}

export const exportCommand: CliCommand = {
  name: 'export',
  usage: `carehouse export --data-dir DIR --plan ID [--version N] --format ${exportFormats.join('|')} --out FILE [--force] [--ics-todos] [--recipient NAME] [--legal-basis ${basesWithoutConsent.join('|')}]`,
  summary: 'export a plan (the draft, or agreed version N) to a file',
  async run(args, io) {
    const { values } = parseFlags(args, {
      'data-dir': { type: 'string' },
      plan: { type: 'string' },
      version: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      recipient: { type: 'string' },
      'legal-basis': { type: 'string' },
      force: { type: 'boolean' },
      'ics-todos': { type: 'boolean' },
    });
    const dataDir = values['data-dir'];
    const planId = values.plan;
    const format = values.format;
    const out = values.out;
    if (!dataDir) throw new UsageError('--data-dir is required');
    if (!planId) throw new UsageError('--plan is required');
    if (!format) throw new UsageError('--format is required');
    if (!isExportFormat(format)) throw new UsageError(`--format must be one of ${exportFormats.join(', ')}, not "${format}"`);
    if (!out) throw new UsageError('--out is required');
    if (values['ics-todos'] === true && format !== 'ics') throw new UsageError('--ics-todos only applies to --format ics');
    const versionNumber = parseVersion(values.version);
    const legalBasis = values['legal-basis'];
    if (legalBasis !== undefined && !(basesWithoutConsent as readonly string[]).includes(legalBasis)) {
      throw new UsageError(`--legal-basis must be one of ${basesWithoutConsent.join(', ')}, not "${legalBasis}"`);
    }
    if (!existsSync(dataDir) || !statSync(dataDir).isDirectory()) throw new UsageError(`--data-dir ${dataDir} is not a folder`);
    const target = resolve(out);
    if (!existsSync(dirname(target))) throw new UsageError(`The folder for --out (${dirname(target)}) does not exist`);
    // Like backup, never replace a file by surprise: it may be the last copy someone handed out.
    if (existsSync(target) && values.force !== true) {
      throw new UsageError(`${out} already exists. Choose another --out, or add --force to replace it. Nothing was written.`);
    }

    const store = await openNodeStore(dataDir);
    try {
      let source;
      try {
        source = loadPlanForExport(store, planId, versionNumber);
      } catch (error) {
        if (error instanceof ExportSourceError) throw new UsageError(`${error.message} Nothing was written.`);
        if (error instanceof AgreedVersionIntegrityError) throw new Error(`${error.message} Nothing was written.`);
        throw error;
      }
      // Sharing a plan without the person's consent needs a lawful basis, said out loud.
      const consent = source.snapshot.consent.status;
      if (exportNeedsLegalBasis(consent) && legalBasis === undefined) {
        throw new UsageError(
          `Consent to share this plan was ${consent === 'declined' ? 'declined' : 'not yet asked'}. ` +
            `Give the legal basis for sharing it with --legal-basis ${basesWithoutConsent.join('|')}. Nothing was written.`,
        );
      }
      let file;
      try {
        file = await exportPlan(source.snapshot, format, {
          versionLabel: source.versionLabel,
          agreement: source.agreement,
          generatedAt: new Date().toISOString(),
          planId,
          recipient: values.recipient ?? null,
        }, { calendarTodos: values['ics-todos'] === true });
      } catch (error) {
        if (error instanceof SharingRefusedError) throw new UsageError(error.message);
        if (error instanceof UndrawableTextError) throw new UsageError(error.message);
        throw error;
      }
      writeFileAtomically(target, file.bytes);
      const profile = store.getProfile();
      const actor: AuditActor = profile ?? { name: 'carehouse export (command line)', role: '', organisation: '' };
      // Same audit wording as an export from the app; the recipient stays out of the clear-text log.
      const basis = exportNeedsLegalBasis(consent) ? ((legalBasis as ExportLegalBasis | undefined) ?? null) : null;
      store.recordAudit(planId, exportAuditAction(format, source.versionNumber, basis), actor);
      io.out(`Exported ${source.versionLabel ?? 'the current draft (not agreed)'} of plan ${planId} as ${format} to ${out} (${file.bytes.length} bytes).`);
      return 0;
    } finally {
      store.close();
    }
  },
};
