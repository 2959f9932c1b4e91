// Offset resets, group deletion and offset deletion: always previewed first, refused while the
// group has active members (with the reason and what to do), confirmed by typing the environment
// name on production profiles, and written to the audit log before success is reported. The pure
// planning is in shared/kafka/reset-plan.ts; this file reads the cluster and applies.
import { partitionKey, splitPartitionKey } from '../../shared/kafka/groups';
import {
  deleteGroupCommand, deleteOffsetsCommand, parseDuration, resetCommand, totalsOf,
  type DeleteGroupInput, type DeleteOffsetsInput, type DeletePreview, type ResetInput, type ResetResult,
} from '../../shared/kafka/offset-reset';
import { blockedReason, changedSincePreview, copiedTargets, explicitTargets, resetRows, type LogBounds, type OffsetsByPartition } from '../../shared/kafka/reset-plan';
import type { ProfileView } from '../../shared/profiles/profiles';
import { AppFailure } from '../../shared/common/result';
import type { AuditLog } from '../audit/audit-log';
import { audited, auditProfileOf, type ActionRecord, type ReadBack } from '../audit/audited-action';
import type { GroupsService } from './groups-service';
import type { KafkaPort, PartitionRef } from './kafka-port';
import type { KeyedQueue } from './keyed-queue';

export interface ActionContext {
  kafka: KafkaPort;
  groups: GroupsService;
  profile: ProfileView;
  audit: AuditLog;
  /** Control actions on one group run one at a time (see KeyedQueue). */
  queue: KeyedQueue;
  /** Called after a change, so the monitor sweeps again at once. */
  changed: () => void;
  /** Called after Sluice deleted a group: its history is deleted too (the only early way it goes). */
  deleted?: (groupId: string) => Promise<void>;
}

function requireConfirmation(profile: ProfileView, confirmation: string | undefined, action: string) {
  if (!profile.production) return;
  if ((confirmation ?? '').trim() !== profile.name) {
    throw new AppFailure('CONFIRMATION_REQUIRED', `“${profile.name}” is a production profile: type its name to ${action}.`, { expected: 'the profile name' });
  }
}

const recordOf = (ctx: ActionContext, record: Omit<ActionRecord, 'profile' | 'endpoint'>): ActionRecord =>
  ({ profile: auditProfileOf(ctx.profile), endpoint: ctx.profile.bootstrapBrokers.join(','), ...record });

/**
 * Runs an action through the audited path and lets the monitor sweep again at once. `readBack`
 * answers, when the broker's answer was lost, whether the change is on the cluster.
 */
async function apply(ctx: ActionContext, record: Omit<ActionRecord, 'profile' | 'endpoint'>, work: () => Promise<void>, readBack: () => Promise<ReadBack<void>>): Promise<void> {
  try {
    await audited(ctx.audit, recordOf(ctx, record), work, { readBack });
  } finally {
    ctx.changed();
  }
}

/** The group's committed offsets now, keyed by partition. */
async function committedNow(ctx: ActionContext, groupId: string): Promise<OffsetsByPartition> {
  const committed = (await ctx.kafka.committedOffsets([groupId])).get(groupId) ?? [];
  return new Map(committed.map((o) => [partitionKey(o.topic, o.partition), o.offset]));
}

async function targetPartitions(ctx: ActionContext, input: ResetInput, committed: OffsetsByPartition): Promise<PartitionRef[]> {
  if (input.partitions) return input.partitions;
  const topics = await ctx.kafka.listTopics();
  if (input.topics) {
    return input.topics.flatMap((name) => {
      const topic = topics.find((t) => t.name === name);
      if (!topic) throw new AppFailure('NOT_FOUND', `There is no topic "${name}".`, { topic: name });
      return topic.partitions.map((p) => ({ topic: name, partition: p.partition }));
    });
  }
  if (committed.size === 0) throw new AppFailure('INVALID_INPUT', `Group "${input.groupId}" has no committed offsets; name the topics or partitions to reset.`);
  return [...committed.keys()].map(splitPartitionKey);
}

