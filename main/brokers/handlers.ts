// The brokers slice: brokers (with the cluster's partition health), one broker's configs, the KRaft
// quorum, ACLs and client quotas, all read-only, from the active profile's admin session.
import type { brokersContract } from '../../shared/brokers/contract';
import type { AdminSessions } from '../kafka-admin/admin-sessions';
import type { HandlerSlice } from '../platform/handler-types';
import { BrokersService } from './brokers-service';

export function brokersHandlers(admins: AdminSessions): HandlerSlice<typeof brokersContract> {
  const service = new BrokersService(() => admins.active().admin);
  return {
    'brokers.list': () => service.list(),
    'brokers.describe': ({ nodeId }) => service.describe(nodeId),
    'cluster.quorum': () => service.quorum(),
    'acls.list': () => service.acls(),
    'quotas.list': () => service.quotas(),
  };
}
