// The one path of every mutating action, whatever it changes (a group's offsets, a registry
// subject, a replicated row): an *intent* record is written and fsynced before anything is applied
// (a disk that cannot take it refuses the action: nothing applied), then the action runs, then an
// *outcome* record says what really happened:
//   applied  — it took effect (also when the answer was lost but reading the target back shows it);
//   refused  — the target said no, nothing changed (a rule, a conflict, a bad input);
//   failed   — it did not take effect, and that is known (read back, or it never left Sluice);
//   unknown  — the answer was lost and the target could not be read back.
// The caller is answered with that truth: never a failure for something that was applied.
import type { ActionResult, AuditRecord } from '../../shared/audit/audit-record';
import type { MethodName } from '../../shared/contract';
import { AppFailure, type ErrorCode } from '../../shared/common/result';
import type { ProfileView } from '../../shared/profiles/profiles';
import { createLogger } from '../platform/logger';
import type { AuditLog } from './audit-log';

const log = createLogger('audited-action');

export type AuditProfile = AuditRecord['profile'];

/** The profile a record names: the active one, or "no profile" for actions that need none. */
export const auditProfileOf = (profile: ProfileView | null): AuditProfile =>
  profile ? { id: profile.id, name: profile.name, production: profile.production } : { id: 'none', name: 'no profile', production: false };

export interface ActionRecord {
  profile: AuditProfile;
  action: MethodName;
  /** Where it is applied: a cluster's bootstrap brokers, a registry URL, a service URL. */
  endpoint: string;
  target: unknown;
  before?: unknown;
  /** What the action will change to, when known before it runs. */
  after?: unknown;
  command?: string;
  /**
   * The action shows what is hidden (masked record values) and changes nothing: it is audited for
   * its reason, but a production profile's read-only mode does not stop it.
   */
  readsOnly?: true;
}

/** What reading the target back found, for an action whose answer was lost. */
export type ReadBack<T> =
  | { applied: true; result: T; observed: unknown }
  | { applied: false; observed: unknown }
  /** Part of it is there (some partitions moved, others not): neither applied nor failed. */
  | { applied: 'partly'; observed: unknown };

export interface AuditedOptions<T> {
  /** What the action changed to, read from its answer. */
  after?: (result: T) => unknown;
  /** The equivalent command, when only the answer tells it (the SQL a reconcile ran). */
  commandOf?: (result: T) => string | undefined;
  /** Extra facts kept on the outcome when it is not applied (an override reason, say). */
  afterOnFailure?: unknown;
  /** An applied answer that is a replay of an earlier attempt: a note for the outcome record. */
  replayNote?: (result: T) => string | null;
  /** Reads the target to learn whether an action whose answer was lost took effect. */
  readBack?: () => Promise<ReadBack<T>>;
  /** How a thrown error is classified; the default reads the error code. */
  classify?: (error: unknown) => Exclude<ActionResult, 'applied'>;
}

/** Codes that mean the target (or Sluice's own checks) said no and nothing changed. */
const refusedCodes = new Set<ErrorCode>([
  'INVALID_INPUT', 'NOT_FOUND', 'GROUP_NOT_EMPTY', 'CONFIRMATION_REQUIRED', 'STALE_PREVIEW', 'CONFLICT', 'KAFKA_ERROR', 'FORBIDDEN', 'UNAUTHORIZED', 'NO_PROFILE',
  'PRODUCTION_READ_ONLY',
]);
/** Codes that mean the request never reached the target. */
const failedCodes = new Set<ErrorCode>(['SERVICE_NOT_CONFIGURED']);

export function classifyFailure(error: unknown): Exclude<ActionResult, 'applied'> {
  if (error instanceof AppFailure) {
    if (refusedCodes.has(error.code)) return 'refused';
    if (failedCodes.has(error.code)) return 'failed';
  }
  // Timeouts, closed connections, 5xx, bugs: the request may have been applied.
  return 'unknown';
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Runs `apply` as an audited action. The log's guards are asked first (a production profile
 * without a write grant refuses here with PRODUCTION_READ_ONLY: nothing written, nothing applied).
 * Throws AUDIT_UNAVAILABLE (nothing applied) when the intent cannot be written; returns the result
 * when it was applied (read back if its answer was lost); rethrows (or throws OUTCOME_UNKNOWN)
 * otherwise, after recording the outcome.
 */
export async function audited<T>(audit: AuditLog, record: ActionRecord, apply: () => Promise<T>, options: AuditedOptions<T> = {}): Promise<T> {
  audit.checkGuards({
    profile: record.profile, action: record.action, endpoint: record.endpoint, target: record.target,
    ...(record.command ? { command: record.command } : {}), ...(record.readsOnly ? { readsOnly: true } : {}),
  });
  const { readsOnly: _readsOnly, ...recorded } = record;
  const intent = audit.append({ ...recorded, phase: 'intent' });
  const outcome = (fields: Partial<AuditRecord> & { result: ActionResult }) => {
    try {
      audit.append({ profile: record.profile, action: record.action, endpoint: record.endpoint, target: record.target, phase: 'outcome', intentId: intent.id, ...fields });
    } catch (error) {
      // The intent is on disk; an applied action must still be answered as applied.
      log.error(`Could not record the outcome (${fields.result}) of ${record.action}`, error);
    }
  };
  const applied = (result: T, note?: string, readBack?: unknown) => {
    const command = options.commandOf?.(result);
    const replay = options.replayNote?.(result) ?? null;
    outcome({
      result: 'applied', ...(options.after ? { after: options.after(result) } : {}), ...(command ? { command } : {}),
      ...(note || replay ? { note: [note, replay].filter(Boolean).join(' ') } : {}), ...(readBack === undefined ? {} : { readBack }),
    });
    return result;
  };

  let result: T;
  try {
    result = await apply();
  } catch (error) {
    const kind = options.classify?.(error) ?? classifyFailure(error);
    const failure = { error: messageOf(error), ...(options.afterOnFailure === undefined ? {} : { after: options.afterOnFailure }) };
    if (kind !== 'unknown' || !options.readBack) {
      outcome({ result: kind, ...failure });
      throw error;
    }
    let found: ReadBack<T>;
    try {
      found = await options.readBack();
    } catch (readError) {
      outcome({ result: 'unknown', ...failure, note: `The answer was lost and the target could not be read back (${messageOf(readError)}).` });
      throw new AppFailure('OUTCOME_UNKNOWN', `${messageOf(error)} — and reading it back failed (${messageOf(readError)}), so whether ${record.action} took effect is unknown. Check the target before retrying.`, { action: record.action, intentId: intent.id });
    }
    if (found.applied === true) return applied(found.result, `Applied, though the answer was lost (${messageOf(error)}); read back from the target.`, found.observed);
    if (found.applied === 'partly') {
      outcome({ result: 'unknown', ...failure, readBack: found.observed, note: 'Partly applied: reading the target back shows some of the change, not all of it.' });
      throw new AppFailure('OUTCOME_UNKNOWN', `${messageOf(error)} — and reading the target back shows ${record.action} only partly applied. Look at the target, then preview again.`, { action: record.action, intentId: intent.id, observed: found.observed });
    }
    outcome({ result: 'failed', ...failure, readBack: found.observed, note: 'Not applied: reading the target back shows it unchanged.' });
    throw error;
  }
  return applied(result);
}
