import * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatchCall } from '../../../main/services/dispatch-call';
import type { HandlerTable } from '../../../main/services/handler-table';
import { contentHashOf } from '../../../main/store/agreed-versions';
import type { CareStore } from '../../../main/store/care-store';
import type { AgreedVersionSummary, CallResult } from '../../../shared/contract';
import {
  createItem,
  getPlanText,
  readPlanSnapshot,
  removeItem,
  updateItem,
  updateRecordSection,
  type CarePlanSnapshot,
} from '../../../shared/plan';
import { storeContentHash } from '../../support/store-content';
import { testActor } from '../../support/temp-store';
import { callOk, editAndAppend, loadDoc } from '../trust/support/plan-edits';
import { scanForPlaintext } from '../trust/support/plaintext-scanner';
import { agreedWithJill, closeJillExampleStore, JILL, openJillExampleStore } from './support/jill-example-store';


let dataDir: string;
let store: CareStore;
let handlers: HandlerTable;
let doc: Y.Doc;

beforeEach(async () => {
  ({ dataDir, store, handlers, doc } = await openJillExampleStore('carehouse-agree'));
});
afterEach(() => closeJillExampleStore({ store, doc }));

const snapshotOf = (d: Y.Doc): CarePlanSnapshot => readPlanSnapshot(d);
const edit = (change: (d: Y.Doc) => void) => editAndAppend(handlers, JILL, doc, change);
const agree = (extra: Record<string, unknown> = {}) => dispatchCall(handlers, 'agreePlan', { planId: JILL, ...agreedWithJill, ...extra });
const agreeOk = async () => {
  const result = await agree();
  if (!result.ok) throw new Error(result.error.message);
  return result.value as AgreedVersionSummary;
};
function refusal(result: CallResult<unknown>) {
  if (result.ok) throw new Error('expected the call to be refused');
  return result.error;
}
const actionId = (what: string) => {
  const found = snapshotOf(doc).actions.find((action) => action.what.startsWith(what));
  if (!found) throw new Error(`no action ${what}`);
  return found.id;
};

