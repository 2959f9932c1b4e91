// A KIP-848 group with a member that still speaks the classic protocol (Kafka's online migration,
// group.consumer.migration.policy=bidirectional by default) is shown as such: ConsumerGroupDescribe
// v1 says which protocol each member uses.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GroupDetail } from '../../shared/kafka/groups';
import { runClients, type RunningClients } from '../../sandbox/sandbox-clients';
import { testBrokers, uniqueSuffix } from '../support/brokers';
import { eventually, startHarness, type Harness } from '../support/bridge-harness';
import { deleteTestArtifacts } from '../support/kafka-cli';

const id = uniqueSuffix();
const topic = `it-migrate-${id}`;
const group = `it-migrate-group-${id}`;
let harness: Harness;
let consumerMember: RunningClients;
let classicMember: RunningClients;

beforeAll(async () => {
  harness = await startHarness(testBrokers);
  consumerMember = await runClients(`topic name=${topic} partitions=4\nproduceOnce topic=${topic} count=40\ngroup id=${group} protocol=consumer topic=${topic} members=1`, { brokers: testBrokers });
  classicMember = await runClients(`group id=${group} protocol=classic topic=${topic} members=1`, { brokers: testBrokers });
}, 180_000);

afterAll(async () => {
  await classicMember?.stop();
  await consumerMember?.stop();
  await harness?.close();
  await deleteTestArtifacts([group], [topic]);
});

describe('protocol migration', () => {
  it('marks the classic-protocol member inside the KIP-848 group', async () => {
    const detail = await eventually('both members to be in the group', async () => {
      const g = await harness.value<GroupDetail>('groups.describe', { groupId: group });
      return g.members.length === 2 ? g : undefined;
    }, 60_000);
    expect(detail.type).toBe('consumer');
    expect(detail.members.map((m) => m.protocol).sort()).toEqual(['classic', 'consumer']);
  });
});
