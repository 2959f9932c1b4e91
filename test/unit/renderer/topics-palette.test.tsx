// Topics in the command palette: subscribed to only while it is open, found by part of their name
// (or their cleanup policy), opened on Enter; Topics and Brokers are in the pages too.
import { beforeEach, describe, expect, it } from 'vitest';
import { act, fireEvent, screen, within } from '@testing-library/react';
import type { TopicSummary } from '../../../shared/topics/topics';
import { AppShell } from '../../../renderer/src/components/app-shell';
import { useGlobalShortcuts } from '../../../renderer/src/components/navigation/use-global-shortcuts';
import { usePaletteStore, useUiStore } from '../../../renderer/src/stores/ui-store';
import { FakeTransport } from './support/fake-transport';
import { renderWithApi } from './support/render';

const topic = (name: string, change: Partial<TopicSummary> = {}): TopicSummary => ({
  name, internal: false, partitions: 6, replicationFactor: 3, underReplicated: 0, offline: 0, sizeBytes: 1, produceRate: null,
  retentionMs: 1, retentionBytes: -1, cleanupPolicy: 'delete', groupsReading: 2, ...change,
});

function Frame() {
  useGlobalShortcuts();
  return <AppShell route={{ page: 'cluster' }}><p>the page</p></AppShell>;
}

const palette = () => screen.queryByRole('dialog', { name: 'Command palette' });
const input = () => screen.getByRole('combobox', { name: 'Go to' });
const optionLabels = () => within(palette()!).queryAllByRole('option').map((o) => o.querySelector('.palette-label')!.textContent);

beforeEach(() => {
  usePaletteStore.setState({ paletteOpen: false });
  useUiStore.setState({ sidebarCollapsed: false });
  window.location.hash = '#/cluster';
});

describe('topics in the command palette', () => {
  it('reads the topic list only while open, finds a topic and opens its page', () => {
    const { transport } = renderWithApi(<Frame />, new FakeTransport());
    expect(transport.activeSubscriptions('topics.list')).toHaveLength(0);
    act(() => { fireEvent.keyDown(window, { key: 'k', code: 'KeyK', ctrlKey: true }); });
    expect(transport.activeSubscriptions('topics.list')).toHaveLength(1);
    expect(optionLabels()).toEqual(expect.arrayContaining(['Topics', 'Brokers']));
    act(() => transport.pushValue('topics.list', { topics: [topic('payments.card-payment-events'), topic('orders'), topic('customers', { cleanupPolicy: 'compact' })], asOf: 1, problems: [] }));
    act(() => { fireEvent.change(input(), { target: { value: 'card-pay' } }); });
    expect(optionLabels()).toEqual(['payments.card-payment-events']);
    expect(within(palette()!).getByRole('option').textContent).toContain('6 partitions · read by 2 groups');
    act(() => { fireEvent.keyDown(input(), { key: 'Enter' }); });
    expect(window.location.hash).toBe('#/topics/payments.card-payment-events');
    expect(transport.activeSubscriptions('topics.list')).toHaveLength(0);
  });
});
