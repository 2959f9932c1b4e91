// Kafka 4's dynamic group configs (ConfigResource GROUP, KIP-848/932/1071): session and heartbeat
// intervals of consumer, share and streams groups, share.auto.offset.reset and the like, set per
// group without restarting anyone. Read with DescribeConfigs, changed with IncrementalAlterConfigs
// through the same preview, confirmation and audit as every other action.
import { z } from 'zod';
import { configChangesSchema, configEntrySchema } from './configs';

const groupId = z.string().min(1).max(2_000);

export const groupConfigsInputSchema = z.object({ groupId }).strict();
export const groupConfigsSchema = z.object({ groupId: z.string(), configs: z.array(configEntrySchema), asOf: z.number() });
export type GroupConfigs = z.infer<typeof groupConfigsSchema>;

export const alterGroupConfigsInputSchema = z.object({
  groupId,
  changes: configChangesSchema,
  /** The values the preview showed (null: not set for this group); apply is refused if one changed since. */
  expectedBefore: z.record(z.string(), z.string().nullable()).optional(),
  dryRun: z.boolean(),
  confirmation: z.string().max(300).optional(),
}).strict();
export type AlterGroupConfigsInput = z.infer<typeof alterGroupConfigsInputSchema>;
