// The two confirm-before-change flows, step by step: a preview first, then apply (typing the
// profile's name on production), applied once however fast the button is clicked.
import { describe, expect, it } from 'vitest';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Result } from '../../../shared/common/result';
import type { GroupDetail } from '../../../shared/kafka/groups';
import type { ResetResult } from '../../../shared/kafka/offset-reset';
import type { Mismatch, ReconcilePlan, ReconcileResult } from '../../../shared/replication/verification';
import { ResetDialog } from '../../../renderer/src/pages/group/reset-dialog';
import { ReconcileFlow } from '../../../renderer/src/pages/replication/reconcile-flow';
import { deferred, FakeTransport } from './support/fake-transport';
import { renderWithApi } from './support/render';

const ok = <T,>(value: T): Result<T> => ({ ok: true, value });

describe('reconcile one mismatch', () => {
  const mismatch: Mismatch = {
    id: '17', pipelineId: 'payments', table: 'payments', key: { payment_id: 'pay_1' }, kind: 'differs', stage: 'manual', status: 'divergent',
    columns: [{ name: 'amount_minor', source: '100', target: '90' }] as Mismatch['columns'], event: null, detectedAt: '2026-01-01T00:00:00Z', resolvedAt: null, resolution: null,
  };
  const plan: ReconcilePlan = {
    mismatchId: '17', action: 'update', table: 'payments', key: { payment_id: 'pay_1' }, sourceOfTruth: 'source', guards: ['The source row is read again now'],
    difference: null, statements: [], sql: ["UPDATE payments SET amount_minor = '100' WHERE payment_id = 'pay_1'"],
  };
  const result = (key: string): ReconcileResult => ({
    mismatchId: '17', idempotencyKey: key, applied: true, replayed: false, action: 'update', sql: plan.sql, verified: true, status: 'resolved', appliedAt: '2026-01-01T00:01:00Z',
  });
  type ReconcileInput = { id: string; dryRun: boolean; idempotencyKey: string };

  it('previews the plan, applies it once on a double click with the preview’s key, and shows the re-verified result', async () => {
    const applied = deferred<Result<unknown>>();
    const transport = new FakeTransport().answer('replication.reconcile', (input) => ((input as ReconcileInput).dryRun ? ok({ dryRun: true, plan }) : applied.promise));
    renderWithApi(<ReconcileFlow mismatch={mismatch} />, transport);

    fireEvent.click(screen.getByTestId('reconcile'));
    await screen.findByTestId('reconcile-preview');
    expect(screen.getByTestId('reconcile-sql').textContent).toBe(`${plan.sql[0]};`);
    const [preview] = transport.callsOf('replication.reconcile') as ReconcileInput[];
    expect(preview).toMatchObject({ id: '17', dryRun: true });

    // Both clicks arrive before React re-renders the button disabled.
    const apply = screen.getByTestId('reconcile-apply');
    act(() => { apply.click(); apply.click(); });
    fireEvent.click(apply);
    const applies = () => (transport.callsOf('replication.reconcile') as ReconcileInput[]).filter((i) => !i.dryRun);
    await waitFor(() => expect(applies()).not.toHaveLength(0));
    await act(async () => undefined);
    expect(applies()).toEqual([{ id: '17', dryRun: false, idempotencyKey: preview!.idempotencyKey }]);

    await act(async () => applied.resolve(ok({ dryRun: false, result: result(preview!.idempotencyKey) })));
    await screen.findByTestId('reconcile-result');
    expect(screen.getByTestId('reconcile-status').textContent).toBe('resolved');
    expect(screen.getByTestId('reconcile-result').textContent).toContain('Reconciled and re-verified');
  });

  it('retries a failed apply with the same key, so it applies at most once', async () => {
    let attempts = 0;
    const transport = new FakeTransport().answer('replication.reconcile', (input) => {
      const i = input as ReconcileInput;
      if (i.dryRun) return ok({ dryRun: true, plan });
      attempts += 1;
      return attempts === 1 ? { ok: false, error: { code: 'SERVICE_UNREACHABLE', message: 'The verification API did not answer.' } } : ok({ dryRun: false, result: result(i.idempotencyKey) });
    });
    renderWithApi(<ReconcileFlow mismatch={mismatch} />, transport);
    fireEvent.click(screen.getByTestId('reconcile'));
    fireEvent.click(await screen.findByTestId('reconcile-apply'));
    expect((await screen.findByRole('alert')).textContent).toContain('Retrying is safe');
    expect(screen.getByTestId('reconcile-apply').textContent).toBe('Retry apply');
    fireEvent.click(screen.getByTestId('reconcile-apply'));
    await screen.findByTestId('reconcile-result');
    const keys = (transport.callsOf('replication.reconcile') as ReconcileInput[]).map((i) => i.idempotencyKey);
    expect(keys).toHaveLength(3);
    expect(new Set(keys).size).toBe(1);
  });

  it('changes nothing when the preview is cancelled', async () => {
    const transport = new FakeTransport().answer('replication.reconcile', () => ok({ dryRun: true, plan }));
    renderWithApi(<ReconcileFlow mismatch={mismatch} />, transport);
    fireEvent.click(screen.getByTestId('reconcile'));
    await screen.findByTestId('reconcile-preview');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByTestId('reconcile-preview')).toBeNull());
    expect(screen.getByTestId('reconcile')).toBeTruthy();
    expect((transport.callsOf('replication.reconcile') as ReconcileInput[]).every((i) => i.dryRun)).toBe(true);
  });
});

