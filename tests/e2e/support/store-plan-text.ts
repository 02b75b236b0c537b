import { execFileSync } from 'node:child_process';
import { exportPlan } from '../../../main/export/export-plan';
import { CareStore } from '../../../main/store/care-store';
import { exportFormats } from '../../../shared/export/export-formats';
import { readPlanSnapshotFromState, type CarePlanSnapshot } from '../../../shared/plan';
import { TEST_PASSPHRASE } from './browser-host-process';

/**
 * What one machine's store holds for a plan, read the way CareHouse reads it (decrypted
 * with the test passphrase): the merged state of its whole update log, the plan snapshot,
 * every export format's text, and the family's private notes for a meeting. Lets a test
 * prove a text is (or is not) anywhere in the plan's data on that machine.
 */
export interface StoredPlanText {
  snapshot: CarePlanSnapshot;
  /** The decrypted, merged Yjs state of the update log, as text (typed strings appear in it as UTF-8). */
  updateLogText: string;
  exports: Record<string, string>;
  privateNotes: string;
}

export async function readStoredPlan(dataDir: string, planId: string, meetingId: string | null): Promise<StoredPlanText> {
  const store = CareStore.open({ dataDir, keySource: { kind: 'passphrase', passphrase: TEST_PASSPHRASE } });
  try {
    const { state } = store.loadPlan(planId);
    const snapshot = readPlanSnapshotFromState(state);
    const exports: Record<string, string> = {};
    for (const format of exportFormats) {
      const file = await exportPlan(snapshot, format, { versionLabel: null, generatedAt: new Date().toISOString(), planId });
      exports[format] =
        format === 'pdf' ? execFileSync('pdftotext', ['-', '-'], { input: Buffer.from(file.bytes) }).toString('utf8').replace(/\s+/g, ' ') : Buffer.from(file.bytes).toString('utf8');
    }
    return {
      snapshot,
      updateLogText: Buffer.from(state).toString('utf8'),
      exports,
      privateNotes: meetingId ? store.privateFamilyNotes(planId, meetingId).text : '',
    };
  } finally {
    store.close();
  }
}
