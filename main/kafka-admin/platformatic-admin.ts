// AdminPort on @platformatic/kafka. Requests are sent with the library's protocol codecs on the
// Admin's connection pool, one attempt each: a write is never retried behind Sluice's back (a
// retried CreatePartitions whose first answer was lost fails with INVALID_PARTITIONS and would be
// recorded as refused; the audited path reads the target back instead). Reads go where Kafka
// wants them: Metadata, configs, the quorum, ACLs and quotas to any broker (KRaft brokers forward
// to the controller), a broker's own configs and log dirs to that broker, ListOffsets and
// DeleteRecords to each partition's leader, share-group offsets to the group's coordinator.
// Versions are fixed to what Kafka 3.7+ speaks (Metadata v12, ListOffsets v9, DescribeConfigs v4,
// DescribeLogDirs v4, DescribeQuorum v2, IncrementalAlterConfigs v1, CreateTopics v7…).
import {
  Admin,
  ConfigResourceTypes,
  FindCoordinatorKeyTypes,
  createPartitionsV3,
  createTopicsV7,
  deleteRecordsV2,
  deleteTopicsV6,
  describeAclsV3,
  describeClientQuotasV1,
  describeConfigsV4,
  describeLogDirsV4,
  describeQuorumV2,
  incrementalAlterConfigsV1,
  metadataV12,
  type Connection,
} from '@platformatic/kafka';
import { chunk, mapLimit } from '../../shared/common/concurrency';
import { AppFailure } from '../../shared/common/result';
import { adminFailure, errorNameOf, kafkaErrorNames, keepPartialResponse } from './admin-errors';
import {
  configSourceNames, resourceKey,
  type AclAnswer, type AdminConnectionSettings, type AdminPort, type BrokerLogDirs, type ClusterMetadata, type ConfigAnswer, type ConfigChanges,
  type ConfigResource, type ConfigSourceName, type NewTopic, type OffsetRequest, type OffsetsByTopic, type QuorumInfo, type QuotaEntry, type SharePartitionOffset,
} from './admin-port';
import { describeShareGroupOffsetsV0, describeShareGroupOffsetsV1 } from './protocol/describe-share-group-offsets';
import { askLogOffsets } from './protocol/log-offsets';

/** How long the broker may take over a write before answering (CreateTopics and the like). */
const WRITE_TIMEOUT_MS = 30_000;
/** Requests in flight per call. */
const REQUESTS_IN_FLIGHT = 4;
/**
 * Config resources per DescribeConfigs request, and such requests in flight: measured at 10,000
 * topics on this machine, 2,000 × 5 took a third of 500 × 4 (the broker's cost is per request).
 */
const RESOURCES_PER_REQUEST = 2_000;
const CONFIG_REQUESTS_IN_FLIGHT = 5;
/** Topics per ListOffsets request: 10,000 topics go as a few requests, answered in parallel. */
const TOPICS_PER_OFFSETS_REQUEST = 2_000;

const resourceTypeCode = { topic: ConfigResourceTypes.TOPIC, broker: ConfigResourceTypes.BROKER, group: ConfigResourceTypes.GROUP } as const;
const resourceTypeName = new Map<number, ConfigResource['type']>(Object.entries(resourceTypeCode).map(([k, v]) => [v, k as ConfigResource['type']]));

const sourceName = (code: number): ConfigSourceName => configSourceNames[code] ?? 'UNKNOWN';
const toNumber = (value: bigint) => Number(value);
/** -1 in Kafka's timestamps means "not known". */
const knownTime = (value: bigint) => (value < 0n ? null : Number(value));

const aclResourceTypes = ['UNKNOWN', 'ANY', 'TOPIC', 'GROUP', 'CLUSTER', 'TRANSACTIONAL_ID', 'DELEGATION_TOKEN', 'USER'];
const aclPatternTypes = ['UNKNOWN', 'ANY', 'MATCH', 'LITERAL', 'PREFIXED'];
const aclOperations = ['UNKNOWN', 'ANY', 'ALL', 'READ', 'WRITE', 'CREATE', 'DELETE', 'ALTER', 'DESCRIBE', 'CLUSTER_ACTION', 'DESCRIBE_CONFIGS', 'ALTER_CONFIGS', 'IDEMPOTENT_WRITE', 'CREATE_TOKENS', 'DESCRIBE_TOKENS', 'TWO_PHASE_COMMIT'];
const aclPermissions = ['UNKNOWN', 'ANY', 'DENY', 'ALLOW'];
const named = (names: string[], code: number) => names[code] ?? `UNKNOWN(${code})`;

