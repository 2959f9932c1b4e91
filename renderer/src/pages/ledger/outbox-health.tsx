// Outbox health: events written but not yet published (and for how long), the publisher's state,
// and idempotency keys published more than once.
import { useOutboxHealth } from '../../api/ledger';
import { formatNumber } from '../../components/badges';
import { formatSeconds } from '../../components/format';
import { ErrorView, Loading, StaleBanner } from '../../components/state-views';

export function OutboxHealthCard() {
  const health = useOutboxHealth();
  const h = health.data;
  return (
    <section className="card" aria-label="Outbox health" data-testid="outbox-health">
      <h2>Outbox health</h2>
      <StaleBanner error={h ? health.error : null} />
      {health.isPending && !health.isError && <Loading what="outbox health" />}
      {health.isError && !h && <ErrorView error={health.error} />}
      {h && (
        <>
          <div className="facts">
            <div className="fact"><div className="fact-label">Publisher</div><div className="fact-value"><span className={`badge ${h.publisher === 'running' ? 'state-ok' : 'state-bad'}`} data-testid="publisher-state">{h.publisher}</span></div></div>
            <div className="fact"><div className="fact-label">Unpublished events</div><div className={`fact-value ${(h.oldestUnpublishedAgeMs ?? 0) > 5000 ? "warn-text" : ""}`} data-testid="unpublished-count">{formatNumber(h.unpublishedCount)}</div></div>
            <div className="fact"><div className="fact-label">Oldest unpublished</div><div className="fact-value" data-testid="oldest-unpublished">{h.oldestUnpublishedAgeMs === null ? '—' : `${formatSeconds(h.oldestUnpublishedAgeMs / 1000)} old`}</div></div>
            <div className="fact"><div className="fact-label">Keys published twice or more</div><div className={`fact-value ${h.duplicateKeys.length > 0 ? 'warn-text' : ''}`} data-testid="duplicate-count">{formatNumber(h.duplicateKeys.length)}</div></div>
          </div>
          {h.duplicateKeys.length > 0 && (
            <details className="duplicates">
              <summary>Duplicate idempotency keys (consumers must drop the repeats)</summary>
              <table className="grid"><thead><tr><th>Idempotency key</th><th>Publications</th></tr></thead>
                <tbody>{h.duplicateKeys.map((d) => <tr key={d.idempotencyKey} data-testid="duplicate-key"><td className="mono">{d.idempotencyKey}</td><td className="num">{d.publications}</td></tr>)}</tbody>
              </table>
            </details>
          )}
        </>
      )}
    </section>
  );
}
