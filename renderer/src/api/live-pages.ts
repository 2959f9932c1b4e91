// A long list read in cursor pages, newest first, whose first page is live: main pushes it, so new
// items appear at the top by themselves. Older pages are fetched on demand (useInfiniteQuery) from
// the first page's cursor and refetched when a write declares the method stale. The first page is
// kept out of the infinite query on purpose: a refetch of all pages would otherwise overwrite a
// fresher push with the first page it read at its start, and main pushes only changes.
import { useState } from 'react';
import { useInfiniteQuery } from '@tanstack/react-query';
import type { LiveMethodName, MethodInput, MethodOutput } from '../../../shared/contract';
import { useCall, useLiveQuery, type CallError } from './query-core';
import { pagesKey } from './query-keys';

/** Live methods read in cursor pages: `cursor` in, `items` and `nextCursor` out. */
export type LivePagedMethod = {
  [M in LiveMethodName]: MethodInput<M> extends { cursor?: string }
    ? MethodOutput<M> extends { items: Array<{ id: string }>; nextCursor: string | null } ? M : never
    : never;
}[LiveMethodName];

type Item<M extends LivePagedMethod> = MethodOutput<M>['items'][number];

export function useLivePages<M extends LivePagedMethod>(method: M, input: MethodInput<M>) {
  const head = useLiveQuery(method, input);
  const call = useCall(method);
  const inputKey = JSON.stringify(input);
  // Which list the user asked to extend; a new filter starts over with the first page alone.
  const [olderFor, setOlderFor] = useState<string | null>(null);
  const wantsOlder = olderFor === inputKey;
  const headCursor = head.data?.nextCursor ?? null;
  const older = useInfiniteQuery<MethodOutput<M>, CallError, { pages: MethodOutput<M>[] }, readonly unknown[], string | null>({
    queryKey: pagesKey(method, input),
    queryFn: ({ queryKey, pageParam }) => call({ ...(queryKey[2] as object), ...(pageParam ? { cursor: pageParam } : {}) } as MethodInput<M>),
    // Read once, when the first older page is asked for; a refetch starts from the cursor it used.
    initialPageParam: headCursor,
    getNextPageParam: (page) => page.nextCursor,
    enabled: wantsOlder && headCursor !== null,
    retry: false,
    staleTime: Infinity,
    // Pages of a list no longer shown are dropped at once, so coming back starts over.
    gcTime: 0,
  });
  const olderPages = wantsOlder ? older.data?.pages ?? [] : [];

  const headItems: Array<Item<M>> = head.data?.items ?? [];
  const seen = new Set(headItems.map((item) => item.id));
  const items: Array<Item<M>> = [...headItems];
  for (const page of olderPages) for (const item of page.items as Array<Item<M>>) if (!seen.has(item.id)) { seen.add(item.id); items.push(item); }
  const nextCursor = olderPages.length > 0 ? olderPages[olderPages.length - 1]!.nextCursor : headCursor;

  const loadMore = () => {
    if (nextCursor === null) return;
    if (!wantsOlder) setOlderFor(inputKey);
    else if (!older.isFetching) void older.fetchNextPage();
  };
  return {
    /** The live first page: pending, data, and the last push error (beside kept data). */
    head,
    items,
    hasMore: nextCursor !== null,
    loadingMore: wantsOlder && older.isFetching,
    olderError: wantsOlder ? older.error : null,
    loadMore,
  };
}
