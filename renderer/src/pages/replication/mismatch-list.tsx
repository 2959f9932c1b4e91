// The mismatches matching the filter: a virtualized list (a bad day brings thousands), newest
// first; the first page is live, older pages load on demand.
import { memo, useRef } from 'react';
import type { Mismatch } from '../../../../shared/replication/verification';
import { Empty } from '../../components/state-views';
import { useVirtualRows } from '../../components/use-virtual-rows';
import { hrefFor } from '../../router';
import { KindBadge, keyText, StageBadge, StatusBadge } from './mismatch-badges';

const ROW_HEIGHT = 36;

const MismatchRow = memo(function MismatchRow({ m, top }: { m: Mismatch; top: number }) {
  return (
    <a role="row" className="tr mismatch-grid" href={hrefFor({ page: 'mismatch', mismatchId: m.id })} data-testid="mismatch-row" data-mismatch-id={m.id}
      data-key={Object.values(m.key).join(',')} style={{ transform: `translateY(${top}px)` }}>
      <span role="cell" className="mono muted">#{m.id}</span>
      <span role="cell" className="mono">{m.table}</span>
      <span role="cell" className="mono ellipsis" title={keyText(m.key)}>{Object.values(m.key).join(', ')}</span>
      <span role="cell"><KindBadge kind={m.kind} /></span>
      <span role="cell"><StageBadge stage={m.stage} /></span>
      <span role="cell"><StatusBadge status={m.status} /></span>
      <span role="cell" className="ellipsis muted" title={m.columns.map((c) => c.name).join(', ')}>{m.kind === 'differs' ? m.columns.map((c) => c.name).join(', ') : 'whole row'}</span>
      <span role="cell" className="mono muted small" title={m.event ? undefined : 'Found by the table scan: no event carried this row'}>{m.event ? `${m.event.partition}@${m.event.offset}` : 'scan'}</span>
      <span role="cell" className="muted small">{m.detectedAt}</span>
    </a>
  );
});

export function MismatchList({ rows, more, loadingMore, onLoadMore }: { rows: Mismatch[]; more: boolean; loadingMore: boolean; onLoadMore: () => void }) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtual = useVirtualRows({ count: rows.length, scroller, rowHeight: ROW_HEIGHT, overscan: 8 });
  return (
    <div className="table" role="table" aria-label="Mismatches" aria-rowcount={rows.length}>
      <div className="thead mismatch-grid" role="row">
        {['Id', 'Table', 'Key', 'Kind', 'Rung', 'Status', 'Columns', 'Event', 'Detected (UTC)'].map((label) => <span key={label} role="columnheader" className="th">{label}</span>)}
      </div>
      <div className="tbody" ref={scroller} data-testid="mismatch-scroller">
        {rows.length === 0 && <Empty title="No mismatch matches the filter.">The verifier compares every replicated row with its event; differences appear here.</Empty>}
        <div style={{ height: virtual.totalSize, position: 'relative' }}>
          {virtual.items.map((item) => <MismatchRow key={rows[item.index]!.id} m={rows[item.index]!} top={item.start} />)}
        </div>
        {more && <div className="load-more"><button type="button" onClick={onLoadMore} disabled={loadingMore}>{loadingMore ? 'Loading…' : 'Load older mismatches'}</button></div>}
      </div>
    </div>
  );
}
