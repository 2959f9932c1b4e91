// react-query hooks over the transport. Live methods are subscribed to: main pushes values and
// they are written into the query cache, so no renderer timer ever polls.
import { useEffect } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { LiveMethodName, MethodInput, MethodName, MethodOutput } from '../../../shared/contract';
import type { AppError } from '../../../shared/common/result';
import { useTransport } from './transport-context';

export class CallError extends Error {
  constructor(readonly error: AppError) {
    super(error.message);
  }
}

export function useCall<M extends MethodName>(method: M) {
  const transport = useTransport();
  return async (input: MethodInput<M>): Promise<MethodOutput<M>> => {
    const result = await transport.call(method, input);
    if (!result.ok) throw new CallError(result.error);
    return result.value as MethodOutput<M>;
  };
}

export function useLive<M extends LiveMethodName>(method: M, input: MethodInput<M>, enabled = true) {
  const transport = useTransport();
  const client = useQueryClient();
  const inputKey = JSON.stringify(input);
  const queryKey = [method, inputKey];
  useEffect(() => {
    if (!enabled) return;
    return transport.subscribe(method, JSON.parse(inputKey) as MethodInput<M>, (result) => {
      if (result.ok) client.setQueryData([method, inputKey], result.value);
      else {
        // Keep the last good data on screen and show the error beside it.
        const query = client.getQueryCache().find({ queryKey: [method, inputKey] });
        query?.setState({ status: query.state.data === undefined ? 'error' : 'success', error: new CallError(result.error), fetchStatus: 'idle' });
      }
    });
  }, [transport, client, method, inputKey, enabled]);
  return useQuery<MethodOutput<M>, CallError>({
    queryKey,
    // The first value arrives by push; this never fires a request of its own.
    queryFn: () => new Promise<MethodOutput<M>>(() => undefined),
    enabled,
    staleTime: Infinity,
    retry: false,
  });
}

export function useAction<M extends MethodName>(method: M) {
  const call = useCall(method);
  return useMutation<MethodOutput<M>, CallError, MethodInput<M>>({ mutationFn: call });
}

/** A one-off read (not live): cached by react-query under the method and its input. */
export function useFetch<M extends MethodName>(method: M, input: MethodInput<M>, enabled = true) {
  const call = useCall(method);
  const inputKey = JSON.stringify(input);
  return useQuery<MethodOutput<M>, CallError>({
    queryKey: [method, 'fetch', inputKey],
    queryFn: () => call(JSON.parse(inputKey) as MethodInput<M>),
    enabled,
    retry: false,
    staleTime: 30_000,
    // A new input (the next version) keeps the old answer on screen until the new one arrives.
    placeholderData: keepPreviousData,
  });
}
