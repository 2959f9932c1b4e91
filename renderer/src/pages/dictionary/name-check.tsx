// Check names against the standard: paste field or column names, one per line, and see each
// one's verdict, its words, what is wrong and the standard name to use.
import { useState } from 'react';
import { useCheckNames } from '../../api/governance';

export function NameCheck() {
  const [text, setText] = useState('paymentAmount\nCUST_NM\nmrch_stat');
  const check = useCheckNames();
  const names = text.split('\n').map((n) => n.trim()).filter(Boolean);
  return (
    <section className="card name-check" aria-label="Check names">
      <h2>Check names</h2>
      <form className="row" onSubmit={(e) => { e.preventDefault(); if (names.length > 0) check.mutate({ names }); }}>
        <textarea aria-label="Names to check" rows={3} value={text} onChange={(e) => setText(e.target.value)} className="mono" />
        <button type="submit" className="primary" disabled={names.length === 0 || check.isPending}>Check</button>
      </form>
      {check.error && <p className="error-text" role="alert">{check.error.message}</p>}
      {check.data && (
        <table className="grid compact" data-testid="name-results">
          <thead><tr><th>Name</th><th>Verdict</th><th>Read as</th><th>Use</th><th>Findings</th></tr></thead>
          <tbody>
            {check.data.results.map((r) => (
              <tr key={r.name}>
                <td className="mono">{r.name}</td>
                <td><span className={`badge ${r.verdict === 'standard' ? 'state-ok' : r.verdict === 'unknown' ? 'state-bad' : 'state-moving'}`}>{r.verdict}</span></td>
                <td className="small">{r.words.map((w) => `${w.text}${w.word ? ` (${w.word})` : ' (?)'}`).join(' + ')}</td>
                <td className="mono">{r.suggestion ?? (r.term ? r.term.physicalName : '—')}{r.classification && <> <span className="badge state-moving" title="Values under this term are masked where records are shown">{r.classification}</span></>}</td>
                <td className="small">{r.findings.map((f) => f.message).join(' ') || (r.term ? `${r.term.name}: ${r.term.dataType ?? ''}${r.term.length ? `(${r.term.length})` : ''}` : '')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
