// The audit slice: the log's actions (intent and outcome paired), filtered; the chain's state; an
// export of what the filter shows.
import { actionsAsCsv, matchesFilter, pairActions } from '../../shared/audit/audit-actions';
import type { auditContract } from '../../shared/audit/contract';
import type { AuditFilter } from '../../shared/audit/audit-record';
import type { HandlerSlice } from '../platform/handler-types';
import type { AuditLog } from './audit-log';

/** An export is a file for people and scripts; past this it is a job for `npm run audit`. */
const MAX_EXPORT_ACTIONS = 100_000;

export function auditHandlers(audit: AuditLog): HandlerSlice<typeof auditContract> {
  const filtered = (filter: AuditFilter) => {
    const { records, damagedLines } = audit.read();
    return { actions: pairActions(records).filter((a) => matchesFilter(a, filter)), damagedLines };
  };
  return {
    'audit.list': ({ limit, ...filter }) => {
      const { actions, damagedLines } = filtered(filter);
      return { actions: actions.slice(0, limit ?? 200), matching: actions.length, chain: audit.verify(), damagedLines };
    },
    'audit.verify': () => audit.verify(),
    'audit.export': ({ format, ...filter }) => {
      const actions = filtered(filter).actions.slice(0, MAX_EXPORT_ACTIONS);
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      return format === 'csv'
        ? { fileName: `sluice-audit-${stamp}.csv`, mediaType: 'text/csv', content: actionsAsCsv(actions), actions: actions.length }
        : { fileName: `sluice-audit-${stamp}.jsonl`, mediaType: 'application/x-ndjson', content: actions.map((a) => JSON.stringify(a)).join('\n') + (actions.length ? '\n' : ''), actions: actions.length };
    },
  };
}