describe('reset offsets', () => {
  const group: GroupDetail = {
    groupId: 'orders', type: 'consumer', state: 'Empty', coordinator: null, groupEpoch: 3, assignmentEpoch: 3, assignor: 'uniform', protocolType: 'consumer', protocol: null, members: [],
    offsets: [0, 1].map((partition) => ({ topic: 'orders', partition, committedOffset: 30, logEndOffset: 30, lag: 0, memberId: null })),
  };
  const plan = (change: Partial<ResetResult> = {}): ResetResult => ({
    groupId: 'orders', dryRun: true, applied: false, state: 'Empty', activeMembers: 0, blockedReason: null, requiresConfirmation: null,
    partitions: [0, 1].map((partition) => ({ topic: 'orders', partition, currentOffset: 30, newOffset: 20, logStartOffset: 0, logEndOffset: 30, replayed: 10, skipped: 0 })),
    totals: { partitions: 2, replayed: 20, skipped: 0, unchanged: 0 },
    command: 'kafka-consumer-groups.sh --bootstrap-server 127.0.0.1:9092 --group orders --reset-offsets --shift-by -10 --all-topics --dry-run',
    notes: [], ...change,
  });
  type ResetInput = { dryRun: boolean; to: unknown; confirmation?: string; expectedCurrent?: unknown };

  async function previewShiftBack(transport: FakeTransport) {
    renderWithApi(<ResetDialog group={group} onClose={() => undefined} />, transport);
    const dialog = screen.getByRole('dialog', { name: 'Reset offsets' });
    fireEvent.change(within(dialog).getByLabelText('Reset kind'), { target: { value: 'shiftBy' } });
    fireEvent.change(within(dialog).getByLabelText('Reset value'), { target: { value: '-10' } });
    fireEvent.click(within(dialog).getByTestId('preview'));
    await within(dialog).findByTestId('reset-preview');
    return dialog;
  }

  it('previews first, then applies once on a double click against the previewed offsets', async () => {
    const applied = deferred<Result<unknown>>();
    const transport = new FakeTransport().answer('groups.resetOffsets', (input) => ((input as ResetInput).dryRun ? ok(plan()) : applied.promise));
    const dialog = await previewShiftBack(transport);
    expect(transport.callsOf('groups.resetOffsets')).toEqual([{ groupId: 'orders', to: { kind: 'shiftBy', value: -10 }, dryRun: true }]);
    expect(within(dialog).getAllByTestId('reset-row')).toHaveLength(2);
    expect(within(dialog).getByTestId('reset-totals').textContent).toBe('2 partitions: 20 records replayed, 0 skipped, 0 unchanged.');
    expect(within(dialog).getByTestId('cli-command').textContent).toContain('--shift-by -10 --all-topics --execute');

    const apply = within(dialog).getByTestId('apply');
    act(() => { apply.click(); apply.click(); });
    fireEvent.click(apply);
    const applies = () => (transport.callsOf('groups.resetOffsets') as ResetInput[]).filter((i) => !i.dryRun);
    await waitFor(() => expect(applies()).not.toHaveLength(0));
    await act(async () => undefined);
    expect(applies()).toEqual([{
      groupId: 'orders', to: { kind: 'shiftBy', value: -10 }, dryRun: false, confirmation: undefined,
      expectedCurrent: [{ topic: 'orders', partition: 0, offset: 30 }, { topic: 'orders', partition: 1, offset: 30 }],
    }]);
    await act(async () => applied.resolve(ok(plan({ dryRun: false, applied: true }))));
    expect((await within(dialog).findByTestId('reset-applied')).textContent).toContain('Applied and recorded in the audit log');
  });

  it('on production, applies only once the profile’s name is typed in full', async () => {
    const transport = new FakeTransport().answer('groups.resetOffsets', (input) => ok(plan({ requiresConfirmation: 'Payments production', applied: !(input as ResetInput).dryRun })));
    const dialog = await previewShiftBack(transport);
    const apply = within(dialog).getByTestId('apply') as HTMLButtonElement;
    const typed = within(dialog).getByLabelText('Type the profile name to confirm');
    expect(apply.disabled).toBe(true);
    fireEvent.change(typed, { target: { value: 'Payments' } });
    expect(apply.disabled).toBe(true);
    fireEvent.click(apply);
    expect((transport.callsOf('groups.resetOffsets') as ResetInput[]).filter((i) => !i.dryRun)).toEqual([]);
    fireEvent.change(typed, { target: { value: 'Payments production' } });
    expect(apply.disabled).toBe(false);
    fireEvent.click(apply);
    await within(dialog).findByTestId('reset-applied');
    expect((transport.callsOf('groups.resetOffsets') as ResetInput[]).filter((i) => !i.dryRun).map((i) => i.confirmation)).toEqual(['Payments production']);
  });

  it('shows why an apply would be refused and does not offer it', async () => {
    const reason = '1 active member: stop its consumers, then preview again.';
    const transport = new FakeTransport().answer('groups.resetOffsets', () => ok(plan({ blockedReason: reason, activeMembers: 1 })));
    const dialog = await previewShiftBack(transport);
    expect(within(dialog).getByTestId('blocked-reason').textContent).toBe(reason);
    expect((within(dialog).getByTestId('apply') as HTMLButtonElement).disabled).toBe(true);
  });

  it('drops the preview when the reset is changed, so what is applied is what was previewed', async () => {
    const transport = new FakeTransport().answer('groups.resetOffsets', () => ok(plan()));
    const dialog = await previewShiftBack(transport);
    fireEvent.change(within(dialog).getByLabelText('Reset value'), { target: { value: '-20' } });
    expect(within(dialog).queryByTestId('reset-preview')).toBeNull();
    expect(within(dialog).queryByTestId('apply')).toBeNull();
  });

  it('shows a refused apply and keeps the dialog open', async () => {
    const transport = new FakeTransport().answer('groups.resetOffsets', (input) => ((input as ResetInput).dryRun ? ok(plan())
      : { ok: false, error: { code: 'STALE_PREVIEW', message: 'The committed offsets changed since the preview: preview again.' } }));
    const dialog = await previewShiftBack(transport);
    fireEvent.click(within(dialog).getByTestId('apply'));
    expect((await within(dialog).findByTestId('apply-error')).textContent).toBe('The committed offsets changed since the preview: preview again.');
    expect(within(dialog).queryByTestId('reset-applied')).toBeNull();
  });
});
