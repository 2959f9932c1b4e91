import { describe, expect, it, vi } from 'vitest';
import { GroupsService } from '../../../../main/kafka/groups-service';
import { AppFailure } from '../../../../shared/common/result';
import { fakeKafka } from '../../../support/fake-kafka';

describe('GroupsService routing by type', () => {
  it('reports KIP-848 epochs and marks an assigned partition without a commit as "no offset"', async () => {
    const kafka = fakeKafka();
    const detail = await new GroupsService(kafka).describe('k848');
    expect(kafka.describeClassicGroups).not.toHaveBeenCalled();
    expect(detail).toMatchObject({ type: 'consumer', groupEpoch: 7, assignmentEpoch: 7, assignor: 'uniform', protocol: null });
    expect(detail.members[0]).toMatchObject({ memberEpoch: 6, targetAssignment: [{ topic: 't', partitions: [0] }] });
    expect(detail.offsets).toEqual([
      { topic: 't', partition: 0, committedOffset: 40, logEndOffset: 100, lag: 60, memberId: 'm1' },
      { topic: 't', partition: 1, committedOffset: null, logEndOffset: 100, lag: null, memberId: 'm1' },
    ]);
  });

  it('gives classic groups null KIP-848 fields', async () => {
    const detail = await new GroupsService(fakeKafka()).describe('old');
    expect(detail).toMatchObject({ type: 'classic', groupEpoch: null, assignmentEpoch: null, assignor: null, protocolType: 'consumer', protocol: 'range' });
    expect(detail.members[0]).toMatchObject({ memberEpoch: null, targetAssignment: null });
  });

  it('describes share groups with ShareGroupDescribe: epochs, members and their assignments', async () => {
    const detail = await new GroupsService(fakeKafka()).describe('queue');
    expect(detail).toMatchObject({ type: 'share', groupEpoch: 2, assignor: 'simple', protocolType: 'share' });
    expect(detail.members[0]).toMatchObject({ memberEpoch: 2, assignment: [{ topic: 't', partitions: [0, 1] }], targetAssignment: null });
    expect(detail.offsets.map((o) => [o.partition, o.committedOffset, o.memberId])).toEqual([[0, null, 's1'], [1, null, 's1']]);
  });

  it('answers NOT_FOUND for a group the cluster does not have', async () => {
    await expect(new GroupsService(fakeKafka()).describe('missing')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('answers NOT_FOUND when a listed KIP-848 group has vanished by the time it is described', async () => {
    const service = new GroupsService(fakeKafka({ describeConsumerGroups: async () => new Map() }));
    await expect(service.describe('k848')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('answers "still loading" instead of NOT_FOUND while the coordinator loads the group', async () => {
    const loading = (ids: string[]) => Object.assign(new Map(), { failed: new Map(ids.map((id) => [id, 'COORDINATOR_LOAD_IN_PROGRESS'])) });
    const service = new GroupsService(fakeKafka({ describeConsumerGroups: async (ids) => loading(ids) }));
    await expect(service.describe('k848')).rejects.toMatchObject({ code: 'KAFKA_LOADING' });
    const offsetsLoading = new GroupsService(fakeKafka({ committedOffsets: async (ids) => loading(ids) }));
    await expect(offsetsLoading.describe('old')).rejects.toMatchObject({ code: 'KAFKA_LOADING' });
  });

  it('asks the coordinator about a group ListGroups left out before saying there is none (a broker just started)', async () => {
    const kafka = fakeKafka({
      listGroups: async () => [],
      describeClassicGroups: vi.fn(async (ids: string[]) => Object.assign(new Map(), { failed: new Map(ids.map((id) => [id, 'COORDINATOR_LOAD_IN_PROGRESS'])) })),
    });
    await expect(new GroupsService(kafka).describe('payments')).rejects.toMatchObject({ code: 'KAFKA_LOADING' });
    expect(kafka.describeClassicGroups).toHaveBeenCalledWith(['payments']);
  });

  it('says when the detail was read', async () => {
    const before = Date.now();
    const detail = await new GroupsService(fakeKafka()).describeLive('old');
    expect(detail.freshness.status).toBe('current');
    expect(detail.freshness.asOf).toBeGreaterThanOrEqual(before);
  });

  it('gives a page the last detail, marked overdue, when the coordinator does not answer in time; one read at a time', async () => {
    let hang = false;
    const answer = fakeKafka().describeClassicGroups;
    const describeClassic = vi.fn((ids: string[]) => (hang ? new Promise<never>(() => undefined) : answer(ids)));
    const kafka = fakeKafka({ describeClassicGroups: describeClassic });
    const service = new GroupsService(kafka, undefined, { describeTimeoutMs: 50 });
    const fresh = await service.describeLive('old');
    hang = true;
    const stale = await service.describeLive('old');
    expect(stale).toMatchObject({ groupId: 'old', state: 'Stable', freshness: { asOf: fresh.freshness.asOf, status: 'overdue' } });
    expect(stale.freshness.reason).toMatch(/did not describe group "old" within/);
    await service.describeLive('old');
    expect(describeClassic).toHaveBeenCalledTimes(2);
    // A control action never decides on old data.
    await expect(service.describe('old')).rejects.toMatchObject({ code: 'KAFKA_UNREACHABLE' });
  });

  it('gives a page the last detail, marked failing with the reason, when the cluster answers with an error', async () => {
    let fail = false;
    const answer = fakeKafka().findCoordinators;
    const kafka = fakeKafka({ findCoordinators: async (ids) => { if (fail) throw new AppFailure('KAFKA_UNREACHABLE', 'No broker answered at b1:9092.'); return answer(ids); } });
    const service = new GroupsService(kafka);
    await service.describeLive('k848');
    fail = true;
    expect((await service.describeLive('k848')).freshness).toMatchObject({ status: 'failing', reason: 'No broker answered at b1:9092.' });
    await expect(new GroupsService(kafka).describeLive('k848')).rejects.toMatchObject({ code: 'KAFKA_UNREACHABLE' });
  });

  it('does not keep answering with a group the cluster says is gone', async () => {
    let gone = false;
    const answer = fakeKafka().describeConsumerGroups;
    const kafka = fakeKafka({ describeConsumerGroups: async (ids) => (gone ? new Map() : answer(ids)) });
    const service = new GroupsService(kafka);
    await service.describeLive('k848');
    gone = true;
    await expect(service.describeLive('k848')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('describes an unchanged group identically, and dates old data by the last read that succeeded', async () => {
    let hang = false;
    const answer = fakeKafka().describeClassicGroups;
    const service = new GroupsService(fakeKafka({ describeClassicGroups: (ids) => (hang ? new Promise<never>(() => undefined) : answer(ids)) }), undefined, { describeTimeoutMs: 50 });
    const first = await service.describeLive('old');
    await new Promise((r) => setTimeout(r, 10));
    const before = Date.now();
    const second = await service.describeLive('old');
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
    hang = true;
    const stale = await service.describeLive('old');
    expect(stale.freshness.status).toBe('overdue');
    expect(stale.freshness.asOf).toBeGreaterThanOrEqual(before);
  });

  it('answers an open page within a second with the last detail, marked, while the monitor says the cluster is silent', async () => {
    let hang = false;
    const answer = fakeKafka().describeClassicGroups;
    const kafka = fakeKafka({ describeClassicGroups: (ids) => (hang ? new Promise<never>(() => undefined) : answer(ids)) });
    const monitor = { silentSince: null as number | null, typeOf: () => undefined } as unknown as ConstructorParameters<typeof GroupsService>[1];
    const service = new GroupsService(kafka, monitor, { describeTimeoutMs: 60_000 });
    await service.describeLive('old');
    hang = true;
    (monitor as { silentSince: number | null }).silentSince = Date.now();
    const started = Date.now();
    const stale = await service.describeLive('old');
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(stale.freshness.status).toBe('overdue');
    expect(stale.freshness.reason).toMatch(/within 1 s/);
  });
});
