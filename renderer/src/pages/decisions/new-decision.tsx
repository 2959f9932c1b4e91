// A new decision from the MADR 4.0 template, numbered after the last one; superseding an older one
// also marks that one "superseded by", so the link goes both ways.
import { useState } from 'react';
import { createAdrInputSchema, type WorkspaceView } from '../../../../shared/workspace/workspace-api';
import { useCreateAdr } from '../../api/workspace';
import { navigate } from '../../router';
import { adrLabel } from './adr-status';

export function NewDecision({ adrs, supersedes, onClose }: { adrs: WorkspaceView['adrs']; supersedes?: number; onClose: () => void }) {
  const [title, setTitle] = useState('');
  const [decisionMakers, setDecisionMakers] = useState('');
  const [replaces, setReplaces] = useState<number | ''>(supersedes ?? '');
  const create = useCreateAdr();
  const input = { title, ...(decisionMakers ? { decisionMakers } : {}), ...(replaces !== '' ? { supersedes: replaces } : {}) };
  const valid = createAdrInputSchema.safeParse(input);
  const next = adrs.reduce((max, a) => Math.max(max, a.number), 0) + 1;
  return (
    <div className="dialog-backdrop" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <form className="card dialog" aria-label="New decision" onSubmit={(e) => {
        e.preventDefault();
        if (!valid.success || create.isPending) return;
        create.mutate(valid.data, { onSuccess: (r) => { onClose(); navigate({ page: 'workspace', file: r.path }); } });
      }}>
        <h2>New decision: {adrLabel(next)}</h2>
        <label>Title (what was decided)<input autoFocus value={title} onChange={(e) => setTitle(e.target.value)} placeholder="Use Protobuf for risk events" /></label>
        <label>Decision makers<input value={decisionMakers} onChange={(e) => setDecisionMakers(e.target.value)} placeholder="Data architecture guild" /></label>
        <label>Supersedes
          <select value={replaces} onChange={(e) => setReplaces(e.target.value ? Number(e.target.value) : '')}>
            <option value="">nothing</option>
            {adrs.filter((a) => a.statusKind !== 'superseded').map((a) => <option key={a.number} value={a.number}>{adrLabel(a.number)} {a.title}</option>)}
          </select>
        </label>
        <p className="muted small">Creates {`${'decisions'}/${String(next).padStart(4, '0')}-…md`} from the MADR 4.0 template with status <em>proposed</em> and opens it in the editor.{replaces !== '' ? ` ${adrLabel(replaces)} becomes "superseded by ${adrLabel(next)}".` : ''}</p>
        {!valid.success && title && <p className="error-text">{valid.error.issues[0]?.message}</p>}
        {create.error && <p className="error-text" role="alert">{create.error.message}</p>}
        <div className="actions">
          <span className="spacer" />
          <button type="button" onClick={onClose}>Cancel</button>
          <button type="submit" className="primary" disabled={!valid.success || create.isPending} data-testid="create-decision">{create.isPending ? 'Creating…' : 'Create'}</button>
        </div>
      </form>
    </div>
  );
}
