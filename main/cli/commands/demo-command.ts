import { parseFlags } from '../../host/parse-flags';
import { addExamplePlans } from '../../services/demo-service';
import { PlanDocCache } from '../../services/plan-doc-cache';
import type { CliCommand } from '../cli-command';
import { withDataDirStore } from '../with-data-dir-store';

export const demoCommand: CliCommand = {
  name: 'demo',
  usage: 'carehouse demo --data-dir DIR',
  summary: 'add the example plans (Jill Marsh, Amir Hassan, the Okonkwo family)',
  async run(args, io) {
    const { values } = parseFlags(args, { 'data-dir': { type: 'string' } });
    return withDataDirStore(values['data-dir'], (store) => {
      const outcomes = addExamplePlans(store, new PlanDocCache(store), new Date().toISOString().slice(0, 10));
      // Example people are made up, so printing their plan names is not personal data.
      for (const outcome of outcomes) {
        io.out(`${outcome.planId}\t${outcome.displayName}\t${outcome.added ? 'added' : 'already here'}`);
      }
      return 0;
    });
  },
};
