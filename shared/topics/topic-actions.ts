// The five topic actions, each previewed (dryRun) with the equivalent kafka-topics /
// kafka-configs / kafka-delete-records command before it is applied: inputs, previews, and the
// pure arithmetic (what a delete-records removes, which readers it skips past).
import { z } from 'zod';
import { configChangesSchema, guardFields, shellQuote, validationSchema } from '../kafka/configs';
import { topicNameSchema, topicReaderSchema, topicSubjectsSchema } from './topics';

const confirmation = z.string().max(300).optional();
const configName = z.string().min(1).max(249).regex(/^[A-Za-z0-9._-]+$/);


// ---- create topic -----------------------------------------------------------------------------

export const createTopicInputSchema = z.object({
  name: topicNameSchema,
  partitions: z.number().int().min(1).max(100_000),
  replicationFactor: z.number().int().min(1).max(32_767),
  configs: z.record(configName, z.string().max(10_000)).refine((r) => Object.keys(r).length <= 200, 'At most 200 configs').default({}),
  dryRun: z.boolean(),
  confirmation,
}).strict();
export type CreateTopicInput = z.infer<typeof createTopicInputSchema>;

export const createTopicResultSchema = z.object({
  name: z.string(),
  partitions: z.number(),
  replicationFactor: z.number(),
  configs: z.record(z.string(), z.string()),
  validation: validationSchema,
  ...guardFields,
});
export type CreateTopicResult = z.infer<typeof createTopicResultSchema>;

// ---- add partitions ---------------------------------------------------------------------------

export const createPartitionsInputSchema = z.object({
  topic: topicNameSchema,
  /** The new total number of partitions (Kafka only adds; it never removes). */
  partitions: z.number().int().min(1).max(100_000),
  /** The count the preview showed: apply is refused if it changed since (it may already be applied). */
  expectedCurrent: z.number().int().min(0).optional(),
  dryRun: z.boolean(),
  confirmation,
}).strict();
export type CreatePartitionsInput = z.infer<typeof createPartitionsInputSchema>;

export const createPartitionsResultSchema = z.object({
  topic: z.string(),
  current: z.number(),
  requested: z.number(),
  added: z.number(),
  validation: validationSchema,
  ...guardFields,
});
export type CreatePartitionsResult = z.infer<typeof createPartitionsResultSchema>;

// ---- change configs ---------------------------------------------------------------------------

export const alterTopicConfigsInputSchema = z.object({
  topic: topicNameSchema,
  changes: configChangesSchema,
  /** The values the preview showed, by name (null: not set dynamically); apply is refused if one changed since. */
  expectedBefore: z.record(configName, z.string().nullable()).optional(),
  dryRun: z.boolean(),
  confirmation,
}).strict();
export type AlterTopicConfigsInput = z.infer<typeof alterTopicConfigsInputSchema>;


// ---- delete records ---------------------------------------------------------------------------

/** -1: up to the high watermark (every record now on the partition), as kafka-delete-records takes it. */
export const HIGH_WATERMARK = -1;

export const deleteRecordsInputSchema = z.object({
  topic: topicNameSchema,
  partitions: z.array(z.object({ partition: z.number().int().min(0), offset: z.number().int().min(-1) }).strict()).min(1).max(100_000)
    .refine((ps) => new Set(ps.map((p) => p.partition)).size === ps.length, 'Each partition once'),
  dryRun: z.boolean(),
  confirmation,
}).strict();
export type DeleteRecordsInput = z.infer<typeof deleteRecordsInputSchema>;

export const deleteRecordsRowSchema = z.object({
  partition: z.number(),
  lowWatermark: z.number(),
  highWatermark: z.number(),
  /** Records before this offset go (the new low watermark). */
  deleteBefore: z.number(),
  recordsDeleted: z.number(),
});
export type DeleteRecordsRow = z.infer<typeof deleteRecordsRowSchema>;

export const skippedReaderSchema = z.object({ groupId: z.string(), partition: z.number(), committedOffset: z.number(), unread: z.number() });

export const deleteRecordsResultSchema = z.object({
  topic: z.string(),
  rows: z.array(deleteRecordsRowSchema),
  totals: z.object({ partitions: z.number(), recordsDeleted: z.number() }),
  /** Groups whose committed offset lies before the new start: they lose records they have not read. */
  skippedReaders: z.array(skippedReaderSchema),
  /** After apply: the low watermarks Kafka answered. */
  lowWatermarks: z.array(z.object({ partition: z.number(), lowWatermark: z.number() })).nullable(),
  ...guardFields,
});
export type DeleteRecordsResult = z.infer<typeof deleteRecordsResultSchema>;

// ---- delete topic -----------------------------------------------------------------------------

export const deleteTopicInputSchema = z.object({ topic: topicNameSchema, dryRun: z.boolean(), confirmation }).strict();
export type DeleteTopicInput = z.infer<typeof deleteTopicInputSchema>;

