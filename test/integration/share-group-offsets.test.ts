// The DescribeShareGroupOffsets codec Sluice adds to @platformatic/kafka (API 90, v1 with Lag),
// against the real broker and Kafka's own ShareGroupCommand; and a share group on the topic page
// with its share-partition lag on that topic.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlatformaticAdmin } from '../../main/kafka-admin/platformatic-admin';
import type { GroupDetail } from '../../shared/kafka/groups';
import type { TopicDetail } from '../../shared/topics/topics';
import { runClients, type RunningClients } from '../../sandbox/sandbox-clients';
import { kafkaClasspath, paths } from '../../sandbox/paths';
import { testBrokers, uniqueSuffix } from '../support/brokers';
import { eventually, startHarness, type Harness } from '../support/bridge-harness';
import { deleteTestArtifacts, parseTables } from '../support/kafka-cli';

const run = promisify(execFile);
const id = uniqueSuffix();
const topic = `it-share-offsets-${id}`;
const group = `it-share-offsets-group-${id}`;
let harness: Harness;
let clients: RunningClients;
let admin: PlatformaticAdmin;

const shareGroupOffsets = async () => parseTables((await run('java', [
  `-Dlog4j2.configurationFile=${paths.toolsLog4j}`, '-cp', kafkaClasspath(),
  'org.apache.kafka.tools.consumer.group.ShareGroupCommand', '--bootstrap-server', testBrokers, '--describe', '--group', group,
])).stdout).filter((r) => r.TOPIC === topic);

beforeAll(async () => {
  harness = await startHarness(testBrokers);
  admin = new PlatformaticAdmin({ bootstrapBrokers: testBrokers.split(','), tls: { enabled: false, verifyServerCertificate: true, caCertificate: null }, sasl: { mechanism: 'none', username: '', password: null } });
  await (await runClients(`topic name=${topic} partitions=2\nproduceOnce topic=${topic} count=40`, { brokers: testBrokers })).stop();
  // A share group starts at the log end unless told otherwise: read what is there, set through Sluice's own group configs.
  await harness.value('groups.alterConfigs', { groupId: group, changes: { set: { 'share.auto.offset.reset': 'earliest' }, delete: [] }, dryRun: false });
  clients = await runClients(`shareGroup id=${group} topic=${topic} members=1`, { brokers: testBrokers });
  await eventually('the share group to be stable', async () => (await harness.value<GroupDetail>('groups.describe', { groupId: group })).state === 'Stable', 90_000);
  // The members acknowledge what they read: wait until Kafka's own tool shows a start offset on both partitions.
  await eventually('share-partition state on both partitions', async () => (await shareGroupOffsets()).filter((r) => r['START-OFFSET'] && r['START-OFFSET'] !== '-').length === 2, 90_000, 2_000);
}, 240_000);

afterAll(async () => {
  await clients?.stop();
  await admin?.close();
  // Kafka keeps a group's configs after the group is gone.
  await harness?.value('groups.alterConfigs', { groupId: group, changes: { set: {}, delete: ['share.auto.offset.reset'] }, dryRun: false }).catch(() => undefined);
  await harness?.close();
  await deleteTestArtifacts([group], [topic]);
});

describe('share-group offsets', () => {
  it('are read as ShareGroupCommand --describe shows them: start offset and lag per partition', async () => {
    const cli = await shareGroupOffsets();
    const ours = await admin.shareGroupOffsets(group, [topic]);
    expect(ours.map((o) => [o.partition, o.startOffset, o.lag]).sort()).toEqual(
      cli.map((r) => [Number(r.PARTITION), Number(r['START-OFFSET']), r.LAG === undefined || r.LAG === '-' ? null : Number(r.LAG)]).sort(),
    );
  });

  it('the topic page lists the share group with its share-partition lag on this topic', async () => {
    const cliLag = (await shareGroupOffsets()).reduce((n, r) => n + (Number(r.LAG) || 0), 0);
    const reader = await eventually('the share group among the readers', async () => (await harness.value<TopicDetail>('topics.describe', { topic })).readers.find((r) => r.groupId === group), 45_000);
    expect(reader).toMatchObject({ type: 'share', partitions: 2, lagSource: 'share-partition', lag: cliLag });
  });
});
