// Shapes of the records browser: where a read starts, a decoded record as the console shows it
// (partition, offset, timestamp and its type, key, value, headers, size, and for the Schema
// Registry's wire format the schema id with its subject and version), a scan's progress, and a
// produced record's preview. Values are JSON values: main turns bytes, longs and dates into text.
import { z } from 'zod';

/** Bounds that keep a scan, its results and one answer small enough for main and the page. */
export const recordLimits = {
  /** Records a read may ask for, and the results a scan keeps (a live tail keeps the newest). */
  maxResults: 10_000,
  /** Bytes of decoded results a scan keeps (key + value + headers, as counted by main). */
  maxResultBytes: 64 * 1024 * 1024,
  /** Records per results page. */
  pageSize: 500,
  maxFilterLength: 2_000,
  /** Scans kept at once (running or finished); the oldest finished one is dropped first. */
  maxScans: 8,
  /** Bytes of a key or value typed in the produce form. */
  maxProduceBytes: 1_048_576,
  maxHeaders: 100,
  /** Bytes of an undecodable key or value shown in hex. */
  maxHexBytes: 4_096,
} as const;

const topicName = z.string().min(1).max(249).regex(/^[A-Za-z0-9._-]+$/, 'A topic name has letters, digits, ".", "_" and "-" only.');
const partitionNumber = z.number().int().min(0).max(1_000_000);
const offsetNumber = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

export const seekSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('beginning') }).strict(),
  /** The newest records: each partition starts `limit ÷ partitions` records before its end. */
  z.object({ kind: z.literal('end') }).strict(),
  z.object({ kind: z.literal('offset'), offset: offsetNumber }).strict(),
  /** The first record at or after this time (ms since the epoch), by ListOffsets. */
  z.object({ kind: z.literal('timestamp'), timestamp: z.number().int().min(0).max(8_640_000_000_000_000) }).strict(),
  /** Where a group is: its committed offset on each partition (the record it reads next). */
  z.object({ kind: z.literal('group'), groupId: z.string().min(1).max(1_000) }).strict(),
]);
export type Seek = z.infer<typeof seekSchema>;

export const readInputSchema = z.object({
  topic: topicName,
  /** Absent: every partition. */
  partitions: z.array(partitionNumber).min(1).max(10_000).optional(),
  seek: seekSchema,
  /** Records to keep: a forward read stops when this many matched; a live tail keeps this many newest. */
  limit: z.number().int().min(1).max(recordLimits.maxResults).default(100),
  /** Read forward to the end as it was at the start, or keep reading new records as they arrive. */
  live: z.boolean().default(false),
  /** A CEL expression over `record` (key, value, headers, partition, offset, timestampMs, size). */
  filter: z.string().max(recordLimits.maxFilterLength).optional(),
  /**
   * Why the filter must see classified fields unmasked (at least 5 characters; audited). Without
   * one the filter sees them masked, and a filter that names one is refused, saying which.
   */
  filterReason: z.string().max(500).optional(),
}).strict();
export type ReadInput = z.infer<typeof readInputSchema>;

export const recordFormats = ['null', 'avro', 'json-schema', 'protobuf', 'json', 'text', 'binary'] as const;
export type RecordFormat = (typeof recordFormats)[number];

export const schemaRefSchema = z.object({
  id: z.number().int(),
  type: z.enum(['AVRO', 'JSON', 'PROTOBUF']).nullable(),
  subject: z.string().nullable(),
  version: z.number().int().nullable(),
  /** The Protobuf message the record was written with (its message indexes resolved). */
  messageType: z.string().nullable(),
});
export type SchemaRef = z.infer<typeof schemaRefSchema>;

export const maskedFieldSchema = z.object({ path: z.string(), classification: z.string() });
export type MaskedField = z.infer<typeof maskedFieldSchema>;

/** A key or a value, decoded as far as it goes: a value that cannot be decoded keeps its bytes and says why. */
export const decodedPartSchema = z.object({
  format: z.enum(recordFormats),
  /** The decoded JSON value (null for null, binary, and what could not be decoded). */
  value: z.unknown(),
  /** The bytes in hex (the first 4 KB) when they were not decoded, or are plain binary. */
  hex: z.string().nullable(),
  size: z.number().int(),
  schema: schemaRefSchema.nullable(),
  /** Why it could not be decoded; null when it was. */
  error: z.string().nullable(),
  /** Something to know about a decoded value (it does not match its schema, say). */
  note: z.string().nullable(),
  /** Fields replaced by their classification because the dictionary classifies their names. */
  masked: z.array(maskedFieldSchema),
});
export type DecodedPart = z.infer<typeof decodedPartSchema>;

export const recordViewSchema = z.object({
  topic: z.string(),
  partition: z.number().int(),
  offset: z.number().int(),
  /** ms since the epoch. */
  timestamp: z.number(),
  /** create: the producer's clock; log-append: the broker's, when the topic says so. */
  timestampType: z.enum(['create', 'log-append']),
  key: decodedPartSchema,
  value: decodedPartSchema,
  headers: z.array(z.object({ key: z.string(), value: z.string().nullable(), hex: z.boolean() })),
  /** Key, value and header bytes. */
  size: z.number().int(),
});
export type RecordView = z.infer<typeof recordViewSchema>;

export const partitionPositionSchema = z.object({
  partition: z.number().int(),
  /** Where the read started on this partition. */
  start: z.number().int(),
  /** The next offset to read. */
  position: z.number().int(),
  /** The end it reads to (the log end at the start); null for a live tail. */
  end: z.number().int().nullable(),
  done: z.boolean(),
});

export const scanStateSchema = z.enum(['running', 'done', 'cancelled', 'failed']);

