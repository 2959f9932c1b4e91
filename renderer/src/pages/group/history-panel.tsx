// The lag trend per group and partition, and the rebalance timeline: state bands, time in each
// state, group/assignment epoch bumps, member joins and leaves, and members stuck behind the epoch.
import { useMemo, useState } from 'react';
import type { GroupHistory } from '../../../../shared/kafka/monitoring';
import { alignStepSeries, epochSteps } from '../../../../shared/kafka/series';
import { groupHistoryCapture } from '../../../../shared/triage/captures';
import { useGroupHistory } from '../../api/kafka';
import { CaptureButton } from '../../components/capture-button';
import { stateTone } from '../../components/badges';
import { formatSeconds, formatTime } from '../../components/format';
import { ErrorView, Loading } from '../../components/state-views';
import { seriesColor, TimeSeriesChart } from '../../components/time-series-chart';

const MAX_PARTITION_SERIES = 12;

function LagChart({ history }: { history: GroupHistory }) {
  const [perPartition, setPerPartition] = useState(false);
  const data = useMemo(() => {
    const now = history.generatedAt;
    if (!perPartition) {
      const aligned = alignStepSeries([history.lag.map(([t, lag]) => [t, lag] as const), history.lag.map(([t, , s]) => [t, s] as const)], now);
      return { times: aligned.times, series: [
        { label: 'Lag (offsets)', values: aligned.values[0]!, color: seriesColor(0), stepped: true },
        { label: 'Lag (s, interpolated)', values: aligned.values[1]!, color: seriesColor(1), stepped: true, scale: 'right' as const },
      ] };
    }
    const shown = history.partitions.slice(0, MAX_PARTITION_SERIES);
    const aligned = alignStepSeries(shown.map((p) => p.points), now);
    return { times: aligned.times, series: shown.map((p, i) => ({ label: `${p.topic}-${p.partition}`, values: aligned.values[i]!, color: seriesColor(i), stepped: true })) };
  }, [history, perPartition]);
  return (
    <div className="card chart-card">
      <div className="chart-toolbar">
        <div className="chips" role="group" aria-label="Lag chart">
          <button type="button" className={`chip ${!perPartition ? 'on' : ''}`} aria-pressed={!perPartition} onClick={() => setPerPartition(false)}>Group</button>
          <button type="button" className={`chip ${perPartition ? 'on' : ''}`} aria-pressed={perPartition} onClick={() => setPerPartition(true)}>Per partition</button>
        </div>
        {perPartition && history.partitions.length > MAX_PARTITION_SERIES && <span className="muted small">first {MAX_PARTITION_SERIES} of {history.partitions.length} partitions</span>}
      </div>
      {data.times.length < 2 ? <p className="muted">Collecting lag samples…</p> : <TimeSeriesChart title="Lag trend" times={data.times} series={data.series} testId="lag-chart" />}
    </div>
  );
}

function StateBands({ history }: { history: GroupHistory }) {
  const from = history.states[0]?.from ?? history.generatedAt;
  const to = history.states[history.states.length - 1]?.to ?? history.generatedAt;
  const span = Math.max(1, to - from);
  return (
    <div>
      <div className="state-bands" data-testid="state-bands" aria-label="Group state over time">
        {history.states.map((s) => (
          <div key={`${s.state}-${s.from}`} className={`band tone-${stateTone(s.state)}`} style={{ width: `${Math.max(0.5, ((s.to - s.from) / span) * 100)}%` }}
            title={`${s.state}: ${formatTime(s.from)} – ${formatTime(s.to)} (${formatSeconds((s.to - s.from) / 1000)})`} />
        ))}
      </div>
      <div className="band-axis muted small"><span>{formatTime(from)}</span><span>{formatTime(to)}</span></div>
      <div className="chips time-in-state" data-testid="time-in-state">
        {Object.entries(history.timeInStateMs).sort(([, a], [, b]) => b - a).map(([state, ms]) => (
          <span key={state} className={`badge state-${stateTone(state)}`}>{state} {formatSeconds(ms / 1000)}</span>
        ))}
      </div>
    </div>
  );
}

