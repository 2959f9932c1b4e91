// The console's client of the verification API (shared/openapi/verification-api.v1.json).
import verificationApi from '../../shared/openapi/verification-api.v1.json';
import type { MismatchDetail, MismatchFilter, MismatchPage, Pipeline, ReconcileJob, ReconcileResponse, ReconcileResult } from '../../shared/replication/verification';
import { AppFailure } from '../../shared/common/result';
import { OpenApiValidator, type OpenApiDocument } from '../platform/openapi-validator';
import { ServiceClient, type ClientOptions, type ServiceEndpoint } from '../platform/service-client';

const contract = new OpenApiValidator(verificationApi as OpenApiDocument);
const segment = encodeURIComponent;
const nullWhenNotFound = (error: unknown): null => {
  if (error instanceof AppFailure && error.code === 'NOT_FOUND') return null;
  throw error;
};

export class VerificationClient {
  private http: ServiceClient;

  constructor(endpoint: Omit<ServiceEndpoint, 'label'>, options?: ClientOptions) {
    this.http = new ServiceClient({ ...endpoint, label: 'verification API' }, contract, options);
  }

  get baseUrl(): string {
    return this.http.endpoint.baseUrl;
  }

  pipelines(): Promise<{ items: Pipeline[] }> {
    return this.http.get('/v1/pipelines', 'PipelineList');
  }

  mismatches(filter: MismatchFilter & { cursor?: string; limit?: number }): Promise<MismatchPage> {
    const query = new URLSearchParams();
    for (const [name, value] of Object.entries(filter)) if (value !== undefined && value !== '') query.set(name, String(value));
    return this.http.get(`/v1/mismatches?${query}`, 'MismatchPage');
  }

  mismatch(id: string): Promise<MismatchDetail> {
    return this.http.get(`/v1/mismatches/${segment(id)}`, 'MismatchDetail');
  }

  reconcile(id: string, dryRun: boolean, idempotencyKey: string): Promise<ReconcileResponse> {
    return this.http.post(`/v1/mismatches/${segment(id)}/reconcile`, { dryRun }, idempotencyKey, 'ReconcileResponse');
  }

  startReconcileJob(filter: Omit<MismatchFilter, 'status'>, idempotencyKey: string): Promise<ReconcileJob> {
    return this.http.post('/v1/reconcile-jobs', { filter }, idempotencyKey, 'ReconcileJob');
  }

  reconcileJob(id: string): Promise<ReconcileJob> {
    return this.http.get(`/v1/reconcile-jobs/${segment(id)}`, 'ReconcileJob');
  }

  /** What was applied under an idempotency key, or null when nothing was: a lost answer, read back. */
  async reconcileByKey(idempotencyKey: string): Promise<ReconcileResult | null> {
    return this.http.get<ReconcileResult>(`/v1/reconciles/${segment(idempotencyKey)}`, 'ReconcileResult').catch(nullWhenNotFound);
  }

  /** The job started under an idempotency key, or null when none was. */
  async reconcileJobByKey(idempotencyKey: string): Promise<ReconcileJob | null> {
    return this.http.get<ReconcileJob>(`/v1/reconcile-jobs/by-key/${segment(idempotencyKey)}`, 'ReconcileJob').catch(nullWhenNotFound);
  }

  cancelReconcileJob(id: string, idempotencyKey: string): Promise<ReconcileJob> {
    return this.http.post(`/v1/reconcile-jobs/${segment(id)}/cancel`, {}, idempotencyKey, 'ReconcileJob');
  }
}
