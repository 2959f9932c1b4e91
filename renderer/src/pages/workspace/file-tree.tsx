// The workspace's files by folder, with their problem counts; Enter or click opens one.
import { useMemo, useState } from 'react';
import type { WorkspaceView } from '../../../../shared/workspace/workspace-api';
import { hrefFor } from '../../router';

export function FileTree({ files, current }: { files: WorkspaceView['files']; current?: string }) {
  const [filter, setFilter] = useState('');
  const folders = useMemo(() => {
    const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
    const byFolder = new Map<string, WorkspaceView['files']>();
    for (const file of files) {
      if (!words.every((w) => file.path.toLowerCase().includes(w))) continue;
      const folder = file.path.includes('/') ? file.path.slice(0, file.path.lastIndexOf('/')) : '';
      const list = byFolder.get(folder) ?? [];
      list.push(file);
      byFolder.set(folder, list);
    }
    return [...byFolder].sort(([a], [b]) => a.localeCompare(b));
  }, [files, filter]);
  return (
    <nav className="file-tree" aria-label="Workspace files">
      <input type="search" placeholder="Filter files" aria-label="Filter files" value={filter} onChange={(e) => setFilter(e.target.value)} />
      {folders.map(([folder, list]) => (
        <details key={folder} open>
          <summary className="muted small">{folder || '(workspace root)'} <span className="muted">{list.length}</span></summary>
          <ul>
            {list.map((f) => (
              <li key={f.path}>
                <a href={hrefFor({ page: 'workspace', file: f.path })} aria-current={f.path === current ? 'page' : undefined} data-testid="workspace-file" data-path={f.path} className={f.readable ? undefined : 'muted'}>
                  <span className="ellipsis">{f.path.slice(folder ? folder.length + 1 : 0)}</span>
                  {f.errors > 0 && <span className="badge state-bad" title={`${f.errors} error(s)`}>{f.errors}</span>}
                  {f.warnings > 0 && <span className="badge state-moving" title={`${f.warnings} warning(s)`}>{f.warnings}</span>}
                </a>
              </li>
            ))}
          </ul>
        </details>
      ))}
    </nav>
  );
}
