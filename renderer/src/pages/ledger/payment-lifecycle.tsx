// A payment's whole life in the INSERT-only ledger: the payment, its approvals (several for a split
// payment) with their cancellations, the ledger entries, and every outbox event with where it was
// published (or that it was not, or that it was published more than once).
import type { PaymentLifecycle, OutboxEvent } from '../../../../shared/ledger/ledger';
import type { Row } from '../../../../shared/replication/verification';

function RowsTable({ rows, columns, testId }: { rows: Row[]; columns: string[]; testId: string }) {
  if (rows.length === 0) return <p className="muted">None.</p>;
  return (
    <div className="scroll-x">
      <table className="grid" data-testid={testId}>
        <thead><tr>{columns.map((c) => <th key={c}>{c}</th>)}</tr></thead>
        <tbody>{rows.map((row, i) => <tr key={i}>{columns.map((c) => <td key={c} className="mono">{row[c] ?? <span className="muted">NULL</span>}</td>)}</tr>)}</tbody>
      </table>
    </div>
  );
}

function PublishStatus({ event }: { event: OutboxEvent }) {
  if (event.publications.length === 0) return <span className="badge state-bad">unpublished</span>;
  return (
    <>
      {event.publications.length > 1 && <span className="badge state-moving" title="The same idempotency key went out more than once">published {event.publications.length}×</span>}
      {event.publications.map((p, i) => <div key={i} className="mono small">{p.topic}-{p.partition}@{p.offset} <span className="muted">{p.publishedAt}</span></div>)}
    </>
  );
}

export function PaymentLifecycleView({ lifecycle }: { lifecycle: PaymentLifecycle }) {
  const p = lifecycle.payment;
  return (
    <div className="lifecycle" data-testid="lifecycle">
      <div className="facts">
        {['payment_id', 'merchant_id', 'amount_minor', 'currency', 'created_at'].map((c) => (
          <div key={c} className="fact"><div className="fact-label">{c}</div><div className="fact-value mono small" data-testid={`payment-${c}`}>{p[c] ?? '—'}</div></div>
        ))}
      </div>
      <h2>Approvals <span className="muted small">({lifecycle.approvals.length}{lifecycle.approvals.length > 1 ? ', split payment' : ''})</span></h2>
      <RowsTable rows={lifecycle.approvals} columns={['approval_id', 'method', 'amount_minor', 'approved_at']} testId="approvals" />
      <h2>Cancellations</h2>
      <RowsTable rows={lifecycle.cancellations} columns={['cancellation_id', 'approval_id', 'amount_minor', 'reason', 'cancelled_at']} testId="cancellations" />
      <h2>Ledger entries</h2>
      <RowsTable rows={lifecycle.ledgerEntries} columns={['entry_id', 'approval_id', 'account', 'direction', 'amount_minor', 'fee_rate_bp', 'vat_rate_bp', 'booked_at']} testId="ledger-entries" />
      <h2>Outbox events</h2>
      <div className="scroll-x">
        <table className="grid" data-testid="outbox-events">
          <thead><tr><th>Event</th><th>Row</th><th>Idempotency key</th><th>Written (UTC)</th><th>Published to Kafka</th></tr></thead>
          <tbody>
            {lifecycle.outboxEvents.map((e) => (
              <tr key={e.eventId} data-testid="outbox-event">
                <td>{e.eventType}</td><td className="mono small">{e.table}/{e.rowKey}</td><td className="mono small">{e.idempotencyKey}</td><td className="small">{e.createdAt}</td>
                <td><PublishStatus event={e} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
