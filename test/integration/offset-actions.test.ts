// Offset resets, deletes and their audit records against the real broker. Where kafka-consumer-
// groups can answer the same question (--reset-offsets --dry-run), its new offsets are the reference.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GroupDetail, GroupSummary } from '../../shared/kafka/groups';
import type { ResetResult } from '../../shared/kafka/offset-reset';
import { auditActions } from '../support/audit';
import { runClients, type RunningClients } from '../../sandbox/sandbox-clients';
import { testBrokers, uniqueSuffix } from '../support/brokers';
import { eventually, startHarness, type Harness } from '../support/bridge-harness';
import { consumerGroupCommand, deleteTestArtifacts, parseTables } from '../support/kafka-cli';

const id = uniqueSuffix();
const topic = `it-reset-${id}`;
const idle = `it-reset-idle-${id}`; // consumed 30 records, committed, left: Empty
const source = `it-reset-source-${id}`; // another Empty group, to copy offsets from
const active = `it-reset-active-${id}`; // keeps members
let harness: Harness;
let activeClients: RunningClients;
let betweenBatches = 0;

const committedOf = async (groupId: string) => Object.fromEntries((await harness.value<GroupDetail>('groups.describe', { groupId })).offsets.map((o) => [`${o.topic}-${o.partition}`, o.committedOffset]));
const preview = (to: unknown, extra: Record<string, unknown> = {}) => harness.value<ResetResult>('groups.resetOffsets', { groupId: idle, to, dryRun: true, ...extra });
const auditRecords = () => auditActions(harness.dataDir);

async function cliDryRun(...target: string[]): Promise<Record<string, number>> {
  const rows = parseTables(await consumerGroupCommand('--group', idle, '--reset-offsets', ...target, '--all-topics', '--dry-run'));
  return Object.fromEntries(rows.map((r) => [`${r.TOPIC}-${r.PARTITION}`, Number(r['NEW-OFFSET'])]));
}
const ours = (result: ResetResult) => Object.fromEntries(result.partitions.map((r) => [`${r.topic}-${r.partition}`, r.newOffset]));

beforeAll(async () => {
  harness = await startHarness(testBrokers);
  // Two batches of records a few seconds apart, so a timestamp between them means something.
  await (await runClients(`topic name=${topic} partitions=2\nproduceOnce topic=${topic} count=40`, { brokers: testBrokers })).stop();
  await new Promise((r) => setTimeout(r, 1500));
  betweenBatches = Date.now();
  await new Promise((r) => setTimeout(r, 1500));
  await (await runClients(`produceOnce topic=${topic} count=40`, { brokers: testBrokers })).stop();
  const consumers = await runClients(`
    group id=${idle} protocol=consumer topic=${topic} members=1 stopAfter=30 maxPollRecords=10 closeAfter=true
    group id=${source} protocol=classic topic=${topic} members=1 stopAfter=50 maxPollRecords=10 closeAfter=true
  `, { brokers: testBrokers });
  await eventually('both groups to commit and leave', async () => {
    const { groups } = await harness.value<{ groups: GroupSummary[] }>('groups.list');
    return [idle, source].every((g) => groups.find((x) => x.groupId === g)?.state === 'Empty');
  }, 90_000);
  await consumers.stop();
  activeClients = await runClients(`group id=${active} protocol=consumer topic=${topic} members=1 stopAfter=10 maxPollRecords=10`, { brokers: testBrokers });
}, 180_000);

afterAll(async () => {
  await activeClients?.stop();
  await harness?.close();
  await deleteTestArtifacts([idle, source, active], [topic]);
});

