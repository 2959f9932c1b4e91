// The replication slice: pipelines and mismatches from the verification API, and reconciliation.
import type { replicationContract } from '../../shared/replication/contract';
import type { HandlerSlice } from '../platform/handler-types';
import type { ReplicationService } from './replication-service';

export const replicationHandlers = (replication: ReplicationService): HandlerSlice<typeof replicationContract> => ({
  'replication.pipelines': () => replication.verifier.pipelines(),
  'replication.mismatches': (input) => replication.verifier.mismatches(input),
  'replication.mismatch': ({ id }) => replication.verifier.mismatch(id),
  'replication.reconcile': (input) => replication.reconcile(input),
  'replication.reconcileMany': (input) => replication.reconcileMany(input),
  'replication.reconcileJob': ({ id }) => replication.verifier.reconcileJob(id),
  'replication.cancelReconcileJob': (input) => replication.cancelReconcileJob(input),
});
