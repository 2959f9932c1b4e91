// The triage session of one main process: started once, resumed after a restart, written by people
// (notes, pins, captures, the watch list), by the audit log (every action), and guarding production
// with time-boxed write grants.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { audited, auditProfileOf } from '../../../../main/audit/audited-action';
import { buildTimeline } from '../../../../shared/triage/timeline';
import { triageFixture, type TriageFixture } from '../../../support/triage';

vi.mock('../../../../main/platform/logger', () => ({ createLogger: () => ({ debug() {}, info() {}, warn() {}, error() {} }) }));

let dir: string;
let fx: TriageFixture;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sluice-triage-'));
  fx = triageFixture(dir);
});
afterEach(() => {
  fx.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const png = () => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('not really pixels')]).toString('base64');
const reset = (profileId: string) => audited(fx.audit, {
  profile: auditProfileOf(fx.profiles.get(profileId)), action: 'groups.resetOffsets', endpoint: '127.0.0.1:1',
  target: { groupId: 'payments-ledger-writer' }, before: [{ offset: 10 }], after: [{ offset: 0 }], command: 'kafka-consumer-groups --reset-offsets --execute',
}, async () => 'moved');
const timeline = () => buildTimeline(fx.triage.active()!.entries, { now: fx.clock.now });

describe('a session', () => {
  it('starts with who (the OS user unless set), severity and the active profile; one at a time', () => {
    const state = fx.triage.start({ title: 'Payments lag', severity: 'SEV2' });
    expect(state).toMatchObject({ title: 'Payments lag', severity: 'SEV2', who: 'ana', endedAt: null, profiles: [{ name: 'Payments dev', production: false }] });
    expect(state.id).toMatch(/^\d{8}-\d{4}-payments-lag-[0-9a-f]{4}$/);
    expect(() => fx.triage.start({ title: 'Another', severity: 'SEV3' })).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
    const other = fx.triage.end({ summary: 'done', findings: [], followUps: [] });
    expect(other.endedAt).not.toBeNull();
    expect(fx.triage.start({ title: 'Another', severity: 'SEV3', who: 'bo', profileIds: [fx.productionId] })).toMatchObject({ who: 'bo', profiles: [{ name: 'Payments prod', production: true }] });
  });

  it('records notes, pins, captures (the chart as a PNG beside the session) and the watch list', () => {
    const { id } = fx.triage.start({ title: 'Lag', severity: 'SEV3' });
    const note = fx.triage.note('# Looks like a rebalance storm\nmembers keep leaving', '#/groups/inventory-sync');
    expect(note).toMatchObject({ kind: 'note', title: 'Looks like a rebalance storm', actor: 'ana', machine: 'laptop-1' });
    fx.triage.pin({ entryId: note.id, pinned: true, link: null });
    fx.triage.pin({ title: 'Customers report late payments', pinned: true, link: null });
    const { entry, image } = fx.triage.capture({ view: 'group-history', title: 'History of inventory-sync', link: '#/groups/inventory-sync', subject: { kind: 'group', id: 'inventory-sync' }, data: { lag: [[1, 2, 3]] }, image: { pngBase64: png(), width: 600, height: 220 } });
    expect(image).toBe(true);
    expect(fs.existsSync(path.join(fx.triage.store.attachmentsOf(id), `${entry.id}.png`))).toBe(true);
    expect(() => fx.triage.capture({ view: 'x', title: 'x', link: '#/', subject: null, data: null, image: { pngBase64: Buffer.from('GIF89a').toString('base64'), width: 1, height: 1 } })).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    expect(() => fx.triage.capture({ view: 'x', title: 'x', link: '#/', subject: null, data: 'x'.repeat(400_000), image: null })).toThrow(/at most/);
    fx.triage.watch({ kind: 'group', id: 'inventory-sync' }, true, { lag: 1000, lagSeconds: null });
    fx.triage.watch({ kind: 'pipeline', id: 'payments' }, true, null);
    expect(fx.triage.watch({ kind: 'pipeline', id: 'payments' }, false, null)).toEqual([expect.objectContaining({ target: { kind: 'group', id: 'inventory-sync' }, thresholds: { lag: 1000, lagSeconds: null } })]);
    const t = timeline();
    expect(t.items.filter((i) => i.pinned).map((i) => i.entry.title)).toEqual(['Looks like a rebalance storm', 'Customers report late payments']);
    expect(buildTimeline(fx.triage.active()!.entries, { kinds: ['capture'] }).items).toHaveLength(1);
  });

  it('mirrors every control action from the audit log, intent paired with outcome and the CLI command', async () => {
    await reset(fx.developmentId);
    fx.triage.start({ title: 'Lag', severity: 'SEV3' });
    await reset(fx.developmentId);
    const actions = timeline().items.filter((i) => i.entry.kind === 'action');
    expect(actions).toHaveLength(1);
    expect(actions[0]).toMatchObject({
      entry: { title: 'groups.resetOffsets on group payments-ledger-writer (Payments dev)', link: '#/groups/payments-ledger-writer', data: { phase: 'intent', command: 'kafka-consumer-groups --reset-offsets --execute', before: [{ offset: 10 }] } },
      outcome: { result: 'applied' },
    });
  });

  it('resumes after a restart, the same session, and not one that ended', () => {
    const { id } = fx.triage.start({ title: 'Lag', severity: 'SEV1', who: 'bo' });
    fx.triage.note('before the restart', null);
    fx.close();
    fx = triageFixture(dir);
    expect(fx.triage.active()?.id).toBe(id);
    expect(fx.triage.who).toBe('bo');
    expect(timeline().items.map((i) => i.entry.title)).toEqual(['Session started: Lag', 'before the restart', 'Sluice started again; the session goes on']);
    fx.triage.end({ summary: 'over', findings: ['a'], followUps: ['b'] });
    fx.close();
    fx = triageFixture(dir);
    expect(fx.triage.active()).toBeNull();
    expect(fx.triage.store.list()).toEqual([expect.objectContaining({ id, summary: 'over' })]);
  });
});