export const deleteTopicResultSchema = z.object({
  topic: z.string(),
  partitions: z.number(),
  records: z.number().nullable(),
  sizeBytes: z.number().nullable(),
  /** Every group reading it: they lose their topic (and their committed offsets on it become orphans). */
  readers: z.array(topicReaderSchema),
  /** Schema subjects stay in the registry: a topic created again with the name finds them. */
  subjects: topicSubjectsSchema,
  ...guardFields,
});
export type DeleteTopicResult = z.infer<typeof deleteTopicResultSchema>;

// ---- pure plans and commands ------------------------------------------------------------------

export interface Watermarks {
  partition: number;
  lowWatermark: number;
  highWatermark: number;
}

/** What deleting before each offset removes; an offset beyond the high watermark is a problem, not a row. */
export function deleteRecordsPlan(request: ReadonlyArray<{ partition: number; offset: number }>, watermarks: ReadonlyMap<number, Watermarks>): { rows: DeleteRecordsRow[]; problems: string[] } {
  const rows: DeleteRecordsRow[] = [];
  const problems: string[] = [];
  for (const r of [...request].sort((a, b) => a.partition - b.partition)) {
    const w = watermarks.get(r.partition);
    if (!w) { problems.push(`Partition ${r.partition} does not exist.`); continue; }
    const deleteBefore = r.offset === HIGH_WATERMARK ? w.highWatermark : r.offset;
    if (deleteBefore > w.highWatermark) { problems.push(`Partition ${r.partition}: offset ${deleteBefore} is beyond its high watermark ${w.highWatermark}.`); continue; }
    // Before the current start nothing is left to delete: the row says so (0 records) rather than moving back.
    const effective = Math.max(deleteBefore, w.lowWatermark);
    rows.push({ partition: r.partition, lowWatermark: w.lowWatermark, highWatermark: w.highWatermark, deleteBefore: effective, recordsDeleted: effective - w.lowWatermark });
  }
  return { rows, problems };
}

/** Groups that would lose records they have not read: committed offset before the new start. */
export function skippedReaders(rows: readonly DeleteRecordsRow[], committed: ReadonlyArray<{ groupId: string; partition: number; offset: number }>): Array<z.infer<typeof skippedReaderSchema>> {
  const byPartition = new Map(rows.map((r) => [r.partition, r]));
  return committed.flatMap((c) => {
    const row = byPartition.get(c.partition);
    if (!row || c.offset >= row.deleteBefore) return [];
    return [{ groupId: c.groupId, partition: c.partition, committedOffset: c.offset, unread: row.deleteBefore - Math.max(c.offset, row.lowWatermark) }];
  }).sort((a, b) => a.groupId.localeCompare(b.groupId) || a.partition - b.partition);
}

const bootstrapArg = (bootstrap: readonly string[]) => shellQuote(bootstrap.join(','));

export function createTopicCommand(bootstrap: readonly string[], input: Pick<CreateTopicInput, 'name' | 'partitions' | 'replicationFactor' | 'configs'>): string {
  const configs = Object.entries(input.configs).sort(([a], [b]) => a.localeCompare(b)).flatMap(([k, v]) => ['--config', shellQuote(`${k}=${v}`)]);
  return ['kafka-topics.sh', '--bootstrap-server', bootstrapArg(bootstrap), '--create', '--topic', shellQuote(input.name),
    '--partitions', String(input.partitions), '--replication-factor', String(input.replicationFactor), ...configs].join(' ');
}

export const createPartitionsCommand = (bootstrap: readonly string[], topic: string, partitions: number) =>
  `kafka-topics.sh --bootstrap-server ${bootstrapArg(bootstrap)} --alter --topic ${shellQuote(topic)} --partitions ${partitions}`;

export const deleteTopicCommand = (bootstrap: readonly string[], topic: string) =>
  `kafka-topics.sh --bootstrap-server ${bootstrapArg(bootstrap)} --delete --topic ${shellQuote(topic)}`;

/** kafka-delete-records reads its offsets from a JSON file: the command writes it, then runs. */
export function deleteRecordsCommand(bootstrap: readonly string[], topic: string, rows: ReadonlyArray<{ partition: number; deleteBefore: number }>): string {
  const json = JSON.stringify({ partitions: rows.map((r) => ({ topic, partition: r.partition, offset: r.deleteBefore })), version: 1 });
  return `echo ${shellQuote(json)} > delete-records.json && kafka-delete-records.sh --bootstrap-server ${bootstrapArg(bootstrap)} --offset-json-file delete-records.json`;
}

/** Why a topic must not be changed from here, or null. */
export const internalTopicRefusal = (topic: string, internal: boolean) =>
  internal ? `"${topic}" is one of Kafka's own topics; Sluice does not change it (Kafka manages its partitions, configs and records).` : null;
