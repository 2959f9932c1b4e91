// Where a read starts on each partition, from the seek a person chose: the log start, the newest
// records, an offset, a time (ListOffsets by timestamp), or a group's committed offsets.
import { AppFailure } from '../../shared/common/result';
import type { Seek } from '../../shared/records/records';
import type { RecordsKafka } from './records-kafka';

export interface Starts {
  starts: Map<number, number>;
  logStarts: Map<number, number>;
  logEnds: Map<number, number>;
}

export async function startsFor(kafka: RecordsKafka, topic: string, partitions: number[], seek: Seek, limit: number, live: boolean): Promise<Starts> {
  const [logStarts, logEnds] = await Promise.all([kafka.offsets(topic, partitions, -2), kafka.offsets(topic, partitions, -1)]);
  const clamp = (partition: number, offset: number) => Math.min(Math.max(offset, logStarts.get(partition) ?? 0), logEnds.get(partition) ?? 0);
  const starts = new Map<number, number>();
  switch (seek.kind) {
    case 'beginning':
      for (const p of partitions) starts.set(p, logStarts.get(p) ?? 0);
      break;
    case 'end': {
      // A live tail from the end reads only what arrives; a read of the newest shares the limit out.
      const back = live ? 0 : Math.ceil(limit / partitions.length);
      for (const p of partitions) starts.set(p, clamp(p, (logEnds.get(p) ?? 0) - back));
      break;
    }
    case 'offset':
      for (const p of partitions) starts.set(p, clamp(p, seek.offset));
      break;
    case 'timestamp': {
      const found = await kafka.offsets(topic, partitions, seek.timestamp);
      // No record at or after the time: the partition starts at its end (nothing to read but new records).
      for (const p of partitions) starts.set(p, clamp(p, (found.get(p) ?? -1) < 0 ? logEnds.get(p) ?? 0 : found.get(p)!));
      break;
    }
    case 'group': {
      const committed = await kafka.committed(seek.groupId, topic);
      if (![...committed.keys()].some((p) => partitions.includes(p))) {
        throw new AppFailure('INVALID_INPUT', `Group "${seek.groupId}" has no committed offset on ${topic}${partitions.length === 1 ? ` partition ${partitions[0]}` : ''}: there is no position of it to start from.`);
      }
      // A partition the group never committed on starts at its end: the group has not read it.
      for (const p of partitions) starts.set(p, committed.has(p) ? clamp(p, committed.get(p)!) : logEnds.get(p) ?? 0);
      break;
    }
  }
  return { starts, logStarts, logEnds };
}
