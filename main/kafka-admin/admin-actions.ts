// What every admin action shares (topic writes in main/topics, group configs in main/kafka): the
// production confirmation, the audit record's who and where, the broker's own validation as part
// of the preview (validateOnly), and the config change — previewed as a diff, checked against what
// the preview showed, applied through audited() and read back when the answer is lost.
import {
  changeApplied, configDiff, configsCommand, configView, unknownConfigNames,
  type AlterConfigsResult, type ConfigChanges, type ConfigEntityType, type ConfigEntryView,
} from '../../shared/kafka/configs';
import type { MethodName } from '../../shared/contract';
import { AppFailure } from '../../shared/common/result';
import type { ProfileView } from '../../shared/profiles/profiles';
import type { AuditLog } from '../audit/audit-log';
import { audited, auditProfileOf, type ActionRecord, type ReadBack } from '../audit/audited-action';
import type { AdminPort, ConfigResource } from './admin-port';

/** Work on one key (a topic, a group) runs one at a time: a double click meets the first's result. */
export interface ActionQueue {
  run<T>(key: string, work: () => Promise<T>): Promise<T>;
}

export interface AdminActionContext {
  admin: AdminPort;
  profile: ProfileView;
  audit: AuditLog;
  queue: ActionQueue;
}

/** On a production profile, applying needs the profile's name typed in full. */
export function requireConfirmation(profile: ProfileView, confirmation: string | undefined, action: string): void {
  if (!profile.production) return;
  if ((confirmation ?? '').trim() !== profile.name) {
    throw new AppFailure('CONFIRMATION_REQUIRED', `“${profile.name}” is a production profile: type its name to ${action}.`, { expected: 'the profile name' });
  }
}

export const requiresConfirmation = (profile: ProfileView) => (profile.production ? profile.name : null);

export const actionRecord = (profile: ProfileView, record: Omit<ActionRecord, 'profile' | 'endpoint'>): ActionRecord =>
  ({ profile: auditProfileOf(profile), endpoint: profile.bootstrapBrokers.join(','), ...record });

