// The demo's poison pill, on a topic of the test's own: a KIP-848 consumer that cannot process one
// card payment (currency XXX) commits up to it and retries it for ever. Sluice's groups.health
// must call that partition STALL (lag > 0, committed offset not moving, the member alive) while
// the group's other partitions keep flowing, and the committed offset must be the bad record's.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GroupDetail, GroupSummary } from '../../shared/kafka/groups';
import type { ResetResult } from '../../shared/kafka/offset-reset';
import type { GroupHealth } from '../../shared/kafka/monitoring';
import { paths } from '../../sandbox/paths';
import { runClients, type RunningClients } from '../../sandbox/sandbox-clients';
import { testBrokers, uniqueSuffix } from '../support/brokers';
import { eventually, startHarness, type Harness } from '../support/bridge-harness';
import { deleteSubjects, readRawRecords, wireHeader } from '../support/encoded-records';
import { deleteTestArtifacts } from '../support/kafka-cli';

const id = uniqueSuffix();
const topic = `it-poison-${id}`;
const subject = `${topic}-value`;
const group = `it-poison-poster-${id}`;
const schema = path.join(paths.demoSchemas, 'card-payment-events.v1.avsc');
// How the demo's operator stops one group's consumers (npm run sandbox -- pause <group>).
const pausedGroupsFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sluice-paused-')), 'paused-groups');
let harness: Harness;
let clients: RunningClients;

beforeAll(async () => {
  harness = await startHarness(testBrokers);
  // 30 records up front, the 5th a poison pill: record n goes to partition n % 3, so the pill is
  // partition 1's second record (offset 1). Then steady traffic, and the demo's stuck poster.
  clients = await runClients([
    `topic name=${topic} partitions=3`,
    `produceEncoded topic=${topic} subject=${subject} format=avro schema=${schema} generator=card-payments count=30 poisonAt=4`,
    `produceEncoded topic=${topic} subject=${subject} format=avro schema=${schema} generator=card-payments rate=3`,
    `group id=${group} protocol=consumer topic=${topic} members=1 rejectWhere=crncyCd:XXX retryBackoffMs=500`,
  ].join('\n'), { brokers: testBrokers, pausedGroupsFile });
}, 180_000);

afterAll(async () => {
  await clients?.stop();
  await harness?.close();
  await deleteTestArtifacts([group], [topic]);
  await deleteSubjects([subject]);
});

describe('a consumer group stuck on a poison pill', () => {
  it('the record it is stuck on is the pill: a valid card payment in currency XXX', async () => {
    const records = await readRawRecords(topic, 30);
    const pill = records.find((r) => r.partition === 1 && r.offset === 1n)!;
    expect(wireHeader(pill.value)?.magic).toBe(0);
    expect(pill.value!.includes(Buffer.from('XXX'))).toBe(true);
    expect(records.filter((r) => r.value!.includes(Buffer.from('XXX')))).toHaveLength(1);
    expect(Object.keys(pill.headers)).toEqual(['idempotency-key', 'event-type', 'producer']);
  });

  it('STALLs on its partition with the member alive, while the other partitions flow', async () => {
    const health = await eventually('partition 1 to STALL', async () => {
      const h = await harness.value<GroupHealth>('groups.health', { groupId: group });
      return h.partitions.find((p) => p.partition === 1)?.status === 'STALL' ? h : null;
    }, 120_000, 2_000);
    const stuck = health.partitions.find((p) => p.topic === topic && p.partition === 1)!;
    expect(stuck.committedOffset).toBe(1);
    expect(stuck.lag).toBeGreaterThan(0);
    expect(stuck.rule).toMatch(/members still in the group/);
    expect(health.status).toBe('ERR');
    for (const other of health.partitions.filter((p) => p.partition !== 1)) {
      expect(other.status, `partition ${other.partition}: ${other.rule}`).not.toBe('STALL');
      expect(other.committedOffset).toBeGreaterThan(5);
    }
    const detail = await harness.value<GroupDetail>('groups.describe', { groupId: group });
    expect(detail.members).toHaveLength(1);
    // Still stuck later: the committed offset does not move however long the member retries.
    const later = await eventually('another observation of partition 1', async () => {
      const h = await harness.value<GroupHealth>('groups.health', { groupId: group });
      const p = h.partitions.find((x) => x.partition === 1)!;
      return p.window.reduce((n, w) => n + w.count, 0) > stuck.window.reduce((n, w) => n + w.count, 0) ? p : null;
    }, 30_000, 1_000);
    expect(later).toMatchObject({ status: 'STALL', committedOffset: 1 });
  });

  it('paused, its members leave; skipping the pill with a reset to offset + 1 lets it go on once resumed', async () => {
    fs.writeFileSync(pausedGroupsFile, `${group}\n`);
    await eventually('the group to be Empty', async () => {
      const { groups } = await harness.value<{ groups: GroupSummary[] }>('groups.list');
      return groups.find((g) => g.groupId === group)?.state === 'Empty';
    }, 60_000);
    const skip = { groupId: group, partitions: [{ topic, partition: 1 }], to: { kind: 'offset', value: 2 } };
    const preview = await harness.value<ResetResult>('groups.resetOffsets', { ...skip, dryRun: true });
    expect(preview.partitions).toEqual([expect.objectContaining({ partition: 1, currentOffset: 1, newOffset: 2, skipped: 1 })]);
    const expectedCurrent = preview.partitions.map((p) => ({ topic: p.topic, partition: p.partition, offset: p.currentOffset }));
    await harness.value<ResetResult>('groups.resetOffsets', { ...skip, dryRun: false, expectedCurrent });
    fs.writeFileSync(pausedGroupsFile, '');
    await eventually('partition 1 to move past the pill', async () => {
      const detail = await harness.value<GroupDetail>('groups.describe', { groupId: group });
      const committed = detail.offsets.find((o) => o.topic === topic && o.partition === 1)?.committedOffset ?? 0;
      return detail.members.length === 1 && committed > 2;
    }, 90_000);
  });
});
