// The payment ledger: one payment's lifecycle, a merchant's payments page by page, outbox health.
import { useFetchQuery, useLiveQuery } from './query-core';

export interface MerchantSearch { merchantId: string; from?: string; to?: string; cursor?: string }

/** Read again whenever it is shown: a payment's events keep being published. */
export const usePayment = (paymentId: string | undefined) =>
  useFetchQuery('ledger.payment', { paymentId: paymentId ?? '' }, { enabled: !!paymentId, staleTime: 0 });
export const useMerchantPayments = (search: MerchantSearch | null) =>
  useFetchQuery('ledger.payments', search ?? { merchantId: '' }, { enabled: search !== null, staleTime: 0 });
export const useOutboxHealth = () => useLiveQuery('ledger.outboxHealth', {});
