// An in-memory KafkaPort for unit tests of the services (the integration tests use the real one).
import { vi } from 'vitest';
import type { KafkaPort } from '../../main/kafka/kafka-port';

export function fakeKafka(overrides: Partial<KafkaPort> = {}): KafkaPort {
  const coordinator = { nodeId: 1, host: 'b1', port: 9092 };
  return {
    describeCluster: vi.fn(async () => ({ clusterId: 'c', controllerId: 1, brokers: [{ nodeId: 1, host: 'b1', port: 9092, rack: null }] })),
    listTopics: vi.fn(async () => [{ name: 't', partitions: [{ partition: 0, leader: 1 }, { partition: 1, leader: 1 }] }]),
    listGroups: vi.fn(async () => [
      { groupId: 'k848', type: 'consumer' as const, state: 'Stable', protocolType: 'consumer' },
      { groupId: 'old', type: 'classic' as const, state: 'Stable', protocolType: 'consumer' },
      { groupId: 'queue', type: 'share' as const, state: 'Stable', protocolType: 'share' },
    ]),
    findCoordinators: vi.fn(async (ids: string[]) => new Map(ids.map((id) => [id, coordinator]))),
    describeConsumerGroups: vi.fn(async (ids: string[]) => new Map(ids.filter((id) => id === 'k848').map((id) => [id, {
      groupId: id, state: 'Reconciling', groupEpoch: 7, assignmentEpoch: 7, assignor: 'uniform',
      members: [{
        memberId: 'm1', instanceId: null, rack: null, memberEpoch: 6, clientId: 'c1', clientHost: '/h',
        subscribedTopicNames: ['t'], subscribedTopicRegex: null,
        assignment: [{ topic: 't', partitions: [0, 1] }], targetAssignment: [{ topic: 't', partitions: [0] }],
      }],
    }]))),
    describeShareGroups: vi.fn(async (ids: string[]) => new Map(ids.filter((id) => id === 'queue').map((id) => [id, {
      groupId: id, state: 'Stable', groupEpoch: 2, assignmentEpoch: 2, assignor: 'simple',
      members: [{ memberId: 's1', rack: null, memberEpoch: 2, clientId: 'q', clientHost: '/h', subscribedTopicNames: ['t'], assignment: [{ topic: 't', partitions: [0, 1] }] }],
    }]))),
    describeStreamsGroups: vi.fn(async () => new Map()),
    describeClassicGroups: vi.fn(async (ids: string[]) => new Map(ids.filter((id) => id === 'old').map((id) => [id, {
      groupId: id, state: 'Stable', protocolType: 'consumer', protocol: 'range',
      members: [{ memberId: 'c-1', instanceId: null, clientId: 'c', clientHost: '/h', rack: null, subscribedTopics: ['t'], assignment: [{ topic: 't', partitions: [0, 1] }] }],
    }]))),
    committedOffsets: vi.fn(async (ids: string[]) => new Map(ids.map((id) => [id, id === 'k848' ? [{ topic: 't', partition: 0, offset: 40 }] : [{ topic: 't', partition: 0, offset: 50 }, { topic: 't', partition: 1, offset: 70 }]]))),
    logEndOffsets: vi.fn(async (topics: string[]) => new Map(topics.map((t) => [t, new Map([[0, 100], [1, 100]])]))),
    listOffsets: vi.fn(async () => new Map<string, number>()),
    recordTimestamps: vi.fn(async () => new Map<string, number | null>()),
    alterOffsets: vi.fn(async () => undefined),
    deleteGroup: vi.fn(async () => undefined),
    deleteOffsets: vi.fn(async () => undefined),
    close: vi.fn(async () => undefined),
    ...overrides,
  };
}
