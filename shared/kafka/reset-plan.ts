// The pure half of an offset reset or delete: whether Kafka would refuse it now, which offset each
// partition moves to (clamped to the log), and the preview's rows. main/kafka/offset-actions.ts
// reads the cluster and applies; everything it can decide without a broker is decided here.
import { partitionKey } from './groups';
import { replaySkip, type ResetRow } from './offset-reset';

export interface PartitionRef { topic: string; partition: number }

/** Kafka lets only an empty group's offsets be changed; say so before anyone tries. */
export function blockedReason(state: string, members: number, groupId: string): string | null {
  if (members === 0 && (state === 'Empty' || state === 'Dead')) return null;
  return `Group "${groupId}" has ${members} active member${members === 1 ? '' : 's'} (state ${state}). Kafka only changes the offsets of an empty group: stop its consumers, wait for the state to become Empty, then apply.`;
}

/** Offsets keyed by partitionKey(topic, partition). */
export type OffsetsByPartition = Map<string, number>;

export interface LogBounds { earliest: OffsetsByPartition; latest: OffsetsByPartition }

const clampTo = (bounds: LogBounds, key: string, offset: number) =>
  Math.min(Math.max(offset, bounds.earliest.get(key) ?? 0), bounds.latest.get(key) ?? offset);

/** An explicit offset, or the committed one shifted by N, clamped to the log; notes say what was left out or moved. */
export function explicitTargets(
  partitions: PartitionRef[], to: { kind: 'offset' | 'shiftBy'; value: number }, committed: OffsetsByPartition, bounds: LogBounds, notes: string[],
): OffsetsByPartition {
  const result: OffsetsByPartition = new Map();
  for (const p of partitions) {
    const key = partitionKey(p.topic, p.partition);
    const current = committed.get(key);
    const wanted = to.kind === 'offset' ? to.value : current === undefined ? null : current + to.value;
    if (wanted === null) {
      notes.push(`${p.topic}-${p.partition} has no committed offset to shift; it is left out.`);
      continue;
    }
    const clamped = clampTo(bounds, key, wanted);
    if (clamped !== wanted) notes.push(`${p.topic}-${p.partition}: ${wanted} is outside the log (${bounds.earliest.get(key)}–${bounds.latest.get(key)}); using ${clamped}.`);
    result.set(key, clamped);
  }
  return result;
}

/** Another group's committed offsets, for the partitions it has, clamped to the log. */
export function copiedTargets(partitions: PartitionRef[], sourceGroup: string, source: OffsetsByPartition, bounds: LogBounds, notes: string[]): OffsetsByPartition {
  const result: OffsetsByPartition = new Map();
  for (const p of partitions) {
    const key = partitionKey(p.topic, p.partition);
    const offset = source.get(key);
    if (offset === undefined) notes.push(`${sourceGroup} has no offset for ${p.topic}-${p.partition}; it is left out.`);
    else result.set(key, clampTo(bounds, key, offset));
  }
  return result;
}

/** The preview's rows: current → new per partition, with records replayed or skipped, sorted. */
export function resetRows(partitions: PartitionRef[], targets: OffsetsByPartition, committed: OffsetsByPartition, bounds: LogBounds): ResetRow[] {
  return partitions.flatMap((p) => {
    const key = partitionKey(p.topic, p.partition);
    const newOffset = targets.get(key);
    if (newOffset === undefined) return [];
    const currentOffset = committed.get(key) ?? null;
    return [{
      topic: p.topic, partition: p.partition, currentOffset, newOffset,
      logStartOffset: bounds.earliest.get(key) ?? null, logEndOffset: bounds.latest.get(key) ?? null, ...replaySkip(currentOffset, newOffset),
    }];
  }).sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition);
}

/** Partitions whose committed offset is no longer what the preview showed. */
export function changedSincePreview(expected: Array<PartitionRef & { offset: number | null }>, committed: OffsetsByPartition) {
  return expected.filter((e) => (committed.get(partitionKey(e.topic, e.partition)) ?? null) !== e.offset);
}
