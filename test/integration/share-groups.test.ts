// Share groups (KIP-932, on by default in Kafka 4.2) appear with their own type, state, epochs and
// members, as Kafka's own ShareGroupCommand reports them.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GroupDetail, GroupSummary } from '../../shared/kafka/groups';
import { runClients, type RunningClients } from '../../sandbox/sandbox-clients';
import { kafkaClasspath, paths } from '../../sandbox/paths';
import { testBrokers, uniqueSuffix } from '../support/brokers';
import { eventually, startHarness, type Harness } from '../support/bridge-harness';
import { deleteTestArtifacts, parseCliAssignment, parseTables } from '../support/kafka-cli';

const run = promisify(execFile);
const id = uniqueSuffix();
const topic = `it-share-${id}`;
const group = `it-share-group-${id}`;
let harness: Harness;
let clients: RunningClients;

const shareGroupCommand = async (...args: string[]) => (await run('java', [
  `-Dlog4j2.configurationFile=${paths.toolsLog4j}`, '-cp', kafkaClasspath(),
  'org.apache.kafka.tools.consumer.group.ShareGroupCommand', '--bootstrap-server', testBrokers, ...args,
])).stdout;

beforeAll(async () => {
  harness = await startHarness(testBrokers);
  clients = await runClients(`topic name=${topic} partitions=2\nproduceOnce topic=${topic} count=20\nshareGroup id=${group} topic=${topic} members=2`, { brokers: testBrokers });
  await eventually('the share group to be stable with both members', async () => {
    const g = await harness.value<GroupDetail>('groups.describe', { groupId: group });
    return g.state === 'Stable' && g.members.length === 2 && g.members.every((m) => m.assignment.length > 0);
  }, 90_000);
}, 180_000);

afterAll(async () => {
  await clients?.stop();
  await harness?.close();
  await deleteTestArtifacts([group], [topic]);
});

describe('share groups', () => {
  it('are listed with type share, their state and member count', async () => {
    await eventually('the sweep to include the group', async () => {
      const { groups } = await harness.value<{ groups: GroupSummary[] }>('groups.list');
      const g = groups.find((x) => x.groupId === group);
      return g?.type === 'share' && g.state === 'Stable' && g.members === 2;
    }, 30_000);
  });

  it('describe agrees with ShareGroupCommand --describe --members', async () => {
    const ours = await harness.value<GroupDetail>('groups.describe', { groupId: group });
    const theirs = parseTables(await shareGroupCommand('--describe', '--group', group, '--members'));
    expect(ours).toMatchObject({ type: 'share', protocolType: 'share', assignor: 'simple' });
    expect(ours.groupEpoch).toBeGreaterThan(0);
    expect(ours.members).toHaveLength(theirs.length);
    for (const row of theirs) {
      const member = ours.members.find((m) => m.memberId === row['CONSUMER-ID']);
      expect(member, row['CONSUMER-ID']).toBeDefined();
      expect(member!.clientId).toBe(row['CLIENT-ID']);
      expect(member!.assignment).toEqual(parseCliAssignment(row.ASSIGNMENT!));
    }
  });
});
