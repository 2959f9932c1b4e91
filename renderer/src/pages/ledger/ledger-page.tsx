// Ledger: look up a payment by id (its whole lifecycle), or list a merchant's payments in a time
// range; outbox health beside it.
import { useEffect, useState } from 'react';
import type { PaymentLifecycle, PaymentPage } from '../../../../shared/ledger/ledger';
import { useCall, type CallError } from '../../api/hooks';
import { ErrorView, Loading } from '../../components/state-views';
import { hrefFor, navigate } from '../../router';
import { OutboxHealthCard } from './outbox-health';
import { PaymentLifecycleView } from './payment-lifecycle';

type Load<T> = { state: 'idle' } | { state: 'loading' } | { state: 'done'; value: T } | { state: 'error'; error: CallError };

function MerchantSearch() {
  const search = useCall('ledger.payments');
  const [merchantId, setMerchantId] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [result, setResult] = useState<Load<PaymentPage>>({ state: 'idle' });
  const run = (cursor?: string) => {
    setResult({ state: 'loading' });
    const iso = (local: string) => (local ? new Date(local).toISOString() : undefined);
    search({ merchantId: merchantId.trim(), from: iso(from), to: iso(to), cursor })
      .then((value) => setResult({ state: 'done', value }))
      .catch((error: CallError) => setResult({ state: 'error', error }));
  };
  return (
    <section className="card" aria-label="Payments by merchant">
      <h2>Payments by merchant</h2>
      <form className="toolbar" onSubmit={(e) => { e.preventDefault(); if (merchantId.trim()) run(); }}>
        <input aria-label="Merchant id" style={{ minWidth: 280 }} placeholder="merchant id (e.g. merchant-blue-cafe)" value={merchantId} onChange={(e) => setMerchantId(e.target.value)} />
        <label className="inline-field">from <input type="datetime-local" aria-label="From" value={from} onChange={(e) => setFrom(e.target.value)} /></label>
        <label className="inline-field">to <input type="datetime-local" aria-label="To" value={to} onChange={(e) => setTo(e.target.value)} /></label>
        <button type="submit" disabled={!merchantId.trim()}>Search</button>
      </form>
      {result.state === 'loading' && <Loading what="payments" />}
      {result.state === 'error' && <ErrorView error={result.error} />}
      {result.state === 'done' && (
        result.value.items.length === 0 ? <p className="muted">No payments for this merchant in that range.</p> : (
          <table className="grid" data-testid="merchant-payments">
            <thead><tr><th>Payment</th><th>Amount (minor)</th><th>Currency</th><th>Created (UTC)</th></tr></thead>
            <tbody>{result.value.items.map((p) => (
              <tr key={p.payment_id}><td><a className="mono" href={hrefFor({ page: 'ledger', paymentId: p.payment_id! })}>{p.payment_id}</a></td><td className="num">{p.amount_minor}</td><td>{p.currency}</td><td>{p.created_at}</td></tr>
            ))}</tbody>
          </table>
        )
      )}
      {result.state === 'done' && result.value.nextCursor && <button type="button" onClick={() => run(result.value.nextCursor!)}>Next page</button>}
    </section>
  );
}

export function LedgerPage({ paymentId }: { paymentId?: string }) {
  const lookup = useCall('ledger.payment');
  const [typed, setTyped] = useState(paymentId ?? '');
  const [payment, setPayment] = useState<Load<PaymentLifecycle>>({ state: 'idle' });
  useEffect(() => {
    if (!paymentId) return;
    let current = true;
    setPayment({ state: 'loading' });
    lookup({ paymentId })
      .then((value) => { if (current) setPayment({ state: 'done', value }); })
      .catch((error: CallError) => { if (current) setPayment({ state: 'error', error }); });
    return () => { current = false; };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [paymentId]);
  return (
    <section className="page">
      <header className="page-header">
        <h1>Ledger</h1>
        <form className="toolbar" onSubmit={(e) => { e.preventDefault(); if (typed.trim()) navigate({ page: 'ledger', paymentId: typed.trim() }); }}>
          <input className="filter" aria-label="Payment id" placeholder="Payment id (pay_…)" value={typed} onChange={(e) => setTyped(e.target.value)} />
          <button type="submit" className="primary" disabled={!typed.trim()}>Look up</button>
        </form>
      </header>
      <OutboxHealthCard />
      {payment.state === 'loading' && <Loading what={`payment ${paymentId}`} />}
      {payment.state === 'error' && <ErrorView error={payment.error} />}
      {payment.state === 'done' && <section className="card" aria-label="Payment lifecycle"><h2>Payment {paymentId}</h2><PaymentLifecycleView lifecycle={payment.value} /></section>}
      <MerchantSearch />
    </section>
  );
}
