import { describe, expect, it } from 'vitest';
import { GroupsService } from '../../../../main/kafka/groups-service';
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
});
