// The command palette in the app's frame, over a fake main: Ctrl+K (⌘K) opens it, its live sources
// are subscribed to only while it is open, typing part of a name finds it grouped by kind, the
// arrow keys and Enter open it, Escape closes and gives focus back.
import { beforeEach, describe, expect, it } from 'vitest';
import { act, fireEvent, screen, within } from '@testing-library/react';
import type { MethodName } from '../../../shared/contract';
import type { GroupSummary } from '../../../shared/kafka/groups';
import { AppShell } from '../../../renderer/src/components/app-shell';
import { useGlobalShortcuts } from '../../../renderer/src/components/navigation/use-global-shortcuts';
import { RESULTS_PER_KIND } from '../../../renderer/src/components/palette/palette-results';
import { usePaletteStore, useUiStore } from '../../../renderer/src/stores/ui-store';
import { FakeTransport } from './support/fake-transport';
import { renderWithApi } from './support/render';

const group = (groupId: string, change: Partial<GroupSummary> = {}): GroupSummary => ({
  groupId, type: 'consumer', state: 'Stable', members: 1, coordinator: null, totalLag: 0, health: 'OK', lagSeconds: 0, ...change,
});
const subject = (name: string) => ({ subject: name, versions: 1, latestVersion: 1, id: 1, schemaType: 'AVRO', compatibility: null, mode: null, references: 0 });

/** The live methods the palette's sources read. */
const liveSources: MethodName[] = ['groups.list', 'registry.subjects', 'workspace.state', 'replication.mismatches'];

function Frame() {
  useGlobalShortcuts();
  return <AppShell route={{ page: 'cluster' }}><p>the page</p></AppShell>;
}

const renderFrame = () => renderWithApi(<Frame />, new FakeTransport());

const pressCtrlK = (init: KeyboardEventInit = { ctrlKey: true }) => act(() => { fireEvent.keyDown(window, { key: 'k', code: 'KeyK', ...init }); });
const palette = () => screen.queryByRole('dialog', { name: 'Command palette' });
const input = () => screen.getByRole('combobox', { name: 'Go to' });
const type = (text: string) => act(() => { fireEvent.change(input(), { target: { value: text } }); });
const press = (key: string) => act(() => { fireEvent.keyDown(input(), { key }); });
const options = () => within(palette()!).queryAllByRole('option');
const optionLabels = () => options().map((o) => o.querySelector('.palette-label')!.textContent);
const selected = () => options().find((o) => o.getAttribute('aria-selected') === 'true')?.querySelector('.palette-label')?.textContent;

function openWithGroups(transport: FakeTransport, groups: GroupSummary[]) {
  pressCtrlK();
  act(() => transport.pushValue('groups.list', { groups }));
}

beforeEach(() => {
  usePaletteStore.setState({ paletteOpen: false });
  useUiStore.setState({ sidebarCollapsed: false });
  window.location.hash = '#/cluster';
});

describe('opening and closing', () => {
  it('opens with Ctrl+K and with ⌘K, and Ctrl+K again closes it', () => {
    renderFrame();
    expect(palette()).toBeNull();
    pressCtrlK();
    expect(palette()).not.toBeNull();
    expect(document.activeElement).toBe(input());
    pressCtrlK();
    expect(palette()).toBeNull();
    pressCtrlK({ metaKey: true });
    expect(palette()).not.toBeNull();
  });

  it('opens from the button in the top bar, and Escape gives the focus back to it', () => {
    renderFrame();
    const button = screen.getByTestId('palette-button');
    button.focus();
    act(() => { fireEvent.click(button); });
    expect(document.activeElement).toBe(input());
    press('Escape');
    expect(palette()).toBeNull();
    expect(document.activeElement).toBe(button);
  });

  it('leaves Ctrl+K alone when something else already handled it (the code editor’s chords)', () => {
    renderFrame();
    act(() => {
      const event = new KeyboardEvent('keydown', { key: 'k', code: 'KeyK', ctrlKey: true, bubbles: true, cancelable: true });
      event.preventDefault();
      window.dispatchEvent(event);
    });
    expect(palette()).toBeNull();
  });

  it('subscribes to the groups, subjects, decisions and mismatches only while it is open', () => {
    const { transport } = renderFrame();
    const active = () => liveSources.filter((m) => transport.activeSubscriptions(m).length > 0);
    expect(active()).toEqual([]);
    pressCtrlK();
    expect(active()).toEqual(liveSources);
    press('Escape');
    expect(active()).toEqual([]);
  });
});