function EpochChart({ history }: { history: GroupHistory }) {
  const data = useMemo(() => {
    const groupEvents = history.events.filter((e): e is Extract<typeof e, { kind: 'group-epoch' }> => e.kind === 'group-epoch');
    const assignmentEvents = history.events.filter((e): e is Extract<typeof e, { kind: 'assignment-epoch' }> => e.kind === 'assignment-epoch');
    const aligned = alignStepSeries([epochSteps(groupEvents, history.epochs.groupEpoch, history.since), epochSteps(assignmentEvents, history.epochs.assignmentEpoch, history.since)], history.generatedAt);
    return { times: aligned.times, series: [
      { label: 'Group epoch', values: aligned.values[0]!, color: seriesColor(0), stepped: true },
      { label: 'Assignment epoch', values: aligned.values[1]!, color: seriesColor(2), stepped: true },
    ] };
  }, [history]);
  if (history.epochs.groupEpoch === null) return null;
  return data.times.length < 2 ? null : <TimeSeriesChart title="KIP-848 epochs" times={data.times} series={data.series} height={180} testId="epoch-chart" />;
}

function describeEvent(e: GroupHistory['events'][number]): string {
  switch (e.kind) {
    case 'state': return `State ${e.from} → ${e.to}`;
    case 'type': return `Protocol migration: ${e.from} → ${e.to} group`;
    case 'group-epoch': return `Group epoch ${e.from} → ${e.to}`;
    case 'assignment-epoch': return `Assignment epoch ${e.from} → ${e.to}`;
    case 'join': return `Member joined: ${e.clientId} (${e.memberId})`;
    case 'leave': return `Member left: ${e.clientId} (${e.memberId})`;
  }
}

export function HistoryPanel({ groupId }: { groupId: string }) {
  const [stuckAfterS, setStuckAfterS] = useState(30);
  const history = useGroupHistory(groupId, stuckAfterS * 1000);
  if (history.isPending && !history.isError) return <Loading what="history" />;
  if (!history.data) return history.error ? <ErrorView error={history.error} /> : null;
  const h = history.data;
  const events = [...h.events].reverse();
  return (
    <div className="history">
      <CaptureButton view="group-history" title={`History of ${groupId} (${h.state})`} subject={{ kind: 'group', id: groupId }} data={() => groupHistoryCapture(h)} chart="[data-testid=lag-chart]" />
      <LagChart history={h} />
      <div className="card">
        <h3>Rebalance timeline</h3>
        <StateBands history={h} />
        <EpochChart history={h} />
        <div className="stuck">
          <label className="small muted">Flag members behind the group epoch for more than
            <input type="number" min={1} value={stuckAfterS} onChange={(e) => setStuckAfterS(Math.max(1, Number(e.target.value) || 30))} aria-label="Seconds before a member counts as stuck" /> s
          </label>
          {h.stuckMembers.length > 0 && (
            <ul className="stuck-list" data-testid="stuck-members">
              {h.stuckMembers.map((m) => <li key={m.memberId}><span className="badge state-bad">stuck</span> {m.clientId} <span className="mono small">{m.memberId}</span> at epoch {m.memberEpoch} for {formatSeconds(m.behindForMs / 1000)}</li>)}
            </ul>
          )}
        </div>
        <h3>Events</h3>
        {events.length === 0 ? <p className="muted">No rebalance or membership change observed since {h.since ? formatTime(h.since) : 'Sluice started watching'}.</p> : (
          <table className="grid compact" data-testid="events-table">
            <tbody>
              {events.slice(0, 100).map((e, i) => <tr key={`${e.at}-${i}`}><td className="mono small">{formatTime(e.at)}</td><td>{describeEvent(e)}</td></tr>)}
            </tbody>
          </table>
        )}
      </div>
    </div>
  );
}
