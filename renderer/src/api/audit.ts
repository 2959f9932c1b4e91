// The audit log of every control action: actions newest first with the chain's state (live,
// filtered), the chain checked on demand, and an export of what the filter shows.
import type { AuditFilter } from '../../../shared/audit/audit-record';
import { useContractMutation, useLiveQuery } from './query-core';

export const useAuditLog = (filter: AuditFilter, limit: number) => useLiveQuery('audit.list', { ...filter, limit });
export const useExportAudit = () => useContractMutation('audit.export');
