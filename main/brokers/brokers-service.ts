// Brokers and the cluster's machinery, read-only: each broker's rack, listeners, log-dir usage and
// how many replicas it hosts and leads; the cluster's under-replicated and offline partitions; one
// broker's configs (dynamic vs static); the KRaft quorum; ACLs; client quotas.
import { AppFailure } from '../../shared/common/result';
import { configView } from '../../shared/kafka/configs';
import { quorumReplicaView, splitListeners, type AclList, type BrokerDetail, type BrokerList, type BrokerSummary, type QuorumView, type QuotaList } from '../../shared/brokers/brokers';
import { isOffline, isUnderReplicated } from '../../shared/topics/topics';
import type { AdminPort, BrokerLogDirs, ConfigAnswer } from '../kafka-admin/admin-port';

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export class BrokersService {
  constructor(private readonly admin: () => AdminPort, private readonly now: () => number = Date.now) {}

  async list(): Promise<BrokerList> {
    const admin = this.admin();
    const asOf = this.now();
    const metadata = await admin.metadata(null);
    const [dirs, configs] = await Promise.allSettled([
      admin.logDirs(null),
      admin.describeConfigs(metadata.brokers.map((b) => ({ type: 'broker' as const, name: String(b.nodeId) })), ['advertised.listeners', 'listeners']),
    ]);
    const problems: string[] = [];
    if (dirs.status === 'rejected') problems.push(`Log dirs could not be read: ${messageOf(dirs.reason)}`);
    if (configs.status === 'rejected') problems.push(`Broker configs (listeners) could not be read: ${messageOf(configs.reason)}`);
    const dirsOf = new Map<number, BrokerLogDirs>((dirs.status === 'fulfilled' ? dirs.value : []).map((d) => [d.broker, d]));
    const replicas = new Map<number, number>();
    const leaders = new Map<number, number>();
    let partitions = 0;
    let underReplicated = 0;
    let offline = 0;
    for (const t of metadata.topics) {
      for (const p of t.partitions) {
        partitions++;
        if (isUnderReplicated(p)) underReplicated++;
        if (isOffline(p)) offline++;
        else leaders.set(p.leader, (leaders.get(p.leader) ?? 0) + 1);
        for (const r of p.replicas) replicas.set(r, (replicas.get(r) ?? 0) + 1);
      }
    }
    const brokers = metadata.brokers.map((b): BrokerSummary => {
      const answer: ConfigAnswer | undefined = configs.status === 'fulfilled' ? configs.value.get(`broker:${b.nodeId}`) : undefined;
      const value = (name: string) => (answer && 'configs' in answer ? answer.configs.find((c) => c.name === name)?.value ?? null : null);
      const reported = dirsOf.get(b.nodeId);
      const problem = reported?.error ?? (answer && 'error' in answer ? answer.message : null);
      return {
        nodeId: b.nodeId, host: b.host, port: b.port, rack: b.rack,
        listeners: splitListeners(value('advertised.listeners') ?? value('listeners')),
        logDirs: (reported?.logDirs ?? []).map((d) => ({
          path: d.path, error: d.error, totalBytes: d.totalBytes, usableBytes: d.usableBytes,
          replicaBytes: d.replicas.reduce((n, r) => n + r.sizeBytes, 0), replicas: d.replicas.length,
        })),
        replicas: replicas.get(b.nodeId) ?? 0, leaders: leaders.get(b.nodeId) ?? 0, problem,
      };
    });
    return {
      clusterId: metadata.clusterId, controllerId: metadata.controllerId, brokers,
      partitions: { topics: metadata.topics.length, partitions, underReplicated, offline }, asOf, problems,
    };
  }

  async describe(nodeId: number): Promise<BrokerDetail> {
    const admin = this.admin();
    const asOf = this.now();
    const metadata = await admin.metadata([]);
    if (!metadata.brokers.some((b) => b.nodeId === nodeId)) throw new AppFailure('NOT_FOUND', `There is no broker ${nodeId} in this cluster (brokers: ${metadata.brokers.map((b) => b.nodeId).join(', ')}).`, { nodeId });
    const answer = (await admin.describeConfigs([{ type: 'broker', name: String(nodeId) }])).get(`broker:${nodeId}`);
    if (!answer || 'error' in answer) throw new AppFailure('KAFKA_ERROR', `Broker ${nodeId} did not describe its configs${answer && 'error' in answer ? `: ${answer.message}` : ''}.`, { nodeId });
    return { nodeId, configs: answer.configs.map(configView), asOf };
  }

  async quorum(): Promise<QuorumView> {
    const quorum = await this.admin().describeQuorum();
    const now = this.now();
    return {
      leaderId: quorum.leaderId, leaderEpoch: quorum.leaderEpoch, highWatermark: quorum.highWatermark,
      voters: quorum.voters.map((v) => quorumReplicaView(v, quorum.highWatermark, now)),
      observers: quorum.observers.map((o) => quorumReplicaView(o, quorum.highWatermark, now)),
      nodes: quorum.nodes.map((n) => ({ nodeId: n.nodeId, listeners: n.listeners.map((l) => `${l.name}://${l.host}:${l.port}`) })),
      asOf: now,
    };
  }

  async acls(): Promise<AclList> {
    const answer = await this.admin().describeAcls();
    return answer.authorizer ? { authorizer: true, message: null, acls: answer.acls } : { authorizer: false, message: answer.message, acls: [] };
  }

  async quotas(): Promise<QuotaList> {
    const entries = await this.admin().describeClientQuotas();
    return { quotas: entries.sort((a, b) => JSON.stringify(a.entity).localeCompare(JSON.stringify(b.entity))) };
  }
}
