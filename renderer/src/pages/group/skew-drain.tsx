// Time to drain that accounts for partition skew: the group is drained when its slowest partition
// is, so that partition decides, and is named. The estimate from the group's totals is shown beside
// it, because it is what other consoles show and it hides a partition that falls behind.
import { skewedTimeToDrain } from '../../../../shared/kafka/lag-time';
import type { GroupHealth } from '../../../../shared/kafka/monitoring';
import { formatNumber } from '../../components/badges';
import { formatSeconds } from '../../components/format';
import { hrefFor } from '../../router';

export function SkewedDrainFact({ health }: { health: GroupHealth }) {
  const drain = skewedTimeToDrain(health.partitions);
  const by = drain.decidedBy;
  const partition = by && <a className="mono" href={hrefFor({ page: 'topic', topic: by.topic })} data-testid="drain-partition">{by.topic}-{by.partition}</a>;
  const totals = drain.fromTotals.seconds === 0 ? 'drained' : drain.fromTotals.catchingUp ? formatSeconds(drain.fromTotals.seconds) : 'not catching up';
  return (
    <div className="fact" data-testid="skewed-drain" data-status={drain.status}>
      <div className="fact-label" title="Each lagging partition drains at its own consume − produce rate; the group is drained when the slowest one is">Time to drain (slowest partition decides)</div>
      <div className="fact-value">
        {drain.status === 'drained' && <span className="ok-text">drained</span>}
        {drain.status === 'draining' && <span>{formatSeconds(drain.seconds)}</span>}
        {drain.status === 'not-catching-up' && <span className="error-text">never at current rates</span>}
        {drain.status === 'unknown' && <span className="muted">measuring…</span>}
      </div>
      {by && (
        <div className="small skew-drain">
          {drain.status === 'not-catching-up' ? <>{partition} is not catching up (lag {formatNumber(by.lag)}){drain.notCatchingUp > 1 ? `, and ${drain.notCatchingUp - 1} more` : ''}</>
            : drain.status === 'unknown' ? <>no rates yet for {partition} (lag {formatNumber(by.lag)})</>
            : <>decided by {partition} (lag {formatNumber(by.lag)}) of {drain.lagging} lagging</>}
          <span className="muted"> · from totals: {totals}</span>
        </div>
      )}
    </div>
  );
}
