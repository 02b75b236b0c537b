import { cpSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { StoreSchemaError } from '../../../main/store/schema-check';
import { PlanDamagedError } from '../../../main/store/store-errors';
import { fingerprintDir } from '../../support/file-fingerprint';
import { openTestStore, tempDataDir } from '../../support/temp-store';
import { editor } from './support/jill';
import { seedStore, tamper, withoutTriggers, type SeededStore } from './support/tampered-store';

// Issue 12: each tampering that used to go unnoticed, done with SQLite straight at a real
// store file, is detected on the next open and named (which plan, what is wrong); the
// other plan keeps working.
let seeded: SeededStore;
beforeAll(() => {
  seeded = seedStore();
});

/** A fresh copy of the seeded folder (same key ring, so unlocking it costs no new scrypt). */
function copyOfStore(): string {
  const dir = tempDataDir('carehouse-tamper-copy');
  cpSync(seeded.dataDir, dir, { recursive: true });
  return dir;
}

function reportAfter(edit: (db: Database.Database) => void) {
  const dataDir = copyOfStore();
  tamper(dataDir, edit);
  const store = openTestStore(dataDir);
  const report = store.integrityReport();
  return { store, report, dataDir };
}

function expectOnlyJillDamaged(edit: (db: Database.Database) => void, problem: RegExp): void {
  const { store, report } = reportAfter(edit);
  try {
    expect(report.damagedPlans.map((plan) => plan.planId)).toEqual([seeded.jill]);
    expect(report.damagedPlans[0]?.problems.join('; ')).toMatch(problem);
    // Named in the list, refused for editing until the user chooses…
    const listed = store.listPlans(true);
    expect(listed.find((plan) => plan.id === seeded.jill)?.damage?.join('; ')).toMatch(problem);
    expect(() => store.loadPlan(seeded.jill)).toThrow(PlanDamagedError);
    expect(() => store.appendUpdate({ planId: seeded.jill, update: new Uint8Array([0, 0]), origin: 'local', actor: editor, sections: [] })).toThrow(
      PlanDamagedError,
    );
    // …while Amir's plan lists, opens and takes edits.
    expect(listed.find((plan) => plan.id === seeded.amir)?.damage).toBeNull();
    expect(store.loadPlan(seeded.amir).state.length).toBeGreaterThan(0);
    expect(store.auditTrail(seeded.amir).length).toBeGreaterThan(0);
  } finally {
    store.close();
  }
}

describe('tamper evidence: each tampering is detected on open and named', () => {
  it('control: the untouched store opens clean, compacted plan included', () => {
    const { store, report } = reportAfter(() => undefined);
    try {
      expect(report).toEqual({ storeProblems: [], damagedPlans: [] });
      expect(store.listPlans(true).every((plan) => plan.damage === null)).toBe(true);
      expect(store.listAgreedVersions(seeded.jill).map((version) => version.intact)).toEqual([true, true]);
    } finally {
      store.close();
    }
  });

  it("deleting the newest row of a plan's update log", () => {
    expectOnlyJillDamaged((db) => {
      db.prepare('DELETE FROM plan_updates WHERE plan_id = ? AND seq = (SELECT MAX(seq) FROM plan_updates WHERE plan_id = ?)').run(seeded.jill, seeded.jill);
    }, /the newest update \(9\) is missing/);
  });

  it('deleting an update in the middle (a gap in the seqs)', () => {
    expectOnlyJillDamaged((db) => db.prepare('DELETE FROM plan_updates WHERE plan_id = ? AND seq = 3').run(seeded.jill), /update 3 is missing/);
  });

  it('one flipped bit in one update row', () => {
    expectOnlyJillDamaged((db) => {
      const row = db.prepare('SELECT update_blob FROM plan_updates WHERE plan_id = ? AND seq = 4').get(seeded.jill) as { update_blob: Buffer };
      const flipped = Buffer.from(row.update_blob);
      flipped[flipped.length - 1] = (flipped[flipped.length - 1] ?? 0) ^ 1;
      db.prepare('UPDATE plan_updates SET update_blob = ? WHERE plan_id = ? AND seq = 4').run(flipped, seeded.jill);
    }, /update 4 was altered or damaged/);
  });

  it('deleting the latest agreed version (triggers lifted and put back)', () => {
    expectOnlyJillDamaged(
      (db) => withoutTriggers(db, 'agreed_versions', () => db.prepare('DELETE FROM agreed_versions WHERE plan_id = ? AND version = 2').run(seeded.jill)),
      /agreed version 2 was removed/,
    );
  });

  it("rewriting an audit row's origin", () => {
    expectOnlyJillDamaged(
      (db) =>
        withoutTriggers(db, 'audit_events', () =>
          db.prepare("UPDATE audit_events SET origin = 'system' WHERE id = (SELECT MIN(id) FROM audit_events WHERE plan_id = ? AND origin = 'peer')").run(seeded.jill),
        ),
      /an audit row was altered/,
    );
  });

  it("rewriting an audit row's sections", () => {
    expectOnlyJillDamaged(
      (db) =>
        withoutTriggers(db, 'audit_events', () =>
          db.prepare("UPDATE audit_events SET sections = 'goals' WHERE id = (SELECT MAX(id) FROM audit_events WHERE plan_id = ? AND action = 'edit')").run(seeded.jill),
        ),
      /an audit row was altered/,
    );
  });

  it("rewriting an audit row's seq", () => {
    expectOnlyJillDamaged(
      (db) =>
        withoutTriggers(db, 'audit_events', () =>
          db.prepare("UPDATE audit_events SET seq = seq + 1 WHERE id = (SELECT MIN(id) FROM audit_events WHERE plan_id = ? AND action = 'edit')").run(seeded.jill),
        ),
      /an audit row was altered/,
    );
  });

  it('deleting an audit row', () => {
    expectOnlyJillDamaged(
      (db) =>
        withoutTriggers(db, 'audit_events', () =>
          db.prepare("DELETE FROM audit_events WHERE id = (SELECT MAX(id) FROM audit_events WHERE plan_id = ? AND action = 'edit')").run(seeded.jill),
        ),
      /1 audit row\(s\) were removed/,
    );
  });

  it('duplicating an audit row', () => {
    expectOnlyJillDamaged(
      (db) =>
        db
          .prepare(
            `INSERT INTO audit_events (plan_id, seq, at, action, origin, sections, actor_blob)
             SELECT plan_id, seq, at, action, origin, sections, actor_blob FROM audit_events WHERE plan_id = ? ORDER BY id LIMIT 1`,
          )
          .run(seeded.jill),
      /1 audit row\(s\) were added outside CareHouse/,
    );
  });

  it("deleting a plan's sealed head", () => {
    expectOnlyJillDamaged((db) => db.prepare('DELETE FROM plan_heads WHERE plan_id = ?').run(seeded.jill), /its sealed head is missing/);
  });

  it('a whole plan deleted, every row of it, is reported for the store', () => {
    const { store, report } = reportAfter((db) => {
      for (const table of ['audit_events', 'agreed_versions']) {
        withoutTriggers(db, table, () => db.prepare(`DELETE FROM ${table} WHERE plan_id = ?`).run(seeded.jill));
      }
      for (const table of ['plan_updates', 'plan_snapshots', 'plan_heads']) db.prepare(`DELETE FROM ${table} WHERE plan_id = ?`).run(seeded.jill);
      db.prepare('DELETE FROM plans WHERE id = ?').run(seeded.jill);
    });
    try {
      expect(report.storeProblems.join('; ')).toMatch(/should hold 2 plan\(s\) but holds 1/);
      expect(store.loadPlan(seeded.amir).state.length).toBeGreaterThan(0);
    } finally {
      store.close();
    }
  });
});

describe('schema and triggers are checked on every open', () => {
  for (const trigger of ['audit_events_no_delete', 'audit_events_no_update', 'agreed_versions_no_delete']) {
    it(`a dropped trigger (${trigger}) is reported and the store is not used; the folder is unchanged`, () => {
      const dataDir = copyOfStore();
      tamper(dataDir, (db) => db.exec(`DROP TRIGGER ${trigger}`));
      const before = fingerprintDir(dataDir);
      expect(() => openTestStore(dataDir)).toThrow(StoreSchemaError);
      expect(() => openTestStore(dataDir)).toThrow(new RegExp(`trigger ${trigger} is missing`));
      expect(fingerprintDir(dataDir)).toBe(before);
    });
  }

  it('an extra trigger that rewrites rows is reported too', () => {
    const dataDir = copyOfStore();
    tamper(dataDir, (db) => db.exec("CREATE TRIGGER sneaky AFTER INSERT ON plan_updates BEGIN SELECT 1; END;"));
    expect(() => openTestStore(dataDir)).toThrow(/trigger sneaky was added/);
  });
});

describe('a damaged plan stays refused until the user chooses', () => {
  it('"keep it as it now is" re-seals a plan whose values still open, records the choice, and it opens clean next time', () => {
    const dataDir = copyOfStore();
    tamper(dataDir, (db) => db.prepare('DELETE FROM plan_updates WHERE plan_id = ? AND seq = 3').run(seeded.jill));
    const store = openTestStore(dataDir);
    expect(store.isDamaged(seeded.jill)).toBe(true);
    store.keepPlanAsItIs(seeded.jill, editor);
    expect(store.loadPlan(seeded.jill).state.length).toBeGreaterThan(0);
    expect(store.auditTrail(seeded.jill, 1)[0]?.action).toBe('keep-after-integrity-check');
    store.close();
    const reopened = openTestStore(dataDir);
    try {
      expect(reopened.integrityReport()).toEqual({ storeProblems: [], damagedPlans: [] });
    } finally {
      reopened.close();
    }
  });

  it('a plan with a value that no longer opens cannot be kept (only restored)', () => {
    const dataDir = copyOfStore();
    tamper(dataDir, (db) => {
      const row = db.prepare('SELECT update_blob FROM plan_updates WHERE plan_id = ? AND seq = 4').get(seeded.jill) as { update_blob: Buffer };
      const flipped = Buffer.from(row.update_blob);
      flipped[20] = (flipped[20] ?? 0) ^ 1;
      db.prepare('UPDATE plan_updates SET update_blob = ? WHERE plan_id = ? AND seq = 4').run(flipped, seeded.jill);
    });
    const store = openTestStore(dataDir);
    try {
      expect(() => store.keepPlanAsItIs(seeded.jill, editor)).toThrow(/integrity check/);
      expect(store.isDamaged(seeded.jill)).toBe(true);
    } finally {
      store.close();
    }
  });
});

describe('the choice, through the one door (keepDamagedPlan)', () => {
  it('lists the damaged plan with what is wrong, keeps it on request, and it then lists and opens clean', async () => {
    const { createHandlers } = await import('../../../main/services/create-handlers');
    const { callOk } = await import('./support/plan-edits');
    const { dispatchCall } = await import('../../../main/services/dispatch-call');
    const dataDir = copyOfStore();
    tamper(dataDir, (db) => db.prepare('DELETE FROM plan_updates WHERE plan_id = ? AND seq = 3').run(seeded.jill));
    const store = openTestStore(dataDir);
    try {
      const handlers = createHandlers(store, { version: 'test' });
      await callOk(handlers, 'saveProfile', editor);
      const listed = await callOk<Array<{ id: string; damage?: string[] }>>(handlers, 'listPlans', { includeArchived: true });
      expect(listed.find((plan) => plan.id === seeded.jill)?.damage).toEqual(['update 3 is missing']);
      expect(listed.find((plan) => plan.id === seeded.amir)?.damage).toBeUndefined();
      expect(await dispatchCall(handlers, 'loadPlan', { planId: seeded.jill })).toMatchObject({ ok: false, error: { code: 'refused' } });
      // Keeping a healthy plan is not a thing.
      expect(await dispatchCall(handlers, 'keepDamagedPlan', { planId: seeded.amir })).toMatchObject({ ok: false, error: { code: 'conflict' } });
      expect(await callOk(handlers, 'keepDamagedPlan', { planId: seeded.jill })).toEqual({ planId: seeded.jill, kept: true });
      const after = await callOk<Array<{ id: string; damage?: string[]; personName: string }>>(handlers, 'listPlans', { includeArchived: true });
      expect(after.find((plan) => plan.id === seeded.jill)).toMatchObject({ personName: 'Jill Marsh' });
      expect(after.find((plan) => plan.id === seeded.jill)?.damage).toBeUndefined();
      expect((await dispatchCall(handlers, 'loadPlan', { planId: seeded.jill })).ok).toBe(true);
    } finally {
      store.close();
    }
  });
});
