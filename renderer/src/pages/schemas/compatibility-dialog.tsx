// Changing a subject's compatibility level: what it is, what it becomes and what that promises,
// then confirm. The change is written to the audit log with the level before.
import { useState } from 'react';
import { compatibilityLevels, compatibilityMeaning, type CompatibilityLevel } from '../../../../shared/registry/registry';
import { useSetCompatibility } from '../../api/registry';

export function CompatibilityDialog({ subject, current, expected, onClose }: { subject: string; current: string | null; expected?: string; onClose: () => void }) {
  const [level, setLevel] = useState<CompatibilityLevel>((expected as CompatibilityLevel) ?? (current as CompatibilityLevel) ?? 'BACKWARD');
  const change = useSetCompatibility();
  return (
    <div className="dialog-backdrop" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <div className="card dialog" role="dialog" aria-label="Change compatibility">
        <h2>Compatibility of <span className="mono">{subject}</span></h2>
        <label>New level
          <select aria-label="Compatibility level" value={level} onChange={(e) => setLevel(e.target.value as CompatibilityLevel)} autoFocus>
            {compatibilityLevels.map((l) => <option key={l} value={l}>{l}</option>)}
          </select>
        </label>
        <div className="preview" data-testid="compatibility-preview">
          <p><strong>{current ?? 'default'}</strong> → <strong>{level}</strong></p>
          <p className="small">From now on the registry accepts a new version only if {compatibilityMeaning[level]}.</p>
          {expected && expected !== level && <p className="warn-text small">An accepted decision fixes {expected} for this subject.</p>}
          {level === 'NONE' && <p className="warn-text small">Consumers can break on any new version.</p>}
          <p className="muted small">Existing versions are not re-checked. The change is recorded in the audit log.</p>
        </div>
        {change.error && <p className="error-text" role="alert">{change.error.message}</p>}
        {change.data ? (
          <p className="ok-text" role="status" data-testid="compatibility-result">Set to {change.data.compatibility} (was {change.data.before ?? 'default'}).</p>
        ) : null}
        <div className="actions">
          <span className="spacer" />
          <button type="button" onClick={onClose}>{change.data ? 'Close' : 'Cancel'}</button>
          {!change.data && <button type="button" className="primary" data-testid="apply-compatibility" disabled={level === current || change.isPending} onClick={() => change.mutate({ subject, level })}>{change.isPending ? 'Applying…' : `Set ${level}`}</button>}
        </div>
      </div>
    </div>
  );
}
