// What Sluice remembers about one group between sweeps: health windows and committed-offset
// samples per partition, change-only lag points for charts, and a bounded event log of state
// transitions, epoch bumps and member joins and leaves (the rebalance timeline).
import type { BrokerRef, GroupType } from '../../../shared/kafka/groups';
import { lagPointMoved } from '../../../shared/kafka/group-health';
import { appendObservation, evaluatePartition, groupStatus, type PartitionStatus, type WindowRun } from '../../../shared/kafka/health';
import { recordSample, type OffsetSample } from '../../../shared/kafka/lag-time';
import { PointRing } from './point-ring';

export const limits = { window: 10, committedSamples: 60, partitionPoints: 240, groupPoints: 720, events: 300, spans: 200 };

export type GroupEvent =
  | { at: number; kind: 'state'; from: string; to: string }
  | { at: number; kind: 'type'; from: GroupType; to: GroupType }
  | { at: number; kind: 'group-epoch' | 'assignment-epoch'; from: number; to: number }
  | { at: number; kind: 'join' | 'leave'; memberId: string; clientId: string };

export interface PartitionTrack {
  /** Health window, run-length encoded (see WindowRun). */
  window: WindowRun[];
  lastOffset: number | null;
  lastOffsetChangeAt: number;
  committed: OffsetSample[];
  /** [time, lag] when the lag changed. */
  points: PointRing;
  /** The verdict of the last sweep; its explanation is built on demand. */
  status: PartitionStatus | null;
}

export interface MemberTrack {
  clientId: string;
  memberEpoch: number | null;
  /** When its epoch was first seen behind the group epoch; null while in step. */
  behindSince: number | null;
}

export interface GroupTrack {
  type: GroupType;
  state: string;
  stateSince: number;
  /** When the cluster last listed (or a describe found) the group. */
  lastSeen: number;
  /** Its coordinator at the last sweep (not saved: found again by the next one). */
  coordinator: BrokerRef | null;
  groupEpoch: number | null;
  assignmentEpoch: number | null;
  /** [time, total lag, lag seconds] when either changed noticeably. */
  points: PointRing;
  events: GroupEvent[];
  /** Closed state intervals, for the timeline and time-in-state totals. */
  spans: Array<{ state: string; from: number; to: number }>;
  members: Map<string, MemberTrack>;
  /** False until members were seen once, so a restart does not log every member as a join. */
  membersObserved: boolean;
  partitions: Map<string, PartitionTrack>;
}

export function newGroupTrack(type: GroupType, state: string, at: number): GroupTrack {
  return { type, state, stateSince: at, lastSeen: at, coordinator: null, groupEpoch: null, assignmentEpoch: null, points: new PointRing(3, limits.groupPoints), events: [], spans: [], members: new Map(), membersObserved: false, partitions: new Map() };
}

const push = <T>(list: T[], item: T, cap: number) => {
  list.push(item);
  if (list.length > cap) list.splice(0, list.length - cap);
};

export function observeState(track: GroupTrack, type: GroupType, state: string, at: number): void {
  if (type !== track.type) {
    push(track.events, { at, kind: 'type', from: track.type, to: type }, limits.events);
    track.type = type;
  }
  if (state !== track.state) {
    push(track.spans, { state: track.state, from: track.stateSince, to: at }, limits.spans);
    push(track.events, { at, kind: 'state', from: track.state, to: state }, limits.events);
    track.state = state;
    track.stateSince = at;
  }
  track.lastSeen = at;
}

export function observeEpochs(track: GroupTrack, groupEpoch: number | null, assignmentEpoch: number | null, at: number): void {
  if (groupEpoch !== null && track.groupEpoch !== null && groupEpoch !== track.groupEpoch) {
    push(track.events, { at, kind: 'group-epoch', from: track.groupEpoch, to: groupEpoch }, limits.events);
  }
  if (assignmentEpoch !== null && track.assignmentEpoch !== null && assignmentEpoch !== track.assignmentEpoch) {
    push(track.events, { at, kind: 'assignment-epoch', from: track.assignmentEpoch, to: assignmentEpoch }, limits.events);
  }
  track.groupEpoch = groupEpoch;
  track.assignmentEpoch = assignmentEpoch;
}

