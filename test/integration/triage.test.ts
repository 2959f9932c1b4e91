// Triage sessions against the real broker: a watched group's member leaving and its state change
// are recorded by themselves; a reset on a production profile is refused without a write grant,
// applied with one, and refused again once the (short) time box is over — all of it in the audit
// log and the session's timeline.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GroupSummary } from '../../shared/kafka/groups';
import type { ResetResult } from '../../shared/kafka/offset-reset';
import type { SessionView } from '../../shared/triage/contract';
import type { GrantView } from '../../shared/triage/timeline';
import { runClients, type RunningClients } from '../../sandbox/sandbox-clients';
import { auditActions } from '../support/audit';
import { testBrokers, uniqueSuffix } from '../support/brokers';
import { eventually, startHarness, type Harness } from '../support/bridge-harness';
import { deleteTestArtifacts } from '../support/kafka-cli';

const id = uniqueSuffix();
const topic = `it-triage-${id}`;
const watched = `it-triage-watched-${id}`;
const idle = `it-triage-idle-${id}`;
let harness: Harness;
const clients: RunningClients[] = [];

const timeline = async (kinds?: string[]) => (await harness.value<SessionView>('triage.session', kinds ? { kinds } : {})).items;
const changeTitles = async () => (await timeline(['change'])).map((i) => i.entry.title);
const listed = async (groupId: string) => (await harness.value<{ groups: GroupSummary[] }>('groups.list')).groups.find((g) => g.groupId === groupId);

beforeAll(async () => {
  harness = await startHarness(testBrokers);
  await (await runClients(`topic name=${topic} partitions=2\nproduceOnce topic=${topic} count=40`, { brokers: testBrokers })).stop();
  const once = await runClients(`group id=${idle} protocol=consumer topic=${topic} members=1 stopAfter=20 maxPollRecords=10 closeAfter=true`, { brokers: testBrokers });
  await eventually('the idle group to commit and leave', async () => (await listed(idle))?.state === 'Empty', 90_000);
  await once.stop();
}, 180_000);

afterAll(async () => {
  for (const c of clients) await c.stop();
  if (harness) {
    if ((await harness.value<{ session: unknown }>('triage.active')).session) await harness.value('triage.end', { summary: 'test over' });
    await harness.close();
  }
  await deleteTestArtifacts([watched, idle], [topic]);
});

describe('a triage session against the real broker', () => {
  it('records a watched group’s member leaving and its state change by itself', async () => {
    // Two processes with one member each, so one can leave while the other stays.
    for (let i = 0; i < 2; i++) clients.push(await runClients(`group id=${watched} protocol=consumer topic=${topic} members=1`, { brokers: testBrokers }));
    await eventually('both members in the group', async () => (await listed(watched))?.members === 2, 90_000);
    await harness.value('triage.start', { title: 'Watched group loses its members', severity: 'SEV3', who: 'it-tester' });
    await harness.value('triage.watch', { target: { kind: 'group', id: watched }, thresholds: { lag: 1_000_000, lagSeconds: null } });

    await clients.pop()!.stop();
    await eventually('a member to leave', async () => (await changeTitles()).some((t) => t.startsWith(`${watched}: member left`) || t === `${watched}: members left (2 → 1)`), 90_000);
    await clients.pop()!.stop();
    await eventually('the group to become Empty', async () => (await changeTitles()).some((t) => /→ Empty$/.test(t)), 90_000);

    const changes = await timeline(['change']);
    expect(changes.every((i) => i.entry.actor === 'Sluice' && i.entry.link === `#/groups/${watched}`)).toBe(true);
    const left = changes.filter((i) => i.entry.kind === 'change' && i.entry.data.change === 'member-left');
    expect(left.length).toBeGreaterThanOrEqual(2);
    const state = changes.find((i) => i.entry.kind === 'change' && i.entry.data.change === 'state' && i.entry.data.to === 'Empty');
    expect(state).toBeDefined();
    // Each change once, whatever the number of looks since.
    expect(new Set(changes.map((i) => `${i.entry.title}@${i.entry.at}`)).size).toBe(changes.length);
    await harness.value('triage.end', { summary: 'members gone', findings: [], followUps: [] });
  });

  it('refuses a reset on a production profile without a grant, applies it with one, and refuses it after expiry', async () => {
    const prod = await harness.value<{ id: string }>('profiles.save', { settings: {
      name: 'Payments prod', bootstrapBrokers: [testBrokers], color: '#dc2626', production: true,
      tls: { enabled: false, verifyServerCertificate: true, caCertificate: null }, sasl: { mechanism: 'none', username: '' },
    } });
    await harness.value('profiles.activate', { id: prod.id });
    try {
      await eventually('the production session to see the group', async () => (await harness.rpc('groups.describe', { groupId: idle })).body.ok);
      const apply = async (to: unknown) => {
        const plan = await harness.value<ResetResult>('groups.resetOffsets', { groupId: idle, to, dryRun: true });
        const expectedCurrent = plan.partitions.map((r) => ({ topic: r.topic, partition: r.partition, offset: r.currentOffset }));
        return harness.rpc<ResetResult>('groups.resetOffsets', { groupId: idle, to, dryRun: false, confirmation: 'Payments prod', expectedCurrent });
      };

      const noSession = await apply({ kind: 'earliest' });
      expect(noSession.status).toBe(423);
      expect(noSession.body.error).toMatchObject({ code: 'PRODUCTION_READ_ONLY', message: expect.stringContaining('no triage session is active') });

      await harness.value('triage.start', { title: 'Reset the stuck group', severity: 'SEV2' });
      const withoutGrant = await apply({ kind: 'earliest' });
      expect(withoutGrant.body.error).toMatchObject({ code: 'PRODUCTION_READ_ONLY', message: expect.stringContaining('Grant write access for a time box') });

      const grant = await harness.value<GrantView>('triage.grantWrite', { minutes: 0.25, reason: 'replay the idle group from the start' });
      expect(grant).toMatchObject({ state: 'active', profile: { name: 'Payments prod' } });
      const applied = await apply({ kind: 'earliest' });
      expect(applied.status).toBe(200);
      expect(applied.body.value?.applied).toBe(true);

      await new Promise((r) => setTimeout(r, Math.max(0, Date.parse(grant.expiresAt) - Date.now()) + 500));
      const expired = await apply({ kind: 'latest' });
      expect(expired.status).toBe(423);
      expect(expired.body.error?.message).toMatch(/expired at .*granted for 0\.25 minutes: “replay the idle group from the start”/);

      const audit = auditActions(harness.dataDir).filter((a) => a.profile.production).map((a) => `${a.action}:${a.result}`);
      expect(audit).toEqual(['triage.grantWrite:applied', 'groups.resetOffsets:applied', 'triage.writeExpired:applied']);
      const items = await timeline();
      const kinds = items.filter((i) => i.entry.kind === 'access' || i.entry.kind === 'action').map((i) => (i.entry.kind === 'access' ? `access:${i.entry.data.event}` : `action:${i.entry.kind === 'action' ? i.entry.data.phase : ''}:${i.outcome?.result ?? ''}`));
      expect(kinds).toEqual(['action:refused:', 'access:granted', 'action:intent:applied', 'access:expired', 'action:refused:']);
      const reset = items.find((i) => i.entry.kind === 'action' && i.entry.data.phase === 'intent')!;
      expect(reset.entry.kind === 'action' && reset.entry.data.command).toContain('--reset-offsets');
      await harness.value('triage.end', { summary: 'reset done' });
    } finally {
      await harness.value('profiles.activate', { id: 'environment' });
    }
  });
});
