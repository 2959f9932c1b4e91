// The one way a control action is written to the audit log, whatever it changes (a group's offsets,
// a registry subject, a replicated row): who (the active profile) did what (the contract method)
// to which target, where (the endpoint it was applied at), with the equivalent command line; the
// record is on disk before success is reported, and a failure is recorded too.
import type { AuditRecord } from '../../shared/audit/audit-record';
import type { MethodName } from '../../shared/contract';
import type { ProfileView } from '../../shared/profiles/profiles';
import type { AuditLog } from './audit-log';

export type AuditProfile = AuditRecord['profile'];

/** The profile a record names: the active one, or "no profile" for actions that need none. */
export const auditProfileOf = (profile: ProfileView | null): AuditProfile =>
  profile ? { id: profile.id, name: profile.name, production: profile.production } : { id: 'none', name: 'no profile', production: false };

export interface ActionRecord {
  profile: AuditProfile;
  action: MethodName;
  /** Where it was applied: a cluster's bootstrap brokers, a registry URL, a service URL. */
  endpoint: string;
  target: unknown;
  before?: unknown;
  /** What the action will change to, when known before it runs. */
  after?: unknown;
  command?: string;
}

export interface AuditedOptions<T> {
  /** What the action changed to, read from its answer. */
  after?: (result: T) => unknown;
  /** The equivalent command, when only the answer tells it (the SQL a reconcile ran). */
  commandOf?: (result: T) => string | undefined;
  /** Extra facts kept on a failure record (an override reason, say). */
  afterOnFailure?: unknown;
  /** An answer that changed nothing (a replayed idempotent request) is not recorded again. */
  skip?: (result: T) => boolean;
}

export async function audited<T>(audit: AuditLog, record: ActionRecord, work: () => Promise<T>, options: AuditedOptions<T> = {}): Promise<T> {
  let result: T;
  try {
    result = await work();
  } catch (error) {
    audit.append({ ...record, after: options.afterOnFailure, result: 'error', error: error instanceof Error ? error.message : String(error) });
    throw error;
  }
  if (!options.skip?.(result)) {
    const command = options.commandOf?.(result) ?? record.command;
    audit.append({ ...record, ...(options.after ? { after: options.after(result) } : {}), ...(command ? { command } : {}), result: 'ok' });
  }
  return result;
}
