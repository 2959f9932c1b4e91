// Streams groups (KIP-1071, on by default in Kafka 4.2): a real Kafka Streams app on the streams
// protocol, described by Sluice as Kafka's own StreamsGroupCommand describes it.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GroupDetail, GroupSummary } from '../../shared/kafka/groups';
import { runClients, type RunningClients } from '../../sandbox/sandbox-clients';
import { kafkaClasspath, paths } from '../../sandbox/paths';
import { testBrokers, uniqueSuffix } from '../support/brokers';
import { eventually, startHarness, type Harness } from '../support/bridge-harness';
import { deleteTestArtifacts, parseTables } from '../support/kafka-cli';

const run = promisify(execFile);
const id = uniqueSuffix();
const source = `it-streams-in-${id}`;
const sink = `it-streams-out-${id}`;
const app = `it-streams-app-${id}`;
let harness: Harness;
let clients: RunningClients;

const streamsGroupCommand = async (...args: string[]) => (await run('java', [
  `-Dlog4j2.configurationFile=${paths.toolsLog4j}`, '-cp', kafkaClasspath(),
  'org.apache.kafka.tools.streams.StreamsGroupCommand', '--bootstrap-server', testBrokers, ...args,
])).stdout;

beforeAll(async () => {
  harness = await startHarness(testBrokers);
  clients = await runClients(`topic name=${source} partitions=3\ntopic name=${sink} partitions=3\nproduceOnce topic=${source} count=30\nstreamsApp id=${app} source=${source} sink=${sink}`, { brokers: testBrokers });
  await eventually('the streams group to be stable with its tasks assigned', async () => {
    const g = await harness.value<GroupDetail>('groups.describe', { groupId: app });
    return g.state === 'Stable' && g.members.length > 0 && g.members.every((m) => m.assignment.length > 0);
  }, 120_000, 2_000);
}, 180_000);

afterAll(async () => {
  await clients?.stop();
  await harness?.close();
  // Streams groups are deleted with their own command, once the app has left (best effort).
  await eventually('the streams group to be deleted', () => streamsGroupCommand('--delete', '--group', app).then(() => true, () => false), 30_000, 2_000).catch(() => undefined);
  await deleteTestArtifacts([], [source, sink]);
});

describe('streams groups', () => {
  it('are listed with type streams, their state and member count', async () => {
    await eventually('the sweep to include the group', async () => {
      const { groups } = await harness.value<{ groups: GroupSummary[] }>('groups.list');
      const g = groups.find((x) => x.groupId === app);
      return g?.type === 'streams' && g.state === 'Stable' && (g.members ?? 0) > 0;
    }, 30_000);
  });

  it('describe agrees with StreamsGroupCommand --describe --members --verbose', async () => {
    const ours = await harness.value<GroupDetail>('groups.describe', { groupId: app });
    const output = await streamsGroupCommand('--describe', '--group', app, '--members', '--verbose');
    const theirs = parseTables(output);
    expect(ours).toMatchObject({ type: 'streams', protocolType: 'streams' });
    expect(ours.members).toHaveLength(theirs.length);
    expect(String(ours.assignmentEpoch)).toBe(theirs[0]!['TARGET-ASSIGNMENT-EPOCH']);
    for (const row of theirs) {
      const member = ours.members.find((m) => m.memberId === row.MEMBER);
      expect(member, row.MEMBER).toBeDefined();
      expect(String(member!.memberEpoch)).toBe(row['MEMBER-EPOCH']);
      expect(member!.clientId).toBe(row['CLIENT-ID']);
      // "ACTIVE: 0:[0,1,2];" — subtopology 0 reads the source topic, so its tasks are these partitions.
      const line = output.split('\n').find((l) => l.includes(row.MEMBER!))!;
      const active = /ACTIVE: 0:\[([\d,]*)\]/.exec(line)![1]!.split(',').filter(Boolean).map(Number).sort((a, b) => a - b);
      expect(member!.assignment).toEqual([{ topic: source, partitions: active }]);
    }
  });
});
