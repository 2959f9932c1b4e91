// The cluster overview: identity, controller, brokers, topic and partition counts.
import type { ClusterDescription } from '../../shared/kafka/groups';
import type { KafkaPort } from './kafka-port';

export async function describeCluster(kafka: KafkaPort): Promise<ClusterDescription> {
  const [cluster, topics] = await Promise.all([kafka.describeCluster(), kafka.listTopics()]);
  return {
    ...cluster,
    topicCount: topics.length,
    partitionCount: topics.reduce((n, t) => n + t.partitions.length, 0),
  };
}
