// The audit slice: the newest records of the audit log.
import type { auditContract } from '../../shared/audit/contract';
import type { HandlerSlice } from '../platform/handler-types';
import type { AuditLog } from './audit-log';

export const auditHandlers = (audit: AuditLog): HandlerSlice<typeof auditContract> => ({
  'audit.list': ({ limit }) => ({ records: audit.recent(limit ?? 200) }),
});