function adminOptions(settings: AdminConnectionSettings, clientId: string): ConstructorParameters<typeof Admin>[0] {
  const options: ConstructorParameters<typeof Admin>[0] = {
    clientId,
    bootstrapBrokers: settings.bootstrapBrokers,
    connectTimeout: 5_000,
    requestTimeout: 35_000,
    timeout: 15_000,
    retries: 1,
    retryDelay: 250,
  };
  if (settings.tls.enabled) {
    options.tls = { rejectUnauthorized: settings.tls.verifyServerCertificate, ...(settings.tls.caCertificate ? { ca: settings.tls.caCertificate } : {}) };
  }
  if (settings.sasl.mechanism !== 'none') {
    options.sasl = { mechanism: settings.sasl.mechanism, username: settings.sasl.username, password: settings.sasl.password ?? '' };
  }
  return options;
}

export class PlatformaticAdmin implements AdminPort {
  readonly #admin: Admin;
  readonly #bootstrap: string[];
  #shareOffsetsV1: Promise<boolean> | null = null;

  constructor(settings: AdminConnectionSettings, clientId = 'sluice-admin') {
    this.#admin = new Admin(adminOptions(settings, clientId));
    this.#bootstrap = settings.bootstrapBrokers;
  }

  async #guard<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw adminFailure(error, this.#bootstrap);
    }
  }

  /** The brokers the client knows (from the library's cached metadata). */
  async #brokers(forceUpdate = false) {
    const metadata = await this.#admin.metadata({ topics: [], forceUpdate });
    return metadata.brokers;
  }

  async #connection(nodeId?: number): Promise<Connection> {
    let brokers = await this.#brokers();
    if (nodeId !== undefined && !brokers.has(nodeId)) brokers = await this.#brokers(true);
    const broker = nodeId === undefined ? brokers.values().next().value : brokers.get(nodeId);
    if (!broker) throw new AppFailure('NOT_FOUND', nodeId === undefined ? 'The cluster lists no broker.' : `Broker ${nodeId} is not in the cluster metadata.`, { nodeId });
    return this.#admin.connections.get(broker);
  }

  metadata(topics: string[] | null): Promise<ClusterMetadata> {
    return this.#guard(async () => {
      const connection = await this.#connection();
      // An offline partition (no leader) fails the parse with LEADER_NOT_AVAILABLE; its topic is still described.
      const response = await keepPartialResponse(metadataV12.api.async(connection, topics, false, false));
      return {
        clusterId: response.clusterId ?? '',
        controllerId: response.controllerId,
        brokers: response.brokers.map((b) => ({ nodeId: b.nodeId, host: b.host, port: b.port, rack: b.rack ?? null })).sort((a, b) => a.nodeId - b.nodeId),
        topics: response.topics
          // A topic that does not exist comes back with UNKNOWN_TOPIC_OR_PARTITION and no partitions.
          .filter((t) => t.name && (t.errorCode === 0 || t.partitions.length > 0))
          .map((t) => ({
            name: t.name!,
            id: t.topicId,
            internal: t.isInternal,
            partitions: t.partitions
              .map((p) => ({ partition: p.partitionIndex, leader: p.leaderId, leaderEpoch: p.leaderEpoch, replicas: p.replicaNodes, isr: p.isrNodes, offlineReplicas: p.offlineReplicas }))
              .sort((a, b) => a.partition - b.partition),
          })),
      };
    });
  }

  offsets(topics: readonly OffsetRequest[], spec: 'earliest' | 'latest'): Promise<OffsetsByTopic> {
    return this.#guard(async () => {
      const result: OffsetsByTopic = new Map();
      if (topics.length === 0) return result;
      // Leaders as the caller read them; Metadata only for partitions given without one.
      const unknown = topics.filter((t) => t.partitions.some((p) => p.leader === undefined)).map((t) => t.name);
      const known = unknown.length ? new Map((await this.metadata(unknown)).topics.map((t) => [t.name, new Map(t.partitions.map((p) => [p.partition, p.leader]))])) : null;
      const byLeader = new Map<number, Array<{ name: string; partitions: number[] }>>();
      for (const t of topics) {
        const perLeader = new Map<number, number[]>();
        for (const p of t.partitions) {
          const leader = p.leader ?? known?.get(t.name)?.get(p.partition);
          if (leader === undefined || leader < 0) continue;
          let list = perLeader.get(leader);
          if (!list) perLeader.set(leader, (list = []));
          list.push(p.partition);
        }
        for (const [leader, partitions] of perLeader) {
          let requests = byLeader.get(leader);
          if (!requests) byLeader.set(leader, (requests = []));
          requests.push({ name: t.name, partitions });
        }
      }
      const timestamp = spec === 'earliest' ? -2n : -1n;
      const batches = [...byLeader].flatMap(([leader, list]) => chunk(list, TOPICS_PER_OFFSETS_REQUEST).map((part) => [leader, part] as const));
      await mapLimit(batches, REQUESTS_IN_FLIGHT, async ([leader, list]) => {
        const connection = await this.#connection(leader);
        const response = await keepPartialResponse(askLogOffsets(connection, list, timestamp));
        for (const t of response.topics) {
          let byPartition = result.get(t.name);
          if (!byPartition) result.set(t.name, (byPartition = new Map()));
          for (const p of t.partitions) if (p.errorCode === 0 && p.offset >= 0n) byPartition.set(p.partitionIndex, toNumber(p.offset));
        }
      });
      return result;
    });
  }

  describeConfigs(resources: ConfigResource[], keys?: string[]): Promise<Map<string, ConfigAnswer>> {
    return this.#guard(async () => {
      const result = new Map<string, ConfigAnswer>();
      // A broker's own configs are answered by that broker; the rest by any.
      const brokerResources = resources.filter((r) => r.type === 'broker');
      const others = resources.filter((r) => r.type !== 'broker');
      const batches: Array<{ nodeId?: number; resources: ConfigResource[] }> = [
        ...brokerResources.map((r) => ({ nodeId: Number(r.name), resources: [r] })),
        ...chunk(others, RESOURCES_PER_REQUEST).map((part) => ({ resources: part })),
      ];
      await mapLimit(batches, CONFIG_REQUESTS_IN_FLIGHT, async (batch) => {
        const connection = await this.#connection(batch.nodeId);
        const request = batch.resources.map((r) => ({ resourceType: resourceTypeCode[r.type], resourceName: r.name, configurationKeys: keys ?? null }));
        // Synonyms (where else a value is set) only for a full describe; a narrowed list does without them.
        const response = await keepPartialResponse(describeConfigsV4.api.async(connection, request, keys === undefined, false));
        for (const r of response.results) {
          const type = resourceTypeName.get(r.resourceType);
          if (!type) continue;
          const key = resourceKey({ type, name: r.resourceName });
          if (r.errorCode !== 0) {
            const name = errorNameOf(r.errorCode);
            result.set(key, { error: name, message: r.errorMessage ?? name });
            continue;
          }
          result.set(key, {
            configs: r.configs.map((c) => ({
              name: c.name, value: c.isSensitive ? null : (c.value ?? null), source: sourceName(c.configSource), readOnly: c.readOnly, sensitive: c.isSensitive,
              synonyms: c.synonyms.map((s) => ({ name: s.name, value: c.isSensitive ? null : (s.value ?? null), source: sourceName(s.source) })),
            })).sort((a, b) => a.name.localeCompare(b.name)),
          });
        }
      });
      return result;
    });
  }

  logDirs(topics: string[] | null): Promise<BrokerLogDirs[]> {
    return this.#guard(async () => {
      const brokers = [...(await this.#brokers()).keys()].sort((a, b) => a - b);
      let request: Array<{ name: string; partitions: number[] }> | null = null;
      if (topics !== null) {
        const metadata = await this.metadata(topics);
        request = metadata.topics.map((t) => ({ name: t.name, partitions: t.partitions.map((p) => p.partition) }));
      }
      return mapLimit(brokers, REQUESTS_IN_FLIGHT, async (broker): Promise<BrokerLogDirs> => {
        try {
          const connection = await this.#connection(broker);
          const response = await keepPartialResponse(describeLogDirsV4.api.async(connection, request));
          return {
            broker, error: null,
            logDirs: response.results.map((d) => ({
              path: d.logDir,
              error: d.errorCode === 0 ? null : errorNameOf(d.errorCode),
              totalBytes: d.totalBytes < 0n ? null : toNumber(d.totalBytes),
              usableBytes: d.usableBytes < 0n ? null : toNumber(d.usableBytes),
              replicas: d.topics.flatMap((t) => t.partitions.map((p) => ({ topic: t.name, partition: p.partitionIndex, sizeBytes: toNumber(p.partitionSize), offsetLag: toNumber(p.offsetLag), future: p.isFutureKey }))),
            })),
          };
        } catch (error) {
          // One broker that does not answer leaves the others' sizes readable.
          return { broker, error: adminFailure(error, this.#bootstrap).message, logDirs: [] };
        }
      });
    });
  }

  createTopic(topic: NewTopic, validateOnly: boolean): Promise<void> {
    return this.#guard(async () => {
      const connection = await this.#connection();
      await createTopicsV7.api.async(connection, [{
        name: topic.name, numPartitions: topic.partitions, replicationFactor: topic.replicationFactor, assignments: [],
        configs: Object.entries(topic.configs).map(([name, value]) => ({ name, value })),
      }], WRITE_TIMEOUT_MS, validateOnly);
    });
  }

  createPartitions(topic: string, totalCount: number, validateOnly: boolean): Promise<void> {
    return this.#guard(async () => {
      const connection = await this.#connection();
      await createPartitionsV3.api.async(connection, [{ name: topic, count: totalCount, assignments: null }], WRITE_TIMEOUT_MS, validateOnly);
    });
  }

  alterConfigs(resource: ConfigResource, changes: ConfigChanges, validateOnly: boolean): Promise<void> {
    return this.#guard(async () => {
      const connection = await this.#connection(resource.type === 'broker' ? Number(resource.name) : undefined);
      const configs = [
        ...Object.entries(changes.set).map(([name, value]) => ({ name, configOperation: 0 as const, value })),
        ...changes.delete.map((name) => ({ name, configOperation: 1 as const, value: null })),
      ];
      await incrementalAlterConfigsV1.api.async(connection, [{ resourceType: resourceTypeCode[resource.type], resourceName: resource.name, configs }] as never, validateOnly);
    });
  }

  deleteRecords(topic: string, before: Array<{ partition: number; offset: number }>): Promise<Map<number, number>> {
    return this.#guard(async () => {
      const metadata = await this.metadata([topic]);
      const described = metadata.topics.find((t) => t.name === topic);
      if (!described) throw new AppFailure('NOT_FOUND', `There is no topic "${topic}".`, { topic });
      const byLeader = new Map<number, Array<{ partitionIndex: number; offset: bigint }>>();
      for (const b of before) {
        const leader = described.partitions.find((p) => p.partition === b.partition)?.leader;
        if (leader === undefined) throw new AppFailure('NOT_FOUND', `There is no partition ${topic}-${b.partition}.`, { topic, partition: b.partition });
        if (leader < 0) throw new AppFailure('KAFKA_ERROR', `Partition ${topic}-${b.partition} has no leader; records cannot be deleted until it is online.`, { topic, partition: b.partition });
        byLeader.set(leader, [...(byLeader.get(leader) ?? []), { partitionIndex: b.partition, offset: BigInt(b.offset) }]);
      }
      const lowWatermarks = new Map<number, number>();
      // Leaders one at a time: a failure stops before the next leader is asked, so what happened is
      // what the read-back sees, not a race.
      for (const [leader, partitions] of byLeader) {
        const connection = await this.#connection(leader);
        const response = await deleteRecordsV2.api.async(connection, [{ name: topic, partitions }], WRITE_TIMEOUT_MS);
        for (const t of response.topics) for (const p of t.partitions) lowWatermarks.set(p.partitionIndex, toNumber(p.lowWatermark));
      }
      return lowWatermarks;
    });
  }

  deleteTopic(name: string): Promise<void> {
    return this.#guard(async () => {
      const connection = await this.#connection();
      await deleteTopicsV6.api.async(connection, [{ name }], WRITE_TIMEOUT_MS);
    });
  }

  describeQuorum(): Promise<QuorumInfo> {
    return this.#guard(async () => {
      const connection = await this.#connection();
      const response = await describeQuorumV2.api.async(connection, [{ topicName: '__cluster_metadata', partitions: [{ partitionIndex: 0 }] }]);
      const partition = response.topics[0]?.partitions[0];
      if (!partition) throw new AppFailure('KAFKA_ERROR', 'The cluster answered DescribeQuorum without the metadata partition.');
      const replica = (r: { replicaId: number; logEndOffset: bigint; lastFetchTimestamp: bigint; lastCaughtUpTimestamp: bigint }) =>
        ({ replicaId: r.replicaId, logEndOffset: toNumber(r.logEndOffset), lastFetchTimestamp: knownTime(r.lastFetchTimestamp), lastCaughtUpTimestamp: knownTime(r.lastCaughtUpTimestamp) });
      return {
        leaderId: partition.leaderId, leaderEpoch: partition.leaderEpoch, highWatermark: toNumber(partition.highWatermark),
        voters: partition.currentVoters.map(replica), observers: partition.observers.map(replica),
        nodes: response.nodes.map((n) => ({ nodeId: n.nodeId, listeners: n.listeners.map((l) => ({ name: l.name, host: l.host, port: l.port })) })),
      };
    });
  }

  describeAcls(): Promise<AclAnswer> {
    return this.#guard(async () => {
      const connection = await this.#connection();
      try {
        // ANY of everything: every binding the caller may see.
        const response = await describeAclsV3.api.async(connection, { resourceType: 1, resourceName: null, resourcePatternType: 1, principal: null, host: null, operation: 1, permissionType: 1 });
        return {
          authorizer: true,
          acls: response.resources.flatMap((r) => r.acls.map((a) => ({
            resourceType: named(aclResourceTypes, r.resourceType), resourceName: r.resourceName, patternType: named(aclPatternTypes, r.resourcePatternType),
            principal: a.principal, host: a.host, operation: named(aclOperations, a.operation), permission: named(aclPermissions, a.permissionType),
          }))),
        };
      } catch (error) {
        if (kafkaErrorNames(error).includes('SECURITY_DISABLED')) {
          return { authorizer: false, message: 'This cluster has no authorizer (authorizer.class.name is not set): every client may do everything, and there are no ACLs to list.' };
        }
        throw error;
      }
    });
  }

  describeClientQuotas(): Promise<QuotaEntry[]> {
    return this.#guard(async () => {
      const connection = await this.#connection();
      // No components and not strict: every quota entity.
      const response = await describeClientQuotasV1.api.async(connection, [], false);
      return (response.entries ?? []).map((e) => ({
        entity: e.entity.map((x) => ({ type: x.entityType, name: x.entityName ?? null })),
        values: Object.fromEntries(e.values.map((v) => [v.key, v.value])),
      }));
    });
  }

  shareGroupOffsets(groupId: string, topics: string[] | null): Promise<SharePartitionOffset[]> {
    return this.#guard(async () => {
      const [coordinator] = await this.#admin.findCoordinator({ keyType: FindCoordinatorKeyTypes.GROUP, keys: [groupId] });
      if (!coordinator) throw new AppFailure('NOT_FOUND', `No coordinator for group "${groupId}".`, { groupId });
      const connection = await this.#admin.connections.get({ host: coordinator.host, port: coordinator.port });
      this.#shareOffsetsV1 ??= this.#admin.listApis().then((apis) => (apis.find((a) => a.apiKey === 90)?.maxVersion ?? 0) >= 1, () => false);
      const api = (await this.#shareOffsetsV1) ? describeShareGroupOffsetsV1 : describeShareGroupOffsetsV0;
      // Ask for the whole group (a topic needs its partitions listed) and keep the topics wanted.
      const response = await keepPartialResponse(api.async(connection, [{ groupId, topics: null }]));
      const wanted = topics === null ? null : new Set(topics);
      return response.groups.flatMap((g) => g.topics.filter((t) => !wanted || wanted.has(t.topicName)).flatMap((t) => t.partitions.map((p) => ({
        topic: t.topicName, partition: p.partitionIndex,
        startOffset: p.errorCode === 0 && p.startOffset >= 0n ? toNumber(p.startOffset) : null,
        lag: p.errorCode === 0 && p.lag >= 0n ? toNumber(p.lag) : null,
      }))));
    });
  }

  async close(): Promise<void> {
    await this.#admin.close().catch(() => undefined);
  }
}

/** Kafka's name for an error code, as the library knows them. */
