// Every topic action and the group-config change, applied on the real broker through the bridge:
// the preview changes nothing, the apply does what Kafka's own tools then show, and the audit log
// has its intent and its outcome.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlterConfigsResult } from '../../shared/kafka/configs';
import type { CreatePartitionsResult, DeleteRecordsResult, DeleteTopicResult } from '../../shared/topics/topic-actions';
import { runClients } from '../../sandbox/sandbox-clients';
import { auditActions } from '../support/audit';
import { testBrokers, uniqueSuffix } from '../support/brokers';
import { startHarness, type Harness } from '../support/bridge-harness';
import { deleteTestArtifacts } from '../support/kafka-cli';
import { kafkaTool, parseConfigsDescribe, parseOffsets, parseTopicsDescribe } from '../support/kafka-tools';

const id = uniqueSuffix();
const topic = `it-actions-${id}`;
const group = `it-actions-group-${id}`;
let harness: Harness;

const cliTopic = async () => parseTopicsDescribe(await kafkaTool('topics', '--describe', '--topic', topic))[0];
const listed = async () => (await kafkaTool('topics', '--list')).split('\n').includes(topic);
const auditOf = (action: string) => auditActions(harness.dataDir).filter((a) => a.action === action);

beforeAll(async () => { harness = await startHarness(testBrokers); }, 60_000);
afterAll(async () => {
  await harness?.close();
  await deleteTestArtifacts([], [topic]);
  await kafkaTool('configs', '--alter', '--entity-type', 'groups', '--entity-name', group, '--delete-config', 'consumer.session.timeout.ms').catch(() => undefined);
});

describe('topic actions on the real broker', () => {
  it('creates a topic: previewed (nothing created), applied, audited', async () => {
    const input = { name: topic, partitions: 2, replicationFactor: 1, configs: { 'retention.ms': '3600000' } };
    const preview = await harness.value<{ validation: { ok: boolean }; command: string }>('topics.create', { ...input, dryRun: true });
    expect(preview.validation.ok).toBe(true);
    expect(preview.command).toBe(`kafka-topics.sh --bootstrap-server ${testBrokers} --create --topic ${topic} --partitions 2 --replication-factor 1 --config retention.ms=3600000`);
    expect(await listed()).toBe(false);
    await harness.value('topics.create', { ...input, dryRun: false });
    const cli = await cliTopic();
    expect(cli).toMatchObject({ partitionCount: 2, configs: expect.objectContaining({ 'retention.ms': '3600000' }) });
    expect(auditOf('topics.create')).toEqual([expect.objectContaining({ result: 'applied', target: { topic }, command: preview.command })]);
  }, 60_000);

  it('refuses to create it again, and records the refusal', async () => {
    const preview = await harness.value<{ blockedReason: string | null }>('topics.create', { name: topic, partitions: 1, replicationFactor: 1, dryRun: true });
    expect(preview.blockedReason).toMatch(/already exists/);
    const answer = await harness.rpc('topics.create', { name: topic, partitions: 1, replicationFactor: 1, dryRun: false });
    expect(answer.body.error).toMatchObject({ code: 'CONFLICT' });
    expect(auditOf('topics.create').map((a) => a.result)).toEqual(['applied', 'refused']);
  });

  it('adds partitions', async () => {
    const preview = await harness.value<CreatePartitionsResult>('topics.createPartitions', { topic, partitions: 4, dryRun: true });
    expect(preview).toMatchObject({ current: 2, added: 2, blockedReason: null, command: expect.stringContaining('--alter --topic') });
    expect((await cliTopic())!.partitionCount).toBe(2);
    await harness.value('topics.createPartitions', { topic, partitions: 4, expectedCurrent: preview.current, dryRun: false });
    expect((await cliTopic())!.partitionCount).toBe(4);
    expect(auditOf('topics.createPartitions')).toEqual([expect.objectContaining({ result: 'applied', before: { partitions: 2 }, after: { partitions: 4 } })]);
  }, 60_000);

  it('changes configs, with the diff of old and new in the record', async () => {
    const changes = { set: { 'cleanup.policy': 'compact,delete', 'max.message.bytes': '2000000' }, delete: ['retention.ms'] };
    const preview = await harness.value<AlterConfigsResult>('topics.alterConfigs', { topic, changes, dryRun: true });
    expect(preview.rows.map((r) => [r.name, r.before, r.after, r.change])).toEqual([
      ['cleanup.policy', 'delete', 'compact,delete', 'set'], ['max.message.bytes', '1048588', '2000000', 'set'], ['retention.ms', '3600000', null, 'delete'],
    ]);
    const expectedBefore = { 'cleanup.policy': null, 'max.message.bytes': null, 'retention.ms': '3600000' };
    await harness.value('topics.alterConfigs', { topic, changes, expectedBefore, dryRun: false });
    const cli = new Map(parseConfigsDescribe(await kafkaTool('configs', '--describe', '--all', '--entity-type', 'topics', '--entity-name', topic)).map((c) => [c.name, c]));
    expect(cli.get('cleanup.policy')).toMatchObject({ value: 'compact,delete', source: 'DYNAMIC_TOPIC_CONFIG' });
    expect(cli.get('max.message.bytes')).toMatchObject({ value: '2000000', source: 'DYNAMIC_TOPIC_CONFIG' });
    expect(cli.get('retention.ms')!.source).not.toBe('DYNAMIC_TOPIC_CONFIG');
    expect(auditOf('topics.alterConfigs')).toEqual([expect.objectContaining({
      result: 'applied', before: { 'cleanup.policy': 'delete', 'max.message.bytes': '1048588', 'retention.ms': '3600000' }, after: { 'cleanup.policy': 'compact,delete', 'max.message.bytes': '2000000', 'retention.ms': null },
    })]);
  }, 60_000);

  it('deletes records before an offset, saying first what goes', async () => {
    // Compaction would not touch an active segment, but keep the policy plain for delete-records.
    await harness.value('topics.alterConfigs', { topic, changes: { set: { 'cleanup.policy': 'delete' }, delete: [] }, dryRun: false });
    await (await runClients(`produceOnce topic=${topic} count=400`, { brokers: testBrokers })).stop();
    const high = parseOffsets(await kafkaTool('offsets', '--topic', topic, '--time', '-1'));
    const p0 = high.get(0)!;
    expect(p0).toBeGreaterThan(10);
    const request = { topic, partitions: [{ partition: 0, offset: 10 }, { partition: 1, offset: -1 }] };
    const preview = await harness.value<DeleteRecordsResult>('topics.deleteRecords', { ...request, dryRun: true });
    expect(preview.rows).toEqual([
      { partition: 0, lowWatermark: 0, highWatermark: p0, deleteBefore: 10, recordsDeleted: 10 },
      { partition: 1, lowWatermark: 0, highWatermark: high.get(1), deleteBefore: high.get(1), recordsDeleted: high.get(1) },
    ]);
    expect(parseOffsets(await kafkaTool('offsets', '--topic', topic, '--time', '-2')).get(0)).toBe(0);
    const applied = await harness.value<DeleteRecordsResult>('topics.deleteRecords', { ...request, dryRun: false });
    expect(applied.lowWatermarks).toEqual([{ partition: 0, lowWatermark: 10 }, { partition: 1, lowWatermark: high.get(1) }]);
    const low = parseOffsets(await kafkaTool('offsets', '--topic', topic, '--time', '-2'));
    expect([low.get(0), low.get(1)]).toEqual([10, high.get(1)]);
    expect(auditOf('topics.deleteRecords')).toEqual([expect.objectContaining({ result: 'applied', before: [{ partition: 0, lowWatermark: 0 }, { partition: 1, lowWatermark: 0 }] })]);
  }, 120_000);

  it('deletes the topic, saying first what goes', async () => {
    const preview = await harness.value<DeleteTopicResult>('topics.delete', { topic, dryRun: true });
    expect(preview).toMatchObject({ partitions: 4, blockedReason: null, command: `kafka-topics.sh --bootstrap-server ${testBrokers} --delete --topic ${topic}` });
    expect(preview.records).toBeGreaterThan(0);
    expect(await listed()).toBe(true);
    await harness.value('topics.delete', { topic, dryRun: false });
    expect(await listed()).toBe(false);
    expect(auditOf('topics.delete')).toEqual([expect.objectContaining({ result: 'applied', before: expect.objectContaining({ partitions: 4 }) })]);
    expect((await harness.rpc('topics.describe', { topic })).body.error).toMatchObject({ code: 'NOT_FOUND' });
  }, 60_000);
});

