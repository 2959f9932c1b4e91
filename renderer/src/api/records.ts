// The records browser: a read starts a scan in main, whose progress main pushes every 250 ms; the
// results are fetched a page at a time as the list scrolls (a page still filling is fetched again
// when more arrive). One record at an offset, reveal, export and produce.
import type { MethodInput } from '../../../shared/contract';
import { useContractMutation, useFetchQuery, useLiveQuery } from './query-core';

export const useTopicPartitions = (topic: string) => useFetchQuery('records.partitions', { topic }, { staleTime: 5_000 });
export const useStartRead = () => useContractMutation('records.read');
export const useCancelRead = () => useContractMutation('records.cancel');
export const useScan = (scanId: string | null) => useLiveQuery('records.scan', { scanId: scanId ?? '' }, { enabled: scanId !== null });

/** Records per page the list asks for: a few screens, so a live tail's growing last page stays a small answer. */
export const RESULTS_PAGE = 100;

/**
 * One page of results. `next` is where the kept results end now: a page it cuts short is asked for
 * again (its key changes) once more records arrive, and a full page is fetched once.
 */
export function useResultsPage(scanId: string | null, page: number, next: number) {
  const from = page * RESULTS_PAGE;
  const count = Math.max(1, Math.min(RESULTS_PAGE, next - from));
  const input: MethodInput<'records.results'> = { scanId: scanId ?? '', from, count };
  return useFetchQuery('records.results', input, { enabled: scanId !== null && next > from, staleTime: Infinity, keepPrevious: true });
}

export const useRecordAt = (topic: string, partition: number, offset: number, enabled = true) =>
  useFetchQuery('records.at', { topic, partition, offset }, { enabled, staleTime: 10_000 });
export const useRevealRecord = () => useContractMutation('records.reveal');
export const useExportRecords = () => useContractMutation('records.export');
export const useProduceRecord = () => useContractMutation('records.produce');