describe('groups.resetOffsets preview agrees with kafka-consumer-groups --dry-run', () => {
  it.each([
    ['earliest', { kind: 'earliest' }, ['--to-earliest']],
    ['latest', { kind: 'latest' }, ['--to-latest']],
    ['explicit offset', { kind: 'offset', value: 5 }, ['--to-offset', '5']],
    ['shift by N', { kind: 'shiftBy', value: -7 }, ['--shift-by', '-7']],
    ['duration', { kind: 'duration', value: 'PT1H' }, ['--by-duration', 'PT1H']],
  ] as const)('%s', async (_name, to, cli) => {
    const result = await preview(to);
    expect(ours(result)).toEqual(await cliDryRun(...cli));
    expect(result.command).toContain(cli[0]);
    expect(result.dryRun).toBe(true);
    expect(result.blockedReason).toBeNull();
  });

  it('timestamp', async () => {
    const result = await preview({ kind: 'timestamp', value: new Date(betweenBatches).toISOString() });
    expect(ours(result)).toEqual(await cliDryRun('--to-datetime', new Date(betweenBatches).toISOString().replace('Z', '')));
    // Between the batches: each partition lands at the first record of the second batch (20).
    expect(Object.values(ours(result))).toEqual([20, 20]);
  });

  it('copy from another group', async () => {
    const result = await preview({ kind: 'fromGroup', value: source });
    expect(ours(result)).toEqual(Object.fromEntries(Object.entries(await committedOf(source)).filter(([, v]) => v !== null)));
  });

  it('shows replayed and skipped records and totals', async () => {
    const current = await committedOf(idle);
    const result = await preview({ kind: 'earliest' });
    const expected = Object.values(current).reduce<number>((n, v) => n + (v ?? 0), 0);
    expect(result.totals.replayed).toBe(expected);
    expect(result.totals.skipped).toBe(0);
    const forward = await preview({ kind: 'latest' });
    expect(forward.totals.skipped).toBe(80 - expected);
  });

  it('scopes to chosen partitions', async () => {
    const result = await preview({ kind: 'earliest' }, { partitions: [{ topic, partition: 1 }] });
    expect(result.partitions.map((r) => r.partition)).toEqual([1]);
    expect(result.command).toContain(`--topic ${topic}:1`);
  });
});

