// The five topic actions and the group-config change against an in-memory cluster: previews change
// nothing, production needs the typed name, every apply writes intent and outcome, and an answer
// lost after (or before) Kafka applied the change is recorded as what reading the cluster back shows.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AuditLog } from '../../../../main/audit/audit-log';
import { alterGroupConfigs } from '../../../../main/kafka/group-configs';
import { KeyedQueue } from '../../../../main/kafka/keyed-queue';
import { ProduceRates } from '../../../../main/topics/produce-rates';
import { alterTopicConfigs, createPartitions, createTopic, deleteRecords, deleteTopic, type TopicActionContext } from '../../../../main/topics/topic-actions';
import { TopicReadersIndex } from '../../../../main/topics/topic-readers';
import { TopicsService, type TopicsContext } from '../../../../main/topics/topics-service';
import { pairActions } from '../../../../shared/audit/audit-actions';
import type { ProfileView } from '../../../../shared/profiles/profiles';
import { fakeAdmin, type FakeAdmin } from '../../../support/fake-admin';
import { fakeKafka } from '../../../support/fake-kafka';

vi.mock('../../../../main/platform/logger', () => ({ createLogger: () => ({ debug() {}, info() {}, warn() {}, error() {} }) }));

const profile = (production: boolean): ProfileView => ({
  id: 'p1', name: production ? 'Payments PROD' : 'local', bootstrapBrokers: ['b1:9092'], color: '#22c55e', production,
  tls: { enabled: false, verifyServerCertificate: true, caCertificate: null }, sasl: { mechanism: 'none', username: '' }, registry: { url: '', username: '' },
  hasPassword: false, hasRegistryPassword: false, fromEnvironment: false,
});

let dir: string;
let audit: AuditLog;
let admin: FakeAdmin;
const changed = vi.fn();

