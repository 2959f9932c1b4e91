// Editing one workspace file. Nothing typed is lost: every change is kept as a draft in main a
// moment later (and when the window hides), a draft is offered back after a crash or reload, and a
// save never overwrites a file that changed on disk meanwhile: the user reloads, merges (side by
// side, editing the merged text) or, knowingly, keeps theirs. An edit made elsewhere while the file
// is unchanged here simply appears.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { WorkspaceView } from '../../../../shared/workspace/workspace-api';
import { useSchemaLint } from '../../api/governance';
import type { CallError } from '../../api/query-core';
import { useDiscardDraft, useSaveDraft, useSaveFile, useWorkspaceFile } from '../../api/workspace';
import { useDebouncedValue } from '../../components/use-debounced-value';
import { CodeDiff, CodeEditor, languageForPath } from '../../editor';
import { ErrorView, Loading } from '../../components/state-views';
import { MarkdownPreview } from '../decisions/markdown-preview';
import { diagnosticsWhileEditing } from './local-diagnostics';

interface Edit { text: string; baseVersion: string | null; baseText: string }
interface Conflict { diskText: string | null; diskVersion: string | null }
const DRAFT_DELAY_MS = 300;

export function FileEditor({ path, line, folders }: { path: string; line?: number; folders: WorkspaceView['folders'] }) {
  const file = useWorkspaceFile(path);
  const save = useSaveFile();
  const { mutateAsync: saveDraft } = useSaveDraft();
  const { mutateAsync: discardDraft } = useDiscardDraft();
  const [edit, setEdit] = useState<Edit | null>(null);
  const [restoredAt, setRestoredAt] = useState<string | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [merged, setMerged] = useState<string | null>(null);
  const [draftSavedAt, setDraftSavedAt] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [preview, setPreview] = useState(false);
  const data = file.data;
  const dirty = edit !== null && edit.text !== edit.baseText;

  // First load: the file, or the draft left from an earlier session.
  useEffect(() => {
    if (!data || edit) return;
    if (data.draft && data.draft.text !== data.text) {
      setEdit({ text: data.draft.text, baseVersion: data.draft.baseVersion, baseText: data.draft.baseVersion === data.version ? data.text ?? '' : '\u0000' });
      setRestoredAt(data.draft.savedAt);
    } else setEdit({ text: data.text ?? '', baseVersion: data.version, baseText: data.text ?? '' });
  }, [data, edit]);

  // The file changed on disk: adopt it when nothing is being edited here; otherwise say so.
  useEffect(() => {
    if (!data || !edit || data.version === edit.baseVersion || data.text === null) return;
    if (!dirty) {
      setEdit({ text: data.text, baseVersion: data.version, baseText: data.text });
      setNotice('Reloaded: the file changed on disk.');
    }
  }, [data, edit, dirty]);
  const changedOnDisk = dirty && !!data && data.version !== edit?.baseVersion;

  // Keep the draft in main; flush it when the window is hidden or closed.
  const latest = useRef({ dirty, edit });
  useEffect(() => { latest.current = { dirty, edit }; });
  const editText = edit?.text ?? null;
  const baseVersion = edit?.baseVersion ?? null;
  useEffect(() => {
    if (!dirty || editText === null) return;
    const timer = setTimeout(() => {
      saveDraft({ path, text: editText, baseVersion }).then((r) => setDraftSavedAt(r.savedAt)).catch(() => setDraftSavedAt(null));
    }, DRAFT_DELAY_MS);
    return () => clearTimeout(timer);
  }, [dirty, editText, baseVersion, path, saveDraft]);
  // Back to the file's own text (saved, reverted or reloaded): a draft left in main is obsolete.
  const editing = edit !== null;
  const hasDraft = !!data?.draft;
  useEffect(() => {
    if (editing && !dirty && hasDraft) void discardDraft({ path }).catch(() => undefined);
  }, [editing, dirty, hasDraft, path, discardDraft]);
  useEffect(() => {
    const flush = () => {
      const { dirty: isDirty, edit: current } = latest.current;
      if (isDirty && current) void saveDraft({ path, text: current.text, baseVersion: current.baseVersion });
    };
    const onVisibility = () => { if (document.visibilityState === 'hidden') flush(); };
    window.addEventListener('beforeunload', flush);
    document.addEventListener('visibilitychange', onVisibility);
    return () => { flush(); window.removeEventListener('beforeunload', flush); document.removeEventListener('visibilitychange', onVisibility); };
  }, [path, saveDraft]);

  const local = useMemo(() => (edit && dirty ? diagnosticsWhileEditing(path, edit.text, folders) : null), [edit, dirty, path, folders]);
  // A table definition is linted against the dictionary, which lives in main, as it is typed.
  const isTable = data?.kind === 'table';
  const tableText = useDebouncedValue(isTable && dirty ? editText : null, 250);
  const tableLinted = useSchemaLint({ schemaType: 'SQL', schema: tableText ?? '' }, { enabled: isTable && dirty && tableText !== null });
  const tableDiagnostics = tableLinted.data?.diagnostics;
  const tableLint = useMemo(() => (isTable && dirty && tableDiagnostics ? tableDiagnostics.map((d) => ({ ...d, file: path })) : null), [isTable, dirty, tableDiagnostics, path]);
  const diagnostics = tableLint ?? local ?? data?.diagnostics ?? [];

  const doSave = (text: string, baseVersion: string | null) => {
    if (save.isPending) return;
    save.mutate({ path, text, baseVersion }, {
      onSuccess: (result) => { setEdit({ text, baseVersion: result.version, baseText: text }); setConflict(null); setMerged(null); setRestoredAt(null); setNotice('Saved.'); },
      onError: (error: CallError) => {
        if (error.error.code === 'CONFLICT') {
          const details = error.error.details as Conflict;
          setConflict(details);
          setMerged(edit?.text ?? '');
        }
      },
    });
  };

  if (file.isPending && !file.isError) return <Loading what={path} />;
  if (file.isError && !data) return <ErrorView error={file.error} />;
  if (!data || !edit) return null;
  // Too large (over 2 MB), binary or gone: said, with the size, instead of an editor or a preview.
  if (data.text === null) return <div className="state-view" data-testid="file-unreadable"><h3>{path} {data.tooLarge ? 'is too large to show here' : 'cannot be edited here'}</h3><p className="muted">It is {data.unreadableReason}.</p></div>;
  // Not UTF-8: shown, but never saved from here, which would replace the bytes it cannot read.
  const readOnly = data.readOnlyReason !== null;
  const language = languageForPath(path);
  const diskText = conflict?.diskText ?? data.text;
  const diskVersion = conflict?.diskVersion ?? data.version;

  return (
    <section className="file-editor" aria-label={`Editing ${path}`}>
      <div className="toolbar editor-toolbar">
        <h2 className="mono">{path}{dirty && <span className="dirty-dot" title="unsaved changes" aria-label="unsaved changes"> ●</span>}</h2>
        <span className="muted small" data-testid="draft-status">{dirty ? (draftSavedAt ? `draft kept ${new Date(draftSavedAt).toLocaleTimeString()}` : 'unsaved') : notice ?? ''}</span>
        <span className="spacer" />
        {language === 'markdown' && <button type="button" onClick={() => setPreview((p) => !p)} aria-pressed={preview}>{preview ? 'Hide preview' : 'Preview'}</button>}
        {dirty && <button type="button" onClick={() => { setEdit({ ...edit, text: edit.baseText === '\u0000' ? data.text! : edit.baseText }); setRestoredAt(null); }}>Discard changes</button>}
        {!readOnly && (
          <button type="button" className="primary" data-testid="save-file" disabled={!dirty || save.isPending || changedOnDisk} onClick={() => doSave(edit.text, edit.baseVersion)} title="Ctrl+S">
            {save.isPending ? 'Saving…' : 'Save'}
          </button>
        )}
      </div>
      {readOnly && <div className="notice" role="status" data-testid="read-only-notice">Read-only. {data.readOnlyReason} The problems below say where.</div>}
      {restoredAt && <div className="notice" role="status" data-testid="draft-restored">Restored your unsaved changes from {new Date(restoredAt).toLocaleString()}. Save them, or discard them to go back to the file.</div>}
      {save.error && save.error.error.code !== 'CONFLICT' && <p className="error-text" role="alert">{save.error.message}</p>}
      {(changedOnDisk || conflict) && merged === null && (
        <div className="conflict-banner" role="alert" data-testid="conflict-banner">
          <strong>{path} changed on disk while you were editing it.</strong> Your changes are kept as a draft; nothing was overwritten.
          <div className="actions">
            <button type="button" className="primary" data-testid="compare-merge" onClick={() => { setConflict({ diskText, diskVersion }); setMerged(edit.text); }}>Compare and merge</button>
            <button type="button" data-testid="reload-disk" onClick={() => { setEdit({ text: data.text!, baseVersion: data.version, baseText: data.text! }); setConflict(null); setNotice('Reloaded from disk; your changes were discarded.'); }}>Reload from disk (discard mine)</button>
            <button type="button" className="danger" onClick={() => { if (window.confirm(`Overwrite ${path} with your version? The changes made on disk will be lost.`)) doSave(edit.text, diskVersion); }}>Keep mine (overwrite)</button>
          </div>
        </div>
      )}
      {merged !== null && conflict ? (
        <div className="merge-view" data-testid="merge-view">
          <p className="muted small">Left: the file on disk now. Right: your version — edit it into the merged result, then save.</p>
          <CodeDiff original={diskText ?? ''} modified={merged} language={language} onChange={setMerged} originalLabel="On disk" modifiedLabel="Yours (merged result)" height="calc(100vh - 330px)" />
          <div className="actions">
            <button type="button" onClick={() => { setMerged(null); setConflict(null); }}>Back</button>
            <span className="spacer" />
            <button type="button" className="primary" data-testid="save-merged" onClick={() => { setEdit({ ...edit, text: merged }); doSave(merged, diskVersion); }}>Save merged version</button>
          </div>
        </div>
      ) : (
        <div className={preview ? 'editor-split' : 'editor-single'}>
          <CodeEditor path={path} language={language} value={edit.text} onChange={(text) => { setEdit((e) => (e ? { ...e, text } : e)); setNotice(null); }} diagnostics={diagnostics} readOnly={readOnly}
            onSave={() => { const { edit: current } = latest.current; if (current && !changedOnDisk && !readOnly) doSave(current.text, current.baseVersion); }} revealLine={line ?? null} />
          {preview && <MarkdownPreview markdown={edit.text} />}
        </div>
      )}
    </section>
  );
}
