// Creates the benchmark's scale on the sandbox broker once: 200 topics × 10 partitions (2,000
// partitions) with records, and 10,000 groups with committed offsets on one topic each.
import { Admin } from '@platformatic/kafka';
import { mapLimit } from '../../shared/common/concurrency';
import { runClients } from '../../sandbox/sandbox-clients';

export const scale = { topics: 200, partitionsPerTopic: 10, groups: 10_000, recordsPerTopic: 200 };
export const topicName = (i: number) => `bench-topic-${String(i).padStart(3, '0')}`;
export const groupName = (i: number) => `bench-group-${String(i).padStart(5, '0')}`;

/**
 * A broker that has just started lists only the groups its coordinator has loaded so far (none at
 * first), without an error; counting then would create every group again. Wait until describing a
 * group no longer answers "loading".
 */
async function waitForGroupCoordinator(admin: Admin, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await admin.describeGroups({ groups: [groupName(0)] });
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}

export async function ensureScale(brokers: string, log: (line: string) => void): Promise<void> {
  const admin = new Admin({ clientId: 'sluice-bench-setup', bootstrapBrokers: [brokers], retries: 3 });
  try {
    await waitForGroupCoordinator(admin);
    const groups = await admin.listGroups({});
    const existing = [...groups.keys()].filter((g) => g.startsWith('bench-group-')).length;
    if (existing >= scale.groups) {
      log(`Scale already present: ${existing} bench groups.`);
      return;
    }
    const topics = new Set(await admin.listTopics());
    const missing = Array.from({ length: scale.topics }, (_, i) => topicName(i)).filter((t) => !topics.has(t));
    if (missing.length > 0) {
      log(`Creating ${missing.length} topics and producing ${scale.recordsPerTopic} records into each…`);
      const spec = missing.map((t) => `topic name=${t} partitions=${scale.partitionsPerTopic}\nproduceOnce topic=${t} count=${scale.recordsPerTopic}`).join('\n');
      await (await runClients(spec, { brokers, timeoutMs: 600_000 })).stop();
    }
    log(`Committing offsets for ${scale.groups} groups…`);
    const started = Date.now();
    let done = 0;
    await mapLimit(Array.from({ length: scale.groups }, (_, i) => i), 32, async (i) => {
      const perPartition = scale.recordsPerTopic / scale.partitionsPerTopic;
      await admin.alterConsumerGroupOffsets({
        groupId: groupName(i),
        topics: [{ name: topicName(i % scale.topics), partitionOffsets: Array.from({ length: scale.partitionsPerTopic }, (_, partition) => ({ partition, offset: BigInt((i * 7 + partition * 3) % (perPartition + 1)) })) }],
      });
      if (++done % 2000 === 0) log(`  ${done} groups (${Math.round((Date.now() - started) / 1000)} s)`);
    });
  } finally {
    await admin.close();
  }
}
