// The hooks over the transport: pushes land in the cache, an error keeps the last data beside it,
// one subscription serves every component, and a write refreshes exactly what the contract
// declares stale (one-off reads and cursor pages; live views are main's to push).
import { describe, expect, it } from 'vitest';
import { act, waitFor } from '@testing-library/react';
import { contract, staleAfter, type MethodName } from '../../../shared/contract';
import type { MismatchFilter } from '../../../shared/replication/verification';
import { useGroup, useGroups, useResetOffsets } from '../../../renderer/src/api/kafka';
import { useActivateProfile, useProfiles } from '../../../renderer/src/api/profiles';
import { useMismatches, usePipelines, useReconcile } from '../../../renderer/src/api/replication';
import { useCall, useContractMutation } from '../../../renderer/src/api/query-core';
import { fetchKey, liveKey, pagesKey } from '../../../renderer/src/api/query-keys';
import { FakeTransport } from './support/fake-transport';
import { newClient, renderHookWithApi } from './support/render';

/** What a page reads of a query, read during render as a page does (react-query tracks it). */
const shown = <T extends { data: unknown; error: unknown; isError: boolean; isPending: boolean; isFetching: boolean }>(q: T) =>
  ({ data: q.data as T['data'], error: q.error as T['error'], isError: q.isError, isPending: q.isPending, isFetching: q.isFetching });

const summary = (groupId: string) => ({ groupId, type: 'consumer', state: 'Stable', members: 1, totalLag: 0, lagSeconds: 0, health: 'OK' });

describe('live queries', () => {
  it('subscribe once to the method and write every push into the cache', async () => {
    const { result, transport } = renderHookWithApi(() => shown(useGroups()));
    expect(result.current.isPending).toBe(true);
    expect(transport.activeSubscriptions('groups.list')).toHaveLength(1);
    expect(transport.calls).toHaveLength(0);

    act(() => transport.pushValue('groups.list', { groups: [summary('a')] }));
    await waitFor(() => expect(result.current.data).toEqual({ groups: [summary('a')] }));
    act(() => transport.pushValue('groups.list', { groups: [summary('a'), summary('b')] }));
    await waitFor(() => expect(result.current.data?.groups.map((g) => g.groupId)).toEqual(['a', 'b']));
    expect(result.current.isFetching).toBe(false);
  });

  it('keep the last data on an error push and expose the error beside it', async () => {
    const { result, transport } = renderHookWithApi(() => shown(useGroup('orders')));
    act(() => transport.pushValue('groups.describe', { groupId: 'orders', marker: 1 }));
    await waitFor(() => expect(result.current.data).toBeDefined());
    act(() => transport.pushError('groups.describe', { code: 'KAFKA_UNREACHABLE', message: 'No broker answered at 127.0.0.1:1' }));
    await waitFor(() => expect(result.current.error?.error.code).toBe('KAFKA_UNREACHABLE'));
    expect(result.current.data).toEqual({ groupId: 'orders', marker: 1 });
    expect(result.current.isError).toBe(false);
    expect(result.current.error?.message).toBe('No broker answered at 127.0.0.1:1');
    // The next good push clears the error.
    act(() => transport.pushValue('groups.describe', { groupId: 'orders', marker: 2 }));
    await waitFor(() => expect(result.current.error).toBeNull());
    expect(result.current.data).toEqual({ groupId: 'orders', marker: 2 });
  });

  it('are in error when the first push is an error', async () => {
    const { result, transport } = renderHookWithApi(() => shown(useGroups()));
    act(() => transport.pushError('groups.list', { code: 'NO_PROFILE', message: 'No connection profile is active.' }));
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.data).toBeUndefined();
    expect(result.current.error?.error.code).toBe('NO_PROFILE');
  });

  it('share one subscription between components and end it when the last one goes', () => {
    const transport = new FakeTransport();
    const client = newClient();
    const first = renderHookWithApi(() => useGroup('orders'), transport, client);
    const second = renderHookWithApi(() => useGroup('orders'), transport, client);
    const other = renderHookWithApi(() => useGroup('payments'), transport, client);
    // Each render has its own ApiProvider; within one provider a key is subscribed once.
    expect(transport.activeSubscriptions('groups.describe')).toHaveLength(3);
    first.unmount();
    second.unmount();
    other.unmount();
    expect(transport.activeSubscriptions()).toHaveLength(0);
  });

  it('share one subscription within an app', () => {
    const { transport, unmount } = renderHookWithApi(() => [useGroup('orders'), useGroup('orders'), useGroup('payments')]);
    expect(transport.activeSubscriptions('groups.describe').map((s) => s.input)).toEqual([{ groupId: 'orders' }, { groupId: 'payments' }]);
    unmount();
    expect(transport.activeSubscriptions()).toHaveLength(0);
  });
});

