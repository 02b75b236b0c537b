import type { CareStore } from '../store/care-store';
import { forgetActor } from './actor';
import type { HandlerSlice } from './handler-table';

export function createProfileHandlers(store: CareStore): HandlerSlice<'getProfile' | 'saveProfile'> {
  return {
    getProfile: () => store.getProfile(),
    saveProfile: (profile) => {
      store.saveProfile(profile);
      forgetActor(store);
      return profile;
    },
  };
}
