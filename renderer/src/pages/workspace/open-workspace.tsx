// Open a folder as the workspace: type its path (web mode cannot show the system's folder picker),
// or pick one of the recent ones.
import { useState } from 'react';
import { useOpenWorkspace } from '../../api/workspace';

export function OpenWorkspace({ recent, current, onOpened }: { recent: string[]; current?: string; onOpened?: () => void }) {
  const [path, setPath] = useState('');
  const open = useOpenWorkspace();
  const go = (folder: string) => { if (!open.isPending) open.mutate({ path: folder }, { onSuccess: () => { setPath(''); onOpened?.(); } }); };
  const others = recent.filter((r) => r !== current);
  return (
    <div className="open-workspace">
      <form className="row" onSubmit={(e) => { e.preventDefault(); if (path.trim()) go(path.trim()); }}>
        <label className="inline-field">Folder<input className="mono" value={path} onChange={(e) => setPath(e.target.value)} placeholder="/home/me/data-architecture" aria-label="Workspace folder" size={48} /></label>
        <button type="submit" className="primary" disabled={!path.trim() || open.isPending}>{open.isPending ? 'Opening…' : 'Open'}</button>
      </form>
      {open.error && <p className="error-text" role="alert">{open.error.message}</p>}
      {others.length > 0 && (
        <div className="recent"><span className="muted small">Recent:</span>{others.map((r) => <button key={r} type="button" className="link-button mono small" onClick={() => go(r)}>{r}</button>)}</div>
      )}
    </div>
  );
}
