// CDC replication as the verification API sees it: pipelines and mismatches (live), one mismatch's
// detail, and reconciling one mismatch or, as a job, every one matching a filter.
import type { MismatchFilter } from '../../../shared/replication/verification';
import { useLivePages } from './live-pages';
import { useContractMutation, useLiveQuery } from './query-core';

/** Mismatches per page: a bad day brings thousands, and the list is virtualized. */
export const MISMATCH_PAGE = 1000;

export const usePipelines = () => useLiveQuery('replication.pipelines', {});
/** The mismatches matching the filter, newest first: the first page live, older pages on demand. */
export const useMismatches = (filter: MismatchFilter) => useLivePages('replication.mismatches', { ...filter, limit: MISMATCH_PAGE });
export const useMismatch = (id: string) => useLiveQuery('replication.mismatch', { id });
export const useReconcile = () => useContractMutation('replication.reconcile');
export const useReconcileMany = () => useContractMutation('replication.reconcileMany');
export const useReconcileJob = (id: string) => useLiveQuery('replication.reconcileJob', { id });
export const useCancelReconcileJob = () => useContractMutation('replication.cancelReconcileJob');
