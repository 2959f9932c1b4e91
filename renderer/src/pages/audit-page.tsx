// Every control action Sluice ran, newest first: its intent (written before anything changed) and
// its outcome (applied, refused, failed, unknown — or pending while it runs), filtered, with the
// state of the log's hash chain, and an export of what the filter shows.
import { useState } from 'react';
import type { AuditAction, AuditFilter } from '../../../shared/audit/audit-record';
import { useAuditLog, useExportAudit } from '../api/audit';
import { Empty, ErrorView, Loading } from '../components/state-views';
import { download } from '../components/download';

const resultBadge: Record<AuditAction['result'], string> = {
  applied: 'state-ok', refused: 'state-moving', failed: 'state-bad', unknown: 'state-bad', pending: 'state-idle',
};

function ResultCell({ action }: { action: AuditAction }) {
  return (
    <td>
      <span className={`badge ${resultBadge[action.result]}`} title={action.error ?? undefined} data-testid="audit-result">{action.result}</span>
      {action.note && <div className="small muted">{action.note}</div>}
      {!action.note && action.error && action.result !== 'applied' && <div className="small muted">{action.error}</div>}
    </td>
  );
}

const fromLocal = (value: string) => (value ? new Date(value).toISOString() : undefined);

export function AuditPage() {
  const [form, setForm] = useState({ from: '', to: '', profile: '', action: '', target: '', result: '' });
  const filter: AuditFilter = {
    ...(form.from ? { from: fromLocal(form.from) } : {}), ...(form.to ? { to: fromLocal(form.to) } : {}),
    ...(form.profile ? { profile: form.profile } : {}), ...(form.action ? { action: form.action } : {}), ...(form.target ? { target: form.target } : {}),
    ...(form.result ? { result: form.result as AuditFilter['result'] } : {}),
  };
  const audit = useAuditLog(filter, 500);
  const exporter = useExportAudit();
  const field = (name: keyof typeof form) => ({ value: form[name], onChange: (e: { target: { value: string } }) => setForm((f) => ({ ...f, [name]: e.target.value })) });
  const chain = audit.data?.chain;
  const exportAs = (format: 'jsonl' | 'csv') => exporter.mutate({ ...filter, format }, { onSuccess: (file) => download(file.fileName, file.mediaType, file.content) });
  return (
    <section className="page">
      <header className="page-header">
        <h1>Audit log</h1>
        <span className="muted">Every control action: its intent, written before anything changed, and what really happened.</span>
      </header>
      <div className="toolbar audit-filters" role="search">
        <label>From <input type="datetime-local" {...field('from')} /></label>
        <label>To <input type="datetime-local" {...field('to')} /></label>
        <label>Profile <input {...field('profile')} placeholder="name" /></label>
        <label>Action <input {...field('action')} placeholder="resetOffsets, register…" /></label>
        <label>Target <input {...field('target')} placeholder="group, subject, mismatch" /></label>
        <label>Result <select {...field('result')}>
          <option value="">any</option>
          {(['applied', 'refused', 'failed', 'unknown', 'pending'] as const).map((r) => <option key={r} value={r}>{r}</option>)}
        </select></label>
        <button type="button" onClick={() => exportAs('jsonl')} disabled={exporter.isPending}>Export JSON Lines</button>
        <button type="button" onClick={() => exportAs('csv')} disabled={exporter.isPending}>Export CSV</button>
      </div>
      {chain && (
        <p className={chain.state === 'broken' ? 'chain-state banner-bad' : 'chain-state muted'} data-testid="audit-chain" role={chain.state === 'broken' ? 'alert' : undefined}>
          {chain.state === 'intact' && <>Hash chain intact: {chain.records} record{chain.records === 1 ? '' : 's'} checked{chain.unchained > 0 ? `, ${chain.unchained} older unchained` : ''}.</>}
          {chain.state === 'empty' && <>The log is empty.</>}
          {chain.state === 'broken' && <>Hash chain broken ({chain.problems} problem{chain.problems === 1 ? '' : 's'}): {chain.firstProblem?.message}</>}
          {audit.data!.damagedLines > 0 && <> {audit.data!.damagedLines} damaged line(s) skipped.</>}
        </p>
      )}
      {exporter.isError && <ErrorView error={exporter.error} />}
      {audit.isPending && !audit.isError && <Loading what="the audit log" />}
      {audit.isError && !audit.data && <ErrorView error={audit.error} />}
      {audit.data && audit.data.actions.length === 0 && <Empty title="No actions match.">Offset resets, deletions, registrations and reconciles appear here once run.</Empty>}
      {audit.data && audit.data.actions.length > 0 && (
        <table className="grid" data-testid="audit-table">
          <thead><tr><th>Time</th><th>Profile</th><th>Action</th><th>Target</th><th>Result</th><th>Command</th></tr></thead>
          <tbody>
            {audit.data.actions.map((a) => (
              <tr key={a.id} data-testid="audit-row">
                <td className="small mono">{new Date(a.time).toLocaleString('en-GB')}</td>
                <td>{a.profile.name}{a.profile.production && <span className="production-label">PROD</span>}</td>
                <td className="mono">{a.action}</td>
                <td className="mono small">{JSON.stringify(a.target)}</td>
                <ResultCell action={a} />
                <td className="mono small command-cell">{a.command}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {audit.data && audit.data.matching > audit.data.actions.length && <p className="muted small">Showing the newest {audit.data.actions.length} of {audit.data.matching}; narrow the filter or export.</p>}
    </section>
  );
}