describe('agree this version', () => {
  it('is refused while blocking problems remain, listing them in plain words, and succeeds once they are fixed', async () => {
    await edit((d) => updateRecordSection(d, 'agreement', { reviewDate: null }));
    await edit((d) => updateItem(d, ['actions'], actionId('OT home visit'), { owner: null }));
    const before = storeContentHash(store.database);

    const error = refusal(await agree());
    expect(error.code).toBe('refused');
    expect(error.message).toMatch(/cannot be agreed yet: 2 things need fixing/);
    expect(error.message).toContain('Set a date to review the plan');
    expect(error.problems?.map((problem) => problem.message)).toEqual(
      expect.arrayContaining(['Set a date to review the plan', expect.stringMatching(/Say who will do this: OT home visit/)]),
    );
    expect(error.problems?.map((problem) => problem.path)).toContain('agreement.reviewDate');
    expect(storeContentHash(store.database), 'a refused agreement changes nothing').toBe(before);
    expect(await callOk(handlers, 'listAgreedVersions', { planId: JILL })).toEqual([]);

    const plan = snapshotOf(doc);
    await edit((d) => updateRecordSection(d, 'agreement', { reviewDate: plan.agreement.lastUpdated }));
    await edit((d) => updateItem(d, ['actions'], actionId('OT home visit'), { owner: { kind: 'person' } }));
    const agreed = await agreeOk();
    expect(agreed).toMatchObject({ version: 1, intact: true, agreedBy: { role: 'the person', name: 'Jill Marsh' } });
    expect(agreed.professionalsPresent).toEqual([{ name: 'Priya Nair', role: 'Social worker' }]);
    expect(agreed.recordedBy).toEqual(testActor);
    expect(agreed.contentHash).toBe(contentHashOf(snapshotOf(doc)));
    const history = await callOk<Array<{ action: string; actorName: string }>>(handlers, 'getPlanHistory', { planId: JILL });
    expect(history[0]).toMatchObject({ action: 'agree-plan', actorName: testActor.name });
  });

  it('numbers versions 1, 2, 3 per plan and keeps each one as it was agreed', async () => {
    expect((await agreeOk()).version).toBe(1);
    await edit((d) => getPlanText(d, ['aboutMe', 'whatMatters'])?.insert(0, 'Above all, '));
    expect((await agreeOk()).version).toBe(2);
    await edit((d) => updateRecordSection(d, 'agreement', { fundingSource: 'Local authority' }));
    expect((await agreeOk()).version).toBe(3);
    const versions = await callOk<AgreedVersionSummary[]>(handlers, 'listAgreedVersions', { planId: JILL });
    expect(versions.map((version) => [version.version, version.intact])).toEqual([[1, true], [2, true], [3, true]]);
    expect(versions[2]?.contentHash).not.toBe(versions[1]?.contentHash);
    expect(versions[0]?.contentHash).not.toBe(versions[1]?.contentHash);

    const first = await callOk<{ snapshot: CarePlanSnapshot }>(handlers, 'getAgreedVersion', { planId: JILL, version: 1 });
    expect(first.snapshot.aboutMe.whatMatters).not.toMatch(/^Above all/);
    const second = await callOk<{ snapshot: CarePlanSnapshot }>(handlers, 'getAgreedVersion', { planId: JILL, version: 2 });
    expect(second.snapshot.aboutMe.whatMatters).toMatch(/^Above all, /);

    // Another plan has its own numbering.
    const other = await callOk<{ id: string }>(handlers, 'createPlan', { displayName: 'Second plan' });
    const otherDoc = await loadDoc(handlers, other.id);
    await editAndAppend(handlers, other.id, otherDoc, (d) => {
      const jill = snapshotOf(doc);
      // Copy Jill's plan content: a plan with no blocking problems.
      for (const contact of jill.professionalContacts) {
        const { id: _id, createdAt: _c, createdBy: _b, removedAt: _r, removedBy: _rb, ...fields } = contact;
        createItem(d, ['professionalContacts'], { ...fields }, { by: 'test', at: '2026-01-01T00:00:00.000Z' });
      }
      updateRecordSection(d, 'person', { firstName: 'Sam', familyName: 'Other' });
      updateRecordSection(d, 'agreement', { lastUpdated: jill.agreement.lastUpdated, reviewDate: jill.agreement.reviewDate });
    });
    otherDoc.destroy();
    const otherAgreed = await callOk<AgreedVersionSummary>(handlers, 'agreePlan', { planId: other.id, ...agreedWithJill, reasonForGoingAhead: 'A first plan, to be filled in at the review.' });
    expect(otherAgreed.version).toBe(1);
  });

  it('refuses to agree when the plan changed after the user looked at it (stale content hash)', async () => {
    const seen = contentHashOf(snapshotOf(doc));
    await edit((d) => getPlanText(d, ['aboutMe', 'whatMatters'])?.insert(0, 'Changed meanwhile. '));
    const error = refusal(await agree({ expectedStateHash: seen }));
    expect(error.code).toBe('conflict');
    const agreed = await callOk<AgreedVersionSummary>(handlers, 'agreePlan', {
      planId: JILL,
      ...agreedWithJill,
      expectedStateHash: contentHashOf(snapshotOf(doc)),
    });
    expect(agreed.version).toBe(1);
  });

  it('records a representative with their relationship', async () => {
    const agreed = await callOk<AgreedVersionSummary>(handlers, 'agreePlan', {
      planId: JILL,
      agreedBy: { role: 'representative', name: 'Karen Marsh', relationship: 'Daughter, lasting power of attorney' },
      professionalsPresent: [{ name: 'Tom Reid', role: 'Practice nurse' }],
    });
    expect(agreed.agreedBy).toEqual({ role: 'representative', name: 'Karen Marsh', relationship: 'Daughter, lasting power of attorney' });
    const noRelationship = refusal(await agree({ agreedBy: { role: 'representative', name: 'Karen Marsh' } }));
    expect(noRelationship.code).toBe('invalid-input');
  });
});

describe('an agreed version is personal data', () => {
  it('keeps who agreed, who was present and the plan itself sealed on disk', async () => {
    await callOk(handlers, 'agreePlan', {
      planId: JILL,
      agreedBy: { role: 'representative', name: 'Karen Marsh', relationship: 'Daughter and attorney' },
      professionalsPresent: [{ name: 'Priya Nair', role: 'Social worker' }],
    });
    store.database.pragma('wal_checkpoint(TRUNCATE)');
    const scan = scanForPlaintext(dataDir, ['Karen Marsh', 'Daughter and attorney', 'Priya Nair', 'Jill', 'perching stool']);
    expect(scan.files.length).toBeGreaterThan(0);
    expect(scan.hits).toEqual([]);
  });
});

