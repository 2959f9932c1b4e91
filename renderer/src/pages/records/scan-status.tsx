// A read's progress as main pushes it: state, records scanned and matched, bytes, rate, where each
// partition is, and what happened on the way (filter errors, skipped partitions).
import type { ScanProgress } from '../../../../shared/records/records';
import { formatNumber } from '../../components/badges';
import { formatRate } from '../../components/format';
import { formatBytes } from './record-text';

export function ScanStatus({ progress }: { progress: ScanProgress }) {
  const seconds = progress.elapsedMs / 1000;
  const behind = progress.partitions.reduce((n, p) => n + (p.end === null ? 0 : Math.max(0, p.end - p.position)), 0);
  return (
    <div className="scan-status" data-testid="scan-status" data-scan-id={progress.scanId}>
      <div className="row">
        <span className={`badge state-${progress.state === 'running' ? 'moving' : progress.state === 'failed' ? 'bad' : 'ok'}`} data-testid="scan-state">{progress.live && progress.state === 'running' ? 'live' : progress.state}</span>
        <span data-testid="scan-counts"><strong>{formatNumber(progress.scanned)}</strong> scanned · <strong>{formatNumber(progress.matched)}</strong> matched · {formatBytes(progress.bytes)} · {formatRate(seconds > 0 ? progress.scanned / seconds : null)}</span>
        {!progress.live && progress.state === 'running' && <span className="muted small">{formatNumber(behind)} to go</span>}
        {progress.undecodable > 0 && <span className="warn-text small">{formatNumber(progress.undecodable)} not decodable (shown with their bytes)</span>}
      </div>
      <div className="muted small mono partition-positions" title="Partition: position / end">
        {progress.partitions.map((p) => `${p.partition}: ${p.position}${p.end === null ? '' : `/${p.end}`}${p.done ? ' ✓' : ''}`).join('  ')}
      </div>
      {progress.reason && <p className="small" data-testid="scan-reason">{progress.reason}</p>}
      {progress.filterErrors > 0 && <p className="warn-text small">The filter could not be evaluated on {formatNumber(progress.filterErrors)} records (they did not match), first: {progress.firstFilterError}. Use has(record.value.field) to check for a field.</p>}
      {progress.notes.map((n) => <p key={n} className="muted small">{n}</p>)}
    </div>
  );
}
