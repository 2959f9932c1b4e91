// What a compatibility check found: compatible or not (under which level), what the draft changes
// against the latest version, and the lint summary.
import type { CompatibilityCheck } from '../../../../shared/governance/governance-api';

export function CheckResult({ result }: { result: CompatibilityCheck }) {
  return (
    <div className="check-result" data-testid="check-result">
      <p data-testid="compatibility-verdict" className={result.compatible === false ? 'error-text' : 'ok-text'}>
        {result.compatible === null ? 'New subject: nothing to be compatible with.' : result.compatible ? `Compatible (${result.compatibility}) with version ${result.latestVersion}.` : `Not compatible (${result.compatibility}) with version ${result.latestVersion}.`}
      </p>
      {result.messages.filter((m) => !m.startsWith('A new subject')).map((m) => <p key={m} className="small">{m}</p>)}
      {result.changes.length > 0 && (
        <table className="grid compact" data-testid="changes">
          <thead><tr><th>Field</th><th>Change</th><th>Before</th><th>After</th></tr></thead>
          <tbody>{result.changes.map((c) => <tr key={c.path}><td className="mono">{c.path}</td><td>{c.change}</td><td className="mono">{c.before ?? ''}</td><td className="mono">{c.after ?? ''}</td></tr>)}</tbody>
        </table>
      )}
      <p className="small" data-testid="lint-summary">
        Names: {result.lint.summary.standard} of {result.lint.summary.fields} fields standard · {result.lint.summary.errors} errors · {result.lint.summary.warnings} warnings
      </p>
    </div>
  );
}
