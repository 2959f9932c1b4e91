// Writing the next version of a subject: Monaco with the draft (kept on every keystroke), names
// linted against the dictionary as it is typed (markers, Ctrl+. quick fixes, a findings list with
// one-click fixes), a compatibility test against the registry, and registration behind a preview.
import { useMemo, useState } from 'react';
import { schemaTypes, type SchemaType } from '../../../../shared/registry/registry';
import { applyEdits } from '../../../../shared/governance/schema-lint';
import { prettySchema } from '../../../../shared/governance/schema-diff';
import { useCheckSchema, useSchemaLint } from '../../api/governance';
import { useDebouncedValue } from '../../components/use-debounced-value';
import { CodeEditor, languageForSchema, type QuickFix } from '../../editor';
import { useSchemaDrafts } from '../../stores/schema-drafts';
import { CheckResult } from './check-result';
import { RegisterDialog } from './register-dialog';

const templates: Record<SchemaType, string> = {
  AVRO: JSON.stringify({ type: 'record', name: 'Event', namespace: 'com.example', fields: [{ name: 'evtId', type: 'string' }] }, null, 2),
  JSON: JSON.stringify({ $schema: 'https://json-schema.org/draft/2020-12/schema', title: 'Event', type: 'object', properties: { evt_id: { type: 'string' } } }, null, 2),
  PROTOBUF: 'syntax = "proto3";\n\nmessage Event {\n  string evt_id = 1;\n}\n',
};
const LINT_DELAY_MS = 250;

export function SchemaDraft({ subject, latest, onRegistered }: { subject: string; latest: { schemaType: SchemaType; schema: string } | null; onRegistered: (version: number | null) => void }) {
  const { drafts, setDraft, discard } = useSchemaDrafts();
  const stored = drafts[subject];
  const [schemaType, setSchemaType] = useState<SchemaType>(stored?.schemaType ?? latest?.schemaType ?? 'AVRO');
  const [text, setText] = useState(stored?.text ?? (latest ? prettySchema(latest.schemaType, latest.schema) : templates[schemaType]));
  const [registering, setRegistering] = useState(false);
  // Names are linted by main a moment after typing stops; the last result stays until the next.
  const lintInput = useMemo(() => ({ schemaType, schema: text, subject }), [schemaType, text, subject]);
  const settledLintInput = useDebouncedValue(lintInput, LINT_DELAY_MS);
  const linted = useSchemaLint(settledLintInput);
  const lint = linted.data ?? null;
  const lintError = linted.error?.message ?? null;
  const check = useCheckSchema();

  const edit = (next: string, type = schemaType) => {
    setText(next);
    check.reset();
    setDraft(subject, { schemaType: type, text: next });
  };
  const fixes: QuickFix[] = useMemo(() => (lint?.fields ?? []).flatMap((f) => (f.fix ? [{ ...f.fix, title: `Use the standard term: ${f.fix.text}` }] : [])), [lint]);
  const isNew = latest === null;
  const changed = !latest || text !== prettySchema(latest.schemaType, latest.schema);

  return (
    <div className="schema-draft">
      <div className="toolbar">
        {isNew ? (
          <label className="inline-field">Type
            <select aria-label="Schema type" value={schemaType} onChange={(e) => { const type = e.target.value as SchemaType; setSchemaType(type); edit(stored ? text : templates[type], type); }}>
              {schemaTypes.map((t) => <option key={t} value={t}>{t}</option>)}
            </select>
          </label>
        ) : <span className="badge state-idle">{schemaType}</span>}
        <span className="muted small" data-testid="lint-status">
          {lintError ? `Lint failed: ${lintError}` : lint ? `${lint.summary.standard}/${lint.summary.fields} standard names · ${lint.summary.errors} errors · ${lint.summary.warnings} warnings` : 'Linting…'}
        </span>
        <span className="spacer" />
        {stored && <button type="button" onClick={() => { discard(subject); setText(latest ? prettySchema(latest.schemaType, latest.schema) : templates[schemaType]); check.reset(); }}>Discard draft</button>}
        <button type="button" disabled={fixes.length === 0} onClick={() => edit(applyEdits(text, fixes))} data-testid="fix-all">Fix all names ({fixes.length})</button>
        <button type="button" disabled={check.isPending} onClick={() => check.mutate({ subject, schemaType, schema: text })} data-testid="test-compatibility">{check.isPending ? 'Testing…' : 'Test compatibility'}</button>
        <button type="button" className="primary" disabled={!changed} onClick={() => setRegistering(true)} data-testid="register">Register…</button>
      </div>
      <div className="draft-layout">
        <CodeEditor path={`schema-draft/${subject}.${schemaType === 'PROTOBUF' ? 'proto' : 'json'}`} language={languageForSchema(schemaType)} value={text} onChange={(v) => edit(v)} diagnostics={lint?.diagnostics ?? []} fixes={fixes} height="440px" />
        <aside className="findings" aria-label="Naming findings">
          <h3>Names</h3>
          {lint && lint.fields.length === 0 && <p className="muted small">No fields found yet.</p>}
          <ul data-testid="lint-findings">
            {lint?.fields.filter((f) => f.check.findings.some((x) => x.severity !== 'info') || f.check.verdict !== 'standard').map((f) => (
              <li key={f.path} data-testid="lint-finding" data-field={f.name}>
                <span className="mono">{f.name}</span> <span className="muted small">line {f.line}</span>
                <div className="small">{f.check.findings.map((x) => x.message).join(' ')}</div>
                {f.fix && <button type="button" className="small" data-testid="apply-fix" onClick={() => edit(applyEdits(text, [f.fix!]))}>Use {f.fix.text}</button>}
              </li>
            ))}
          </ul>
          {lint && <p className="small muted">{lint.fields.filter((f) => f.concept).length} field(s) mapped to ontology concepts{lint.fields.some((f) => f.concept) ? `: ${lint.fields.filter((f) => f.concept).map((f) => `${f.name} → ${f.concept}`).join(', ')}` : ''}.</p>}
        </aside>
      </div>
      {check.error && <p className="error-text" role="alert">{check.error.message}</p>}
      {check.data && <CheckResult result={check.data} />}
      {registering && <RegisterDialog subject={subject} schemaType={schemaType} schema={text} onClose={() => setRegistering(false)}
        onRegistered={(version) => { setRegistering(false); discard(subject); onRegistered(version); }} />}
    </div>
  );
}