async function newOffsets(ctx: ActionContext, input: ResetInput, partitions: PartitionRef[], committed: OffsetsByPartition, bounds: LogBounds, notes: string[]): Promise<OffsetsByPartition> {
  const to = input.to;
  switch (to.kind) {
    case 'earliest': return bounds.earliest;
    case 'latest': return bounds.latest;
    case 'timestamp':
    case 'duration': {
      const timestamp = to.kind === 'timestamp' ? new Date(to.value).getTime() : Date.now() - parseDuration(to.value)!;
      return ctx.kafka.listOffsets(partitions, { timestamp });
    }
    case 'offset':
    case 'shiftBy':
      return explicitTargets(partitions, to, committed, bounds, notes);
    case 'fromGroup': {
      const source = (await ctx.kafka.committedOffsets([to.value])).get(to.value) ?? [];
      if (source.length === 0) throw new AppFailure('NOT_FOUND', `Group "${to.value}" has no committed offsets to copy.`, { groupId: to.value });
      return copiedTargets(partitions, to.value, new Map(source.map((o) => [partitionKey(o.topic, o.partition), o.offset])), bounds, notes);
    }
  }
}

export function resetOffsets(ctx: ActionContext, input: ResetInput): Promise<ResetResult> {
  return input.dryRun ? planAndMaybeApply(ctx, input) : ctx.queue.run(input.groupId, () => planAndMaybeApply(ctx, input));
}

async function planAndMaybeApply(ctx: ActionContext, input: ResetInput): Promise<ResetResult> {
  const detail = await ctx.groups.describe(input.groupId);
  const committed: OffsetsByPartition = new Map(detail.offsets.flatMap((o) => (o.committedOffset === null ? [] : [[partitionKey(o.topic, o.partition), o.committedOffset] as const])));
  const partitions = await targetPartitions(ctx, input, committed);
  const [earliest, latest] = await Promise.all([ctx.kafka.listOffsets(partitions, 'earliest'), ctx.kafka.listOffsets(partitions, 'latest')]);
  for (const p of partitions) {
    if (!latest.has(partitionKey(p.topic, p.partition))) throw new AppFailure('NOT_FOUND', `There is no partition ${p.topic}-${p.partition}.`, p);
  }
  const bounds = { earliest, latest };
  const notes: string[] = [];
  const rows = resetRows(partitions, await newOffsets(ctx, input, partitions, committed, bounds, notes), committed, bounds);
  if (rows.some((r) => r.currentOffset === null)) notes.push('Partitions with no committed offset show no replay or skip: the consumers would have started at their auto.offset.reset position.');

  const blocked = blockedReason(detail.state, detail.members.length, input.groupId);
  const result: ResetResult = {
    groupId: input.groupId, dryRun: input.dryRun, applied: false, state: detail.state, activeMembers: detail.members.length,
    blockedReason: blocked, requiresConfirmation: ctx.profile.production ? ctx.profile.name : null,
    partitions: rows, totals: totalsOf(rows), command: resetCommand(ctx.profile.bootstrapBrokers, { ...input, dryRun: input.dryRun }), notes,
  };
  if (input.dryRun) return result;

  if (blocked) throw new AppFailure('GROUP_NOT_EMPTY', blocked, { state: detail.state, members: detail.members.length });
  requireConfirmation(ctx.profile, input.confirmation, 'apply this reset');
  // Apply carries what the preview showed; without it a retry of "shift by -1" would move twice.
  if (!input.expectedCurrent) {
    throw new AppFailure('INVALID_INPUT', 'Preview first: an apply must carry the current offsets its preview showed (expectedCurrent), so a retry or a double click cannot apply a relative reset twice.', { missing: 'expectedCurrent' });
  }
  const changed = changedSincePreview(input.expectedCurrent, committed);
  if (changed.length > 0) {
    throw new AppFailure('STALE_PREVIEW', `The committed offsets changed since the preview (${changed.map((e) => `${e.topic}-${e.partition}`).join(', ')}); it may already have been applied. Preview again.`, { changed });
  }
  if (rows.length === 0) throw new AppFailure('INVALID_INPUT', 'Nothing to reset: no partition has a new offset.');
  await apply(ctx, {
    action: 'groups.resetOffsets', command: result.command,
    target: { groupId: input.groupId, to: input.to, topics: input.topics, partitions: input.partitions },
    before: rows.map(({ topic, partition, currentOffset }) => ({ topic, partition, offset: currentOffset })),
    after: rows.map(({ topic, partition, newOffset }) => ({ topic, partition, offset: newOffset })),
  }, () => ctx.kafka.alterOffsets(input.groupId, rows.map((r) => ({ topic: r.topic, partition: r.partition, offset: r.newOffset }))), async () => {
    const now = await committedNow(ctx, input.groupId);
    const observed = rows.map((r) => ({ topic: r.topic, partition: r.partition, offset: now.get(partitionKey(r.topic, r.partition)) ?? null }));
    const moved = rows.filter((r) => now.get(partitionKey(r.topic, r.partition)) === r.newOffset).length;
    const unchanged = rows.filter((r) => (now.get(partitionKey(r.topic, r.partition)) ?? null) === r.currentOffset).length;
    if (moved === rows.length) return { applied: true, result: undefined, observed };
    return { applied: unchanged === rows.length ? false : 'partly', observed };
  });
  return { ...result, applied: true };
}

