// Sluice's view of real consumer groups (both protocols) must agree with Kafka's own
// ConsumerGroupCommand. The groups are run by Kafka's Java client, consume a fixed number of
// records and then hold still, so both tools look at the same settled state.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GroupDetail, GroupSummary } from '../../shared/kafka/groups';
import { memberReconciliation } from '../../shared/kafka/reconciliation';
import { runClients, type RunningClients } from '../../sandbox/sandbox-clients';
import { testBrokers, uniqueSuffix } from '../support/brokers';
import { eventually, startHarness, type Harness } from '../support/bridge-harness';
import { settledGroupsSpec } from '../support/fixtures';
import { consumerGroupCommand, deleteTestArtifacts, parseCliAssignment, parseTables } from '../support/kafka-cli';

const id = uniqueSuffix();
const k848 = `it-k848-${id}`;
const classic = `it-classic-${id}`;
const noCommit = `it-nocommit-${id}`;

let harness: Harness;
let clients: RunningClients;

async function settled(groupId: string): Promise<GroupDetail | undefined> {
  const first = await harness.value<GroupDetail>('groups.describe', { groupId });
  const reconciled = first.members.every((m) => !memberReconciliation(m, first.groupEpoch).reconciling);
  if (first.state !== 'Stable' || !reconciled) return undefined;
  await new Promise((r) => setTimeout(r, 2_500));
  const second = await harness.value<GroupDetail>('groups.describe', { groupId });
  return JSON.stringify(first) === JSON.stringify(second) ? second : undefined;
}

beforeAll(async () => {
  harness = await startHarness(testBrokers);
  clients = await runClients(settledGroupsSpec({ k848, classic, noCommit }), { brokers: testBrokers });
  await eventually(`${k848} to settle`, () => settled(k848), 90_000, 1_000);
  await eventually(`${classic} to settle`, () => settled(classic), 90_000, 1_000);
}, 180_000);

afterAll(async () => {
  await clients?.stop();
  await harness?.close();
  await deleteTestArtifacts([k848, classic, noCommit], [k848, classic, noCommit]);
});

describe('groups.list', () => {
  it('lists each group with the type Kafka reports, routed by ListGroups v5', async () => {
    // The list comes from the monitor's last sweep, which may predate the last member's join.
    const groups = await eventually('a sweep that saw the settled groups', async () => {
      const listed = (await harness.value<{ groups: GroupSummary[] }>('groups.list')).groups;
      return listed.find((g) => g.groupId === k848)?.members === 3 && listed.find((g) => g.groupId === classic)?.members === 2 ? listed : null;
    }, 30_000, 500);
    const cli = parseTables(await consumerGroupCommand('--list', '--type'));
    for (const groupId of [k848, classic, noCommit]) {
      const ours = groups.find((g) => g.groupId === groupId);
      const theirs = cli.find((r) => r.GROUP === groupId);
      expect(ours, groupId).toBeDefined();
      expect(theirs, groupId).toBeDefined();
      expect(ours!.type).toBe(theirs!.TYPE!.toLowerCase());
    }
    const k = groups.find((g) => g.groupId === k848)!;
    expect(k).toMatchObject({ type: 'consumer', state: 'Stable', members: 3 });
    expect(k.coordinator).toMatchObject({ nodeId: expect.any(Number), host: expect.any(String), port: expect.any(Number) });
    expect(groups.find((g) => g.groupId === classic)).toMatchObject({ type: 'classic', state: 'Stable', members: 2 });
    // A group that never committed has no lag value at all, not zero.
    expect(groups.find((g) => g.groupId === noCommit)!.totalLag).toBeNull();
  });
});