export const scanProgressSchema = z.object({
  scanId: z.string(),
  topic: z.string(),
  live: z.boolean(),
  filter: z.string().nullable(),
  state: scanStateSchema,
  /** Why the scan ended: the limit, the end of every partition, results full, cancelled, or the error. */
  reason: z.string().nullable(),
  startedAt: z.number(),
  elapsedMs: z.number(),
  scanned: z.number().int(),
  matched: z.number().int(),
  bytes: z.number(),
  /** Records whose key or value could not be decoded (they are still shown, with their bytes). */
  undecodable: z.number().int(),
  /** Records the filter could not evaluate (a field missing, a type that does not compare). */
  filterErrors: z.number().int(),
  firstFilterError: z.string().nullable(),
  /** What happened on the way: a partition skipped, an offset gone to retention. */
  notes: z.array(z.string()),
  partitions: z.array(partitionPositionSchema),
  /** Results kept, as sequence numbers: [first, next). A live tail drops the oldest past the limit. */
  results: z.object({ first: z.number().int(), next: z.number().int() }),
}).strict();
export type ScanProgress = z.infer<typeof scanProgressSchema>;

export const resultsPageSchema = z.object({
  scanId: z.string(),
  /** The sequence number of the first record in `records`. */
  first: z.number().int(),
  records: z.array(recordViewSchema),
  /** The oldest sequence number still kept: records before it were dropped by a live tail. */
  kept: z.number().int(),
});
export type ResultsPage = z.infer<typeof resultsPageSchema>;

export const topicPartitionsSchema = z.object({
  topic: z.string(),
  partitions: z.array(z.object({ partition: z.number().int(), leader: z.number().int(), logStartOffset: z.number().int(), logEndOffset: z.number().int() })),
});
export type TopicPartitions = z.infer<typeof topicPartitionsSchema>;

export const recordAtInputSchema = z.object({ topic: topicName, partition: partitionNumber, offset: offsetNumber }).strict();

export const recordAtSchema = z.object({
  topic: z.string(),
  partition: z.number().int(),
  offset: z.number().int(),
  /** The record at the offset, or the first one after it (a compacted or deleted offset); null past the end. */
  record: recordViewSchema.nullable(),
  logStartOffset: z.number().int(),
  logEndOffset: z.number().int(),
});
export type RecordAt = z.infer<typeof recordAtSchema>;

export const revealInputSchema = recordAtInputSchema.extend({
  reason: z.string().trim().min(5, 'Say why you need to see the masked fields (at least 5 characters): it goes into the audit log.').max(1_000),
}).strict();

export const exportInputSchema = z.object({
  scanId: z.string().min(1).max(100),
  format: z.enum(['jsonl', 'csv']),
  /** Masked fields stay masked unless asked, with a reason that goes into the audit log. */
  unmasked: z.boolean().default(false),
  reason: z.string().trim().max(1_000).optional(),
}).strict();

export const exportSchema = z.object({
  fileName: z.string(),
  mediaType: z.string(),
  content: z.string(),
  records: z.number().int(),
  masked: z.boolean(),
  maskedFields: z.number().int(),
});
export type RecordsExport = z.infer<typeof exportSchema>;

// Produce ------------------------------------------------------------------------------------

export const producePartSchema = z.discriminatedUnion('format', [
  z.object({ format: z.literal('null') }).strict(),
  z.object({ format: z.literal('text'), text: z.string().max(recordLimits.maxProduceBytes) }).strict(),
  z.object({ format: z.literal('json'), text: z.string().max(recordLimits.maxProduceBytes) }).strict(),
  /** A JSON value encoded with a registered schema in the wire format. */
  z.object({
    format: z.literal('schema'),
    text: z.string().max(recordLimits.maxProduceBytes),
    /** Absent: TopicNameStrategy, `<topic>-key` or `<topic>-value`. */
    subject: z.string().min(1).max(1_000).optional(),
    version: z.union([z.number().int().min(1), z.literal('latest')]).default('latest'),
    /** Protobuf only: the message to write (`pkg.Outer.Inner`, or its last name); absent, the schema's first. */
    messageType: z.string().min(1).max(500).optional(),
  }).strict(),
]);
export type ProducePart = z.infer<typeof producePartSchema>;

export const produceInputSchema = z.object({
  topic: topicName,
  /** Absent: the producer's partitioner (murmur2 of the key, as Kafka's clients do). */
  partition: partitionNumber.optional(),
  key: producePartSchema,
  value: producePartSchema,
  headers: z.array(z.object({ key: z.string().min(1).max(1_000), value: z.string().max(65_536) }).strict()).max(recordLimits.maxHeaders).default([]),
  dryRun: z.boolean(),
  confirmation: z.string().max(1_000).optional(),
}).strict();
export type ProduceInput = z.infer<typeof produceInputSchema>;

const encodedPartSchema = z.object({
  format: z.enum(['null', 'text', 'json', 'schema']),
  size: z.number().int(),
  schema: schemaRefSchema.nullable(),
});

export const produceResultSchema = z.object({
  topic: z.string(),
  /** The partition chosen, or null when the producer's partitioner picks it. */
  partition: z.number().int().nullable(),
  partitionNote: z.string(),
  key: encodedPartSchema,
  value: encodedPartSchema,
  size: z.number().int(),
  command: z.string(),
  requiresConfirmation: z.string().nullable(),
  blockedReason: z.string().nullable(),
  applied: z.boolean(),
  /** Where the record landed, and the record read back from there. */
  offset: z.number().int().nullable(),
  readBack: recordViewSchema.nullable(),
});
export type ProduceResult = z.infer<typeof produceResultSchema>;
