// The watch list: groups, topics and pipelines whose changes main records by itself, with lag
// thresholds for groups (crossing one either way is a timeline entry).
import { useState, type FormEvent } from 'react';
import type { WatchKind } from '../../../../shared/triage/session';
import type { WatchItem } from '../../../../shared/triage/timeline';
import { useGroups } from '../../api/kafka';
import { useWatch } from '../../api/triage';

const number = (text: string) => (text.trim() === '' ? null : Number(text));

export function WatchPanel({ watches, editable }: { watches: WatchItem[]; editable: boolean }) {
  const watch = useWatch();
  const [kind, setKind] = useState<WatchKind>('group');
  const [id, setId] = useState('');
  const [lag, setLag] = useState('');
  const [lagSeconds, setLagSeconds] = useState('');
  const groups = useGroups();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const thresholds = kind === 'group' && (lag || lagSeconds) ? { lag: number(lag), lagSeconds: number(lagSeconds) } : null;
    watch.mutate({ target: { kind, id: id.trim() }, on: true, thresholds }, { onSuccess: () => { setId(''); setLag(''); setLagSeconds(''); } });
  };
  return (
    <div className="card watch-panel" data-testid="watch-panel">
      <h3>Watching</h3>
      {watches.length === 0 && <p className="small muted">Nothing yet. Watched groups, topics and pipelines record their own changes: state and epochs, members joining and leaving, health, lag over your thresholds, mismatches.</p>}
      <ul className="watch-list">
        {watches.map((w) => (
          <li key={`${w.target.kind}:${w.target.id}`} data-testid="watch-item">
            <span className="badge">{w.target.kind}</span> <span className="mono">{w.target.id}</span>
            {w.thresholds && (w.thresholds.lag !== null || w.thresholds.lagSeconds !== null) && <span className="small muted"> alert above {[w.thresholds.lag !== null ? `${w.thresholds.lag} records` : null, w.thresholds.lagSeconds !== null ? `${w.thresholds.lagSeconds} s` : null].filter(Boolean).join(' or ')}</span>}
            {editable && <button type="button" className="small-button" onClick={() => watch.mutate({ target: w.target, on: false })} aria-label={`Stop watching ${w.target.id}`}>×</button>}
          </li>
        ))}
      </ul>
      {editable && (
        <form onSubmit={submit} className="watch-form">
          <select value={kind} onChange={(e) => setKind(e.target.value as WatchKind)} aria-label="Kind">
            <option value="group">Group</option><option value="topic">Topic</option><option value="pipeline">Pipeline</option>
          </select>
          <input value={id} onChange={(e) => setId(e.target.value)} list={kind === 'group' ? 'watch-groups' : undefined} placeholder={kind === 'pipeline' ? 'pipeline id' : `${kind} name`} aria-label="Name to watch" data-testid="watch-id" required />
          {kind === 'group' && <datalist id="watch-groups">{groups.data?.groups.slice(0, 500).map((g) => <option key={g.groupId} value={g.groupId} />)}</datalist>}
          {kind === 'group' && <input value={lag} onChange={(e) => setLag(e.target.value)} type="number" min={0} placeholder="lag >" aria-label="Lag threshold (records)" className="narrow" />}
          {kind === 'group' && <input value={lagSeconds} onChange={(e) => setLagSeconds(e.target.value)} type="number" min={0} placeholder="seconds >" aria-label="Lag threshold (seconds)" className="narrow" />}
          <button type="submit" disabled={watch.isPending || !id.trim()} data-testid="watch-submit">Watch</button>
          {watch.isError && <span className="small bad" role="alert">{watch.error.message}</span>}
        </form>
      )}
    </div>
  );
}
