// What the verification API reports about the pipeline's Kafka side: the topic's log-end offsets and
// the replicator's and verifier's committed offsets, hence their lag. Cached briefly: the ladder and
// every list request ask, and the answer changes only as fast as the groups commit.
import { Admin } from '@platformatic/kafka';
import type { ReplicatorOffsets } from './mismatch-store';

export class PipelineOffsets {
  private admin: Admin;
  private cache = new Map<string, { at: number; value: Promise<Map<number, bigint>> }>();

  constructor(brokers: string[], private readonly topic: string, private readonly partitions: number) {
    this.admin = new Admin({ clientId: 'ledger-verification-api', bootstrapBrokers: brokers });
  }

  async ensureTopic(): Promise<void> {
    const topics = await this.admin.listTopics();
    if (!topics.includes(this.topic)) {
      await this.admin.createTopics({ topics: [this.topic], partitions: this.partitions, replicas: 1 }).catch((error: unknown) => {
        if (!String(error).includes('already exists')) throw error;
      });
    }
  }

  private cached(key: string, load: () => Promise<Map<number, bigint>>): Promise<Map<number, bigint>> {
    const hit = this.cache.get(key);
    if (hit && Date.now() - hit.at < 500) return hit.value;
    const value = load();
    value.catch(() => this.cache.delete(key));
    this.cache.set(key, { at: Date.now(), value });
    return value;
  }

  committed(groupId: string): Promise<ReplicatorOffsets> {
    return this.cached(`group:${groupId}`, async () => {
      const [group] = await this.admin.listConsumerGroupOffsets({ groups: [groupId] });
      const offsets = new Map<number, bigint>();
      for (const topic of group?.topics ?? []) {
        if (topic.name !== this.topic) continue;
        for (const p of topic.partitions) if (p.committedOffset >= 0n) offsets.set(p.partitionIndex, p.committedOffset);
      }
      return offsets;
    });
  }

  logEnd(): Promise<Map<number, bigint>> {
    return this.cached('log-end', async () => {
      const [topic] = await this.admin.listOffsets({
        topics: [{ name: this.topic, partitions: Array.from({ length: this.partitions }, (_, partitionIndex) => ({ partitionIndex, timestamp: -1n })) }],
      });
      return new Map((topic?.partitions ?? []).map((p) => [p.partitionIndex, p.offset]));
    });
  }

  /** Records the group has not consumed yet, over all partitions (a group with no commit counts from 0). */
  async lag(groupId: string): Promise<number> {
    const [end, committed] = await Promise.all([this.logEnd(), this.committed(groupId)]);
    let lag = 0n;
    for (const [partition, logEnd] of end) lag += logEnd - (committed.get(partition) ?? 0n);
    return Number(lag);
  }

  close = () => this.admin.close();
}