describe('applying', () => {
  it('refuses a group with active members, with the reason and what to do', async () => {
    await eventually('the active group to be stable', async () => (await harness.value<GroupDetail>('groups.describe', { groupId: active })).members.length === 1);
    const dry = await harness.value<ResetResult>('groups.resetOffsets', { groupId: active, to: { kind: 'earliest' }, dryRun: true });
    expect(dry.blockedReason).toMatch(/active member.*stop its consumers/);
    const { status, body } = await harness.rpc('groups.resetOffsets', { groupId: active, to: { kind: 'earliest' }, dryRun: false });
    expect(status).toBe(409);
    expect(body.error?.code).toBe('GROUP_NOT_EMPTY');
  });

  it('applies once, writes an audit record before answering, and refuses a second apply of the same preview', async () => {
    const plan = await preview({ kind: 'shiftBy', value: -3 });
    const expectedCurrent = plan.partitions.map((r) => ({ topic: r.topic, partition: r.partition, offset: r.currentOffset }));
    const applied = await harness.value<ResetResult>('groups.resetOffsets', { groupId: idle, to: { kind: 'shiftBy', value: -3 }, dryRun: false, expectedCurrent });
    expect(applied.applied).toBe(true);
    const after = await committedOf(idle);
    for (const r of plan.partitions) expect(after[`${r.topic}-${r.partition}`]).toBe(r.newOffset);
    const record = auditRecords().at(-1)!;
    expect(record).toMatchObject({ action: 'groups.resetOffsets', result: 'applied', target: { groupId: idle } });
    expect(record.after).toEqual(plan.partitions.map((r) => ({ topic: r.topic, partition: r.partition, offset: r.newOffset })));
    // A double click or a retry sends the same preview again: refused, not shifted twice.
    const again = await harness.rpc('groups.resetOffsets', { groupId: idle, to: { kind: 'shiftBy', value: -3 }, dryRun: false, expectedCurrent });
    expect(again.status).toBe(409);
    expect(again.body.error?.code).toBe('STALE_PREVIEW');
    expect(await committedOf(idle)).toEqual(after);
  });

  it('refuses an apply that does not carry its preview\'s offsets (a retry could shift twice)', async () => {
    const before = await committedOf(idle);
    const answer = await harness.rpc('groups.resetOffsets', { groupId: idle, to: { kind: 'shiftBy', value: -1 }, dryRun: false });
    expect(answer.status).toBe(400);
    expect(answer.body.error?.message).toContain('Preview first');
    expect(await committedOf(idle)).toEqual(before);
  });

  it('applies concurrent identical requests once: the second finds the offsets changed', async () => {
    const plan = await preview({ kind: 'shiftBy', value: -2 });
    const expectedCurrent = plan.partitions.map((r) => ({ topic: r.topic, partition: r.partition, offset: r.currentOffset }));
    const request = { groupId: idle, to: { kind: 'shiftBy', value: -2 }, dryRun: false, expectedCurrent };
    const before = auditRecords().length;
    const answers = await Promise.all([harness.rpc('groups.resetOffsets', request), harness.rpc('groups.resetOffsets', request)]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    expect(auditRecords().length - before).toBe(1);
  });

  it('moves the offsets once under 200 concurrent applies of one shift-by-1 preview', async () => {
    const plan = await preview({ kind: 'shiftBy', value: -1 });
    const expectedCurrent = plan.partitions.map((r) => ({ topic: r.topic, partition: r.partition, offset: r.currentOffset }));
    const request = { groupId: idle, to: { kind: 'shiftBy', value: -1 }, dryRun: false, expectedCurrent };
    const answers = await Promise.all(Array.from({ length: 200 }, () => harness.rpc('groups.resetOffsets', request)));
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
    expect(answers.filter((a) => a.status === 409 && a.body.error?.code === 'STALE_PREVIEW')).toHaveLength(199);
    const after = await committedOf(idle);
    for (const r of plan.partitions) expect(after[`${r.topic}-${r.partition}`]).toBe(r.newOffset);
    expect(plan.partitions.some((r) => r.newOffset !== r.currentOffset)).toBe(true);
  });

  // Production profiles are read-only unless a triage session grants write access (issue 12): the
  // test opens a session with a short grant, and the typed name is still required on top of it.
  it('on a production profile, needs the profile name typed', async () => {
    const prod = await harness.value<{ id: string }>('profiles.save', { settings: {
      name: 'Payments prod', bootstrapBrokers: [testBrokers], color: '#dc2626', production: true,
      tls: { enabled: false, verifyServerCertificate: true, caCertificate: null }, sasl: { mechanism: 'none', username: '' },
    } });
    await harness.value('profiles.activate', { id: prod.id });
    try {
      await eventually('the production session to see the group', async () => (await harness.rpc('groups.describe', { groupId: idle })).body.ok);
      await harness.value('triage.start', { title: 'Reset on production', severity: 'SEV3' });
      await harness.value('triage.grantWrite', { minutes: 5, reason: 'integration test of the typed confirmation' });
      const refused = await harness.rpc('groups.resetOffsets', { groupId: idle, to: { kind: 'earliest' }, dryRun: false, confirmation: 'payments prod' });
      expect(refused.status).toBe(428);
      expect(refused.body.error?.code).toBe('CONFIRMATION_REQUIRED');
      const plan = await preview({ kind: 'earliest' });
      const expectedCurrent = plan.partitions.map((r) => ({ topic: r.topic, partition: r.partition, offset: r.currentOffset }));
      const done = await harness.value<ResetResult>('groups.resetOffsets', { groupId: idle, to: { kind: 'earliest' }, dryRun: false, confirmation: 'Payments prod', expectedCurrent });
      expect(done.applied).toBe(true);
      expect(Object.values(await committedOf(idle))).toEqual([0, 0]);
      expect(auditRecords().at(-1)!.profile).toMatchObject({ name: 'Payments prod', production: true });
    } finally {
      await harness.rpc('triage.end', { summary: 'done' });
      await harness.value('profiles.activate', { id: 'environment' });
    }
  });

  it('deletes a group’s offsets for a topic (refused while subscribed), and Kafka agrees', async () => {
    const blocked = await harness.rpc('groups.deleteOffsets', { groupId: active, topic, dryRun: false });
    expect(blocked.body.error?.code).toBe('GROUP_NOT_EMPTY');
    const dry = await harness.value<{ partitions: unknown[]; command: string }>('groups.deleteOffsets', { groupId: source, topic, dryRun: true });
    expect(dry.partitions).toHaveLength(2);
    expect(dry.command).toContain('--delete-offsets');
    await harness.value('groups.deleteOffsets', { groupId: source, topic, dryRun: false });
    const cli = await consumerGroupCommand('--describe', '--group', source, '--offsets').catch((e: { stdout?: string }) => e.stdout ?? '');
    expect(parseTables(cli).filter((r) => r.TOPIC === topic)).toHaveLength(0);
    expect(auditRecords().at(-1)).toMatchObject({ action: 'groups.deleteOffsets', result: 'applied' });
  });

  it('deletes an empty group, and Kafka no longer lists it', async () => {
    const dry = await harness.value<{ blockedReason: string | null }>('groups.delete', { groupId: idle, dryRun: true });
    expect(dry.blockedReason).toBeNull();
    expect((await harness.rpc('groups.delete', { groupId: active, dryRun: false })).body.error?.code).toBe('GROUP_NOT_EMPTY');
    await harness.value('groups.delete', { groupId: idle, dryRun: false });
    const listed = parseTables(await consumerGroupCommand('--list', '--type')).map((r) => r.GROUP);
    expect(listed).not.toContain(idle);
    expect(auditRecords().at(-1)).toMatchObject({ action: 'groups.delete', result: 'applied', target: { groupId: idle } });
  });
});