export function deleteGroup(ctx: ActionContext, input: DeleteGroupInput): Promise<DeletePreview> {
  return input.dryRun ? deleteGroupNow(ctx, input) : ctx.queue.run(input.groupId, () => deleteGroupNow(ctx, input));
}

async function deleteGroupNow(ctx: ActionContext, input: DeleteGroupInput): Promise<DeletePreview> {
  const detail = await ctx.groups.describe(input.groupId);
  const blocked = blockedReason(detail.state, detail.members.length, input.groupId);
  const preview: DeletePreview = {
    groupId: input.groupId, dryRun: input.dryRun, deleted: false, state: detail.state, activeMembers: detail.members.length,
    blockedReason: blocked, requiresConfirmation: ctx.profile.production ? ctx.profile.name : null,
    partitions: detail.offsets.filter((o) => o.committedOffset !== null).map((o) => ({ topic: o.topic, partition: o.partition, committedOffset: o.committedOffset })),
    command: deleteGroupCommand(ctx.profile.bootstrapBrokers, input.groupId),
  };
  if (input.dryRun) return preview;
  if (blocked) throw new AppFailure('GROUP_NOT_EMPTY', blocked, { state: detail.state });
  requireConfirmation(ctx.profile, input.confirmation, 'delete this group');
  await apply(ctx, { action: 'groups.delete', target: { groupId: input.groupId }, before: preview.partitions, after: null, command: preview.command },
    () => ctx.kafka.deleteGroup(input.groupId), async () => {
      const listed = (await ctx.kafka.listGroups()).some((g) => g.groupId === input.groupId);
      return listed ? { applied: false, observed: { listed } } : { applied: true, result: undefined, observed: { listed } };
    });
  await ctx.deleted?.(input.groupId).catch(() => undefined);
  return { ...preview, deleted: true };
}

export function deleteOffsets(ctx: ActionContext, input: DeleteOffsetsInput): Promise<DeletePreview> {
  return input.dryRun ? deleteOffsetsNow(ctx, input) : ctx.queue.run(input.groupId, () => deleteOffsetsNow(ctx, input));
}

async function deleteOffsetsNow(ctx: ActionContext, input: DeleteOffsetsInput): Promise<DeletePreview> {
  const detail = await ctx.groups.describe(input.groupId);
  const partitions = detail.offsets.filter((o) => o.topic === input.topic && o.committedOffset !== null).map((o) => ({ topic: o.topic, partition: o.partition, committedOffset: o.committedOffset }));
  // The broker refuses while a member is subscribed to the topic; say it before trying.
  const subscribed = detail.members.some((m) => (m.subscribedTopics ?? []).includes(input.topic) || m.assignment.some((a) => a.topic === input.topic));
  const blocked = subscribed ? `Members of "${input.groupId}" are subscribed to "${input.topic}". Kafka only deletes offsets of topics the group no longer consumes: stop those consumers or change their subscription first.` : null;
  const preview: DeletePreview = {
    groupId: input.groupId, dryRun: input.dryRun, deleted: false, state: detail.state, activeMembers: detail.members.length,
    blockedReason: blocked, requiresConfirmation: ctx.profile.production ? ctx.profile.name : null,
    partitions, command: deleteOffsetsCommand(ctx.profile.bootstrapBrokers, input.groupId, input.topic),
  };
  if (input.dryRun) return preview;
  if (partitions.length === 0) throw new AppFailure('NOT_FOUND', `Group "${input.groupId}" has no committed offsets for "${input.topic}".`);
  if (blocked) throw new AppFailure('GROUP_NOT_EMPTY', blocked);
  requireConfirmation(ctx.profile, input.confirmation, 'delete these offsets');
  await apply(ctx, { action: 'groups.deleteOffsets', target: { groupId: input.groupId, topic: input.topic }, before: partitions, after: null, command: preview.command },
    () => ctx.kafka.deleteOffsets(input.groupId, input.topic, partitions.map((p) => p.partition)), async () => {
      const now = await committedNow(ctx, input.groupId);
      const left = partitions.filter((p) => now.has(partitionKey(p.topic, p.partition))).length;
      const observed = { partitionsStillCommitted: left };
      return left === 0 ? { applied: true, result: undefined, observed } : { applied: left === partitions.length ? false : 'partly', observed };
    });
  return { ...preview, deleted: true };
}
