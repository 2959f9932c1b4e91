// The five topic actions: create, add partitions, change configs, delete records before an offset,
// delete the topic. Each answers a preview (dryRun) with the equivalent command and, for the
// destructive two, what goes; applying is confirmed by typing the profile's name on production,
// written to the audit log before it happens (intent) and after (outcome), and read back from the
// cluster when Kafka's answer is lost. Pure planning is in shared/topics/topic-actions.ts.
import { AppFailure } from '../../shared/common/result';
import type { AlterConfigsResult } from '../../shared/kafka/configs';
import {
  createPartitionsCommand, createTopicCommand, deleteRecordsCommand, deleteRecordsPlan, deleteTopicCommand, internalTopicRefusal, skippedReaders,
  type AlterTopicConfigsInput, type CreatePartitionsInput, type CreatePartitionsResult, type CreateTopicInput, type CreateTopicResult,
  type DeleteRecordsInput, type DeleteRecordsResult, type DeleteTopicInput, type DeleteTopicResult, type Watermarks,
} from '../../shared/topics/topic-actions';
import { audited, type ActionRecord, type ReadBack } from '../audit/audited-action';
import { actionRecord, alterConfigs, requireConfirmation, requiresConfirmation, validated, type ActionQueue, type AdminActionContext } from '../kafka-admin/admin-actions';
import { offsetOf, type AdminPort, type TopicMetadata } from '../kafka-admin/admin-port';
import type { CommittedOffset } from '../kafka/kafka-port';
import type { TopicsContext, TopicsService } from './topics-service';

export interface TopicActionContext extends AdminActionContext {
  topics: TopicsService;
  topicsContext: TopicsContext;
  /** Called after an apply on a topic: the list's cached configs, the readers index and the monitor read the cluster again. */
  changed: (topic: string) => void;
}

export type { ActionQueue };

async function topicOf(admin: AdminPort, topic: string): Promise<TopicMetadata> {
  const found = (await admin.metadata([topic])).topics.find((t) => t.name === topic);
  if (!found) throw new AppFailure('NOT_FOUND', `There is no topic "${topic}" on this cluster.`, { topic });
  return found;
}

async function apply(ctx: TopicActionContext, topic: string, record: Omit<ActionRecord, 'profile' | 'endpoint'>, work: () => Promise<unknown>, readBack: () => Promise<ReadBack<void>>): Promise<void> {
  try {
    await audited(ctx.audit, actionRecord(ctx.profile, record), async () => { await work(); }, { readBack });
  } finally {
    ctx.changed(topic);
  }
}

const queued = <T>(ctx: TopicActionContext, dryRun: boolean, topic: string, run: () => Promise<T>) => (dryRun ? run() : ctx.queue.run(`topic:${topic}`, run));

// ---- create -----------------------------------------------------------------------------------

export function createTopic(ctx: TopicActionContext, input: CreateTopicInput): Promise<CreateTopicResult> {
  return queued(ctx, input.dryRun, input.name, async () => {
    const spec = { name: input.name, partitions: input.partitions, replicationFactor: input.replicationFactor, configs: input.configs };
    const validation = await validated(() => ctx.admin.createTopic(spec, true));
    const notes: string[] = [];
    if (input.name.includes('.') || input.name.includes('_')) notes.push('Kafka\'s metrics name topics with "." and "_" alike: a topic named with one collides with a topic named with the other.');
    const result: CreateTopicResult = {
      ...spec, validation, dryRun: input.dryRun, applied: false,
      blockedReason: validation.ok ? null : validation.message, requiresConfirmation: requiresConfirmation(ctx.profile),
      command: createTopicCommand(ctx.profile.bootstrapBrokers, input), notes,
    };
    if (input.dryRun) return result;
    requireConfirmation(ctx.profile, input.confirmation, 'create this topic');
    // Not validated again: Kafka's own refusal (the name taken since the preview) is recorded as refused.
    await apply(ctx, input.name, { action: 'topics.create', target: { topic: input.name }, before: null, after: { partitions: input.partitions, replicationFactor: input.replicationFactor, configs: input.configs }, command: result.command },
      () => ctx.admin.createTopic(spec, false), async () => {
        const found = (await ctx.admin.metadata([input.name])).topics.find((t) => t.name === input.name);
        const observed = found ? { exists: true, partitions: found.partitions.length } : { exists: false };
        return found ? { applied: true, result: undefined, observed } : { applied: false, observed };
      });
    return { ...result, applied: true };
  });
}

// ---- add partitions ---------------------------------------------------------------------------

