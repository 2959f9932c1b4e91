// The Kafka cluster and its consumer groups: listing, describing, health and history (live), and
// the three control actions on a group, each previewed by a dry run first.
import { z } from 'zod';
import { method, noInput } from '../common/contract-method';
import { alterConfigsResultSchema } from './configs';
import { alterGroupConfigsInputSchema, groupConfigsInputSchema, groupConfigsSchema } from './group-configs';
import { clusterSchema, groupListSchema, liveGroupDetailSchema } from './groups';
import { groupHealthSchema, groupHistorySchema } from './monitoring';
import { deleteGroupInputSchema, deleteOffsetsInputSchema, deletePreviewSchema, resetInputSchema, resetResultSchema } from './offset-reset';

const groupId = z.object({ groupId: z.string().min(1) }).strict();
/** What a changed group makes stale; the audit log gained a record. */
const groupReaders = ['groups.list', 'groups.describe', 'groups.health', 'groups.history', 'audit.list'] as const;

export const kafkaContract = {
  'cluster.describe': method({ input: noInput, output: clusterSchema, live: 10_000 }),
  // Each live answer about groups carries its freshness: when it was read, and whether its source is keeping up.
  'groups.list': method({ input: noInput, output: groupListSchema, live: 3_000 }),
  'groups.describe': method({ input: groupId, output: liveGroupDetailSchema, live: 2_000 }),
  'groups.health': method({ input: groupId, output: groupHealthSchema, live: 5_000 }),
  'groups.history': method({
    input: z.object({ groupId: z.string().min(1), stuckAfterMs: z.number().int().min(0).max(86_400_000).optional() }).strict(),
    output: groupHistorySchema,
    live: 5_000,
  }),
  'groups.resetOffsets': method({ input: resetInputSchema, output: resetResultSchema, invalidates: groupReaders }),
  // A deleted group may be one a decision expects (drift on the governance overview).
  'groups.delete': method({ input: deleteGroupInputSchema, output: deletePreviewSchema, invalidates: [...groupReaders, 'governance.overview'] }),
  'groups.deleteOffsets': method({ input: deleteOffsetsInputSchema, output: deletePreviewSchema, invalidates: groupReaders }),
  // Kafka 4's dynamic group configs (session and heartbeat intervals…), through the same preview and audit.
  'groups.configs': method({ input: groupConfigsInputSchema, output: groupConfigsSchema }),
  'groups.alterConfigs': method({ input: alterGroupConfigsInputSchema, output: alterConfigsResultSchema, invalidates: ['groups.configs', 'audit.list'] }),
};