/** Asks the broker whether it would accept the change (validateOnly); its refusal becomes the preview's reason. */
export async function validated(check: () => Promise<void>): Promise<{ ok: boolean; message: string | null }> {
  try {
    await check();
    return { ok: true, message: null };
  } catch (error) {
    if (error instanceof AppFailure && (error.code === 'KAFKA_UNREACHABLE' || error.code === 'NO_PROFILE')) throw error;
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

export async function configsOf(admin: AdminPort, resource: ConfigResource): Promise<ConfigEntryView[]> {
  const answer = (await admin.describeConfigs([resource])).get(`${resource.type}:${resource.name}`);
  if (!answer) throw new AppFailure('KAFKA_ERROR', `Kafka did not describe the configs of ${resource.type} "${resource.name}".`);
  if ('error' in answer) {
    const code = answer.error === 'UNKNOWN_TOPIC_OR_PARTITION' || answer.error === 'GROUP_ID_NOT_FOUND' ? 'NOT_FOUND' : 'KAFKA_ERROR';
    throw new AppFailure(code, `Kafka could not describe the configs of ${resource.type} "${resource.name}": ${answer.message}`, { kafkaError: answer.error });
  }
  return answer.configs.map(configView);
}

/** The value a config holds at this resource's own level (what a change replaces); null when inherited. */
const ownValue = (entry: ConfigEntryView | undefined) => (entry && entry.source === 'dynamic' ? entry.value : null);

export interface AlterConfigsRequest {
  action: Extract<MethodName, 'topics.alterConfigs' | 'groups.alterConfigs'>;
  resource: ConfigResource;
  entityType: ConfigEntityType;
  changes: ConfigChanges;
  expectedBefore?: Record<string, string | null>;
  dryRun: boolean;
  confirmation?: string;
  /** Why the resource must not be changed from here (an internal topic), or null. */
  refusal: string | null;
  /** Called after an apply (applied or not), so what reads the resource reads it again. */
  changed?: () => void;
}

/** A config change of a topic or a group: the preview (diff, validation, command) and, unless a dry run, the audited apply. */
export async function alterConfigs(ctx: AdminActionContext, request: AlterConfigsRequest): Promise<AlterConfigsResult> {
  const run = async (): Promise<AlterConfigsResult> => {
    const current = await configsOf(ctx.admin, request.resource);
    const rows = configDiff(current, request.changes);
    const unknownNames = unknownConfigNames(current, request.changes);
    const byName = new Map(current.map((c) => [c.name, c]));
    const readOnly = rows.filter((r) => byName.get(r.name)?.readOnly).map((r) => r.name);
    const blockedReason = request.refusal
      ?? (readOnly.length ? `${readOnly.join(', ')} ${readOnly.length === 1 ? 'is' : 'are'} read-only: Kafka does not change ${readOnly.length === 1 ? 'it' : 'them'} at runtime.` : null);
    const validation = blockedReason ? { ok: false, message: blockedReason } : await validated(() => ctx.admin.alterConfigs(request.resource, request.changes, true));
    const notes: string[] = [];
    if (request.changes.delete.length) notes.push('A deleted config falls back to what is inherited (the broker\'s or Kafka\'s default).');
    if (rows.some((r) => r.sensitive)) notes.push('Sensitive values are never shown or recorded; the audit record keeps only their names.');
    const result: AlterConfigsResult = {
      resource: request.resource.name, rows, unknownNames, validation,
      dryRun: request.dryRun, applied: false,
      blockedReason: blockedReason ?? (validation.ok ? null : validation.message),
      requiresConfirmation: requiresConfirmation(ctx.profile),
      command: configsCommand(ctx.profile.bootstrapBrokers, request.entityType, request.resource.name, request.changes),
      notes,
    };
    if (request.dryRun) return result;
    if (blockedReason) throw new AppFailure('INVALID_INPUT', blockedReason);
    requireConfirmation(ctx.profile, request.confirmation, 'change these configs');
    if (request.expectedBefore) {
      const moved = Object.entries(request.expectedBefore).filter(([name, value]) => ownValue(byName.get(name)) !== value).map(([name]) => name);
      if (moved.length) throw new AppFailure('STALE_PREVIEW', `${moved.join(', ')} changed since the preview (someone else changed ${moved.length === 1 ? 'it' : 'them'}, or this change was already applied). Preview again.`, { changed: moved });
    }
    const changing = rows.filter((r) => r.change !== 'unchanged');
    if (changing.length === 0) throw new AppFailure('INVALID_INPUT', 'Nothing to change: every config already has the value asked for.');
    const pending = { set: Object.fromEntries(Object.entries(request.changes.set).filter(([k]) => changing.some((r) => r.name === k))), delete: request.changes.delete.filter((k) => changing.some((r) => r.name === k)) };
    // Sensitive values never reach the audit log: the diff rows carry only their names.
    const recordRows = (list: typeof rows, side: 'before' | 'after') => Object.fromEntries(list.map((r) => [r.name, r.sensitive ? '(sensitive)' : r[side]]));
    try {
      await audited(ctx.audit, actionRecord(ctx.profile, {
        action: request.action, target: { [request.resource.type]: request.resource.name }, command: result.command,
        before: recordRows(changing, 'before'), after: recordRows(changing, 'after'),
      }), () => ctx.admin.alterConfigs(request.resource, pending, false), {
        readBack: async (): Promise<ReadBack<void>> => {
          const now = await configsOf(ctx.admin, request.resource);
          const state = changeApplied(now, pending);
          const observed = Object.fromEntries(changing.map((r) => { const c = now.find((x) => x.name === r.name); return [r.name, c?.sensitive ? '(sensitive)' : ownValue(c)]; }));
          if (state === 'all') return { applied: true, result: undefined, observed };
          return { applied: state === 'none' ? false : 'partly', observed };
        },
      });
    } finally {
      request.changed?.();
    }
    return { ...result, applied: true };
  };
  return request.dryRun ? run() : ctx.queue.run(`${request.resource.type}:${request.resource.name}`, run);
}