describe('production write access (break-glass)', () => {
  it('refuses a change on a production profile without a session, writing nothing', async () => {
    await expect(reset(fx.productionId)).rejects.toMatchObject({ code: 'PRODUCTION_READ_ONLY', message: expect.stringMatching(/no triage session is active.*grant write access/i) });
    expect(fx.audit.read().records).toEqual([]);
    await expect(reset(fx.developmentId)).resolves.toBe('moved');
  });

  it('lets a reveal of masked values through on production without a grant: audited for its reason, but not a write', async () => {
    const reveal = (readsOnly: boolean) => audited(fx.audit, {
      profile: auditProfileOf(fx.profiles.get(fx.productionId)), action: 'records.reveal', endpoint: '127.0.0.1:1',
      target: { topic: 'payments', partition: 0, offset: 7 }, after: { reason: 'Ticket 12: the disputed name' }, ...(readsOnly ? { readsOnly: true as const } : {}),
    }, async () => 'shown');
    await expect(reveal(false)).rejects.toMatchObject({ code: 'PRODUCTION_READ_ONLY' });
    await expect(reveal(true)).resolves.toBe('shown');
    const records = fx.audit.read().records;
    expect(records.map((r) => `${r.action}:${r.phase}:${r.result ?? ''}`)).toEqual(['records.reveal:intent:', 'records.reveal:outcome:applied']);
    expect(records[0]).not.toHaveProperty('readsOnly');
  });

  it('refuses without a grant, applies with one, refuses after its expiry with the reason, and records all of it', async () => {
    fx.triage.start({ title: 'Stuck group', severity: 'SEV2' });
    await expect(reset(fx.productionId)).rejects.toMatchObject({ code: 'PRODUCTION_READ_ONLY', message: expect.stringContaining('“Payments prod” is a production profile and read-only') });
    await expect(fx.access.grant({ profileId: fx.developmentId, minutes: 5, reason: 'nope' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    const grant = await fx.access.grant({ profileId: fx.productionId, minutes: 30, reason: 'reset the stuck group' });
    expect(grant).toMatchObject({ state: 'active', minutes: 30, by: 'ana', profile: { name: 'Payments prod' } });
    await expect(reset(fx.productionId)).resolves.toBe('moved');
    fx.clock.now += 30 * 60_000 + 1;
    await expect(reset(fx.productionId)).rejects.toMatchObject({ code: 'PRODUCTION_READ_ONLY', message: expect.stringMatching(/expired at .*granted for 30 minutes: “reset the stuck group”/) });
    fx.access.reschedule();
    const audit = fx.audit.read().records.map((r) => `${r.action}:${r.phase}:${r.result ?? ''}`);
    expect(audit).toEqual(['triage.grantWrite:intent:', 'triage.grantWrite:outcome:applied', 'groups.resetOffsets:intent:', 'groups.resetOffsets:outcome:applied', 'triage.writeExpired:outcome:applied']);
    const t = timeline();
    expect(t.items.filter((i) => i.entry.kind === 'access').map((i) => i.entry.data)).toEqual([expect.objectContaining({ event: 'granted' }), expect.objectContaining({ event: 'expired' })]);
    expect(t.items.filter((i) => i.entry.kind === 'action').map((i) => i.entry.kind === 'action' && i.entry.data.phase)).toEqual(['refused', 'intent', 'refused']);
    expect(t.state?.grants).toEqual([expect.objectContaining({ state: 'expired' })]);
    fx.access.reschedule();
    expect(fx.audit.read().records).toHaveLength(5);
  });

  it('records the expiry when the time box runs out, with nothing else happening', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      fx.triage.start({ title: 'Quiet', severity: 'SEV4' });
      await fx.access.grant({ profileId: fx.productionId, minutes: 0.25, reason: 'one change' });
      expect(fx.access.activeGrants()).toHaveLength(1);
      fx.clock.now += 15_000;
      vi.advanceTimersByTime(15_100);
      expect(fx.audit.read().records.at(-1)).toMatchObject({ action: 'triage.writeExpired', result: 'applied' });
      expect(timeline().state?.grants[0]).toMatchObject({ state: 'expired' });
      expect(timeline().items.at(-1)?.entry).toMatchObject({ kind: 'access', actor: 'Sluice', data: { event: 'expired' } });
    } finally {
      vi.useRealTimers();
    }
  });

  it('records a grant that ran out while the app was closed, and ends grants with the session', async () => {
    fx.triage.start({ title: 'Closed meanwhile', severity: 'SEV3' });
    await fx.access.grant({ profileId: fx.productionId, minutes: 10, reason: 'apply the fix' });
    fx.close();
    fx.clock.now += 11 * 60_000;
    fx = triageFixture(dir, { clock: fx.clock });
    const expired = timeline().items.find((i) => i.entry.kind === 'access' && i.entry.data.event === 'expired');
    expect(expired).toBeDefined();
    expect(expired!.entry).toMatchObject({ actor: 'Sluice', at: timeline().state!.grants[0]!.expiresAt });
    await fx.access.grant({ profileId: fx.productionId, minutes: 10, reason: 'again' });
    await fx.access.revokeAll('the session ended');
    fx.triage.end({ summary: 'done', findings: [], followUps: [] });
    expect(fx.access.activeGrants()).toEqual([]);
    expect(fx.audit.read().records.map((r) => r.action)).toContain('triage.revokeWrite');
  });
});
