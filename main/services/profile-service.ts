import type { CareStore } from '../store/care-store';
import type { HandlerSlice } from './handler-table';

export function createProfileHandlers(store: CareStore): HandlerSlice<'getProfile' | 'saveProfile'> {
  return {
    getProfile: () => store.getProfile(),
    saveProfile: (profile) => {
      store.saveProfile(profile);
      return profile;
    },
  };
}
