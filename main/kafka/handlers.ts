// The Kafka slice: cluster and groups from the active profile's session, and the three control
// actions on a group. A finished monitor sweep makes the groups list stale. Live answers carry
// their freshness; a group page gets the last detail, marked, while the coordinator does not answer.
import type { kafkaContract } from '../../shared/kafka/contract';
import type { AuditLog } from '../audit/audit-log';
import type { AdminSessions } from '../kafka-admin/admin-sessions';
import type { HandlerSlice } from '../platform/handler-types';
import type { StaleFeed } from '../platform/stale-feed';
import type { ProfileStore } from '../settings/profile-store';
import { describeCluster } from './cluster-service';
import type { KafkaConnections } from './connections';
import { KeyedQueue } from './keyed-queue';
import { alterGroupConfigs, groupConfigs } from './group-configs';
import { deleteGroup, deleteOffsets, resetOffsets, type ActionContext } from './offset-actions';

export interface KafkaHandlerDependencies {
  connections: KafkaConnections;
  profiles: ProfileStore;
  audit: AuditLog;
  stale: StaleFeed;
  /** Admin sessions (main/kafka-admin): the group configs are read and changed through them. */
  admins: AdminSessions;
}

export function kafkaHandlers(deps: KafkaHandlerDependencies): HandlerSlice<typeof kafkaContract> {
  const session = () => deps.connections.active();
  const queue = new KeyedQueue();
  // A sweep changes the list. The cluster falling silent or answering again changes every answer's
  // freshness: open group pages are asked again at once rather than at their next poll.
  let silentSince: number | null = null;
  deps.connections.onMonitorChange((monitor) => {
    const now = monitor.silentSince;
    const silenceChanged = now !== silentSince;
    silentSince = now;
    deps.stale.markStale(silenceChanged ? ['groups.list', 'groups.describe', 'groups.health'] : ['groups.list']);
  });
  const actionContext = (): ActionContext => {
    const s = session();
    return {
      kafka: s.client, groups: s.groups, profile: deps.profiles.get(s.profileId), audit: deps.audit, queue,
      changed: () => s.monitor.refresh(),
      deleted: async (groupId) => {
        s.groups.forget(groupId);
        await s.monitor.forget(groupId);
      },
    };
  };
  return {
    'cluster.describe': () => describeCluster(session().client),
    'groups.list': () => session().groups.groupList(),
    'groups.describe': ({ groupId }) => session().groups.describeLive(groupId),
    'groups.health': ({ groupId }) => session().monitor.health(groupId),
    'groups.history': ({ groupId, stuckAfterMs }) => session().monitor.history(groupId, stuckAfterMs ?? 30_000),
    'groups.resetOffsets': (input) => resetOffsets(actionContext(), input),
    'groups.delete': (input) => deleteGroup(actionContext(), input),
    'groups.deleteOffsets': (input) => deleteOffsets(actionContext(), input),
    'groups.configs': ({ groupId }) => groupConfigs(deps.admins.active().admin, groupId),
    'groups.alterConfigs': (input) => {
      const { admin, profileId } = deps.admins.active();
      return alterGroupConfigs({ admin, profile: deps.profiles.get(profileId), audit: deps.audit, queue }, input);
    },
  };
}
