// Governance at a glance: drift (where the running platform disagrees with an accepted decision),
// each subject's compliance with the standard dictionary, and the workspace's own problems.
import { useGovernanceOverview } from '../../api/governance';
import { useWorkspaceState } from '../../api/workspace';
import { ErrorView, Loading } from '../../components/state-views';
import { hrefFor } from '../../router';
import { adrLabel } from '../decisions/adr-status';
import { ComplianceBar } from '../schemas/compliance-bar';
import { DatabaseTables } from './database-tables';

export function GovernancePage() {
  const overview = useGovernanceOverview();
  const state = useWorkspaceState();
  if (overview.isPending && !overview.isError) return <Loading what="the governance overview" />;
  if (overview.isError && !overview.data) return <ErrorView error={overview.error} />;
  const data = overview.data!;
  const workspace = state.data?.workspace;
  const errors = workspace?.diagnostics.filter((d) => d.severity === 'error').length ?? 0;
  const warnings = workspace?.diagnostics.filter((d) => d.severity === 'warning').length ?? 0;
  const subjects = [...data.subjects].sort((a, b) => a.compliance - b.compliance || b.errors - a.errors);
  const fields = data.subjects.reduce((n, s) => n + s.fields, 0);
  const standard = data.subjects.reduce((n, s) => n + s.standard, 0);
  return (
    <section className="page">
      <header className="page-header"><h1>Governance</h1><span className="muted small">{workspace ? `workspace ${workspace.name}` : 'no workspace open'}{data.registryUrl ? ` · registry ${data.registryUrl}` : ''}</span></header>
      <div className="facts">
        <div className="fact"><div className="fact-label">Drift from decisions</div><div className="fact-value" data-testid="drift-count">{data.drift.length}</div></div>
        <div className="fact"><div className="fact-label">Standard field names</div><div className="fact-value">{fields ? `${Math.round((standard / fields) * 100)} %` : '—'}</div><div className="muted small">{standard} of {fields} in {data.subjects.length} subjects</div></div>
        <div className="fact"><div className="fact-label">Workspace problems</div><div className="fact-value">{errors} <span className="muted small">errors</span> {warnings} <span className="muted small">warnings</span></div><a className="small" href="#/workspace">Open the workspace</a></div>
      </div>
      <h2>Drift</h2>
      {data.unchecked.map((u) => <p key={u} className="warn-text small" role="status">Not checked — {u}</p>)}
      {data.drift.length === 0 ? <p className="ok-text small">No drift: the platform agrees with every accepted decision that states an expectation.</p> : (
        <table className="grid" data-testid="drift">
          <thead><tr><th>Decision</th><th>What</th><th>Expected</th><th>Actual</th><th>Finding</th></tr></thead>
          <tbody>{data.drift.map((d) => (
            <tr key={`${d.adr}:${d.kind}:${d.target}`} data-testid="drift-row">
              <td><a href={hrefFor({ page: 'decision', number: d.adr })}>{adrLabel(d.adr)}</a></td>
              <td>{d.kind === 'compatibility' || d.kind === 'missing-subject' ? <a className="mono" href={hrefFor({ page: 'subject', subject: d.target })}>{d.target}</a> : <a className="mono" href={hrefFor({ page: 'group', groupId: d.target })}>{d.target}</a>}</td>
              <td>{d.expected ?? '—'}</td><td>{d.actual ?? '—'}</td><td className="small">{d.message}</td>
            </tr>
          ))}</tbody>
        </table>
      )}
      <h2>Compliance by subject</h2>
      {data.registryError ? <p className="error-text" role="alert">{data.registryError}</p> : (
        <table className="grid" data-testid="compliance-table">
          <thead><tr><th>Subject</th><th>Type</th><th>Version</th><th>Standard names</th><th className="num">Warnings</th><th className="num">Mapped to concepts</th><th>Decisions</th></tr></thead>
          <tbody>{subjects.map((s) => (
            <tr key={s.subject}>
              <td><a className="mono" href={hrefFor({ page: 'subject', subject: s.subject, tab: 'draft' })}>{s.subject}</a></td>
              <td>{s.schemaType}</td><td>{s.version}</td><td><ComplianceBar compliance={s} /></td><td className="num">{s.warnings}</td><td className="num">{s.mapped}/{s.fields}</td>
              <td>{s.adrs.map((n) => <a key={n} className="link-chip" href={hrefFor({ page: 'decision', number: n })}>{adrLabel(n)}</a>)}</td>
            </tr>
          ))}</tbody>
        </table>
      )}
      <DatabaseTables />
    </section>
  );
}