describe('finding and opening', () => {
  it('lists the pages before anything is typed', () => {
    renderFrame();
    pressCtrlK();
    expect(optionLabels()).toEqual(expect.arrayContaining(['Overview', 'Consumer groups', 'Replication', 'Schemas', 'Audit log', 'Connections']));
    expect(within(palette()!).getAllByRole('group').map((g) => g.getAttribute('data-kind'))).toEqual(['page']);
  });

  it('finds a group by part of its id and opens its page with Enter', () => {
    const { transport } = renderFrame();
    openWithGroups(transport, [group('orders-fulfilment'), group('payments-ledger-writer'), group('inventory-sync')]);
    type('fulfil');
    expect(optionLabels()).toEqual(['orders-fulfilment']);
    expect(options()[0]!.querySelector('mark')!.textContent).toBe('fulfil');
    press('Enter');
    expect(window.location.hash).toBe('#/groups/orders-fulfilment');
    expect(palette()).toBeNull();
  });

  it('moves with the arrow keys, wrapping at both ends, and opens the active option', () => {
    const { transport } = renderFrame();
    openWithGroups(transport, [group('orders-a'), group('orders-b'), group('orders-c')]);
    type('orders');
    expect(selected()).toBe('orders-a');
    press('ArrowDown');
    expect(selected()).toBe('orders-b');
    press('ArrowUp');
    press('ArrowUp');
    expect(selected()).toBe('orders-c');
    expect(input().getAttribute('aria-activedescendant')).toBe(options()[2]!.id);
    press('Enter');
    expect(window.location.hash).toBe('#/groups/orders-c');
  });

  it('keeps the active option when a live update reorders the list', () => {
    const { transport } = renderFrame();
    openWithGroups(transport, [group('orders-a'), group('orders-b')]);
    type('orders');
    press('ArrowDown');
    act(() => transport.pushValue('groups.list', { groups: [group('orders-0'), group('orders-a'), group('orders-b')] }));
    expect(selected()).toBe('orders-b');
  });

  it('groups results by kind, the kind with the best match first; Page Down jumps to the next kind', () => {
    const { transport } = renderFrame();
    openWithGroups(transport, [group('eu-payments-value'), group('payments-writer')]);
    act(() => transport.pushValue('registry.subjects', { registryUrl: 'http://registry', subjects: [subject('payments-value'), subject('orders-value')] }));
    type('payments-value');
    const kinds = within(palette()!).getAllByRole('group');
    expect(kinds.map((g) => g.getAttribute('data-kind'))).toEqual(['subject', 'group']);
    expect(within(kinds[0]!).getAllByRole('option').map((o) => o.textContent)).toEqual(['payments-valueAVRO · v1']);
    press('PageDown');
    expect(selected()).toBe('eu-payments-value');
    press('Enter');
    expect(window.location.hash).toBe('#/groups/eu-payments-value');
  });

  it('finds a decision by its number and a mismatch by its key', () => {
    const { transport } = renderFrame();
    pressCtrlK();
    act(() => transport.pushValue('workspace.state', { workspace: { adrs: [{ number: 7, title: 'Every field is a standard term', status: 'accepted' }] }, recent: [], problem: null }));
    act(() => transport.pushValue('replication.mismatches', { items: [{
      id: '17', pipelineId: 'payments-cdc', table: 'payments', key: { payment_id: 'pay_81' }, kind: 'differs', stage: 'manual', status: 'divergent',
      columns: [{ name: 'amount_minor' }], event: { topic: 'payments', partition: 2, offset: '120', timestamp: '', operation: 'update' }, detectedAt: '', resolvedAt: null, resolution: null,
    }], nextCursor: null }));
    type('adr-0007');
    expect(optionLabels()).toEqual(['Every field is a standard term']);
    type('pay_81');
    expect(optionLabels()).toEqual(['#17 payments pay_81']);
    press('Enter');
    expect(window.location.hash).toBe('#/replication/mismatches/17');
  });

  it('opens an option on a click', () => {
    const { transport } = renderFrame();
    openWithGroups(transport, [group('orders-a'), group('orders-b')]);
    type('orders');
    act(() => { fireEvent.click(options()[1]!); });
    expect(window.location.hash).toBe('#/groups/orders-b');
  });

  it('says when nothing matches, and which source could not be read', () => {
    const { transport } = renderFrame();
    openWithGroups(transport, [group('orders')]);
    act(() => transport.pushError('registry.subjects', { code: 'SERVICE_UNREACHABLE', message: 'The Schema Registry did not answer.' }));
    type('zzzz');
    expect(screen.getByRole('status').textContent).toContain('Nothing matches');
    const status = screen.getByTestId('palette-status');
    expect(status.textContent).toContain('Not searched: schema subjects');
    expect(status.querySelector('[title]')!.getAttribute('title')).toContain('Schema subjects: The Schema Registry did not answer.');
  });

  it('shows a few of 10,000 groups and says how many matched', () => {
    const { transport } = renderFrame();
    openWithGroups(transport, Array.from({ length: 10_000 }, (_, i) => group(`bench-group-${String(i).padStart(5, '0')}`)));
    type('bench-group-01');
    expect(options()).toHaveLength(RESULTS_PER_KIND);
    // 1,000 ids start with it (01000…01999) and rank first; more have its letters in order.
    expect(optionLabels()).toEqual(['bench-group-01000', 'bench-group-01001', 'bench-group-01002', 'bench-group-01003', 'bench-group-01004', 'bench-group-01005'].slice(0, RESULTS_PER_KIND));
    const count = /(\d+) of ([\d,]+)/.exec(within(palette()!).getByRole('group').textContent ?? '');
    expect(Number(count?.[1])).toBe(RESULTS_PER_KIND);
    expect(Number(count?.[2]?.replace(/,/g, ''))).toBeGreaterThanOrEqual(1000);
  });
});
