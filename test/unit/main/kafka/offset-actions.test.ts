// Offset resets through the audited path: what is recorded when the broker's answer is lost, and
// the apply guard that makes a retry of a relative reset harmless.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AuditLog } from '../../../../main/audit/audit-log';
import { GroupsService } from '../../../../main/kafka/groups-service';
import { KeyedQueue } from '../../../../main/kafka/keyed-queue';
import { resetOffsets, type ActionContext } from '../../../../main/kafka/offset-actions';
import type { KafkaPort, OffsetSpec, PartitionRef } from '../../../../main/kafka/kafka-port';
import { AppFailure } from '../../../../shared/common/result';
import type { ProfileView } from '../../../../shared/profiles/profiles';
import { fakeKafka } from '../../../support/fake-kafka';
import { partitionKey } from '../../../../shared/kafka/groups';

vi.mock('../../../../main/platform/logger', () => ({ createLogger: () => ({ debug() {}, info() {}, warn() {}, error() {} }) }));

const profile: ProfileView = {
  id: 'p', name: 'Payments', bootstrapBrokers: ['b1:9092'], color: '#000000', production: false,
  tls: { enabled: false, verifyServerCertificate: true, caCertificate: null }, sasl: { mechanism: 'none', username: '' },
  registry: { url: '', username: '' }, hasPassword: false, hasRegistryPassword: false, fromEnvironment: false,
};

/** An empty classic group "idle" committed at 50 and 70 on t-0 and t-1; its offsets can be altered. */
function cluster(alter: (offsets: Map<string, number>) => Promise<void>) {
  const committed = new Map([['t:0', 50], ['t:1', 70]]);
  const kafka: KafkaPort = fakeKafka({
    listGroups: vi.fn(async () => [{ groupId: 'idle', type: 'classic' as const, state: 'Empty', protocolType: 'consumer' }]),
    describeClassicGroups: vi.fn(async () => new Map([['idle', { groupId: 'idle', state: 'Empty', protocolType: 'consumer', protocol: '', members: [] }]])),
    committedOffsets: vi.fn(async () => new Map([['idle', [...committed].map(([k, offset]) => ({ topic: 't', partition: Number(k.split(':')[1]), offset }))]])),
    listOffsets: vi.fn(async (parts: PartitionRef[], spec: OffsetSpec) => new Map(parts.map((p) => [partitionKey(p.topic, p.partition), spec === 'earliest' ? 0 : 100]))),
    alterOffsets: vi.fn(async (_group: string, offsets: Array<PartitionRef & { offset: number }>) => {
      await alter(new Map(offsets.map((o) => [`${o.topic}:${o.partition}`, o.offset])));
    }),
  });
  return { kafka, committed };
}

let dir: string;
beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sluice-reset-')); });
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function context(kafka: KafkaPort): ActionContext & { audit: AuditLog } {
  return { kafka, groups: new GroupsService(kafka), profile, audit: new AuditLog(path.join(dir, 'audit.jsonl')), queue: new KeyedQueue(), changed: () => undefined };
}

const expectedCurrent = [{ topic: 't', partition: 0, offset: 50 }, { topic: 't', partition: 1, offset: 70 }];
const lostAnswer = () => new AppFailure('KAFKA_UNREACHABLE', 'The connection to the broker closed before it answered.');

describe('resetOffsets on the audited path', () => {
  it('refuses an apply without the offsets its preview showed', async () => {
    const { kafka } = cluster(async () => undefined);
    await expect(resetOffsets(context(kafka), { groupId: 'idle', to: { kind: 'shiftBy', value: -1 }, dryRun: false })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(kafka.alterOffsets).not.toHaveBeenCalled();
  });

  it('answers applied, and records it so, when the broker applied it but the answer was lost', async () => {
    const { kafka, committed } = cluster(async (offsets) => {
      for (const [k, v] of offsets) committed.set(k, v);
      throw lostAnswer();
    });
    const ctx = context(kafka);
    const result = await resetOffsets(ctx, { groupId: 'idle', to: { kind: 'shiftBy', value: -1 }, dryRun: false, expectedCurrent });
    expect(result.applied).toBe(true);
    expect(committed).toEqual(new Map([['t:0', 49], ['t:1', 69]]));
    expect(ctx.audit.read().records.at(-1)).toMatchObject({ phase: 'outcome', result: 'applied', note: expect.stringContaining('answer was lost') });
  });

  it('records failed, and keeps the error, when the broker never applied it', async () => {
    const { kafka } = cluster(async () => { throw lostAnswer(); });
    const ctx = context(kafka);
    await expect(resetOffsets(ctx, { groupId: 'idle', to: { kind: 'shiftBy', value: -1 }, dryRun: false, expectedCurrent })).rejects.toMatchObject({ code: 'KAFKA_UNREACHABLE' });
    expect(ctx.audit.read().records.at(-1)).toMatchObject({ result: 'failed', note: expect.stringContaining('unchanged') });
  });

  it('records unknown when only some partitions moved', async () => {
    const { kafka, committed } = cluster(async (offsets) => {
      committed.set('t:0', offsets.get('t:0')!);
      throw lostAnswer();
    });
    const ctx = context(kafka);
    await expect(resetOffsets(ctx, { groupId: 'idle', to: { kind: 'shiftBy', value: -1 }, dryRun: false, expectedCurrent })).rejects.toMatchObject({ code: 'OUTCOME_UNKNOWN' });
    expect(ctx.audit.read().records.at(-1)).toMatchObject({ result: 'unknown' });
  });

  it('moves the offset once under 200 concurrent applies of the same preview', async () => {
    const { kafka, committed } = cluster(async (offsets) => { for (const [k, v] of offsets) committed.set(k, v); });
    const ctx = context(kafka);
    const outcomes = await Promise.allSettled(Array.from({ length: 200 }, () => resetOffsets(ctx, { groupId: 'idle', to: { kind: 'shiftBy', value: -1 }, dryRun: false, expectedCurrent })));
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    expect(outcomes.filter((o) => o.status === 'rejected').every((o) => (o as PromiseRejectedResult).reason.code === 'STALE_PREVIEW')).toBe(true);
    expect(committed).toEqual(new Map([['t:0', 49], ['t:1', 69]]));
  });
});
