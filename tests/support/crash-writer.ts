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

// Grouped mode: several edits made durable in one transaction (group commit), each
// acknowledged only after that commit returned.
const groupSize = Number(process.env.CAREHOUSE_CRASH_GROUP ?? '1');
// The crash test's control: the bug it must catch (acknowledging before the commit).
const ackBeforeCommit = process.env.CAREHOUSE_CRASH_ACK_EARLY === '1';

async function run(): Promise<void> {
  // fd 1 written synchronously: an "ack" line is out before the next write starts.
  writeSync(1, 'ready\n');
  const maxEdits = Number(maxEditsText);
  for (let index = 0; index < maxEdits; index += groupSize) {
    const keys: string[] = [];
    const updates: Uint8Array[] = [];
    for (let member = 0; member < groupSize; member += 1) {
      const key = `r${round}-${index + member}`;
      edits.set(key, `edit ${index + member} of round ${round}`);
      if (!pending) throw new Error('no update produced');
      keys.push(key);
      updates.push(pending);
      pending = undefined;
    }
    if (ackBeforeCommit) for (const key of keys) writeSync(1, `ack ${key}\n`);
    store.appendUpdates(updates.map((update) => ({ planId: planId as string, update, origin: 'local' as const, actor, sections: ['crashEdits'] })));
    if (!ackBeforeCommit) for (const key of keys) writeSync(1, `ack ${key}\n`);
    // Compaction is queued off the append path: let it run, so kills also land inside it.
    if (store.compactionPending(planId as string)) await new Promise((resolve) => setImmediate(resolve));
  }
  store.close();
  writeSync(1, 'done\n');
}
void run();
