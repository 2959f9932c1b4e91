// Registering a draft as a new version: a preview first (the version it becomes, what changes,
// compatibility, the lint gate), then confirm. Lint errors block unless a reason is given, and the
// reason goes to the audit log. The button is guarded against a double click.
import { useEffect, useRef, useState } from 'react';
import type { SchemaType } from '../../../../shared/governance/schema-fields';
import { useCheckSchema, useRegister } from '../../api/governance';
import { CheckResult } from './check-result';

export function RegisterDialog({ subject, schemaType, schema, onClose, onRegistered }: {
  subject: string; schemaType: SchemaType; schema: string; onClose: () => void; onRegistered: (version: number | null) => void;
}) {
  const check = useCheckSchema();
  const register = useRegister();
  const [reason, setReason] = useState('');
  const clicked = useRef(false);
  // The preview: checked once when the dialog opens (mutate is stable; the draft does not change here).
  const { mutate: runCheck } = check;
  useEffect(() => runCheck({ subject, schemaType, schema }), [runCheck, subject, schemaType, schema]);
  const result = check.data;
  const next = result ? (result.latestVersion ?? 0) + 1 : null;
  const needsReason = !!result?.blockedByLint;
  const reasonOk = !needsReason || reason.trim().length >= 10;
  const incompatible = result?.compatible === false;
  const apply = () => {
    if (clicked.current || !result || !reasonOk || incompatible) return;
    clicked.current = true;
    register.mutate({ subject, schemaType, schema, ...(needsReason ? { overrideReason: reason.trim() } : {}) }, {
      onSuccess: (r) => onRegistered(r.version),
      onSettled: () => { clicked.current = false; },
    });
  };
  return (
    <div className="dialog-backdrop" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <div className="card dialog" role="dialog" aria-label="Register a new version">
        <h2>Register <span className="mono">{subject}</span>{next !== null && !result?.existingVersion ? ` version ${next}` : ''}</h2>
        {check.isPending && <p role="status">Checking compatibility and names…</p>}
        {check.error && <p className="error-text" role="alert">{check.error.message}</p>}
        {result && <CheckResult result={result} />}
        {result?.existingVersion && <p className="notice">This exact schema is already version {result.existingVersion}: registering it returns that version and changes nothing.</p>}
        {incompatible && <p className="error-text">The registry will refuse it: it is not {result!.compatibility} compatible. Change the draft, or the subject’s compatibility level if the decision allows it.</p>}
        {needsReason && !incompatible && (
          <label className="override">Register despite {result!.lint.summary.errors} naming error(s) — why does the standard not apply? (kept in the audit log)
            <textarea rows={2} aria-label="Override reason" value={reason} onChange={(e) => setReason(e.target.value)} placeholder="The partner's field names are fixed by contract XYZ until 2027." />
          </label>
        )}
        {register.error && <p className="error-text" role="alert">{register.error.message}</p>}
        <div className="actions">
          <span className="spacer" />
          <button type="button" onClick={onClose}>Cancel</button>
          <button type="button" className={needsReason ? 'primary danger-primary' : 'primary'} data-testid="confirm-register" disabled={!result || !reasonOk || incompatible || register.isPending} onClick={apply}>
            {register.isPending ? 'Registering…' : needsReason ? 'Register anyway' : `Register${next !== null ? ` version ${next}` : ''}`}
          </button>
        </div>
      </div>
    </div>
  );
}
