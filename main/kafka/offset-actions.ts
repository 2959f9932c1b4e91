// Offset resets, group deletion and offset deletion: always previewed first, refused while the
// group has active members (with the reason and what to do), confirmed by typing the environment
// name on production profiles, and written to the audit log before success is reported.
import { partitionKey, splitPartitionKey } from '../../shared/kafka/groups';
import {
  deleteGroupCommand, deleteOffsetsCommand, parseDuration, replaySkip, resetCommand, totalsOf,
  type ResetInput, type ResetResult, type ResetRow,
} from '../../shared/kafka/offset-reset';
import type { ProfileView } from '../../shared/profiles/profiles';
import { AppFailure } from '../../shared/common/result';
import type { AuditLog } from '../audit/audit-log';
import type { GroupsService } from './groups-service';
import type { KafkaPort, PartitionRef } from './kafka-port';

export interface ActionContext {
  kafka: KafkaPort;
  groups: GroupsService;
  profile: ProfileView;
  audit: AuditLog;
  /** Called after a change, so the monitor sweeps again at once. */
  changed: () => void;
}

/** Kafka lets only an empty group's offsets be changed; say so before anyone tries. */
function blockedReason(state: string, members: number, groupId: string): string | null {
  if (members === 0 && (state === 'Empty' || state === 'Dead')) return null;
  return `Group "${groupId}" has ${members} active member${members === 1 ? '' : 's'} (state ${state}). Kafka only changes the offsets of an empty group: stop its consumers, wait for the state to become Empty, then apply.`;
}

function requireConfirmation(profile: ProfileView, confirmation: string | undefined, action: string) {
  if (!profile.production) return;
  if ((confirmation ?? '').trim() !== profile.name) {
    throw new AppFailure('CONFIRMATION_REQUIRED', `“${profile.name}” is a production profile: type its name to ${action}.`, { expected: 'the profile name' });
  }
}

const auditProfile = (p: ProfileView) => ({ id: p.id, name: p.name, production: p.production });

/**
 * Control actions on one group run one at a time. A double click or a retry sends the same apply
 * twice; run concurrently, both would pass the "unchanged since the preview" check before either
 * wrote. In sequence, the second finds the offsets changed and is refused.
 */
const groupLocks = new Map<string, Promise<unknown>>();
async function oneAtATime<T>(groupId: string, work: () => Promise<T>): Promise<T> {
  const previous = groupLocks.get(groupId) ?? Promise.resolve();
  const current = previous.catch(() => undefined).then(work);
  groupLocks.set(groupId, current);
  try {
    return await current;
  } finally {
    if (groupLocks.get(groupId) === current) groupLocks.delete(groupId);
  }
}

type AuditEntry = Omit<Parameters<AuditLog['append']>[0], 'result' | 'error'>;

/** Runs a control action and records it either way; the record is on disk before success is reported. */
async function audited(ctx: ActionContext, entry: AuditEntry, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    ctx.audit.append({ ...entry, after: undefined, result: 'error', error: error instanceof Error ? error.message : String(error) });
    throw error;
  }
  ctx.audit.append({ ...entry, result: 'ok' });
  ctx.changed();
}

