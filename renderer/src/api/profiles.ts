// Connection profiles: the list (live), and saving, deleting, switching and testing one.
import { useContractMutation, useLiveQuery } from './query-core';

export const useProfiles = () => useLiveQuery('profiles.list', {});
export const useSaveProfile = () => useContractMutation('profiles.save');
export const useDeleteProfile = () => useContractMutation('profiles.delete');
/** Tries a profile's settings without saving them; changes nothing. */
export const useTestProfile = () => useContractMutation('profiles.test');

/**
 * After a switch, what was read from the previous profile's cluster and registry must not pass for
 * the new one's: those live views start over (loading, then the new profile's data). The profile
 * list is the same under every profile and stays on screen.
 */
export const useActivateProfile = () => useContractMutation('profiles.activate', {
  startLiveOver: (stale) => stale.filter((method) => method !== 'profiles.list'),
});