export function createPartitions(ctx: TopicActionContext, input: CreatePartitionsInput): Promise<CreatePartitionsResult> {
  return queued(ctx, input.dryRun, input.topic, async () => {
    const topic = await topicOf(ctx.admin, input.topic);
    const current = topic.partitions.length;
    const refusal = internalTopicRefusal(input.topic, topic.internal)
      ?? (input.partitions <= current ? `"${input.topic}" has ${current} partitions; Kafka only adds partitions, never removes them: choose more than ${current}.` : null);
    const validation = refusal ? { ok: false, message: refusal } : await validated(() => ctx.admin.createPartitions(input.topic, input.partitions, true));
    const result: CreatePartitionsResult = {
      topic: input.topic, current, requested: input.partitions, added: Math.max(0, input.partitions - current), validation,
      dryRun: input.dryRun, applied: false, blockedReason: refusal ?? (validation.ok ? null : validation.message), requiresConfirmation: requiresConfirmation(ctx.profile),
      command: createPartitionsCommand(ctx.profile.bootstrapBrokers, input.topic, input.partitions),
      notes: [
        'A record with a key goes to hash(key) mod the partition count: after this, new records of a key may land on another partition than its earlier ones, so per-key order holds only within each side of the change.',
        'Groups reading the topic take up the new partitions at their next rebalance, starting where their auto.offset.reset says.',
      ],
    };
    if (input.dryRun) return result;
    if (refusal) throw new AppFailure('INVALID_INPUT', refusal);
    requireConfirmation(ctx.profile, input.confirmation, 'add these partitions');
    if (input.expectedCurrent !== undefined && input.expectedCurrent !== current) {
      throw new AppFailure('STALE_PREVIEW', `"${input.topic}" has ${current} partitions now, not the ${input.expectedCurrent} the preview showed (it may already have been applied). Preview again.`, { current, expected: input.expectedCurrent });
    }
    await apply(ctx, input.topic, { action: 'topics.createPartitions', target: { topic: input.topic }, before: { partitions: current }, after: { partitions: input.partitions }, command: result.command },
      () => ctx.admin.createPartitions(input.topic, input.partitions, false), async () => {
        const now = (await topicOf(ctx.admin, input.topic)).partitions.length;
        const observed = { partitions: now };
        if (now === input.partitions) return { applied: true, result: undefined, observed };
        return { applied: now === current ? false : 'partly', observed };
      });
    return { ...result, applied: true };
  });
}

// ---- change configs ---------------------------------------------------------------------------

export async function alterTopicConfigs(ctx: TopicActionContext, input: AlterTopicConfigsInput): Promise<AlterConfigsResult> {
  const topic = await topicOf(ctx.admin, input.topic);
  return alterConfigs(ctx, {
    action: 'topics.alterConfigs', resource: { type: 'topic', name: input.topic }, entityType: 'topics',
    changes: input.changes, expectedBefore: input.expectedBefore, dryRun: input.dryRun, confirmation: input.confirmation,
    refusal: internalTopicRefusal(input.topic, topic.internal), changed: () => ctx.changed(input.topic),
  });
}

// ---- delete records ---------------------------------------------------------------------------