export function observeMembers(track: GroupTrack, members: Array<{ memberId: string; clientId: string; memberEpoch: number | null }>, at: number): void {
  const firstObservation = !track.membersObserved;
  track.membersObserved = true;
  const seen = new Set<string>();
  for (const m of members) {
    seen.add(m.memberId);
    let member = track.members.get(m.memberId);
    if (!member) {
      member = { clientId: m.clientId, memberEpoch: m.memberEpoch, behindSince: null };
      track.members.set(m.memberId, member);
      if (!firstObservation) push(track.events, { at, kind: 'join', memberId: m.memberId, clientId: m.clientId }, limits.events);
    }
    member.memberEpoch = m.memberEpoch;
    const behind = track.groupEpoch !== null && m.memberEpoch !== null && m.memberEpoch < track.groupEpoch;
    if (behind && member.behindSince === null) member.behindSince = at;
    if (!behind) member.behindSince = null;
  }
  for (const [memberId, member] of track.members) {
    if (seen.has(memberId)) continue;
    track.members.delete(memberId);
    push(track.events, { at, kind: 'leave', memberId, clientId: member.clientId }, limits.events);
  }
}

export interface PartitionObservation {
  key: string;
  committedOffset: number;
  logEndOffset: number;
}

/**
 * Adds one sample per partition and re-evaluates health against the current log end. A partition
 * with no observation is forgotten (its offsets were deleted or expired) unless `stillCommitted`
 * says it still has a committed offset whose log end was unknown this time.
 */
export function observePartitions(track: GroupTrack, observations: PartitionObservation[], at: number, hasActiveMembers: boolean, stillCommitted?: ReadonlySet<string>): void {
  const seen = new Set<string>();
  for (const o of observations) {
    seen.add(o.key);
    let p = track.partitions.get(o.key);
    if (!p) {
      p = { window: [], lastOffset: null, lastOffsetChangeAt: at, committed: [], points: new PointRing(2, limits.partitionPoints, 1), status: null };
      track.partitions.set(o.key, p);
    }
    const lag = Math.max(0, o.logEndOffset - o.committedOffset);
    if (p.lastOffset !== o.committedOffset) {
      p.lastOffset = o.committedOffset;
      p.lastOffsetChangeAt = at;
    }
    appendObservation(p.window, { at, offset: o.committedOffset, lag, logEndOffset: o.logEndOffset }, limits.window);
    recordSample(p.committed, o.committedOffset, at, limits.committedSamples);
    const lastPoint = p.points.last();
    if (!lastPoint || lastPoint[1] !== lag) p.points.push([at, lag]);
    p.status = evaluatePartition({ window: p.window, currentLag: lag, lastOffsetChangeAt: p.lastOffsetChangeAt, hasActiveMembers, now: at }, undefined, false).status;
  }
  // Offsets deleted or expired: forget the partition.
  for (const key of track.partitions.keys()) if (!seen.has(key) && !stillCommitted?.has(key)) track.partitions.delete(key);
}

/** Records a point when the lag moved enough to show on a chart (see lagPointMoved). */
export function observeGroupLag(track: GroupTrack, totalLag: number | null, lagSeconds: number | null, at: number): void {
  const last = track.points.last();
  const rounded = lagSeconds === null ? null : Math.round(lagSeconds);
  if (lagPointMoved(last && { totalLag: last[1] ?? null, lagSeconds: last[2] ?? null }, totalLag, rounded)) track.points.push([at, totalLag, rounded]);
}

export function trackStatus(track: GroupTrack) {
  const evaluated: Array<{ status: PartitionStatus }> = [];
  for (const p of track.partitions.values()) if (p.status) evaluated.push({ status: p.status });
  if (evaluated.length === 0) return null;
  return groupStatus(evaluated);
}
