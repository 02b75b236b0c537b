import { openNodeStore } from '../../host/open-node-store';
import { parseFlags, UsageError } from '../../host/parse-flags';
import { enrolWithRelay } from '../../relay/enrol-with-relay';
import type { CliCommand } from '../cli-command';

export const connectCommand: CliCommand = {
  name: 'connect',
  usage: 'carehouse connect --data-dir DIR --relay URL[,URL…] --invite CODE',
  summary: "enrol this machine's profile with the practice server (relay)",
  async run(args, io) {
    const { values } = parseFlags(args, { 'data-dir': { type: 'string' }, relay: { type: 'string' }, invite: { type: 'string' } });
    const dataDir = values['data-dir'];
    if (!dataDir) throw new UsageError('--data-dir is required');
    if (!values.relay) throw new UsageError('--relay URL is required');
    if (!values.invite) throw new UsageError('--invite CODE is required');
    const urls = values.relay.split(',').map((url) => url.trim()).filter(Boolean);
    const store = await openNodeStore(dataDir);
    try {
      if (!store.getProfile()) {
        io.err('carehouse connect: set up your profile (name and role) in CareHouse first; nothing was changed.');
        return 1;
      }
      const member = await enrolWithRelay(store, urls, values.invite);
      io.out(`Connected to the practice server as ${member.name} (${member.role}).`);
      return 0;
    } finally {
      store.close();
    }
  },
};
