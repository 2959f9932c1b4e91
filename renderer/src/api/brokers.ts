// Brokers and the cluster's machinery, read-only: brokers (with the cluster's partition health)
// and the KRaft quorum live; one broker's configs live while its panel is open; ACLs and quotas
// read once (they change rarely and nothing here changes them).
import { useFetchQuery, useLiveQuery } from './query-core';

export const useBrokers = () => useLiveQuery('brokers.list', {});
export const useBroker = (nodeId: number, options: { enabled?: boolean } = {}) => useLiveQuery('brokers.describe', { nodeId }, options);
export const useQuorum = () => useLiveQuery('cluster.quorum', {});
export const useAcls = () => useFetchQuery('acls.list', {}, { staleTime: 60_000 });
export const useQuotas = () => useFetchQuery('quotas.list', {}, { staleTime: 60_000 });
