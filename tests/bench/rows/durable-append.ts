import { join } from 'node:path';
import Database from 'better-sqlite3';
import { largePlanDoc, planSizes } from '../../support/large-plans';
import { defineBench } from '../bench-row';
import { rounds, sampleMs } from '../measure';
import { benchActor, benchStore } from '../support/bench-store';
import { keystrokeUpdates } from '../support/keystroke-updates';

/** Durable append: our encrypted, audited append vs a bare INSERT with the same fsync setting. */
export const bench = defineBench({
  name: 'durable append',
  run: ({ tempDir }) => {
    const { initial, updates } = keystrokeUpdates(largePlanDoc(planSizes.jill), ['aboutMe', 'whatMatters'], 400);
    const { store, planId } = benchStore(tempDir(), initial, { compactionThreshold: 100_000 });
    let next = 0;
    const candidate = rounds(3, () =>
      sampleMs(100, () => {
        const update = updates[next++ % updates.length] ?? initial;
        store.appendUpdate({ planId, update, origin: 'local', actor: benchActor, sections: ['aboutMe'] });
      }),
    );
    store.close();
    const bare = new Database(join(tempDir(), 'bare.db'));
    bare.pragma('journal_mode = WAL');
    bare.pragma('synchronous = FULL');
    bare.exec('CREATE TABLE u (seq INTEGER PRIMARY KEY, b BLOB)');
    const insert = bare.prepare('INSERT INTO u (b) VALUES (?)');
    const baseline = rounds(3, () => sampleMs(100, () => insert.run(updates[next++ % updates.length] ?? initial)));
    bare.close();
    return [{ name: 'append one keystroke (durable)', baselineLabel: 'bare INSERT, FULL sync', baseline, candidateLabel: 'encrypted + audit', candidate, unit: 'ms' }];
  },
});