export function deleteRecords(ctx: TopicActionContext, input: DeleteRecordsInput): Promise<DeleteRecordsResult> {
  return queued(ctx, input.dryRun, input.topic, async () => {
    const topic = await topicOf(ctx.admin, input.topic);
    const [low, high] = await Promise.all([ctx.admin.offsets([topic], 'earliest'), ctx.admin.offsets([topic], 'latest')]);
    const watermarks = new Map<number, Watermarks>();
    for (const p of topic.partitions) {
      const lw = low.get(input.topic)?.get(p.partition);
      const hw = high.get(input.topic)?.get(p.partition);
      if (lw !== undefined && hw !== undefined) watermarks.set(p.partition, { partition: p.partition, lowWatermark: lw, highWatermark: hw });
    }
    const plan = deleteRecordsPlan(input.partitions, watermarks);
    const positions = (await ctx.topicsContext.readers.get()).byTopic.get(input.topic) ?? [];
    const committing = positions.filter((p) => p.type !== 'share').map((p) => p.groupId);
    const committed = committing.length ? await ctx.topicsContext.groups().committedOffsets(committing) : new Map<string, CommittedOffset[]>();
    const readerOffsets = committing.flatMap((groupId) => (committed.get(groupId) ?? []).filter((o) => o.topic === input.topic).map((o) => ({ groupId, partition: o.partition, offset: o.offset })));
    const refusal = internalTopicRefusal(input.topic, topic.internal) ?? (plan.problems.length ? plan.problems.join(' ') : null);
    const totals = { partitions: plan.rows.length, recordsDeleted: plan.rows.reduce((n, r) => n + r.recordsDeleted, 0) };
    const skipped = skippedReaders(plan.rows, readerOffsets);
    const notes = ['Only the log start moves at once; the disk space comes back when Kafka removes the old segment files.'];
    if (skipped.length) notes.push(`${new Set(skipped.map((s) => s.groupId)).size} group(s) have not read all of what goes: they will continue at the new log start and never see those records.`);
    const result: DeleteRecordsResult = {
      topic: input.topic, rows: plan.rows, totals, skippedReaders: skipped, lowWatermarks: null,
      dryRun: input.dryRun, applied: false, blockedReason: refusal ?? (totals.recordsDeleted === 0 ? 'Nothing to delete: every chosen offset is at or before its partition\'s log start.' : null),
      requiresConfirmation: requiresConfirmation(ctx.profile), command: deleteRecordsCommand(ctx.profile.bootstrapBrokers, input.topic, plan.rows), notes,
    };
    if (input.dryRun) return result;
    if (result.blockedReason) throw new AppFailure('INVALID_INPUT', result.blockedReason);
    requireConfirmation(ctx.profile, input.confirmation, 'delete these records');
    const moving = plan.rows.filter((r) => r.recordsDeleted > 0);
    let answered = new Map<number, number>();
    await apply(ctx, input.topic, {
      action: 'topics.deleteRecords', target: { topic: input.topic }, command: result.command,
      before: moving.map((r) => ({ partition: r.partition, lowWatermark: r.lowWatermark })),
      after: moving.map((r) => ({ partition: r.partition, lowWatermark: r.deleteBefore, recordsDeleted: r.recordsDeleted })),
    }, async () => { answered = await ctx.admin.deleteRecords(input.topic, moving.map((r) => ({ partition: r.partition, offset: r.deleteBefore }))); }, async () => {
      const now = await ctx.admin.offsets([{ name: input.topic, partitions: moving.map((r) => ({ partition: r.partition })) }], 'earliest');
      const observed = moving.map((r) => ({ partition: r.partition, lowWatermark: offsetOf(now, input.topic, r.partition) }));
      const done = observed.filter((o, i) => o.lowWatermark !== null && o.lowWatermark >= moving[i]!.deleteBefore).length;
      if (done === moving.length) return { applied: true, result: undefined, observed };
      const untouched = observed.filter((o, i) => o.lowWatermark === moving[i]!.lowWatermark).length;
      return { applied: untouched === moving.length ? false : 'partly', observed };
    });
    return { ...result, applied: true, lowWatermarks: [...answered].map(([partition, lowWatermark]) => ({ partition, lowWatermark })).sort((a, b) => a.partition - b.partition) };
  });
}

// ---- delete topic -----------------------------------------------------------------------------

export function deleteTopic(ctx: TopicActionContext, input: DeleteTopicInput): Promise<DeleteTopicResult> {
  return queued(ctx, input.dryRun, input.topic, async () => {
    const detail = await ctx.topics.describe(input.topic);
    const refusal = internalTopicRefusal(input.topic, detail.internal);
    const notes = ['Deleting a topic removes every record and partition; it cannot be undone.'];
    if (detail.readers.length) notes.push(`${detail.readers.length} group(s) read it: their consumers lose the topic, and their committed offsets on it stay behind until they expire.`);
    if (detail.subjects.key || detail.subjects.value) notes.push('Its schema subjects stay in the registry: a topic created again with this name finds them.');
    const result: DeleteTopicResult = {
      topic: input.topic, partitions: detail.partitions.length, records: detail.records, sizeBytes: detail.sizeBytes, readers: detail.readers, subjects: detail.subjects,
      dryRun: input.dryRun, applied: false, blockedReason: refusal, requiresConfirmation: requiresConfirmation(ctx.profile),
      command: deleteTopicCommand(ctx.profile.bootstrapBrokers, input.topic), notes,
    };
    if (input.dryRun) return result;
    if (refusal) throw new AppFailure('INVALID_INPUT', refusal);
    requireConfirmation(ctx.profile, input.confirmation, 'delete this topic');
    await apply(ctx, input.topic, {
      action: 'topics.delete', target: { topic: input.topic }, command: result.command, after: null,
      before: { partitions: result.partitions, records: result.records, sizeBytes: result.sizeBytes, readers: result.readers.map((r) => r.groupId) },
    }, () => ctx.admin.deleteTopic(input.topic), async () => {
      const exists = (await ctx.admin.metadata([input.topic])).topics.some((t) => t.name === input.topic);
      return exists ? { applied: false, observed: { exists } } : { applied: true, result: undefined, observed: { exists } };
    });
    return { ...result, applied: true };
  });
}