async function targetPartitions(ctx: ActionContext, input: ResetInput, committed: Map<string, number>): Promise<PartitionRef[]> {
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

async function newOffsets(ctx: ActionContext, input: ResetInput, partitions: PartitionRef[], committed: Map<string, number>, earliest: Map<string, number>, latest: Map<string, number>, notes: string[]): Promise<Map<string, number>> {
  const to = input.to;
  const clamp = (key: string, offset: number) => Math.min(Math.max(offset, earliest.get(key) ?? 0), latest.get(key) ?? offset);
  const result = new Map<string, number>();
  switch (to.kind) {
    case 'earliest': return earliest;
    case 'latest': return latest;
    case 'timestamp':
    case 'duration': {
      const timestamp = to.kind === 'timestamp' ? new Date(to.value).getTime() : Date.now() - parseDuration(to.value)!;
      return ctx.kafka.listOffsets(partitions, { timestamp });
    }
    case 'offset':
    case 'shiftBy': {
      for (const p of partitions) {
        const key = partitionKey(p.topic, p.partition);
        const current = committed.get(key);
        const wanted = to.kind === 'offset' ? to.value : current === undefined ? null : current + to.value;
        if (wanted === null) {
          notes.push(`${p.topic}-${p.partition} has no committed offset to shift; it is left out.`);
          continue;
        }
        const clamped = clamp(key, wanted);
        if (clamped !== wanted) notes.push(`${p.topic}-${p.partition}: ${wanted} is outside the log (${earliest.get(key)}–${latest.get(key)}); using ${clamped}.`);
        result.set(key, clamped);
      }
      return result;
    }
    case 'fromGroup': {
      const source = (await ctx.kafka.committedOffsets([to.value])).get(to.value) ?? [];
      if (source.length === 0) throw new AppFailure('NOT_FOUND', `Group "${to.value}" has no committed offsets to copy.`, { groupId: to.value });
      const byKey = new Map(source.map((o) => [partitionKey(o.topic, o.partition), o.offset]));
      for (const p of partitions) {
        const key = partitionKey(p.topic, p.partition);
        const offset = byKey.get(key);
        if (offset === undefined) notes.push(`${to.value} has no offset for ${p.topic}-${p.partition}; it is left out.`);
        else result.set(key, clamp(key, offset));
      }
      return result;
    }
  }
}

export function resetOffsets(ctx: ActionContext, input: ResetInput): Promise<ResetResult> {
  return input.dryRun ? planAndMaybeApply(ctx, input) : oneAtATime(input.groupId, () => planAndMaybeApply(ctx, input));
}

async function planAndMaybeApply(ctx: ActionContext, input: ResetInput): Promise<ResetResult> {
  const detail = await ctx.groups.describe(input.groupId);
  const committed = new Map(detail.offsets.flatMap((o) => (o.committedOffset === null ? [] : [[partitionKey(o.topic, o.partition), o.committedOffset] as const])));
  const partitions = await targetPartitions(ctx, input, committed);
  const [earliest, latest] = await Promise.all([ctx.kafka.listOffsets(partitions, 'earliest'), ctx.kafka.listOffsets(partitions, 'latest')]);
  for (const p of partitions) {
    if (!latest.has(partitionKey(p.topic, p.partition))) throw new AppFailure('NOT_FOUND', `There is no partition ${p.topic}-${p.partition}.`, p);
  }
  const notes: string[] = [];
  const targets = await newOffsets(ctx, input, partitions, committed, earliest, latest, notes);
  const rows: ResetRow[] = partitions.flatMap((p) => {
    const key = partitionKey(p.topic, p.partition);
    const newOffset = targets.get(key);
    if (newOffset === undefined) return [];
    const currentOffset = committed.get(key) ?? null;
    return [{ topic: p.topic, partition: p.partition, currentOffset, newOffset, logStartOffset: earliest.get(key) ?? null, logEndOffset: latest.get(key) ?? null, ...replaySkip(currentOffset, newOffset) }];
  }).sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition);
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
  const changedSincePreview = (input.expectedCurrent ?? []).filter((e) => (committed.get(partitionKey(e.topic, e.partition)) ?? null) !== e.offset);
  if (changedSincePreview.length > 0) {
    throw new AppFailure('STALE_PREVIEW', `The committed offsets changed since the preview (${changedSincePreview.map((e) => `${e.topic}-${e.partition}`).join(', ')}); it may already have been applied. Preview again.`, { changed: changedSincePreview });
  }
  if (rows.length === 0) throw new AppFailure('INVALID_INPUT', 'Nothing to reset: no partition has a new offset.');
  await audited(ctx, {
    profile: auditProfile(ctx.profile), action: 'groups.resetOffsets', command: result.command,
    target: { groupId: input.groupId, to: input.to, topics: input.topics, partitions: input.partitions },
    before: rows.map(({ topic, partition, currentOffset }) => ({ topic, partition, offset: currentOffset })),
    after: rows.map(({ topic, partition, newOffset }) => ({ topic, partition, offset: newOffset })),
  }, () => ctx.kafka.alterOffsets(input.groupId, rows.map((r) => ({ topic: r.topic, partition: r.partition, offset: r.newOffset }))));
  return { ...result, applied: true };
}

export interface DeletePreview {
  groupId: string;
  dryRun: boolean;
  deleted: boolean;
  state: string;
  activeMembers: number;
  blockedReason: string | null;
  requiresConfirmation: string | null;
  partitions: Array<{ topic: string; partition: number; committedOffset: number | null }>;
  command: string;
}

export function deleteGroup(ctx: ActionContext, input: { groupId: string; dryRun: boolean; confirmation?: string }): Promise<DeletePreview> {
  return input.dryRun ? deleteGroupNow(ctx, input) : oneAtATime(input.groupId, () => deleteGroupNow(ctx, input));
}

async function deleteGroupNow(ctx: ActionContext, input: { groupId: string; dryRun: boolean; confirmation?: string }): Promise<DeletePreview> {
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
  await audited(ctx, { profile: auditProfile(ctx.profile), action: 'groups.delete', target: { groupId: input.groupId }, before: preview.partitions, after: null, command: preview.command },
    () => ctx.kafka.deleteGroup(input.groupId));
  return { ...preview, deleted: true };
}

export function deleteOffsets(ctx: ActionContext, input: { groupId: string; topic: string; dryRun: boolean; confirmation?: string }): Promise<DeletePreview> {
  return input.dryRun ? deleteOffsetsNow(ctx, input) : oneAtATime(input.groupId, () => deleteOffsetsNow(ctx, input));
}

async function deleteOffsetsNow(ctx: ActionContext, input: { groupId: string; topic: string; dryRun: boolean; confirmation?: string }): Promise<DeletePreview> {
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
  await audited(ctx, { profile: auditProfile(ctx.profile), action: 'groups.deleteOffsets', target: { groupId: input.groupId, topic: input.topic }, before: partitions, after: null, command: preview.command },
    () => ctx.kafka.deleteOffsets(input.groupId, input.topic, partitions.map((p) => p.partition)));
  return { ...preview, deleted: true };
}
