import type { CareStore } from '../store/care-store';
import type { HandlerSlice } from './handler-table';

export function createProfileHandlers(store: CareStore): HandlerSlice<'getProfile' | 'saveProfile'> {
  return {
    getProfile: () => store.getProfile(),
    saveProfile: (profile) => {
      // Saving moves the store's profile generation on, so the next change reads the new actor.
      store.saveProfile(profile);
      return profile;
    },
  };
}