describe('useCall', () => {
  it('returns the same function on every render', () => {
    const { result, rerender } = renderHookWithApi(() => useCall('groups.list'));
    const first = result.current;
    rerender();
    rerender();
    expect(result.current).toBe(first);
  });
});

/** Every kind of read of every method, so the test sees what a write touches and what it leaves. */
function seedEveryRead(client: ReturnType<typeof newClient>) {
  for (const method of Object.keys(contract) as MethodName[]) {
    client.setQueryData(fetchKey(method, {}), { seeded: true });
    client.setQueryData(pagesKey(method, {}), { pages: [], pageParams: [] });
    client.setQueryData(liveKey(method, {}), { seeded: true });
  }
}

function invalidated(client: ReturnType<typeof newClient>) {
  return client.getQueryCache().getAll().filter((q) => q.state.isInvalidated).map((q) => `${String(q.queryKey[0])} ${String(q.queryKey[1])}`).sort();
}

const writes = (Object.keys(contract) as MethodName[]).filter((m) => 'invalidates' in contract[m]);

describe('mutations', () => {
  it.each(writes)('%s refreshes exactly the one-off reads and pages the contract declares stale', async (method) => {
    const transport = new FakeTransport().answer(method, () => ({ ok: true, value: {} }));
    const client = newClient();
    seedEveryRead(client);
    const { result } = renderHookWithApi(() => useContractMutation(method), transport, client);
    await act(() => result.current.mutateAsync({} as never));
    const declared = staleAfter(method, {});
    expect(declared.length).toBeGreaterThan(0);
    expect(invalidated(client)).toEqual(declared.flatMap((m) => [`${m} fetch`, `${m} pages`]).sort());
  });

  it('a dry run refreshes nothing', async () => {
    const transport = new FakeTransport().answer('groups.resetOffsets', () => ({ ok: true, value: {} }));
    const client = newClient();
    seedEveryRead(client);
    const { result } = renderHookWithApi(() => useResetOffsets(), transport, client);
    await act(() => result.current.mutateAsync({ groupId: 'g', to: { kind: 'earliest' }, dryRun: true }));
    expect(invalidated(client)).toEqual([]);
  });

  it('a failed write refreshes nothing', async () => {
    const transport = new FakeTransport().answer('groups.resetOffsets', () => ({ ok: false, error: { code: 'STALE_PREVIEW', message: 'Preview again.' } }));
    const client = newClient();
    seedEveryRead(client);
    const { result } = renderHookWithApi(() => useResetOffsets(), transport, client);
    await act(() => result.current.mutateAsync({ groupId: 'g', to: { kind: 'earliest' }, dryRun: false }).catch(() => undefined));
    await waitFor(() => expect(result.current.error?.error.code).toBe('STALE_PREVIEW'));
    expect(invalidated(client)).toEqual([]);
  });

  it('a reconcile refetches the older mismatch pages on screen and leaves the live views to main', async () => {
    const mismatch = (id: string) => ({ id, pipelineId: 'p', table: 'payments', key: { payment_id: id }, kind: 'differs', stage: 'retry', status: 'divergent', columns: [], event: null, detectedAt: '2026-01-01T00:00:00Z', resolvedAt: null, resolution: null });
    const transport = new FakeTransport()
      .answer('replication.mismatches', (input) => ({ ok: true, value: { items: [mismatch(`older-after-${(input as { cursor: string }).cursor}`)], nextCursor: null } }))
      .answer('replication.reconcile', () => ({ ok: true, value: { dryRun: false, result: {} } }));
    const { result } = renderHookWithApi(() => ({ list: useMismatches({ status: 'open' }), pipelines: shown(usePipelines()), reconcile: useReconcile() }), transport);
    act(() => transport.pushValue('replication.mismatches', { items: [mismatch('1')], nextCursor: 'c1' }));
    act(() => transport.pushValue('replication.pipelines', { items: [] }));
    await waitFor(() => expect(result.current.list.hasMore).toBe(true));
    act(() => result.current.list.loadMore());
    await waitFor(() => expect(result.current.list.items.map((m) => m.id)).toEqual(['1', 'older-after-c1']));
    expect(transport.callsOf('replication.mismatches')).toEqual([{ status: 'open', limit: 1000, cursor: 'c1' }]);

    await act(() => result.current.reconcile.mutateAsync({ id: '1', dryRun: false, idempotencyKey: '00000000-0000-4000-8000-000000000000' }));
    await waitFor(() => expect(transport.callsOf('replication.mismatches')).toHaveLength(2));
    expect(transport.callsOf('replication.mismatches')[1]).toEqual({ status: 'open', limit: 1000, cursor: 'c1' });
    // Nothing else was read by the renderer itself, and the live views are not left "fetching".
    expect(transport.calls.map((c) => c.method).sort()).toEqual(['replication.mismatches', 'replication.mismatches', 'replication.reconcile']);
    expect(result.current.pipelines.isFetching).toBe(false);
    expect(result.current.list.head.isFetching).toBe(false);
    expect(result.current.pipelines.data).toEqual({ items: [] });
  });

  it('a new filter starts the mismatch list over with its live first page alone', async () => {
    const transport = new FakeTransport().answer('replication.mismatches', () => ({ ok: true, value: { items: [{ id: 'old' }], nextCursor: null } }));
    let filter: MismatchFilter = { status: 'open' };
    const { result, rerender } = renderHookWithApi(() => useMismatches(filter), transport);
    act(() => transport.pushValue('replication.mismatches', { items: [{ id: 'new' }], nextCursor: 'c1' }));
    await waitFor(() => expect(result.current.hasMore).toBe(true));
    act(() => result.current.loadMore());
    await waitFor(() => expect(result.current.items.map((m) => m.id)).toEqual(['new', 'old']));
    filter = { status: 'divergent' };
    rerender();
    expect(transport.activeSubscriptions('replication.mismatches').map((s) => s.input)).toEqual([{ status: 'divergent', limit: 1000 }]);
    expect(result.current.items).toEqual([]);
    act(() => transport.pushValue('replication.mismatches', { items: [{ id: 'x' }], nextCursor: null }));
    await waitFor(() => expect(result.current.items.map((m) => m.id)).toEqual(['x']));
    expect(result.current.hasMore).toBe(false);
  });

  it('a profile switch starts the previous profile’s live views over and keeps the profile list', async () => {
    const transport = new FakeTransport().answer('profiles.activate', () => ({ ok: true, value: {} }));
    const { result } = renderHookWithApi(() => ({ groups: shown(useGroups()), profiles: shown(useProfiles()), activate: useActivateProfile() }), transport);
    act(() => transport.pushValue('groups.list', { groups: [summary('from-the-old-cluster')] }));
    act(() => transport.pushValue('profiles.list', { profiles: [], activeProfileId: 'old' }));
    await waitFor(() => expect(result.current.groups.data).toBeDefined());
    const subscribedBefore = transport.subscriptions.length;

    await act(() => result.current.activate.mutateAsync({ id: 'new' }));
    await waitFor(() => expect(result.current.groups.data).toBeUndefined());
    expect(result.current.groups.isPending).toBe(true);
    expect(result.current.profiles.data).toEqual({ profiles: [], activeProfileId: 'old' });
    // Subscribed again, so main sends the new profile's value at once.
    expect(transport.subscriptions.slice(subscribedBefore).map((s) => s.method)).toEqual(['groups.list']);
    expect(transport.activeSubscriptions('groups.list')).toHaveLength(1);
    act(() => transport.pushValue('groups.list', { groups: [summary('from-the-new-cluster')] }));
    await waitFor(() => expect(result.current.groups.data?.groups[0]?.groupId).toBe('from-the-new-cluster'));
  });
});
