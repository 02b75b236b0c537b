import { parseFlags } from '../../host/parse-flags';
import { RelayRemovalHold } from '../../relay/relay-removal-hold';
import { syncPlansOnce } from '../../relay/sync-plans-once';
import { PlanDocCache } from '../../services/plan-doc-cache';
import type { CliCommand } from '../cli-command';
import { withDataDirStore } from '../with-data-dir-store';

export const syncCommand: CliCommand = {
  name: 'sync',
  usage: 'carehouse sync --data-dir DIR',
  summary: 'sync every plan with the practice server once, then exit',
  async run(args, io) {
    const { values } = parseFlags(args, { 'data-dir': { type: 'string' } });
    return withDataDirStore(values['data-dir'], async (store) => {
      const hold = new RelayRemovalHold();
      const report = await syncPlansOnce(store, new PlanDocCache(store), { hold });
      io.out(`Synced with the practice server: ${report.offered} plan(s) offered, ${report.received} updated here, ${report.created} new here${report.refused ? `, ${report.refused} refused` : ''}${report.held ? `, ${report.held} held` : ''}.`);
      // A held change would remove a large part of a plan: it waits for someone to accept or refuse it in the app.
      for (const held of hold.list()) io.out(`Held, not applied: ${held.description} Open the plan in CareHouse to accept or refuse it.`);
      return report.refused > 0 ? 1 : 0;
    });
  },
};
