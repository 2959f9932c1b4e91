// Every control action Sluice applied, newest first, as the append-only log recorded it.
import { useAuditLog } from '../api/audit';
import { Empty, ErrorView, Loading } from '../components/state-views';

export function AuditPage() {
  const audit = useAuditLog(500);
  return (
    <section className="page">
      <header className="page-header"><h1>Audit log</h1><span className="muted">Every applied control action, written to disk before the console reported success.</span></header>
      {audit.isPending && !audit.isError && <Loading what="the audit log" />}
      {audit.isError && !audit.data && <ErrorView error={audit.error} />}
      {audit.data && audit.data.records.length === 0 && <Empty title="No actions yet.">Offset resets and deletions appear here once applied.</Empty>}
      {audit.data && audit.data.records.length > 0 && (
        <table className="grid" data-testid="audit-table">
          <thead><tr><th>Time</th><th>Profile</th><th>Action</th><th>Target</th><th>Result</th><th>Command</th></tr></thead>
          <tbody>
            {audit.data.records.map((r) => (
              <tr key={r.id} data-testid="audit-row">
                <td className="small mono">{new Date(r.time).toLocaleString('en-GB')}</td>
                <td>{r.profile.name}{r.profile.production && <span className="production-label">PROD</span>}</td>
                <td className="mono">{r.action}</td>
                <td className="mono small">{JSON.stringify(r.target)}</td>
                <td>{r.result === 'ok' ? <span className="badge state-ok">ok</span> : <span className="badge state-bad" title={r.error}>error</span>}</td>
                <td className="mono small command-cell">{r.command}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
