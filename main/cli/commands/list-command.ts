import { parseFlags } from '../../host/parse-flags';
import type { CliCommand } from '../cli-command';
import { withDataDirStore } from '../with-data-dir-store';

export const listCommand: CliCommand = {
  name: 'list',
  usage: 'carehouse list --data-dir DIR [--archived]',
  summary: 'print the id and name of every plan',
  async run(args, io) {
    const { values } = parseFlags(args, { 'data-dir': { type: 'string' }, archived: { type: 'boolean' } });
    return withDataDirStore(values['data-dir'], (store) => {
      for (const plan of store.listPlans(values.archived ?? false)) {
        const damage = plan.damage ? `\t(DAMAGED: ${plan.damage.join('; ')})` : '';
        io.out(`${plan.id}\t${plan.displayName}${plan.archived ? '\t(archived)' : ''}${damage}`);
      }
      for (const problem of store.integrityReport().storeProblems) io.err(`Warning: ${problem}.`);
      return 0;
    });
  },
};
