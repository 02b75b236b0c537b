import { writeSync } from 'node:fs';
import * as Y from 'yjs';
import { CareStore } from '../../main/store/care-store';

/**
 * Child process for the crash test: opens the store, then appends one Yjs update after
 * another and prints "ack <key>" ONLY after appendUpdate has returned (committed with
 * synchronous=FULL). The parent kills it with SIGKILL at a random moment and checks
 * that every acknowledged key is in the plan.
 *
 * argv: dataDir planId round maxEdits
 */
const [dataDir, planId, round, maxEditsText] = process.argv.slice(2);
if (!dataDir || !planId || !round || !maxEditsText) {
  writeSync(2, 'usage: crash-writer DATA_DIR PLAN_ID ROUND MAX_EDITS\n');
  process.exit(2);
}
const passphrase = process.env.CAREHOUSE_PASSPHRASE ?? '';
// A low threshold so that kills also land inside compaction transactions.
const store = CareStore.open({ dataDir, keySource: { kind: 'passphrase', passphrase }, compactionThreshold: 40 });
const actor = { name: 'Crash Writer', role: 'Test', organisation: 'Test' };
const doc = new Y.Doc();
Y.applyUpdate(doc, store.loadPlan(planId).state);
const edits = doc.getMap<string>('crashEdits');
let pending: Uint8Array | undefined;
doc.on('update', (update: Uint8Array) => {
  pending = update;
});

// fd 1 written synchronously: an "ack" line is out before the next write starts.
writeSync(1, 'ready\n');
const maxEdits = Number(maxEditsText);
for (let index = 0; index < maxEdits; index += 1) {
  const key = `r${round}-${index}`;
  edits.set(key, `edit ${index} of round ${round}`);
  if (!pending) throw new Error('no update produced');
  store.appendUpdate({ planId, update: pending, origin: 'local', actor, sections: ['crashEdits'] });
  pending = undefined;
  writeSync(1, `ack ${key}\n`);
}
store.close();
writeSync(1, 'done\n');
