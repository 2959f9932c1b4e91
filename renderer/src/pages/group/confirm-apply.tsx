// The last step of every destructive action: what will happen, why it may be refused, the
// equivalent CLI command, and on production the environment name typed in full.
import { useState } from 'react';

export function ConfirmApply({ blockedReason, requiresConfirmation, command, applying, label, onApply, onCancel }: {
  blockedReason: string | null;
  requiresConfirmation: string | null;
  command: string;
  applying: boolean;
  label: string;
  onApply: (confirmation: string | undefined) => void;
  onCancel: () => void;
}) {
  const [typed, setTyped] = useState('');
  const confirmed = requiresConfirmation === null || typed.trim() === requiresConfirmation;
  return (
    <div className="confirm-apply">
      <div className="command"><span className="muted small">Equivalent command</span><code data-testid="cli-command">{command}</code></div>
      {blockedReason && <p className="error-text" role="alert" data-testid="blocked-reason">{blockedReason}</p>}
      {requiresConfirmation && !blockedReason && (
        <label className="production-confirm">This is a production profile. Type <strong>{requiresConfirmation}</strong> to confirm:
          <input value={typed} onChange={(e) => setTyped(e.target.value)} aria-label="Type the profile name to confirm" autoComplete="off" />
        </label>
      )}
      <div className="actions">
        <span className="spacer" />
        <button type="button" onClick={onCancel}>Cancel</button>
        <button type="button" className="primary danger-primary" data-testid="apply" disabled={!!blockedReason || !confirmed || applying}
          onClick={() => onApply(requiresConfirmation ? typed.trim() : undefined)}>
          {applying ? 'Applying…' : label}
        </button>
      </div>
    </div>
  );
}