describe('groups.describe agrees with ConsumerGroupCommand', () => {
  it('KIP-848 group: state, epochs, assignor and member count (--state --verbose)', async () => {
    const ours = await harness.value<GroupDetail>('groups.describe', { groupId: k848 });
    const [theirs] = parseTables(await consumerGroupCommand('--describe', '--group', k848, '--state', '--verbose'));
    expect(theirs).toBeDefined();
    expect(ours.state).toBe(theirs!.STATE);
    expect(String(ours.groupEpoch)).toBe(theirs!['GROUP-EPOCH']);
    expect(String(ours.assignmentEpoch)).toBe(theirs!['TARGET-ASSIGNMENT-EPOCH']);
    expect(ours.assignor).toBe(theirs!['ASSIGNMENT-STRATEGY']);
    expect(String(ours.members.length)).toBe(theirs!['#MEMBERS']);
    expect(theirs!.COORDINATOR).toBe(`${ours.coordinator!.host}:${ours.coordinator!.port}(${ours.coordinator!.nodeId})`);
  });

  it('KIP-848 group: members, epochs and current/target assignments (--members --verbose)', async () => {
    const ours = await harness.value<GroupDetail>('groups.describe', { groupId: k848 });
    const theirs = parseTables(await consumerGroupCommand('--describe', '--group', k848, '--members', '--verbose'));
    expect(ours.members).toHaveLength(theirs.length);
    for (const row of theirs) {
      const member = ours.members.find((m) => m.memberId === row['CONSUMER-ID']);
      expect(member, row['CONSUMER-ID']).toBeDefined();
      expect(member!.clientId).toBe(row['CLIENT-ID']);
      expect(member!.host).toBe(row.HOST);
      expect(String(member!.memberEpoch)).toBe(row['CURRENT-EPOCH']);
      expect(member!.assignment).toEqual(parseCliAssignment(row['CURRENT-ASSIGNMENT']!));
      expect(member!.targetAssignment).toEqual(parseCliAssignment(row['TARGET-ASSIGNMENT']!));
      expect(member!.subscribedTopics).toEqual([k848]);
    }
    // Together the members own all six partitions, each exactly once.
    const owned = ours.members.flatMap((m) => m.assignment.flatMap((a) => a.partitions)).sort();
    expect(owned).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('classic group: protocol and decoded member assignments; KIP-848 fields are null', async () => {
    const ours = await harness.value<GroupDetail>('groups.describe', { groupId: classic });
    const [state] = parseTables(await consumerGroupCommand('--describe', '--group', classic, '--state', '--verbose'));
    const members = parseTables(await consumerGroupCommand('--describe', '--group', classic, '--members', '--verbose'));
    expect(ours).toMatchObject({ type: 'classic', state: state!.STATE, protocolType: 'consumer', protocol: state!['ASSIGNMENT-STRATEGY'], groupEpoch: null, assignmentEpoch: null, assignor: null });
    expect(ours.members).toHaveLength(members.length);
    for (const row of members) {
      const member = ours.members.find((m) => m.memberId === row['CONSUMER-ID'])!;
      expect(member.clientId).toBe(row['CLIENT-ID']);
      expect(member.memberEpoch).toBeNull();
      expect(member.targetAssignment).toBeNull();
      expect(member.assignment).toEqual(parseCliAssignment(row['CURRENT-ASSIGNMENT']!));
    }
  });

  it.each([[k848], [classic], [noCommit]])('%s: per-partition committed offset, log-end offset, lag and owner (--offsets)', async (groupId) => {
    const ours = await harness.value<GroupDetail>('groups.describe', { groupId });
    const theirs = parseTables(await consumerGroupCommand('--describe', '--group', groupId, '--offsets'));
    expect(ours.offsets).toHaveLength(theirs.length);
    for (const row of theirs) {
      const offset = ours.offsets.find((o) => o.topic === row.TOPIC && String(o.partition) === row.PARTITION);
      expect(offset, `${row.TOPIC}-${row.PARTITION}`).toBeDefined();
      expect(offset!.committedOffset === null ? '-' : String(offset!.committedOffset)).toBe(row['CURRENT-OFFSET']);
      expect(String(offset!.logEndOffset)).toBe(row['LOG-END-OFFSET']);
      expect(offset!.lag === null ? '-' : String(offset!.lag)).toBe(row.LAG);
      expect(offset!.memberId ?? '-').toBe(row['CONSUMER-ID']);
    }
    if (groupId !== noCommit) expect(ours.offsets.some((o) => (o.lag ?? 0) > 0)).toBe(true);
    if (groupId === noCommit) expect(ours.offsets.every((o) => o.committedOffset === null && o.lag === null)).toBe(true);
  });
});

describe('errors over the HTTP API', () => {
  it('answers an unknown group with 404 NOT_FOUND', async () => {
    const { status, body } = await harness.rpc('groups.describe', { groupId: `missing-${id}` });
    expect(status).toBe(404);
    expect(body.error?.code).toBe('NOT_FOUND');
  });

  it('answers an unreachable cluster with 503 and a sentence that says what to check', async () => {
    const saved = await harness.value<{ id: string }>('profiles.save', { settings: {
      name: 'nowhere', bootstrapBrokers: ['127.0.0.1:1'], color: '#ff0000', production: false,
      tls: { enabled: false, verifyServerCertificate: true, caCertificate: null }, sasl: { mechanism: 'none', username: '' },
    } });
    await harness.value('profiles.activate', { id: saved.id });
    try {
      const { status, body } = await harness.rpc('groups.list');
      expect(status).toBe(503);
      expect(body.error?.code).toBe('KAFKA_UNREACHABLE');
      expect(body.error?.message).toContain('127.0.0.1:1');
      const test = await harness.value<{ reachable: boolean; error: string }>('profiles.test', { id: saved.id });
      expect(test.reachable).toBe(false);
    } finally {
      await harness.value('profiles.activate', { id: 'environment' });
    }
  });
});
