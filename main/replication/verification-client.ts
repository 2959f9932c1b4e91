// The console's client of the verification API (shared/openapi/verification-api.v1.json).
import verificationApi from '../../shared/openapi/verification-api.v1.json';
import type { MismatchDetail, MismatchFilter, MismatchPage, Pipeline, ReconcileJob, ReconcileResponse } from '../../shared/replication/verification';
import { OpenApiValidator, type OpenApiDocument } from '../platform/openapi-validator';
import { ServiceClient, type ClientOptions, type ServiceEndpoint } from '../platform/service-client';

const contract = new OpenApiValidator(verificationApi as OpenApiDocument);
const segment = encodeURIComponent;

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

  cancelReconcileJob(id: string, idempotencyKey: string): Promise<ReconcileJob> {
    return this.http.post(`/v1/reconcile-jobs/${segment(id)}/cancel`, {}, idempotencyKey, 'ReconcileJob');
  }
}
