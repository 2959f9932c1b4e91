// Decisions: every ADR by status (a board) or by date (a timeline), with a new-decision button.
import { useMemo, useState } from 'react';
import { adrStatusKinds } from '../../../../shared/workspace/adr';
import { useWorkspaceState } from '../../api/workspace';
import { ErrorView, Loading } from '../../components/state-views';
import { hrefFor } from '../../router';
import { AdrStatus, adrLabel } from './adr-status';
import { NewDecision } from './new-decision';

export function DecisionsPage() {
  const state = useWorkspaceState();
  const [view, setView] = useState<'board' | 'timeline'>('board');
  const [creating, setCreating] = useState(false);
  const [filter, setFilter] = useState('');
  const workspace = state.data?.workspace;
  const adrs = useMemo(() => {
    const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
    return (workspace?.adrs ?? []).filter((a) => words.every((w) => `${adrLabel(a.number)} ${a.title} ${a.status} ${a.decisionMakers.join(' ')}`.toLowerCase().includes(w)));
  }, [workspace?.adrs, filter]);
  if (state.isPending && !state.isError) return <Loading what="decisions" />;
  if (state.isError && !state.data) return <ErrorView error={state.error} />;
  if (!workspace) return <div className="state-view"><h3>No workspace is open.</h3><a className="button primary" href="#/workspace">Open a workspace</a></div>;
  const columns = [...adrStatusKinds, 'unknown' as const].filter((k) => k !== 'unknown' || adrs.some((a) => a.statusKind === 'unknown'));
  const byDate = [...adrs].sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || b.number - a.number);
  const card = (a: (typeof adrs)[number]) => (
    <a key={a.number} className="adr-card" href={hrefFor({ page: 'decision', number: a.number })} data-testid="adr-card" data-number={a.number}>
      <div className="muted small mono">{adrLabel(a.number)} · {a.date ?? 'no date'}</div>
      <div className="adr-title">{a.title || a.file}</div>
      <div className="small"><AdrStatus kind={a.statusKind} status={a.supersededBy ? 'superseded' : a.status} />{a.supersededBy && <span className="muted"> by {adrLabel(a.supersededBy)}</span>}</div>
    </a>
  );
  return (
    <section className="page">
      <header className="page-header">
        <h1>Decisions</h1>
        <span className="muted">{workspace.adrs.length} records in {workspace.folders.decisions}/</span>
        <div className="toolbar">
          <input type="search" className="filter" aria-label="Filter decisions" placeholder="Filter by title, status, people" value={filter} onChange={(e) => setFilter(e.target.value)} />
          <div className="chips" role="group" aria-label="View">
            <button type="button" className={`chip ${view === 'board' ? 'on' : ''}`} onClick={() => setView('board')}>By status</button>
            <button type="button" className={`chip ${view === 'timeline' ? 'on' : ''}`} onClick={() => setView('timeline')}>Timeline</button>
          </div>
          <span className="spacer" />
          <button type="button" className="primary" onClick={() => setCreating(true)} data-testid="new-decision">New decision</button>
        </div>
      </header>
      {view === 'board' ? (
        <div className="adr-board">
          {columns.map((kind) => (
            <section key={kind} className="adr-column" aria-label={kind}>
              <h2>{kind} <span className="muted">{adrs.filter((a) => a.statusKind === kind).length}</span></h2>
              {adrs.filter((a) => a.statusKind === kind).map(card)}
            </section>
          ))}
        </div>
      ) : (
        <ol className="adr-timeline">
          {byDate.map((a) => <li key={a.number}><span className="timeline-date mono small">{a.date ?? '—'}</span>{card(a)}</li>)}
        </ol>
      )}
      {creating && <NewDecision adrs={workspace.adrs} onClose={() => setCreating(false)} />}
    </section>
  );
}