describe('an agreed version can never be altered', () => {
  it('refuses UPDATE, DELETE, INSERT OR REPLACE and out-of-order inserts (triggers)', async () => {
    await agreeOk();
    await edit((d) => updateRecordSection(d, 'agreement', { fundingSource: 'Local authority' }));
    await agreeOk();
    const db = store.database;
    const before = storeContentHash(db);
    expect(() => db.prepare("UPDATE agreed_versions SET agreed_at = '2020-01-01T00:00:00.000Z' WHERE version = 1").run()).toThrow(/cannot be changed/);
    expect(() => db.prepare('UPDATE agreed_versions SET content_hash = ? WHERE version = 2').run('0'.repeat(64))).toThrow(/cannot be changed/);
    expect(() => db.prepare('DELETE FROM agreed_versions WHERE version = 2').run()).toThrow(/cannot be deleted/);
    expect(() => db.prepare('DELETE FROM agreed_versions').run()).toThrow(/cannot be deleted/);
    expect(() =>
      db.prepare('INSERT OR REPLACE INTO agreed_versions SELECT * FROM agreed_versions WHERE version = 1').run(),
    ).toThrow(/cannot be replaced/);
    expect(() =>
      db
        .prepare(
          `INSERT INTO agreed_versions SELECT plan_id, 7, agreed_at, content_hash, state_hash, previous_hash, record_hash, state_blob, snapshot_blob, details_blob
           FROM agreed_versions WHERE version = 1`,
        )
        .run(),
    ).toThrow(/no gaps/);
    expect(storeContentHash(db)).toBe(before);
    const versions = await callOk<AgreedVersionSummary[]>(handlers, 'listAgreedVersions', { planId: JILL });
    expect(versions.map((version) => version.intact)).toEqual([true, true]);
  });

  /** Flips one bit in the middle of a stored blob, as a disk error or a hand edit would. */
  const flipByte = (column: 'snapshot_blob' | 'details_blob') => (db: CareStore['database']) => {
    const row = db.prepare(`SELECT ${column} AS blob FROM agreed_versions WHERE version = 2`).get() as { blob: Buffer };
    const bytes = Buffer.from(row.blob);
    const middle = Math.floor(bytes.length / 2);
    bytes[middle] = (bytes[middle] ?? 0) ^ 0x01;
    return db.prepare(`UPDATE agreed_versions SET ${column} = ? WHERE version = 2`).run(bytes);
  };
  const sql = (statement: string) => (db: CareStore['database']) => db.prepare(statement).run();
  const tamperings: Array<[string, (db: CareStore['database']) => { changes: number }]> = [
    ['a byte of the sealed snapshot', flipByte('snapshot_blob')],
    ['a byte of who agreed', flipByte('details_blob')],
    ['the stored content hash', sql("UPDATE agreed_versions SET content_hash = substr('0123456789abcdef', 1 + (instr('0123456789abcdef', substr(content_hash, 1, 1)) % 16), 1) || substr(content_hash, 2) WHERE version = 2")],
    ['the date it was agreed', sql("UPDATE agreed_versions SET agreed_at = '2020-01-01T00:00:00.000Z' WHERE version = 2")],
    ['the sealed state, swapped for version 1', sql('UPDATE agreed_versions SET state_blob = (SELECT state_blob FROM agreed_versions WHERE version = 1) WHERE version = 2')],
  ];
  for (const [what, tamper] of tamperings) {
    it(`detects tampering with ${what} and reports "Agreed version 2 failed its integrity check"`, async () => {
      await agreeOk();
      await edit((d) => updateItem(d, ['actions'], actionId('OT home visit'), { notes: 'Moved a week.' }));
      await agreeOk();
      // Someone with the file and a SQLite tool drops the guard and edits the row.
      store.database.exec('DROP TRIGGER agreed_versions_no_update');
      const changed = tamper(store.database);
      expect(changed.changes).toBe(1);

      const error = refusal(await dispatchCall(handlers, 'getAgreedVersion', { planId: JILL, version: 2 }));
      expect(error).toMatchObject({ code: 'refused' });
      expect(error.message).toMatch(/^Agreed version 2 failed its integrity check/);
      const versions = await callOk<AgreedVersionSummary[]>(handlers, 'listAgreedVersions', { planId: JILL });
      expect(versions.map((version) => [version.version, version.intact])).toEqual([[1, true], [2, false]]);
      expect(versions[1]?.agreedBy).toBeNull();
      // Nothing built on it either: no export, no diff.
      expect(refusal(await dispatchCall(handlers, 'exportPlan', { planId: JILL, version: 2, format: 'md' })).message).toMatch(/integrity check/);
      expect(refusal(await dispatchCall(handlers, 'diffPlanVersions', { planId: JILL, from: 1, to: 2 })).code).toBe('refused');
      expect((await dispatchCall(handlers, 'getAgreedVersion', { planId: JILL, version: 1 })).ok).toBe(true);
    });
  }

  it('detects a version taken out of the chain (the next one no longer follows)', async () => {
    await agreeOk();
    await edit((d) => updateRecordSection(d, 'agreement', { fundingSource: 'Local authority' }));
    await agreeOk();
    store.database.exec('DROP TRIGGER agreed_versions_no_delete');
    store.database.prepare('DELETE FROM agreed_versions WHERE version = 1').run();
    const error = refusal(await dispatchCall(handlers, 'getAgreedVersion', { planId: JILL, version: 2 }));
    expect(error.message).toMatch(/^Agreed version 2 failed its integrity check/);
    const versions = await callOk<AgreedVersionSummary[]>(handlers, 'listAgreedVersions', { planId: JILL });
    expect(versions.map((version) => [version.version, version.intact])).toEqual([[2, false]]);
  });

  it('answers not-found for a version that was never agreed', async () => {
    await agreeOk();
    expect(refusal(await dispatchCall(handlers, 'getAgreedVersion', { planId: JILL, version: 2 }))).toMatchObject({
      code: 'not-found',
      message: 'This plan has no agreed version 2.',
    });
  });
});

