// Open a folder as the workspace: in the desktop app, choose it in main's folder dialog (the page
// never names a new folder); in web mode, which has no dialog, type its path. Or pick a recent one.
import { useState } from 'react';
import { useAppInfo } from '../../api/app';
import { useChooseFolder, useOpenWorkspace } from '../../api/workspace';

export function OpenWorkspace({ recent, current, onOpened }: { recent: string[]; current?: string; onOpened?: () => void }) {
  const [path, setPath] = useState('');
  const open = useOpenWorkspace();
  const choose = useChooseFolder();
  const transport = useAppInfo().data?.transport;
  const go = (folder: string) => { if (!open.isPending) open.mutate({ path: folder }, { onSuccess: () => { setPath(''); onOpened?.(); } }); };
  const others = recent.filter((r) => r !== current);
  const error = open.error ?? choose.error;
  return (
    <div className="open-workspace">
      {transport === 'electron' && (
        <button type="button" className="primary" disabled={choose.isPending} onClick={() => choose.mutate({}, { onSuccess: (r) => { if (r.chosen) onOpened?.(); } })}>
          {choose.isPending ? 'Opening…' : 'Choose a folder…'}
        </button>
      )}
      {transport === 'web' && (
        <form className="row" onSubmit={(e) => { e.preventDefault(); if (path.trim()) go(path.trim()); }}>
          <label className="inline-field">Folder<input className="mono" value={path} onChange={(e) => setPath(e.target.value)} placeholder="/home/me/data-architecture" aria-label="Workspace folder" size={48} /></label>
          <button type="submit" className="primary" disabled={!path.trim() || open.isPending}>{open.isPending ? 'Opening…' : 'Open'}</button>
        </form>
      )}
      {error && <p className="error-text" role="alert">{error.message}</p>}
      {others.length > 0 && (
        <div className="recent"><span className="muted small">Recent:</span>{others.map((r) => <button key={r} type="button" className="link-button mono small" onClick={() => go(r)}>{r}</button>)}</div>
      )}
    </div>
  );
}
