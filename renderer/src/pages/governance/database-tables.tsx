// Column names of a live database's tables against the dictionary: paste a PostgreSQL or MariaDB
// URL (used once by main, never stored) and see each column's verdict and the standard name.
import { useState } from 'react';
import { useLintDatabase } from '../../api/governance';

export function DatabaseTables() {
  const [url, setUrl] = useState('');
  const [schema, setSchema] = useState('');
  const lint = useLintDatabase();
  return (
    <section className="card" aria-label="Database tables">
      <h2>Database tables</h2>
      <form className="row database-form" onSubmit={(e) => { e.preventDefault(); if (url.trim() && !lint.isPending) lint.mutate({ url: url.trim(), ...(schema.trim() ? { schema: schema.trim() } : {}) }); }}>
        <input className="mono" aria-label="Database URL" value={url} onChange={(e) => setUrl(e.target.value)} placeholder="postgres://user:password@127.0.0.1:5432/ledger  or  mysql://root@127.0.0.1:3306/ledger" autoComplete="off" spellCheck={false} />
        <input aria-label="Schema" value={schema} onChange={(e) => setSchema(e.target.value)} placeholder="schema (optional)" />
        <button type="submit" className="primary" disabled={!url.trim() || lint.isPending} data-testid="lint-database">{lint.isPending ? 'Reading…' : 'Check column names'}</button>
      </form>
      <p className="muted small">The URL goes to Sluice's main process for this one read of the catalogue and is not kept.</p>
      {lint.error && <p className="error-text" role="alert">{lint.error.message}</p>}
      {lint.data && (
        <>
          <p className="small" data-testid="database-summary">{lint.data.summary.tables} table{lint.data.summary.tables === 1 ? '' : 's'}, {lint.data.summary.columns} columns: {lint.data.summary.standard} standard, {lint.data.summary.withFindings} with findings.</p>
          {lint.data.tables.map((t) => (
            <details key={`${t.schema}.${t.table}`} open={t.columns.some((c) => c.check.verdict !== 'standard')}>
              <summary className="mono">{t.schema}.{t.table} <span className="muted">{t.columns.filter((c) => c.check.verdict === 'standard').length}/{t.columns.length} standard</span></summary>
              <table className="grid compact" data-testid="database-table" data-table={t.table}>
                <thead><tr><th>Column</th><th>Type</th><th>Verdict</th><th>Use</th><th>Findings</th></tr></thead>
                <tbody>{t.columns.map((c) => (
                  <tr key={c.name} data-testid="database-column" data-column={c.name}>
                    <td className="mono">{c.name}</td>
                    <td className="mono small">{c.dataType}{c.length !== null ? `(${c.length})` : ''}</td>
                    <td><span className={`badge ${c.check.verdict === 'standard' ? 'state-ok' : c.check.verdict === 'unknown' ? 'state-bad' : 'state-moving'}`}>{c.check.verdict}</span></td>
                    <td className="mono">{c.check.suggestion ?? ''}</td>
                    <td className="small">{c.check.findings.filter((f) => f.severity !== 'info').map((f) => f.message).join(' ') || (c.concept ? `means ${c.concept}` : '')}</td>
                  </tr>
                ))}</tbody>
              </table>
            </details>
          ))}
        </>
      )}
    </section>
  );
}
