// The cluster and its consumer groups: live views pushed by main, and the three control actions on
// a group (each previewed with dryRun first; a dry run makes nothing stale).
import { useContractMutation, useFetchQuery, useLiveQuery } from './query-core';

export const useCluster = () => useLiveQuery('cluster.describe', {});
export const useGroups = () => useLiveQuery('groups.list', {});
export const useGroup = (groupId: string) => useLiveQuery('groups.describe', { groupId });
export const useGroupHealth = (groupId: string) => useLiveQuery('groups.health', { groupId });
export const useGroupHistory = (groupId: string, stuckAfterMs: number) => useLiveQuery('groups.history', { groupId, stuckAfterMs });

export const useResetOffsets = () => useContractMutation('groups.resetOffsets');
export const useDeleteGroup = () => useContractMutation('groups.delete');
export const useDeleteOffsets = () => useContractMutation('groups.deleteOffsets');

/** Kafka 4's dynamic group configs: read once per visit, refreshed after a change. */
export const useGroupConfigs = (groupId: string, options: { enabled?: boolean } = {}) => useFetchQuery('groups.configs', { groupId }, { staleTime: 10_000, ...options });
export const useAlterGroupConfigs = () => useContractMutation('groups.alterConfigs');
