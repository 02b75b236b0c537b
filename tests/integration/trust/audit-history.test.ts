import { beforeAll, describe, expect, it } from 'vitest';
import { dispatchCall } from '../../../main/services/dispatch-call';
import { createHandlers } from '../../../main/services/create-handlers';
import type { HandlerTable } from '../../../main/services/handler-table';
import type { CareStore } from '../../../main/store/care-store';
import type { HistoryEntry } from '../../../shared/contract';
import { storeContentHash } from '../../support/store-content';
import { openTestStore, tempDataDir } from '../../support/temp-store';
import { editor, jill, secondEditor } from './support/jill';
import { callOk, editAndAppend, loadDoc, sectionText } from './support/plan-edits';

let store: CareStore;
let handlers: HandlerTable;
let planId: string;
let history: HistoryEntry[];

beforeAll(async () => {
  store = openTestStore(tempDataDir('carehouse-audit'));
  handlers = createHandlers(store, { version: 'test' });
  // Priya (profile A) creates the plan and writes Jill's name.
  await callOk(handlers, 'saveProfile', editor);
  planId = (await callOk<{ id: string }>(handlers, 'createPlan', { displayName: jill.fullName })).id;
  const doc = await loadDoc(handlers, planId);
  await editAndAppend(handlers, planId, doc, (d) => sectionText(d, 'person', 'firstName').insert(0, jill.firstName));
  // The same machine's profile changes to Tom (profile B), who edits "About me".
  await callOk(handlers, 'saveProfile', secondEditor);
  await editAndAppend(handlers, planId, doc, (d) => sectionText(d, 'aboutMe', 'whatMatters').insert(0, jill.whatMatters));
  // A change that arrived from a peer in a meeting: attributed to that peer, not to Tom.
  await editAndAppend(handlers, planId, doc, (d) => sectionText(d, 'person', 'nhsNumber').insert(0, jill.nhsNumber), {
    kind: 'peer',
    peerName: 'Karen Lowe',
    peerRole: 'District nurse',
    peerId: 'peer-7f3a',
  });
  history = await callOk<HistoryEntry[]>(handlers, 'getPlanHistory', { planId });
});

describe('History of changes: who changed this, and when?', () => {
  it('attributes each change to the profile that made it, newest first, with plain section titles', () => {
    expect(history.map((entry) => [entry.action, entry.origin, entry.actorName, entry.actorRole, entry.sections.map((s) => s.title)])).toEqual([
      ['edit', 'peer', 'Karen Lowe', 'District nurse', ['Person']],
      ['edit', 'local', secondEditor.name, secondEditor.role, ['About me']],
      ['edit', 'local', editor.name, editor.role, ['Person']],
      ['create-plan', 'local', editor.name, editor.role, []],
    ]);
    expect(history[0]?.peerId).toBe('peer-7f3a');
    expect(history[1]?.actorOrganisation).toBe(secondEditor.organisation);
    expect(history[1]?.peerId).toBeUndefined();
    expect(history[1]?.sections).toEqual([{ key: 'aboutMe', title: 'About me' }]);
    const times = history.map((entry) => Date.parse(entry.at));
    expect(times.every((time) => Number.isFinite(time))).toBe(true);
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  it('honours the limit and refuses a bad one; an unknown plan is not-found', async () => {
    expect(await callOk<HistoryEntry[]>(handlers, 'getPlanHistory', { planId, limit: 2 })).toHaveLength(2);
    expect(await dispatchCall(handlers, 'getPlanHistory', { planId, limit: 0 })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await dispatchCall(handlers, 'getPlanHistory', { planId, limit: 100_000 })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await dispatchCall(handlers, 'getPlanHistory', { planId: '7d1f8f0e-8d0c-4c1e-9a51-0d5d2b8f3a10' })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
  });

  it('audit rows cannot be updated or deleted, even by SQL straight at the file', () => {
    const before = storeContentHash(store.database);
    const db = store.database;
    expect(() => db.prepare("UPDATE audit_events SET action = 'nothing-happened'").run()).toThrow(/append-only/);
    expect(() => db.prepare('UPDATE audit_events SET actor_blob = x\'00\' WHERE id = 1').run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_events').run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_events WHERE id = (SELECT MAX(id) FROM audit_events)').run()).toThrow(/append-only/);
    expect(storeContentHash(store.database)).toBe(before);
  });

  it('INSERT OR REPLACE cannot overwrite an audit row (migration 003)', () => {
    const db = store.database;
    const before = storeContentHash(db);
    const row = db.prepare('SELECT id, plan_id, at, actor_blob FROM audit_events ORDER BY id LIMIT 1').get() as {
      id: number;
      plan_id: string;
      at: string;
      actor_blob: Buffer;
    };
    expect(() =>
      db
        .prepare("INSERT OR REPLACE INTO audit_events (id, plan_id, seq, at, action, origin, sections, actor_blob) VALUES (?, ?, NULL, ?, 'forged', 'local', '', ?)")
        .run(row.id, row.plan_id, row.at, row.actor_blob),
    ).toThrow(/append-only/);
    expect(storeContentHash(db)).toBe(before);
  });

  it('a sealed actor moved to another row does not open (cannot re-attribute a change)', async () => {
    const rows = store.database.prepare('SELECT id, actor_blob FROM audit_events ORDER BY id').all() as Array<{ id: number; actor_blob: Buffer }>;
    expect(rows.length).toBeGreaterThanOrEqual(4);
    // The triggers stop UPDATE; a forged INSERT with someone else's sealed actor is caught on reading.
    const first = rows[0];
    if (!first) throw new Error('no audit rows');
    store.database
      .prepare("INSERT INTO audit_events (plan_id, seq, at, action, origin, sections, actor_blob) VALUES (?, NULL, ?, 'edit', 'local', '', ?)")
      .run(planId, new Date(Date.now() + 1000).toISOString(), first.actor_blob);
    const result = await dispatchCall(handlers, 'getPlanHistory', { planId });
    expect(result).toMatchObject({ ok: false, error: { code: 'refused' } });
  });
});
