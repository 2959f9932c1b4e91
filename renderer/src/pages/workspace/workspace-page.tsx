// The workspace: the folder of ADRs, dictionary and ontology files the user owns. Files on the left
// (with problem counts), the editor in the middle, and every problem in the workspace below.
import { useState } from 'react';
import { useWorkspaceState } from '../../api/workspace';
import { ErrorView, Loading } from '../../components/state-views';
import { FileEditor } from './file-editor';
import { FileTree } from './file-tree';
import { OpenWorkspace } from './open-workspace';
import { ProblemsPanel } from './problems-panel';

export function WorkspacePage({ file, line }: { file?: string; line?: number }) {
  const state = useWorkspaceState();
  const [opening, setOpening] = useState(false);
  if (state.isPending && !state.isError) return <Loading what="the workspace" />;
  if (state.isError && !state.data) return <ErrorView error={state.error} />;
  const { workspace, recent, problem } = state.data!;
  if (!workspace) {
    return (
      <section className="page">
        <header className="page-header"><h1>Workspace</h1></header>
        <div className="state-view">
          <h3>No workspace is open.</h3>
          <p className="muted">{problem ?? 'Open the folder (a git repository) that holds decisions/, dictionary/ and ontology/.'}</p>
          <OpenWorkspace recent={recent} />
        </div>
      </section>
    );
  }
  const { counts } = workspace;
  return (
    <section className="page workspace-page">
      <header className="page-header">
        <h1>{workspace.name}</h1>
        <span className="muted mono small" data-testid="workspace-root">{workspace.root}</span>
        <div className="toolbar">
          <span className="muted small">{workspace.files.length} files · {workspace.adrs.length} decisions · {counts.words} words, {counts.terms} terms, {counts.domains} domains · {counts.classes} classes, {counts.concepts} concepts</span>
          <span className="spacer" />
          <button type="button" onClick={() => setOpening((o) => !o)}>Open another folder…</button>
        </div>
        {opening && <OpenWorkspace recent={recent} current={workspace.root} onOpened={() => setOpening(false)} />}
      </header>
      {workspace.drafts.length > 0 && (
        <div className="notice small" role="status">
          Unsaved drafts: {workspace.drafts.map((d) => <a key={d.path} className="link-chip mono" href={`#/workspace/file/${encodeURIComponent(d.path)}`}>{d.path}</a>)}
        </div>
      )}
      <div className="workspace-layout">
        <FileTree files={workspace.files} current={file} />
        <div className="workspace-main">
          {file ? <FileEditor key={file} path={file} line={line} folders={workspace.folders} /> : (
            <div className="state-view"><h3>Pick a file to edit.</h3><p className="muted">Edits are kept as drafts as you type; saving never overwrites a file that changed on disk.</p></div>
          )}
          <ProblemsPanel diagnostics={workspace.diagnostics} />
        </div>
      </div>
    </section>
  );
}
