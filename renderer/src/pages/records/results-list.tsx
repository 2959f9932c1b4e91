// The results of a read, virtualized: only the visible rows are in the DOM and only their pages
// are fetched from main, so 10,000 records (or a live tail) scroll like 10.
import { memo, useEffect, useRef } from 'react';
import type { RecordView } from '../../../../shared/records/records';
import { RESULTS_PAGE, useResultsPage } from '../../api/records';
import { formatNumber } from '../../components/badges';
import { useVirtualRows } from '../../components/use-virtual-rows';
import { formatLabel, preview } from './record-text';

const ROW_HEIGHT = 32;

/** Loads the pages the visible rows fall on, and hands their records to the rows. */
function usePages(scanId: string, pages: number[], next: number) {
  const first = useResultsPage(scanId, pages[0] ?? 0, next);
  const second = useResultsPage(pages.length > 1 ? scanId : null, pages[1] ?? 0, next);
  const bySeq = new Map<number, RecordView>();
  // A page kept on screen while the next loads must be this read's, not the previous one's.
  for (const page of [first.data, second.data]) if (page?.scanId === scanId) page.records.forEach((r, i) => bySeq.set(page.first + i, r));
  return bySeq;
}

const Row = memo(function Row({ record, seq, top, selected, onOpen }: { record: RecordView | undefined; seq: number; top: number; selected: boolean; onOpen: (seq: number, record: RecordView) => void }) {
  const masked = record ? record.key.masked.length + record.value.masked.length : 0;
  return (
    <div role="row" className={`tr records-grid ${selected ? 'selected' : ''}`} style={{ transform: `translateY(${top}px)` }} data-testid="record-row"
      tabIndex={0} onClick={() => { if (record) onOpen(seq, record); }} onKeyDown={(e) => { if (e.key === 'Enter' && record) onOpen(seq, record); }}>
      {record ? (
        <>
          <span role="cell" className="num mono">{record.partition}</span>
          <span role="cell" className="num mono" data-testid="record-offset">{record.offset}</span>
          <span role="cell" className="mono small">{new Date(record.timestamp).toISOString().replace('T', ' ').replace('Z', '')}</span>
          <span role="cell" className="mono ellipsis" title={preview(record.key, 400)}>{preview(record.key, 60)}</span>
          <span role="cell" className={`mono ellipsis ${record.value.error ? 'error-text' : ''}`} data-testid="record-value">{record.value.error ? `⚠ ${record.value.error}` : preview(record.value)}</span>
          <span role="cell" className="small">
            <span className="badge">{formatLabel(record.value)}</span>
            {masked > 0 && <span className="badge masked-badge" title="Fields masked by the dictionary's classifications">masked {masked}</span>}
          </span>
        </>
      ) : <span role="cell" className="muted small">loading…</span>}
    </div>
  );
});

export const ResultsList = memo(function ResultsList({ scanId, first, next, selected, onOpen, follow }: { scanId: string; first: number; next: number; selected: number | null; onOpen: (seq: number, record: RecordView) => void; follow: boolean }) {
  const scroller = useRef<HTMLDivElement>(null);
  const count = next - first;
  const virtual = useVirtualRows({ count, scroller, rowHeight: ROW_HEIGHT, overscan: 10 });
  const seqs = virtual.items.map((item) => first + item.index);
  const pages = [...new Set(seqs.map((s) => Math.floor(s / RESULTS_PAGE)))].slice(0, 2);
  const records = usePages(scanId, pages, next);
  useEffect(() => {
    // A live tail follows the newest record unless the reader scrolled away from the bottom.
    const el = scroller.current;
    if (follow && el && el.scrollHeight - el.scrollTop - el.clientHeight < ROW_HEIGHT * 3) el.scrollTop = el.scrollHeight;
  }, [follow, next]);
  useEffect(() => {
    const frame = requestAnimationFrame(() => performance.mark('sluice:records-painted'));
    return () => cancelAnimationFrame(frame);
  }, [next]);
  return (
    <div className="table records-table" role="table" aria-label="Records">
      <div role="row" className="thead records-grid">
        <span role="columnheader" className="th num">Partition</span><span role="columnheader" className="th num">Offset</span><span role="columnheader" className="th">Timestamp (UTC)</span>
        <span role="columnheader" className="th">Key</span><span role="columnheader" className="th">Value</span><span role="columnheader" className="th">Format</span>
      </div>
      <div className="tbody" ref={scroller} data-testid="records-scroller">
        {count === 0 && <p className="muted small records-empty">No records yet.</p>}
        <div style={{ height: virtual.totalSize, position: 'relative' }}>
          {virtual.items.map((item) => {
            const seq = first + item.index;
            return <Row key={seq} seq={seq} record={records.get(seq)} top={item.start} selected={selected === seq} onOpen={onOpen} />;
          })}
        </div>
      </div>
      <div className="muted small records-count" data-testid="records-count">{formatNumber(count)} record{count === 1 ? '' : 's'} kept</div>
    </div>
  );
});
