// What the Replication and Ledger pages ask of main: the service clients (configured from the
// environment: SLUICE_VERIFICATION_URL/TOKEN, SLUICE_LEDGER_URL/TOKEN) and the reconcile actions,
// each of which is written to the audit log.
import type { AuditLog } from '../audit/audit-log';
import { AppFailure } from '../../shared/common/result';
import type { MismatchFilter } from '../../shared/replication/verification';
import { LedgerClient } from '../ledger/ledger-client';
import { VerificationClient } from './verification-client';

export interface ServiceSettings {
  verificationUrl: string | null;
  verificationToken: string | null;
  ledgerUrl: string | null;
  ledgerToken: string | null;
}

export function serviceSettingsFromEnvironment(env: NodeJS.ProcessEnv = process.env): ServiceSettings {
  return {
    verificationUrl: env.SLUICE_VERIFICATION_URL || null,
    verificationToken: env.SLUICE_VERIFICATION_TOKEN || null,
    ledgerUrl: env.SLUICE_LEDGER_URL || null,
    ledgerToken: env.SLUICE_LEDGER_TOKEN || null,
  };
}

const notConfigured = (service: string, variable: string) => new AppFailure('SERVICE_NOT_CONFIGURED',
  `No ${service} is configured: set ${variable} (and its token), or run \`npm run demo\`, which starts the sandbox's reference services and connects them.`, { variable });

export class ReplicationService {
  private verification: VerificationClient | null;
  private ledgerClient: LedgerClient | null;

  constructor(settings: ServiceSettings, private readonly audit: AuditLog) {
    this.verification = settings.verificationUrl ? new VerificationClient({ baseUrl: settings.verificationUrl, token: settings.verificationToken }) : null;
    this.ledgerClient = settings.ledgerUrl ? new LedgerClient({ baseUrl: settings.ledgerUrl, token: settings.ledgerToken }) : null;
  }

  get verifier(): VerificationClient {
    if (!this.verification) throw notConfigured('verification API', 'SLUICE_VERIFICATION_URL');
    return this.verification;
  }

  get ledger(): LedgerClient {
    if (!this.ledgerClient) throw notConfigured('ledger API', 'SLUICE_LEDGER_URL');
    return this.ledgerClient;
  }

  private auditProfile() {
    return { id: 'verification-api', name: `verification API ${this.verifier.baseUrl}`, production: false };
  }

  async reconcile(input: { id: string; dryRun: boolean; idempotencyKey: string }) {
    if (input.dryRun) return this.verifier.reconcile(input.id, true, input.idempotencyKey);
    const target = { mismatchId: input.id, idempotencyKey: input.idempotencyKey };
    try {
      const response = await this.verifier.reconcile(input.id, false, input.idempotencyKey);
      if (!response.dryRun) {
        // A replayed answer (double click, retry) changed nothing: one intent, one audit record.
        if (!response.result.replayed) {
          this.audit.append({
            profile: this.auditProfile(), action: 'replication.reconcile', target, result: 'ok', command: response.result.sql.join(';\n'),
            after: { action: response.result.action, verified: response.result.verified, status: response.result.status },
          });
        }
      }
      return response;
    } catch (error) {
      this.audit.append({ profile: this.auditProfile(), action: 'replication.reconcile', target, result: 'error', error: error instanceof Error ? error.message : String(error) });
      throw error;
    }
  }

  async reconcileMany(input: { filter: Omit<MismatchFilter, 'status'>; idempotencyKey: string }) {
    const job = await this.verifier.startReconcileJob(input.filter, input.idempotencyKey);
    this.audit.append({ profile: this.auditProfile(), action: 'replication.reconcileMany', target: { filter: input.filter, jobId: job.id, idempotencyKey: input.idempotencyKey }, after: { total: job.total }, result: 'ok' });
    return job;
  }

  async cancelReconcileJob(input: { id: string; idempotencyKey: string }) {
    const job = await this.verifier.cancelReconcileJob(input.id, input.idempotencyKey);
    this.audit.append({ profile: this.auditProfile(), action: 'replication.cancelReconcileJob', target: { jobId: input.id }, after: { succeeded: job.succeeded, failed: job.failed, total: job.total }, result: 'ok' });
    return job;
  }
}
