// What the Replication pages ask of main: the verification API's client (SLUICE_VERIFICATION_URL and
// SLUICE_VERIFICATION_TOKEN) and the reconcile actions, each written to the audit log.
import { notConfigured } from '../platform/service-client';
import type { MismatchFilter } from '../../shared/replication/verification';
import type { AuditLog } from '../audit/audit-log';
import { audited, type ActionRecord, type AuditProfile } from '../audit/audited-action';
import { VerificationClient } from './verification-client';

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

  async reconcile(input: { id: string; dryRun: boolean; idempotencyKey: string }) {
    if (input.dryRun) return this.verifier.reconcile(input.id, true, input.idempotencyKey);
    const record = this.#record('replication.reconcile', { mismatchId: input.id, idempotencyKey: input.idempotencyKey });
    return audited(this.audit, record, () => this.verifier.reconcile(input.id, false, input.idempotencyKey), {
      // A replayed answer (double click, retry) changed nothing: one intent, one audit record.
      skip: (response) => response.dryRun || response.result.replayed,
      after: (response) => (response.dryRun ? undefined : { action: response.result.action, verified: response.result.verified, status: response.result.status }),
      commandOf: (response) => (response.dryRun ? undefined : response.result.sql.join(';\n')),
    });
  }

  reconcileMany(input: { filter: Omit<MismatchFilter, 'status'>; idempotencyKey: string }) {
    const record = this.#record('replication.reconcileMany', { filter: input.filter, idempotencyKey: input.idempotencyKey });
    return audited(this.audit, record, () => this.verifier.startReconcileJob(input.filter, input.idempotencyKey), {
      after: (job) => ({ jobId: job.id, total: job.total }),
    });
  }

  cancelReconcileJob(input: { id: string; idempotencyKey: string }) {
    return audited(this.audit, this.#record('replication.cancelReconcileJob', { jobId: input.id }), () => this.verifier.cancelReconcileJob(input.id, input.idempotencyKey), {
      after: (job) => ({ succeeded: job.succeeded, failed: job.failed, total: job.total }),
    });
  }
}
