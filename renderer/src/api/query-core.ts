// The machinery under every domain's hooks (renderer/src/api/<domain>.ts): a live query fed by
// main's pushes, a one-off read, and a mutation that refreshes what the contract says it makes
// stale. Domain files only name things with these; pages only call the domain hooks.
import { useCallback, useEffect } from 'react';
import { keepPreviousData, skipToken, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { staleAfter, type LiveMethodName, type MethodInput, type MethodName, type MethodOutput } from '../../../shared/contract';
import { useApi } from './api-context';
import { CallError, fetchKey, liveKey, methodOfKey, readKindOfKey } from './query-keys';

export { CallError } from './query-keys';

/** One call of a method, as a function that stays the same across renders. */
export function useCall<M extends MethodName>(method: M): (input: MethodInput<M>) => Promise<MethodOutput<M>> {
  const { transport } = useApi();
  return useCallback(async (input: MethodInput<M>) => {
    const result = await transport.call(method, input);
    if (!result.ok) throw new CallError(result.error);
    return result.value as MethodOutput<M>;
  }, [transport, method]);
}

/**
 * A live method's value, pushed by main and kept in the cache. The query has no queryFn of its own
 * (skipToken): react-query never fetches it, so invalidating or resetting it cannot leave it
 * "fetching" a value that only a push will bring. Pushes keep coming while a component shows it.
 */
export function useLiveQuery<M extends LiveMethodName>(method: M, input: MethodInput<M>, options: { enabled?: boolean } = {}) {
  const { feeds } = useApi();
  const enabled = options.enabled ?? true;
  const inputKey = JSON.stringify(input);
  useEffect(() => (enabled ? feeds.join(method, JSON.parse(inputKey)) : undefined), [feeds, method, inputKey, enabled]);
  return useQuery<MethodOutput<M>, CallError>({
    queryKey: liveKey(method, input),
    queryFn: skipToken,
    staleTime: Infinity,
    retry: false,
  });
}

export interface FetchOptions {
  enabled?: boolean;
  /** How long an answer is reused without asking again (ms); 0 asks again on every mount. */
  staleTime?: number;
  /** A new input keeps the previous answer on screen until its own arrives. */
  keepPrevious?: boolean;
}

/** A one-off read, cached under the method and its input. */
export function useFetchQuery<M extends MethodName>(method: M, input: MethodInput<M>, options: FetchOptions = {}) {
  const call = useCall(method);
  return useQuery<MethodOutput<M>, CallError>({
    queryKey: fetchKey(method, input),
    queryFn: ({ queryKey }) => call(queryKey[2] as MethodInput<M>),
    enabled: options.enabled ?? true,
    staleTime: options.staleTime ?? 30_000,
    retry: false,
    ...(options.keepPrevious ? { placeholderData: keepPreviousData } : {}),
  });
}

/**
 * Refetches what a successful write made stale, exactly the methods the contract's `invalidates`
 * declares (staleAfter; none for a dry run). Only reads the renderer fetched itself are refetched:
 * one-off reads and cursor pages. Live queries are left to main, which refreshes its subscriptions
 * from the same declaration and pushes what changed.
 */
export function refetchStale(client: QueryClient, methods: readonly MethodName[]): Promise<void> {
  if (methods.length === 0) return Promise.resolve();
  const stale = new Set<unknown>(methods);
  return client.invalidateQueries({ predicate: (query) => stale.has(methodOfKey(query.queryKey)) && readKindOfKey(query.queryKey) !== 'live' });
}

export interface MutationOptions {
  /**
   * Of the stale methods, those whose live data must not stay on screen until main's push (the
   * previous profile's cluster after a switch): cleared to "loading" and subscribed again.
   */
  startLiveOver?: (stale: readonly MethodName[]) => readonly MethodName[];
}

/** A call that changes something (or previews a change with dryRun), refreshing what it declares stale. */
export function useContractMutation<M extends MethodName>(method: M, options: MutationOptions = {}) {
  const call = useCall(method);
  const client = useQueryClient();
  const { feeds } = useApi();
  const { startLiveOver } = options;
  return useMutation<MethodOutput<M>, CallError, MethodInput<M>>({
    mutationFn: call,
    onSuccess: (_value, input) => {
      const stale = staleAfter(method, input);
      if (startLiveOver) feeds.startOver(startLiveOver(stale));
      void refetchStale(client, stale);
    },
  });
}