function context(production = false): TopicActionContext {
  const groups = () => fakeKafka();
  const topicsContext: TopicsContext = { admin, groups, readers: new TopicReadersIndex(groups), rates: new ProduceRates(), registry: { versionsOrNone: async () => [] } };
  return { admin, profile: profile(production), audit, queue: new KeyedQueue(), topics: new TopicsService(() => topicsContext), topicsContext, changed };
}
const actions = () => pairActions(audit.read().records).reverse();

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sluice-topic-actions-'));
  audit = new AuditLog(path.join(dir, 'audit.jsonl'));
  admin = fakeAdmin();
  admin.topics.set('t', { internal: false, configs: { 'cleanup.policy': 'compact' }, partitions: [{ leader: 1, replicas: [1], isr: [1], low: 0, high: 100 }, { leader: 1, replicas: [1], isr: [1], low: 10, high: 80 }] });
  admin.topics.set('__consumer_offsets', { internal: true, configs: {}, partitions: [{ leader: 1, replicas: [1], isr: [1], low: 0, high: 5 }] });
  changed.mockClear();
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('previews', () => {
  it('change nothing and record nothing, and show the command', async () => {
    const ctx = context();
    const created = await createTopic(ctx, { name: 'n', partitions: 3, replicationFactor: 1, configs: {}, dryRun: true });
    const added = await createPartitions(ctx, { topic: 't', partitions: 4, dryRun: true });
    const altered = await alterTopicConfigs(ctx, { topic: 't', changes: { set: { 'retention.ms': '1000' }, delete: [] }, dryRun: true });
    const deleted = await deleteRecords(ctx, { topic: 't', partitions: [{ partition: 0, offset: 60 }], dryRun: true });
    const gone = await deleteTopic(ctx, { topic: 't', dryRun: true });
    expect(created).toMatchObject({ applied: false, validation: { ok: true }, command: 'kafka-topics.sh --bootstrap-server b1:9092 --create --topic n --partitions 3 --replication-factor 1' });
    expect(added).toMatchObject({ current: 2, requested: 4, added: 2, blockedReason: null });
    expect(altered.rows).toEqual([expect.objectContaining({ name: 'retention.ms', before: '604800000', after: '1000', change: 'set' })]);
    expect(deleted).toMatchObject({ totals: { recordsDeleted: 60 }, rows: [{ partition: 0, deleteBefore: 60, recordsDeleted: 60 }] });
    // fakeKafka's groups committed 40 and 50 on t-0: both lose records they have not read.
    expect(deleted.skippedReaders.map((s) => [s.groupId, s.unread])).toEqual([['k848', 20], ['old', 10]]);
    expect(gone).toMatchObject({ partitions: 2, records: 170, readers: [expect.objectContaining({ groupId: 'k848', lag: 60 }), expect.objectContaining({ groupId: 'old' }), expect.objectContaining({ groupId: 'queue', type: 'share' })] });
    expect(admin.writes.every((w) => w.validateOnly)).toBe(true);
    expect(admin.topics.has('n')).toBe(false);
    expect(actions()).toEqual([]);
  });

  it('say why an apply would be refused', async () => {
    const ctx = context();
    expect((await createTopic(ctx, { name: 't', partitions: 1, replicationFactor: 1, configs: {}, dryRun: true })).blockedReason).toMatch(/already exists/);
    expect((await createPartitions(ctx, { topic: 't', partitions: 2, dryRun: true })).blockedReason).toMatch(/only adds partitions/);
    expect((await deleteTopic(ctx, { topic: '__consumer_offsets', dryRun: true })).blockedReason).toMatch(/Kafka's own topics/);
    expect((await deleteRecords(ctx, { topic: 't', partitions: [{ partition: 1, offset: 5 }], dryRun: true })).blockedReason).toMatch(/Nothing to delete/);
    expect((await deleteRecords(ctx, { topic: 't', partitions: [{ partition: 1, offset: 81 }], dryRun: true })).blockedReason).toMatch(/beyond its high watermark 80/);
  });
});

describe('applying', () => {
  it('records intent and outcome, with before, after and the command', async () => {
    const result = await createPartitions(context(), { topic: 't', partitions: 3, expectedCurrent: 2, dryRun: false });
    expect(result.applied).toBe(true);
    expect(admin.topics.get('t')!.partitions).toHaveLength(3);
    expect(actions()).toEqual([expect.objectContaining({ action: 'topics.createPartitions', result: 'applied', before: { partitions: 2 }, after: { partitions: 3 }, command: expect.stringContaining('--partitions 3') })]);
    expect(changed).toHaveBeenCalled();
  });

  it('on production, refuses without the typed profile name, before any record or change', async () => {
    await expect(deleteTopic(context(true), { topic: 't', dryRun: false })).rejects.toMatchObject({ code: 'CONFIRMATION_REQUIRED' });
    await expect(deleteTopic(context(true), { topic: 't', dryRun: false, confirmation: 'local' })).rejects.toMatchObject({ code: 'CONFIRMATION_REQUIRED' });
    expect(admin.topics.has('t')).toBe(true);
    expect(actions()).toEqual([]);
    await deleteTopic(context(true), { topic: 't', dryRun: false, confirmation: 'Payments PROD' });
    expect(admin.topics.has('t')).toBe(false);
    expect(actions()).toEqual([expect.objectContaining({ action: 'topics.delete', result: 'applied', profile: { id: 'p1', name: 'Payments PROD', production: true } })]);
  });

  it('refuses an apply whose preview is stale, so a retry does not add partitions twice', async () => {
    await createPartitions(context(), { topic: 't', partitions: 3, expectedCurrent: 2, dryRun: false });
    await expect(createPartitions(context(), { topic: 't', partitions: 4, expectedCurrent: 2, dryRun: false })).rejects.toMatchObject({ code: 'STALE_PREVIEW' });
    await expect(alterTopicConfigs(context(), { topic: 't', changes: { set: { 'cleanup.policy': 'delete' }, delete: [] }, expectedBefore: { 'cleanup.policy': 'delete' }, dryRun: false })).rejects.toMatchObject({ code: 'STALE_PREVIEW' });
    expect(admin.topics.get('t')!.partitions).toHaveLength(3);
  });

  it('a refusal by Kafka is recorded as refused', async () => {
    await expect(createTopic(context(), { name: 't', partitions: 1, replicationFactor: 1, configs: {}, dryRun: false })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(actions()).toEqual([expect.objectContaining({ action: 'topics.create', result: 'refused', error: expect.stringContaining('already exists') })]);
  });
});

describe('a lost answer is read back', () => {
  const cases: Array<[string, (ctx: TopicActionContext) => Promise<unknown>, Parameters<FakeAdmin['loseNextAnswer']>[0]]> = [
    ['topics.create', (ctx) => createTopic(ctx, { name: 'n', partitions: 2, replicationFactor: 1, configs: {}, dryRun: false }), 'createTopic'],
    ['topics.createPartitions', (ctx) => createPartitions(ctx, { topic: 't', partitions: 5, dryRun: false }), 'createPartitions'],
    ['topics.alterConfigs', (ctx) => alterTopicConfigs(ctx, { topic: 't', changes: { set: { 'retention.ms': '1000' }, delete: ['cleanup.policy'] }, dryRun: false }), 'alterConfigs'],
    ['topics.deleteRecords', (ctx) => deleteRecords(ctx, { topic: 't', partitions: [{ partition: 0, offset: 30 }, { partition: 1, offset: -1 }], dryRun: false }), 'deleteRecords'],
    ['topics.delete', (ctx) => deleteTopic(ctx, { topic: 't', dryRun: false }), 'deleteTopic'],
  ];

  it.each(cases)('%s: applied before the answer was lost → answered and recorded as applied', async (action, run, write) => {
    admin.loseNextAnswer(write, true);
    await expect(run(context())).resolves.toMatchObject({ applied: true });
    expect(actions()).toEqual([expect.objectContaining({ action, result: 'applied', note: expect.stringContaining('answer was lost'), readBack: expect.anything() })]);
  });

  it.each(cases)('%s: lost before it was applied → answered as an error and recorded as failed', async (action, run, write) => {
    admin.loseNextAnswer(write, false);
    await expect(run(context())).rejects.toMatchObject({ code: 'KAFKA_UNREACHABLE' });
    expect(actions()).toEqual([expect.objectContaining({ action, result: 'failed', note: expect.stringContaining('unchanged') })]);
  });
});

describe('group configs', () => {
  it('are changed through the same preview, record and read-back', async () => {
    const ctx = { admin, profile: profile(false), audit, queue: new KeyedQueue() };
    const preview = await alterGroupConfigs(ctx, { groupId: 'g', changes: { set: { 'consumer.session.timeout.ms': '30000' }, delete: [] }, dryRun: true });
    expect(preview).toMatchObject({ applied: false, command: 'kafka-configs.sh --bootstrap-server b1:9092 --entity-type groups --entity-name g --alter --add-config consumer.session.timeout.ms=30000' });
    expect(preview.rows).toEqual([expect.objectContaining({ before: '45000', beforeSource: 'default', after: '30000' })]);
    admin.loseNextAnswer('alterConfigs', true);
    await alterGroupConfigs(ctx, { groupId: 'g', changes: { set: { 'consumer.session.timeout.ms': '30000' }, delete: [] }, expectedBefore: { 'consumer.session.timeout.ms': null }, dryRun: false });
    expect(admin.groupConfigs.get('g')).toEqual({ 'consumer.session.timeout.ms': '30000' });
    expect(actions()).toEqual([expect.objectContaining({ action: 'groups.alterConfigs', target: { group: 'g' }, result: 'applied', before: { 'consumer.session.timeout.ms': '45000' }, after: { 'consumer.session.timeout.ms': '30000' } })]);
  });
});
