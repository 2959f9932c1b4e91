// The console's client of the ledger API (shared/openapi/ledger-api.v1.json).
import ledgerApi from '../../shared/openapi/ledger-api.v1.json';
import type { OutboxHealth, PaymentLifecycle, PaymentPage } from '../../shared/ledger/ledger';
import { OpenApiValidator, type OpenApiDocument } from '../platform/openapi-validator';
import { ServiceClient, type ClientOptions, type ServiceEndpoint } from '../platform/service-client';

const contract = new OpenApiValidator(ledgerApi as OpenApiDocument);

export class LedgerClient {
  private http: ServiceClient;

  constructor(endpoint: Omit<ServiceEndpoint, 'label'>, options?: ClientOptions) {
    this.http = new ServiceClient({ ...endpoint, label: 'ledger API' }, contract, options);
  }

  payment(paymentId: string): Promise<PaymentLifecycle> {
    return this.http.get(`/v1/payments/${encodeURIComponent(paymentId)}`, 'PaymentLifecycle');
  }

  payments(search: { merchantId: string; from?: string; to?: string; cursor?: string; limit?: number }): Promise<PaymentPage> {
    const query = new URLSearchParams();
    for (const [name, value] of Object.entries(search)) if (value !== undefined && value !== '') query.set(name, String(value));
    return this.http.get(`/v1/payments?${query}`, 'PaymentPage');
  }

  outboxHealth(): Promise<OutboxHealth> {
    return this.http.get('/v1/outbox/health', 'OutboxHealth');
  }
}
