// The ledger API (shared/openapi/ledger-api.v1.json): a payment's whole lifecycle, search by
// merchant and time, outbox health, and the two writes the demo traffic uses.
import { ApiError, decodeCursor, encodeCursor, JsonApi, limitParam } from './http-api';
import type { LedgerStore } from './ledger-store';
import type { OutboxPublisher } from './outbox-publisher';
import { formatTimestamp } from './sql';

const text = (value: unknown, name: string, max = 120): string => {
  if (typeof value !== 'string' || value.length === 0 || value.length > max) throw new ApiError(400, 'BAD_REQUEST', `${name} must be a string of 1 to ${max} characters`);
  return value;
};
const amount = (value: unknown, name: string): number => {
  if (!Number.isSafeInteger(value) || (value as number) <= 0) throw new ApiError(400, 'BAD_REQUEST', `${name} must be a positive integer (minor units)`);
  return value as number;
};
const time = (value: string | null, name: string): string => {
  const parsed = value === null ? NaN : Date.parse(value);
  if (Number.isNaN(parsed)) throw new ApiError(400, 'BAD_REQUEST', `${name} must be an ISO 8601 time`);
  return formatTimestamp(parsed);
};

export function ledgerApi(store: LedgerStore, publisher: OutboxPublisher, token: string, log: (line: string) => void): JsonApi {
  return new JsonApi(token, log)
    .route('GET', '/v1/payments/{paymentId}', async ({ params }) => {
      const lifecycle = await store.paymentLifecycle(params.paymentId!);
      if (!lifecycle) throw new ApiError(404, 'NOT_FOUND', `No payment ${params.paymentId}`);
      return lifecycle;
    })
    .route('GET', '/v1/payments', async ({ query }) => {
      const merchantId = text(query.get('merchantId'), 'merchantId');
      const from = time(query.get('from') ?? '1970-01-01T00:00:00Z', 'from');
      const to = time(query.get('to') ?? '9999-12-31T00:00:00Z', 'to');
      const after = decodeCursor<{ createdAt: string; paymentId: string }>(query.get('cursor'));
      const page = await store.searchPayments(merchantId, from, to, after, limitParam(query, 50, 500));
      const last = page.items[page.items.length - 1];
      return { items: page.items, nextCursor: page.more && last ? encodeCursor({ createdAt: last.created_at, paymentId: last.payment_id }) : null };
    })
    .route('POST', '/v1/payments', async ({ body, idempotencyKey }) => {
      const request = body as { merchantId?: unknown; currency?: unknown; approvals?: unknown };
      if (!Array.isArray(request.approvals) || request.approvals.length === 0 || request.approvals.length > 10) throw new ApiError(400, 'BAD_REQUEST', 'approvals must list 1 to 10 approvals');
      return store.createPayment({
        merchantId: text(request.merchantId, 'merchantId', 60),
        currency: text(request.currency, 'currency', 3),
        approvals: (request.approvals as { method?: unknown; amountMinor?: unknown }[]).map((a, i) => ({ method: text(a.method, `approvals[${i}].method`, 20), amountMinor: amount(a.amountMinor, `approvals[${i}].amountMinor`) })),
      }, idempotencyKey!);
    }, 201)
    .route('POST', '/v1/approvals/{approvalId}/cancellations', async ({ params, body, idempotencyKey }) => {
      const request = body as { amountMinor?: unknown; reason?: unknown };
      try {
        return await store.cancelApproval(params.approvalId!, amount(request.amountMinor, 'amountMinor'), text(request.reason, 'reason'), idempotencyKey!);
      } catch (error) {
        if (error instanceof Error && error.message.startsWith('No approval')) throw new ApiError(404, 'NOT_FOUND', error.message);
        throw error;
      }
    }, 201)
    .route('GET', '/v1/outbox/health', async () => ({ ...(await store.outboxHealth(Date.now())), publisher: publisher.state }));
}
