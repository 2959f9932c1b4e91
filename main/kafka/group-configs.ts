// Kafka 4's dynamic group configs (ConfigResource GROUP): read, and changed through the same
// preview, production confirmation, audit and read-back as every admin action
// (main/kafka-admin/admin-actions.ts). Kafka keeps them per group id, whether or not the group
// exists yet, so a config can be set before its consumers start.
import type { AlterConfigsResult } from '../../shared/kafka/configs';
import type { AlterGroupConfigsInput, GroupConfigs } from '../../shared/kafka/group-configs';
import { alterConfigs, configsOf, type AdminActionContext } from '../kafka-admin/admin-actions';
import type { AdminPort } from '../kafka-admin/admin-port';

export async function groupConfigs(admin: AdminPort, groupId: string): Promise<GroupConfigs> {
  const asOf = Date.now();
  return { groupId, configs: await configsOf(admin, { type: 'group', name: groupId }), asOf };
}

export function alterGroupConfigs(ctx: AdminActionContext, input: AlterGroupConfigsInput): Promise<AlterConfigsResult> {
  return alterConfigs(ctx, {
    action: 'groups.alterConfigs', resource: { type: 'group', name: input.groupId }, entityType: 'groups',
    changes: input.changes, expectedBefore: input.expectedBefore, dryRun: input.dryRun, confirmation: input.confirmation, refusal: null,
  });
}
