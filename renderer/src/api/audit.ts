// The audit log of every control action, newest first (live).
import { useLiveQuery } from './query-core';

export const useAuditLog = (limit: number) => useLiveQuery('audit.list', { limit });
