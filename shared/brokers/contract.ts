// Brokers and the cluster's machinery, read-only: brokers with racks, listeners and log-dir usage
// (plus the cluster's under-replicated and offline partition counts), one broker's configs, the
// KRaft quorum, ACLs and client quotas.
import { z } from 'zod';
import { method, noInput } from '../common/contract-method';
import { aclListSchema, brokerDetailSchema, brokerListSchema, quorumSchema, quotaListSchema } from './brokers';

export const brokersContract = {
  'brokers.list': method({ input: noInput, output: brokerListSchema, live: 10_000 }),
  'brokers.describe': method({ input: z.object({ nodeId: z.number().int().min(0).max(2_147_483_647) }).strict(), output: brokerDetailSchema, live: 15_000 }),
  'cluster.quorum': method({ input: noInput, output: quorumSchema, live: 5_000 }),
  'acls.list': method({ input: noInput, output: aclListSchema }),
  'quotas.list': method({ input: noInput, output: quotaListSchema }),
};
