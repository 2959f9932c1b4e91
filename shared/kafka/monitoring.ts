// Shapes of groups.health and groups.history: health with its evidence, lag in time with the model
// that produced each number, and the history behind the charts.
import { z } from 'zod';
import { freshnessSchema } from './freshness';
import { groupTypes } from './groups';

export const partitionStatusSchema = z.enum(['OK', 'WARN', 'STALL', 'STOP', 'REWIND']);
export const groupStatusSchema = z.enum(['OK', 'WARN', 'ERR']);

export const timeLagSchema = z.object({
  /** kafka-lag-exporter's model: when the log end was where the committed offset is now. */
  interpolated: z.number().nullable(),
  /** True when the committed offset is older than every log-end sample and no rate is known: "at least". */
  atLeast: z.boolean(),
  /** How `interpolated` was read: between samples, beyond the oldest at the produce rate, or a lower bound. */
  method: z.enum(['interpolated', 'extrapolated', 'lower-bound']).nullable(),
  /** The timestamp of the record at the committed offset, compared with now. */
  recordTimestamp: z.number().nullable(),
});

export const drainSchema = z.object({ seconds: z.number().nullable(), catchingUp: z.boolean() });

export const partitionHealthSchema = z.object({
  topic: z.string(),
  partition: z.number(),
  status: partitionStatusSchema,
  rule: z.string(),
  complete: z.boolean(),
  committedOffset: z.number(),
  logEndOffset: z.number(),
  lag: z.number(),
  lagSeconds: timeLagSchema,
  /** Records per second, over the last minute. */
  consumeRate: z.number().nullable(),
  produceRate: z.number().nullable(),
  drain: drainSchema,
  /** The observations behind the verdict, oldest first; identical consecutive ones as one run. */
  window: z.array(z.object({ from: z.number(), to: z.number(), count: z.number(), offset: z.number(), lag: z.number(), logEndOffset: z.number() })),
});

export const groupHealthSchema = z.object({
  groupId: z.string(),
  /** null until the group has a committed offset that Sluice has observed. */
  status: groupStatusSchema.nullable(),
  evaluatedAt: z.number().nullable(),
  complete: z.boolean(),
  lag: z.number().nullable(),
  lagSeconds: timeLagSchema,
  consumeRate: z.number().nullable(),
  produceRate: z.number().nullable(),
  drain: drainSchema,
  partitions: z.array(partitionHealthSchema),
  /** How old the sweep behind this verdict is. */
  freshness: freshnessSchema,
});
export type GroupHealth = z.infer<typeof groupHealthSchema>;

export const groupEventSchema = z.discriminatedUnion('kind', [
  z.object({ at: z.number(), kind: z.literal('state'), from: z.string(), to: z.string() }),
  z.object({ at: z.number(), kind: z.literal('type'), from: z.enum(groupTypes), to: z.enum(groupTypes) }),
  z.object({ at: z.number(), kind: z.enum(['group-epoch', 'assignment-epoch']), from: z.number(), to: z.number() }),
  z.object({ at: z.number(), kind: z.enum(['join', 'leave']), memberId: z.string(), clientId: z.string() }),
]);
export type GroupEventView = z.infer<typeof groupEventSchema>;

export const groupHistorySchema = z.object({
  groupId: z.string(),
  type: z.enum(groupTypes),
  state: z.string(),
  /** [time ms, total lag, interpolated lag seconds], recorded when a value changed. */
  lag: z.array(z.tuple([z.number(), z.number().nullable(), z.number().nullable()])),
  partitions: z.array(z.object({ topic: z.string(), partition: z.number(), points: z.array(z.tuple([z.number(), z.number()])) })),
  events: z.array(groupEventSchema),
  states: z.array(z.object({ state: z.string(), from: z.number(), to: z.number() })),
  timeInStateMs: z.record(z.string(), z.number()),
  epochs: z.object({ groupEpoch: z.number().nullable(), assignmentEpoch: z.number().nullable() }),
  /** KIP-848 members whose epoch has been behind the group epoch for longer than `stuckAfterMs`. */
  stuckMembers: z.array(z.object({ memberId: z.string(), clientId: z.string(), memberEpoch: z.number().nullable(), behindSince: z.number(), behindForMs: z.number() })),
  stuckAfterMs: z.number(),
  /** The history covers this period. */
  since: z.number().nullable(),
  /** Main's clock when this answer was made: the right end of every chart. */
  generatedAt: z.number(),
});
export type GroupHistory = z.infer<typeof groupHistorySchema>;
