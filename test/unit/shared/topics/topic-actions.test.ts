import { describe, expect, it } from 'vitest';
import {
  createTopicCommand, createTopicInputSchema, deleteRecordsCommand, deleteRecordsInputSchema, deleteRecordsPlan, HIGH_WATERMARK, skippedReaders, type Watermarks,
} from '../../../../shared/topics/topic-actions';

const marks = new Map<number, Watermarks>([
  [0, { partition: 0, lowWatermark: 10, highWatermark: 100 }],
  [1, { partition: 1, lowWatermark: 0, highWatermark: 50 }],
]);

describe('deleteRecordsPlan', () => {
  it('says per partition what goes; -1 means everything up to the high watermark', () => {
    expect(deleteRecordsPlan([{ partition: 1, offset: HIGH_WATERMARK }, { partition: 0, offset: 40 }], marks)).toEqual({
      rows: [
        { partition: 0, lowWatermark: 10, highWatermark: 100, deleteBefore: 40, recordsDeleted: 30 },
        { partition: 1, lowWatermark: 0, highWatermark: 50, deleteBefore: 50, recordsDeleted: 50 },
      ],
      problems: [],
    });
  });
  it('an offset before the log start deletes nothing (the start never moves back)', () => {
    expect(deleteRecordsPlan([{ partition: 0, offset: 5 }], marks).rows[0]).toMatchObject({ deleteBefore: 10, recordsDeleted: 0 });
  });
  it('an offset beyond the end, or a partition that does not exist, is a problem, not a row', () => {
    const plan = deleteRecordsPlan([{ partition: 0, offset: 101 }, { partition: 7, offset: 1 }], marks);
    expect(plan.rows).toEqual([]);
    expect(plan.problems).toEqual(['Partition 0: offset 101 is beyond its high watermark 100.', 'Partition 7 does not exist.']);
  });
});

describe('skippedReaders', () => {
  it('names the groups whose committed offset is before the new start, with what they never read', () => {
    const { rows } = deleteRecordsPlan([{ partition: 0, offset: 40 }, { partition: 1, offset: 20 }], marks);
    expect(skippedReaders(rows, [
      { groupId: 'slow', partition: 0, offset: 25 },
      { groupId: 'fast', partition: 0, offset: 90 },
      { groupId: 'slow', partition: 1, offset: 20 },
      { groupId: 'ancient', partition: 0, offset: 2 },
    ])).toEqual([
      { groupId: 'ancient', partition: 0, committedOffset: 2, unread: 30 },
      { groupId: 'slow', partition: 0, committedOffset: 25, unread: 15 },
    ]);
  });
});

describe('commands and inputs', () => {
  it('reads as kafka-topics and kafka-delete-records command lines', () => {
    expect(createTopicCommand(['b:9092'], { name: 'orders', partitions: 6, replicationFactor: 3, configs: { 'retention.ms': '1000', 'cleanup.policy': 'compact' } }))
      .toBe('kafka-topics.sh --bootstrap-server b:9092 --create --topic orders --partitions 6 --replication-factor 3 --config cleanup.policy=compact --config retention.ms=1000');
    expect(deleteRecordsCommand(['b:9092'], 'orders', [{ partition: 0, deleteBefore: 40 }]))
      .toBe('echo \'{"partitions":[{"topic":"orders","partition":0,"offset":40}],"version":1}\' > delete-records.json && kafka-delete-records.sh --bootstrap-server b:9092 --offset-json-file delete-records.json');
  });
  it('refuses inputs Kafka would refuse or that name a partition twice', () => {
    expect(createTopicInputSchema.safeParse({ name: 'a', partitions: 0, replicationFactor: 1, dryRun: true }).success).toBe(false);
    expect(createTopicInputSchema.safeParse({ name: 'a', partitions: 1, replicationFactor: 1, dryRun: true }).data?.configs).toEqual({});
    expect(deleteRecordsInputSchema.safeParse({ topic: 'a', partitions: [{ partition: 0, offset: 1 }, { partition: 0, offset: 2 }], dryRun: true }).success).toBe(false);
    expect(deleteRecordsInputSchema.safeParse({ topic: 'a', partitions: [{ partition: 0, offset: -2 }], dryRun: true }).success).toBe(false);
  });
});
