// Offset resets as kafka-consumer-groups offers them, always previewed first. Pure parts: input
// validation, the replay/skip arithmetic and the equivalent command line.
import { z } from 'zod';

export const resetKinds = ['earliest', 'latest', 'timestamp', 'offset', 'shiftBy', 'duration', 'fromGroup'] as const;
export type ResetKind = (typeof resetKinds)[number];

/** ISO-8601 durations as kafka-consumer-groups --by-duration takes them: PnDTnHnMnS. */
const durationPattern = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

export function parseDuration(text: string): number | null {
  const m = durationPattern.exec(text.trim());
  if (!m || text.trim() === 'P' || text.trim().endsWith('T')) return null;
  const [, d, h, min, s] = m;
  return ((Number(d ?? 0) * 24 + Number(h ?? 0)) * 60 + Number(min ?? 0)) * 60_000 + Number(s ?? 0) * 1000;
}

export const resetTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('earliest') }),
  z.object({ kind: z.literal('latest') }),
  z.object({ kind: z.literal('timestamp'), value: z.union([z.number().int().nonnegative(), z.string().datetime({ offset: true })]) }),
  z.object({ kind: z.literal('offset'), value: z.number().int().nonnegative() }),
  z.object({ kind: z.literal('shiftBy'), value: z.number().int() }),
  z.object({ kind: z.literal('duration'), value: z.string().refine((v) => parseDuration(v) !== null, 'A duration is ISO-8601, for example PT30M or P1DT2H') }),
  z.object({ kind: z.literal('fromGroup'), value: z.string().min(1) }),
]);
export type ResetTarget = z.infer<typeof resetTargetSchema>;

const partitionRefSchema = z.object({ topic: z.string().min(1), partition: z.number().int().nonnegative() });

export const resetInputSchema = z.object({
  groupId: z.string().min(1),
  topics: z.array(z.string().min(1)).min(1).optional(),
  partitions: z.array(partitionRefSchema).min(1).optional(),
  to: resetTargetSchema,
  dryRun: z.boolean(),
  /** On a production profile, applying needs the profile's name typed here. */
  confirmation: z.string().optional(),
  /**
   * The current offsets the preview showed. When given, apply is refused if they changed since,
   * so a double click or a retry never applies a relative reset (shift by N) twice.
   */
  expectedCurrent: z.array(partitionRefSchema.extend({ offset: z.number().nullable() })).optional(),
}).strict().refine((v) => !(v.topics && v.partitions), 'Choose topics or partitions, not both');
export type ResetInput = z.infer<typeof resetInputSchema>;

export const deleteGroupInputSchema = z.object({ groupId: z.string().min(1), dryRun: z.boolean(), confirmation: z.string().optional() }).strict();
export type DeleteGroupInput = z.infer<typeof deleteGroupInputSchema>;
export const deleteOffsetsInputSchema = z.object({ groupId: z.string().min(1), topic: z.string().min(1), dryRun: z.boolean(), confirmation: z.string().optional() }).strict();
export type DeleteOffsetsInput = z.infer<typeof deleteOffsetsInputSchema>;

export const deletePreviewSchema = z.object({
  groupId: z.string(),
  dryRun: z.boolean(),
  deleted: z.boolean(),
  state: z.string(),
  activeMembers: z.number(),
  blockedReason: z.string().nullable(),
  requiresConfirmation: z.string().nullable(),
  partitions: z.array(z.object({ topic: z.string(), partition: z.number(), committedOffset: z.number().nullable() })),
  command: z.string(),
});
export type DeletePreview = z.infer<typeof deletePreviewSchema>;

export const resetRowSchema = z.object({
  topic: z.string(),
  partition: z.number(),
  currentOffset: z.number().nullable(),
  newOffset: z.number(),
  logStartOffset: z.number().nullable(),
  logEndOffset: z.number().nullable(),
  /** Records the group will read again (moving back). */
  replayed: z.number(),
  /** Records the group will never read (moving forward). */
  skipped: z.number(),
});
export type ResetRow = z.infer<typeof resetRowSchema>;

export const resetResultSchema = z.object({
  groupId: z.string(),
  dryRun: z.boolean(),
  applied: z.boolean(),
  state: z.string(),
  activeMembers: z.number(),
  /** Why apply would be refused now (active members), with what to do. */
  blockedReason: z.string().nullable(),
  requiresConfirmation: z.string().nullable(),
  partitions: z.array(resetRowSchema),
  totals: z.object({ partitions: z.number(), replayed: z.number(), skipped: z.number(), unchanged: z.number() }),
  command: z.string(),
  notes: z.array(z.string()),
});
export type ResetResult = z.infer<typeof resetResultSchema>;

export function replaySkip(currentOffset: number | null, newOffset: number): { replayed: number; skipped: number } {
  if (currentOffset === null) return { replayed: 0, skipped: 0 };
  return { replayed: Math.max(0, currentOffset - newOffset), skipped: Math.max(0, newOffset - currentOffset) };
}

export function totalsOf(rows: ResetRow[]) {
  return {
    partitions: rows.length,
    replayed: rows.reduce((n, r) => n + r.replayed, 0),
    skipped: rows.reduce((n, r) => n + r.skipped, 0),
    unchanged: rows.filter((r) => r.currentOffset === r.newOffset).length,
  };
}

const quote = (s: string) => (/^[\w.:,@/-]+$/.test(s) ? s : `'${s.replaceAll("'", "'\\''")}'`);

function scopeArgs(input: Pick<ResetInput, 'topics' | 'partitions'>): string[] {
  if (input.partitions) {
    const byTopic = new Map<string, number[]>();
    for (const p of input.partitions) byTopic.set(p.topic, [...(byTopic.get(p.topic) ?? []), p.partition]);
    return [...byTopic].flatMap(([t, ps]) => ['--topic', quote(`${t}:${ps.sort((a, b) => a - b).join(',')}`)]);
  }
  if (input.topics) return input.topics.flatMap((t) => ['--topic', quote(t)]);
  return ['--all-topics'];
}

function targetArgs(to: ResetTarget): string[] {
  switch (to.kind) {
    case 'earliest': return ['--to-earliest'];
    case 'latest': return ['--to-latest'];
    case 'timestamp': return ['--to-datetime', new Date(to.value).toISOString()];
    case 'offset': return ['--to-offset', String(to.value)];
    case 'shiftBy': return ['--shift-by', String(to.value)];
    case 'duration': return ['--by-duration', to.value];
    // The CLI has no "copy from group": it takes a CSV of topic,partition,offset, as exported here.
    case 'fromGroup': return ['--from-file', quote(`${to.value}-offsets.csv`)];
  }
}

export function resetCommand(bootstrap: string[], input: Pick<ResetInput, 'groupId' | 'topics' | 'partitions' | 'to' | 'dryRun'>): string {
  return ['kafka-consumer-groups.sh', '--bootstrap-server', quote(bootstrap.join(',')), '--group', quote(input.groupId), '--reset-offsets',
    ...targetArgs(input.to), ...scopeArgs(input), input.dryRun ? '--dry-run' : '--execute'].join(' ');
}

export const deleteGroupCommand = (bootstrap: string[], groupId: string) =>
  `kafka-consumer-groups.sh --bootstrap-server ${quote(bootstrap.join(','))} --delete --group ${quote(groupId)}`;

export const deleteOffsetsCommand = (bootstrap: string[], groupId: string, topic: string) =>
  `kafka-consumer-groups.sh --bootstrap-server ${quote(bootstrap.join(','))} --delete-offsets --group ${quote(groupId)} --topic ${quote(topic)}`;
