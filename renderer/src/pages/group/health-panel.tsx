// Health with its evidence: the Burrow verdict per partition and the rule that fired, lag in time
// from both models (each labelled with how it was computed), rates and time to drain.
import { useState } from 'react';
import type { GroupHealth } from '../../../../shared/kafka/monitoring';
import { groupHealthCapture } from '../../../../shared/triage/captures';
import { useGroup, useGroupHealth } from '../../api/kafka';
import { CaptureButton } from '../../components/capture-button';
import { formatNumber } from '../../components/badges';
import { formatRate, formatSeconds } from '../../components/format';
import { HealthBadge } from '../../components/health-badge';
import { Empty, ErrorView, Loading } from '../../components/state-views';
import { StuckRecord } from '../records/stuck-record';
import { ResetDialog, type ResetPreset } from './reset-dialog';
import { SkewedDrainFact } from './skew-drain';

const methodLabel = { interpolated: 'interpolated from log-end samples', extrapolated: 'extrapolated at the produce rate', 'lower-bound': 'at least (older than every sample)' } as const;

function TimeLag({ lag }: { lag: GroupHealth['lagSeconds'] }) {
  return (
    <span className="time-lag">
      <span title={lag.method ? `Interpolation model: ${methodLabel[lag.method]}` : 'Interpolation model'}>{lag.atLeast ? '≥ ' : ''}{formatSeconds(lag.interpolated)}<sup className="muted">i</sup></span>
      {' · '}
      <span title="Timestamp model: age of the record at the committed offset">{formatSeconds(lag.recordTimestamp)}<sup className="muted">ts</sup></span>
    </span>
  );
}

function Drain({ drain }: { drain: GroupHealth['drain'] }) {
  if (drain.seconds === 0) return <span className="ok-text">drained</span>;
  if (!drain.catchingUp) return <span className="error-text" data-testid="not-catching-up">not catching up</span>;
  return <span>{formatSeconds(drain.seconds)}</span>;
}

export function HealthSummary({ health }: { health: GroupHealth }) {
  return (
    <div className="facts">
      <div className="fact"><div className="fact-label">Health</div><div className="fact-value" data-testid="group-health"><HealthBadge status={health.status} /></div></div>
      <div className="fact"><div className="fact-label">Lag in time <span className="muted small">(i: interpolation · ts: record timestamp)</span></div><div className="fact-value" data-testid="lag-seconds"><TimeLag lag={health.lagSeconds} /></div></div>
      <div className="fact"><div className="fact-label">Consume / produce rate</div><div className="fact-value">{formatRate(health.consumeRate)} / {formatRate(health.produceRate)}</div></div>
      <div className="fact"><div className="fact-label">Time to drain (group totals)</div><div className="fact-value" data-testid="drain"><Drain drain={health.drain} /></div></div>
      <SkewedDrainFact health={health} />
    </div>
  );
}

export function HealthTable({ health }: { health: GroupHealth }) {
  if (health.partitions.length === 0) return <Empty title="No committed offsets observed yet." />;
  return (
    <table className="grid" data-testid="health-table">
      <thead>
        <tr><th>Partition</th><th>Status</th><th>Rule that fired</th><th className="num">Lag</th><th>Lag in time</th><th className="num">Consume</th><th className="num">Produce</th><th>Drain</th><th>Window (offset / lag)</th></tr>
      </thead>
      <tbody>
        {health.partitions.map((p) => (
          <tr key={`${p.topic}-${p.partition}`} data-testid="health-row">
            <td className="mono">{p.topic}-{p.partition}</td>
            <td><HealthBadge status={p.status} />{!p.complete && <span className="muted small"> (collecting)</span>}</td>
            <td className="small rule" data-testid="health-rule">{p.rule}</td>
            <td className="num">{formatNumber(p.lag)}</td>
            <td><TimeLag lag={p.lagSeconds} /></td>
            <td className="num">{formatRate(p.consumeRate)}</td>
            <td className="num">{formatRate(p.produceRate)}</td>
            <td><Drain drain={p.drain} /></td>
            <td className="mono small window">{p.window.slice(-5).map((w) => `${w.offset}/${w.lag}${w.count > 1 ? `×${w.count}` : ''}`).join(' ')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function HealthPanel({ groupId }: { groupId: string }) {
  const health = useGroupHealth(groupId);
  const group = useGroup(groupId);
  const [skip, setSkip] = useState<ResetPreset | null>(null);
  if (health.isPending && !health.isError) return <Loading what="health" />;
  if (!health.data) return health.error ? <ErrorView error={health.error} /> : null;
  // A stalled or stopped partition is usually stuck on one record: show it, and offer to skip it.
  const stuck = health.data.partitions.filter((p) => (p.status === 'STALL' || p.status === 'STOP') && p.committedOffset < p.logEndOffset);
  return (
    <>
      <CaptureButton view="group-health" title={`Health of ${groupId}: ${health.data.status ?? 'not evaluated yet'}`} subject={{ kind: 'group', id: groupId }} data={() => groupHealthCapture(health.data!)} />
      <HealthSummary health={health.data} />
      <h2>Health by partition</h2>
      <HealthTable health={health.data} />
      {stuck.map((p) => (
        <StuckRecord key={`${p.topic}-${p.partition}`} topic={p.topic} partition={p.partition} offset={p.committedOffset} status={p.status}
          onSkip={() => setSkip({ kind: 'offset', value: String(p.committedOffset + 1), partitions: [{ topic: p.topic, partition: p.partition }] })} />
      ))}
      {skip && group.data && <ResetDialog group={group.data} preset={skip} onClose={() => setSkip(null)} />}
    </>
  );
}
