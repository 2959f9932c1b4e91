// Pairs intents with their outcomes into the actions the Audit page lists, and filters them.
import type { AuditAction, AuditFilter, AuditRecord } from './audit-record';

const legacyResult = (result: AuditRecord['result']): AuditAction['result'] => (result === 'ok' ? 'applied' : result === 'error' ? 'failed' : (result ?? 'pending'));

/** Records in file order → actions, newest first. An outcome without its intent stands alone. */
export function pairActions(records: AuditRecord[]): AuditAction[] {
  const actions = new Map<string, AuditAction>();
  for (const record of records) {
    if (record.phase === 'outcome' && record.intentId && actions.has(record.intentId)) {
      const action = actions.get(record.intentId)!;
      actions.set(record.intentId, {
        ...action,
        result: legacyResult(record.result),
        after: record.after ?? action.after,
        command: record.command ?? action.command,
        error: record.error ?? null,
        note: record.note ?? null,
        ...(record.readBack === undefined ? {} : { readBack: record.readBack }),
        outcomeTime: record.time,
      });
      continue;
    }
    actions.set(record.intentId ?? record.id, {
      id: record.intentId ?? record.id, time: record.time, profile: record.profile, action: record.action, endpoint: record.endpoint ?? null,
      target: record.target, before: record.before, after: record.after, command: record.command ?? null,
      result: record.phase === 'intent' ? 'pending' : legacyResult(record.result),
      error: record.error ?? null, note: record.note ?? null, ...(record.readBack === undefined ? {} : { readBack: record.readBack }),
      outcomeTime: record.phase === 'intent' ? null : record.time,
    });
  }
  return [...actions.values()].reverse();
}

export function matchesFilter(action: AuditAction, filter: AuditFilter): boolean {
  if (filter.from && action.time < filter.from) return false;
  if (filter.to && action.time > filter.to) return false;
  if (filter.profile && !`${action.profile.name} ${action.profile.id}`.toLowerCase().includes(filter.profile.toLowerCase())) return false;
  if (filter.action && !action.action.toLowerCase().includes(filter.action.toLowerCase())) return false;
  if (filter.result && action.result !== filter.result) return false;
  if (filter.target) {
    const text = JSON.stringify(action.target ?? null).toLowerCase();
    if (!filter.target.toLowerCase().split(/\s+/).filter(Boolean).every((word) => text.includes(word))) return false;
  }
  return true;
}

const csvCell = (value: unknown) => {
  const text = value === undefined || value === null ? '' : typeof value === 'string' ? value : JSON.stringify(value);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

/** Actions as CSV with a header row, for spreadsheets; JSON Lines keeps everything. */
export function actionsAsCsv(actions: AuditAction[]): string {
  const columns = ['time', 'profile', 'production', 'action', 'endpoint', 'target', 'result', 'error', 'note', 'command', 'outcomeTime'] as const;
  const rows = actions.map((a) => [a.time, a.profile.name, a.profile.production, a.action, a.endpoint, a.target, a.result, a.error, a.note, a.command, a.outcomeTime].map(csvCell).join(','));
  return [columns.join(','), ...rows].join('\n') + '\n';
}
