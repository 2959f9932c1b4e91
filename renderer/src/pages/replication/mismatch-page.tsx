// One mismatch: source and target rows side by side (live re-query, differing columns marked), the
// event that caused it, its history up the recovery ladder, whether it is lag or divergence, and
// the one-click reconcile.
import type { MismatchDetail, Row } from '../../../../shared/replication/verification';
import { useMismatch } from '../../api/replication';
import { mismatchCapture } from '../../../../shared/triage/captures';
import { CaptureButton } from '../../components/capture-button';
import { DecisionLinks } from '../../components/decision-links';
import { ErrorView, Loading, StaleBanner } from '../../components/state-views';
import { hrefFor } from '../../router';
import { KindBadge, keyText, StageBadge, StatusBadge } from './mismatch-badges';
import { ReconcileFlow } from './reconcile-flow';

function RowsSideBySide({ source, target }: { source: Row | null; target: Row | null }) {
  const columns = [...new Set([...Object.keys(source ?? {}), ...Object.keys(target ?? {})])];
  return (
    <table className="grid side-by-side" data-testid="rows">
      <thead><tr><th>Column</th><th>Source (truth)</th><th>Target (replica)</th></tr></thead>
      <tbody>
        {columns.map((column) => {
          const metadata = column.startsWith('_');
          const differs = !metadata && (source?.[column] ?? null) !== (target?.[column] ?? null) && source !== null && target !== null;
          return (
            <tr key={column} className={differs ? 'differs' : metadata ? 'metadata' : ''} data-testid={differs ? 'differing-column' : undefined} data-column={column}>
              <td className="mono">{column}{metadata && <span className="muted small"> (replica metadata)</span>}</td>
              <td className="mono">{source ? (metadata ? '' : source[column] ?? <span className="muted">NULL</span>) : <span className="muted">no row</span>}</td>
              <td className="mono">{target ? target[column] ?? <span className="muted">NULL</span> : <span className="muted">no row</span>}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function Detail({ detail }: { detail: MismatchDetail }) {
  const m = detail.mismatch;
  return (
    <>
      <div className="badges">
        <KindBadge kind={m.kind} /><StageBadge stage={m.stage} /><StatusBadge status={m.status} />
      </div>
      {m.status === 'pending' && m.event && <p className="muted">Pending: its event ({m.event.partition}@{m.event.offset}) lies beyond the replicator’s committed offset. This is replication lag, not divergence; the verifier re-checks as soon as the replicator passes it.</p>}
      <div className="columns-2">
        <section>
          <h2>Rows now</h2>
          <RowsSideBySide source={detail.sourceRow} target={detail.targetRow} />
          <h2>Reconcile</h2>
          <ReconcileFlow mismatch={m} />
        </section>
        <section>
          <h2>Event</h2>
          {m.event ? (
            <dl className="event" data-testid="event">
              <dt>Topic</dt><dd className="mono">{m.event.topic}</dd>
              <dt>Partition</dt><dd className="mono">{m.event.partition}</dd>
              <dt>Offset</dt><dd className="mono">{m.event.offset}</dd>
              <dt>Time (UTC)</dt><dd>{m.event.timestamp}</dd>
              <dt>Operation</dt><dd>{m.event.operation}</dd>
              <dt>Record</dt><dd><a href={hrefFor({ page: 'records', topic: m.event.topic, partition: m.event.partition, offset: Number(m.event.offset) })} data-testid="open-event-record">Open the event's record, decoded</a></dd>
            </dl>
          ) : <p className="muted" data-testid="no-event">No event carried this row: the long-term batch’s table scan found it in the target, and the source has no such row.</p>}
          <h2>History</h2>
          <ol className="history" data-testid="history">
            {detail.history.map((h, i) => <li key={i}><span className="muted small">{h.at}</span> <strong>{h.action}</strong> <span className="muted small">({h.stage})</span><div className="small">{h.detail}</div></li>)}
          </ol>
        </section>
      </div>
    </>
  );
}

export function MismatchPage({ mismatchId }: { mismatchId: string }) {
  const detail = useMismatch(mismatchId);
  const m = detail.data?.mismatch;
  return (
    <section className="page">
      <header className="page-header">
        <a className="back" href={hrefFor({ page: 'replication' })}>← Replication</a>
        <h1>Mismatch #{mismatchId}{m && <span className="muted"> · {m.table} · <span className="mono">{keyText(m.key)}</span></span>}</h1>
        {m && <DecisionLinks links={[{ kind: 'tables', name: m.table }]} />}
        {m && <CaptureButton view="mismatch" title={`Mismatch ${mismatchId}: ${m.table}, ${m.kind}, ${m.status}`} subject={{ kind: 'pipeline', id: m.pipelineId }} data={() => mismatchCapture(detail.data!, Date.now())} />}
      </header>
      <StaleBanner error={detail.data ? detail.error : null} />
      {detail.isPending && !detail.isError && <Loading what="the mismatch" />}
      {detail.isError && !detail.data && <ErrorView error={detail.error} />}
      {detail.data && <Detail detail={detail.data} />}
    </section>
  );
}