describe('what changed between versions', () => {
  it('names the changes per section in plain words', async () => {
    await agreeOk();
    const plan = snapshotOf(doc);
    const ot = plan.actions.find((action) => action.what.startsWith('OT home visit'));
    const dropped = plan.professionalContacts.find((contact) => !contact.isKeyworker);
    if (!ot?.dueDate || !dropped) throw new Error('Jill example changed shape');
    const later = new Date(`${ot.dueDate}T00:00:00Z`);
    later.setUTCDate(later.getUTCDate() + 7);
    const newDue = later.toISOString().slice(0, 10);
    await edit((d) => {
      updateItem(d, ['actions'], ot.id, { dueDate: newDue });
      getPlanText(d, ['aboutMe', 'whatMatters'])?.insert(0, 'Most of all, ');
      createItem(d, ['goals'], { words: 'Get back to the allotment by spring', status: 'active' }, { by: 'Tom Reid', at: '2026-01-01T00:00:00.000Z' });
      removeItem(d, ['professionalContacts'], dropped.id, { by: 'Tom Reid', at: '2026-01-01T00:00:00.000Z' });
    });

    const sinceAgreed = await callOk<{ total: number; fromLabel: string; toLabel: string; sections: Array<{ title: string; changes: Array<{ text: string }> }> }>(
      handlers,
      'diffPlanVersions',
      { planId: JILL, from: 1, to: 'current' },
    );
    expect(sinceAgreed.fromLabel).toMatch(/^Agreed version 1 \(\d{4}-\d{2}-\d{2}\)$/);
    expect(sinceAgreed.toLabel).toBe('Current draft');
    const lines = sinceAgreed.sections.flatMap((section) => section.changes.map((change) => `${section.title}: ${change.text}`));
    expect(lines).toEqual(
      expect.arrayContaining([
        'About me: What is most important to me changed',
        "Goals: Goal added: 'Get back to the allotment by spring'",
        `Actions: Action 'OT home visit to fit rails and a perching stool' — due date changed from ${ot.dueDate} to ${newDue}`,
        `Care team: Team member removed: '${dropped.name}'`,
      ]),
    );

    await agreeOk();
    const between = await callOk<{ total: number; sections: unknown[] }>(handlers, 'diffPlanVersions', { planId: JILL, from: 1, to: 2 });
    expect(between.total).toBe(sinceAgreed.total);
    const none = await callOk<{ total: number; sections: unknown[] }>(handlers, 'diffPlanVersions', { planId: JILL, from: 2, to: 'current' });
    expect(none).toMatchObject({ total: 0, sections: [] });
    expect(refusal(await dispatchCall(handlers, 'diffPlanVersions', { planId: JILL, from: 3, to: 'current' })).code).toBe('not-found');
  });
});
