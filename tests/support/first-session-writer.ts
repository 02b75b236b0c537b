import { writeSync } from 'node:fs';
import * as Y from 'yjs';
import { CareStore } from '../../main/store/care-store';

/**
 * Child process: a brand-new installation's very first session. It creates the store,
 * saves one plan, says "ack", then dies with SIGKILL before anything is checkpointed or
 * closed — the moment a laptop losing power on first use would leave behind.
 *
 * argv: dataDir planId text
 */
const [dataDir, planId, text] = process.argv.slice(2);
if (!dataDir || !planId || !text) {
  writeSync(2, 'usage: first-session-writer DATA_DIR PLAN_ID TEXT\n');
  process.exit(2);
}
const store = CareStore.open({ dataDir, keySource: { kind: 'passphrase', passphrase: process.env.CAREHOUSE_PASSPHRASE ?? '' } });
const actor = { name: 'First Session', role: 'Test', organisation: 'Test' };
const doc = new Y.Doc();
doc.getText('firstWords').insert(0, text);
store.createPlan(planId, 'First plan', Y.encodeStateAsUpdate(doc), actor);
writeSync(1, 'ack\n');
process.kill(process.pid, 'SIGKILL');