describe('group configs on the real broker', () => {
  it('are changed and changed back, each audited, as kafka-configs shows', async () => {
    const set = { groupId: group, changes: { set: { 'consumer.session.timeout.ms': '30000' }, delete: [] } };
    const preview = await harness.value<AlterConfigsResult>('groups.alterConfigs', { ...set, dryRun: true });
    expect(preview).toMatchObject({ validation: { ok: true }, command: `kafka-configs.sh --bootstrap-server ${testBrokers} --entity-type groups --entity-name ${group} --alter --add-config consumer.session.timeout.ms=30000` });
    await harness.value('groups.alterConfigs', { ...set, expectedBefore: { 'consumer.session.timeout.ms': null }, dryRun: false });
    const cli = () => kafkaTool('configs', '--describe', '--all', '--entity-type', 'groups', '--entity-name', group).then(parseConfigsDescribe);
    expect((await cli()).find((c) => c.name === 'consumer.session.timeout.ms')).toMatchObject({ value: '30000', source: 'DYNAMIC_GROUP_CONFIG' });
    // A value outside the broker's bounds is refused by Kafka in the preview (validateOnly).
    const tooLow = await harness.value<AlterConfigsResult>('groups.alterConfigs', { groupId: group, changes: { set: { 'consumer.session.timeout.ms': '1' }, delete: [] }, dryRun: true });
    expect(tooLow.validation.ok).toBe(false);
    expect(tooLow.blockedReason).toMatch(/consumer.session.timeout.ms/);
    await harness.value('groups.alterConfigs', { groupId: group, changes: { set: {}, delete: ['consumer.session.timeout.ms'] }, dryRun: false });
    expect((await cli()).find((c) => c.name === 'consumer.session.timeout.ms')).toMatchObject({ source: 'DEFAULT_CONFIG' });
    expect(auditOf('groups.alterConfigs').map((a) => [a.result, a.after])).toEqual([
      ['applied', { 'consumer.session.timeout.ms': '30000' }], ['applied', { 'consumer.session.timeout.ms': null }],
    ]);
  }, 90_000);
});
