// What the Replication pages ask of main: the verification API's client (SLUICE_VERIFICATION_URL and
// SLUICE_VERIFICATION_TOKEN) and the reconcile actions, each written to the audit log.
import { notConfigured } from '../platform/service-client';
import type { ReconcileJob, ReconcileResponse } from '../../shared/replication/verification';
import type { AuditLog } from '../audit/audit-log';
import { audited, type ActionRecord, type AuditProfile } from '../audit/audited-action';
import { VerificationClient } from './verification-client';
import type { ParsedInput } from '../../shared/contract';

export interface VerificationSettings {
  verificationUrl: string | null;
  verificationToken: string | null;
}

export const verificationSettingsFromEnvironment = (env: NodeJS.ProcessEnv = process.env): VerificationSettings => ({
  verificationUrl: env.SLUICE_VERIFICATION_URL || null,
  verificationToken: env.SLUICE_VERIFICATION_TOKEN || null,
});

export class ReplicationService {
  readonly #verification: VerificationClient | null;

  /** `profile` names who acts in the audit log: the active profile, when there is one. */
  constructor(settings: VerificationSettings, private readonly audit: AuditLog, private readonly profile: () => AuditProfile) {
    this.#verification = settings.verificationUrl ? new VerificationClient({ baseUrl: settings.verificationUrl, token: settings.verificationToken }) : null;
  }

  get verifier(): VerificationClient {
    if (!this.#verification) throw notConfigured('verification API', 'SLUICE_VERIFICATION_URL');
    return this.#verification;
  }

  #record(action: ActionRecord['action'], target: unknown): ActionRecord {
    return { profile: this.profile(), action, endpoint: this.verifier.baseUrl, target };
  }

  async reconcile(input: ParsedInput<'replication.reconcile'>) {
    if (input.dryRun) return this.verifier.reconcile(input.id, true, input.idempotencyKey);
    const record = this.#record('replication.reconcile', { mismatchId: input.id, idempotencyKey: input.idempotencyKey });
    return audited<ReconcileResponse>(this.audit, record, () => this.verifier.reconcile(input.id, false, input.idempotencyKey), {
      after: (response) => (response.dryRun ? undefined : { action: response.result.action, verified: response.result.verified, status: response.result.status }),
      commandOf: (response) => (response.dryRun ? undefined : response.result.sql.join(';\n')),
      // The same idempotency key answered again (a retry after a lost answer, a second click): the
      // service applied it once; this outcome says so rather than counting it twice.
      replayNote: (response) => (!response.dryRun && response.result.replayed ? 'The service replayed the result of the first attempt with this idempotency key: applied once.' : null),
      readBack: async () => {
        const stored = await this.verifier.reconcileByKey(input.idempotencyKey);
        return stored ? { applied: true, result: { dryRun: false as const, result: { ...stored, replayed: true } }, observed: { status: stored.status, verified: stored.verified } } : { applied: false, observed: { idempotencyKey: input.idempotencyKey, stored: null } };
      },
    });
  }

  reconcileMany(input: ParsedInput<'replication.reconcileMany'>) {
    const record = this.#record('replication.reconcileMany', { filter: input.filter, idempotencyKey: input.idempotencyKey });
    return audited<ReconcileJob>(this.audit, record, () => this.verifier.startReconcileJob(input.filter, input.idempotencyKey), {
      after: (job) => ({ jobId: job.id, total: job.total }),
      readBack: async () => {
        const job = await this.verifier.reconcileJobByKey(input.idempotencyKey);
        return job ? { applied: true, result: job, observed: { jobId: job.id, state: job.state } } : { applied: false, observed: { idempotencyKey: input.idempotencyKey, job: null } };
      },
    });
  }

  cancelReconcileJob(input: ParsedInput<'replication.cancelReconcileJob'>) {
    return audited<ReconcileJob>(this.audit, this.#record('replication.cancelReconcileJob', { jobId: input.id }), () => this.verifier.cancelReconcileJob(input.id, input.idempotencyKey), {
      after: (job) => ({ state: job.state, succeeded: job.succeeded, failed: job.failed, total: job.total }),
      readBack: async () => {
        const job = await this.verifier.reconcileJob(input.id);
        return job.state === 'running' ? { applied: false, observed: { state: job.state } } : { applied: true, result: job, observed: { state: job.state } };
      },
    });
  }
}
