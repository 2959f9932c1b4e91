// Schema Registry subjects: type, versions, latest id, compatibility, mode, references, each one's
// compliance with the standard dictionary and the decisions about it.
import { useMemo, useRef, useState } from 'react';
import { schemaTypes } from '../../../../shared/registry/registry';
import { useGovernanceOverview } from '../../api/governance';
import { useSubjects } from '../../api/registry';
import { ErrorView, Loading } from '../../components/state-views';
import { hrefFor, navigate } from '../../router';
import { adrLabel } from '../decisions/adr-status';
import { ComplianceBar } from './compliance-bar';
import { RegistryAdvice, RegistryProblem } from './registry-problem';

export function SubjectsPage() {
  const subjects = useSubjects();
  const overview = useGovernanceOverview();
  const [filter, setFilter] = useState('');
  const [creating, setCreating] = useState(false);
  const [newSubject, setNewSubject] = useState('');
  const filterRef = useRef<HTMLInputElement>(null);
  const compliance = useMemo(() => new Map((overview.data?.subjects ?? []).map((s) => [s.subject, s])), [overview.data]);
  const rows = useMemo(() => {
    const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
    return (subjects.data?.subjects ?? []).filter((s) => words.every((w) => `${s.subject} ${s.schemaType} ${s.compatibility ?? ''}`.toLowerCase().includes(w)));
  }, [subjects.data, filter]);
  return (
    <section className="page" onKeyDown={(e) => { if (e.key === '/' && document.activeElement?.tagName !== 'INPUT') { e.preventDefault(); filterRef.current?.focus(); } }}>
      <header className="page-header">
        <h1>Schemas</h1>
        {subjects.data && <span className="muted mono small">{subjects.data.registryUrl}</span>}
        <div className="toolbar">
          <input ref={filterRef} type="search" className="filter" aria-label="Filter subjects" placeholder="Filter subjects (press /)" value={filter} onChange={(e) => setFilter(e.target.value)} />
          <span className="spacer" />
          <button type="button" className="primary" onClick={() => setCreating(true)} data-testid="new-subject">New subject…</button>
        </div>
      </header>
      {creating && (
        <form className="card row" onSubmit={(e) => { e.preventDefault(); if (newSubject.trim()) navigate({ page: 'subject', subject: newSubject.trim(), tab: 'draft' }); }}>
          <label className="inline-field">Subject<input autoFocus className="mono" aria-label="New subject name" value={newSubject} onChange={(e) => setNewSubject(e.target.value)} placeholder="payments.refund-events-value" size={40} /></label>
          <button type="submit" className="primary" disabled={!newSubject.trim()}>Write its first version</button>
          <button type="button" onClick={() => setCreating(false)}>Cancel</button>
        </form>
      )}
      {subjects.isPending && !subjects.isError && <Loading what="subjects" />}
      <RegistryProblem error={subjects.data ? subjects.error : null} />
      {subjects.isError && !subjects.data && <ErrorView error={subjects.error} action={<RegistryAdvice error={subjects.error} />} />}
      {subjects.data && (rows.length === 0 ? <div className="state-view"><h3>{subjects.data.subjects.length === 0 ? 'The registry has no subjects yet.' : 'No subject matches the filter.'}</h3></div> : (
        <table className="grid" data-testid="subjects">
          <thead><tr><th>Subject</th><th>Type</th><th className="num">Versions</th><th className="num">Latest id</th><th>Compatibility</th><th>Mode</th><th className="num">Refs</th><th>Standard names</th><th>Decisions</th></tr></thead>
          <tbody>
            {rows.map((s) => {
              const c = compliance.get(s.subject);
              return (
                <tr key={s.subject} data-testid="subject-row" data-subject={s.subject}>
                  <td><a href={hrefFor({ page: 'subject', subject: s.subject })} className="mono">{s.subject}</a></td>
                  <td><span className="badge state-idle">{s.schemaType}</span></td>
                  <td className="num">{s.versions}</td>
                  <td className="num">{s.id}</td>
                  <td>{s.compatibility ?? '—'}</td>
                  <td className="muted" title={s.mode === null ? 'This registry does not report modes' : undefined}>{s.mode ?? '—'}</td>
                  <td className="num">{s.references}</td>
                  <td>{c ? <ComplianceBar compliance={c} /> : <span className="muted small">{overview.isPending ? '…' : '—'}</span>}</td>
                  <td>{c?.adrs.map((n) => <a key={n} className="link-chip" href={hrefFor({ page: 'decision', number: n })}>{adrLabel(n)}</a>)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ))}
      <p className="muted small">Types the registry accepts here: {schemaTypes.join(', ')}.</p>
    </section>
  );
}
