// Ledger: look up a payment by id (its whole lifecycle), or list a merchant's payments in a time
// range; outbox health beside it.
import { useState } from 'react';
import { useMerchantPayments, usePayment, type MerchantSearch as Search } from '../../api/ledger';
import { CaptureButton } from '../../components/capture-button';
import { ErrorView, Loading } from '../../components/state-views';
import { hrefFor, navigate } from '../../router';
import { OutboxHealthCard } from './outbox-health';
import { PaymentLifecycleView } from './payment-lifecycle';

function MerchantSearch() {
  const [merchantId, setMerchantId] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  // The search the user ran (and which page of it); the answer itself lives in react-query.
  const [search, setSearch] = useState<Search | null>(null);
  const payments = useMerchantPayments(search);
  const run = () => {
    const iso = (local: string) => (local ? new Date(local).toISOString() : undefined);
    const next: Search = { merchantId: merchantId.trim(), from: iso(from), to: iso(to) };
    // Searching again for the same thing asks the ledger again.
    if (JSON.stringify(next) === JSON.stringify(search)) void payments.refetch();
    else setSearch(next);
  };
  const result = payments.data;
  return (
    <section className="card" aria-label="Payments by merchant">
      <h2>Payments by merchant</h2>
      <form className="toolbar" onSubmit={(e) => { e.preventDefault(); if (merchantId.trim()) run(); }}>
        <input aria-label="Merchant id" style={{ minWidth: 280 }} placeholder="merchant id (e.g. merchant-blue-cafe)" value={merchantId} onChange={(e) => setMerchantId(e.target.value)} />
        <label className="inline-field">from <input type="datetime-local" aria-label="From" value={from} onChange={(e) => setFrom(e.target.value)} /></label>
        <label className="inline-field">to <input type="datetime-local" aria-label="To" value={to} onChange={(e) => setTo(e.target.value)} /></label>
        <button type="submit" disabled={!merchantId.trim()}>Search</button>
      </form>
      {payments.isFetching && <Loading what="payments" />}
      {!payments.isFetching && payments.isError && <ErrorView error={payments.error} />}
      {!payments.isFetching && result && (
        result.items.length === 0 ? <p className="muted">No payments for this merchant in that range.</p> : (
          <table className="grid" data-testid="merchant-payments">
            <thead><tr><th>Payment</th><th>Amount (minor)</th><th>Currency</th><th>Created (UTC)</th></tr></thead>
            <tbody>{result.items.map((p) => (
              <tr key={p.payment_id}><td><a className="mono" href={hrefFor({ page: 'ledger', paymentId: p.payment_id! })}>{p.payment_id}</a></td><td className="num">{p.amount_minor}</td><td>{p.currency}</td><td>{p.created_at}</td></tr>
            ))}</tbody>
          </table>
        )
      )}
      {!payments.isFetching && result?.nextCursor && <button type="button" onClick={() => setSearch({ ...search!, cursor: result.nextCursor! })}>Next page</button>}
    </section>
  );
}

export function LedgerPage({ paymentId }: { paymentId?: string }) {
  const [typed, setTyped] = useState(paymentId ?? '');
  const payment = usePayment(paymentId);
  return (
    <section className="page">
      <header className="page-header">
        <h1>Ledger</h1>
        <CaptureButton view="ledger" title={paymentId ? `Payment ${paymentId}` : 'Ledger'} data={() => ({ kind: 'ledger', at: Date.now(), paymentId: paymentId ?? null, payment: payment.data ?? null })} />
        <form className="toolbar" onSubmit={(e) => { e.preventDefault(); if (typed.trim()) navigate({ page: 'ledger', paymentId: typed.trim() }); }}>
          <input className="filter" aria-label="Payment id" placeholder="Payment id (pay_…)" value={typed} onChange={(e) => setTyped(e.target.value)} />
          <button type="submit" className="primary" disabled={!typed.trim()}>Look up</button>
        </form>
      </header>
      <OutboxHealthCard />
      {payment.isLoading && <Loading what={`payment ${paymentId}`} />}
      {payment.isError && <ErrorView error={payment.error} />}
      {payment.data && !payment.isError && <section className="card" aria-label="Payment lifecycle"><h2>Payment {paymentId}</h2><PaymentLifecycleView lifecycle={payment.data} /></section>}
      <MerchantSearch />
    </section>
  );
}
