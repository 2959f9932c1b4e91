// One Monaco editor for every text Sluice edits: workspace files and schema drafts. Diagnostics
// become markers; quick fixes become code actions (Ctrl+. on a marker); Ctrl+S saves.
import { useEffect, useRef, useState } from 'react';
import Editor, { DiffEditor, type OnMount } from '@monaco-editor/react';
import type { Diagnostic } from '../../../shared/common/diagnostics';
import { monaco, quickFixes, type QuickFix } from './monaco-setup';

const severity = { error: monaco.MarkerSeverity.Error, warning: monaco.MarkerSeverity.Warning, info: monaco.MarkerSeverity.Info };
const theme = () => (window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'vs-dark' : 'vs');

export interface CodeEditorProps {
  /** A stable name for the model, e.g. the file's workspace path. */
  path: string;
  language: string;
  value: string;
  onChange?: (value: string) => void;
  diagnostics?: Diagnostic[];
  fixes?: QuickFix[];
  readOnly?: boolean;
  onSave?: () => void;
  /** Scrolls to and selects this line when it changes (go to a problem). */
  revealLine?: number | null;
  height?: string;
}

export default function CodeEditor({ path, language, value, onChange, diagnostics = [], fixes = [], readOnly, onSave, revealLine, height = '100%' }: CodeEditorProps) {
  const editorRef = useRef<Parameters<OnMount>[0] | null>(null);
  const [model, setModel] = useState<ReturnType<Parameters<OnMount>[0]['getModel']>>(null);
  const saveRef = useRef(onSave);
  useEffect(() => { saveRef.current = onSave; });

  const onMount: OnMount = (editor) => {
    editorRef.current = editor;
    setModel(editor.getModel());
    editor.onDidChangeModel(() => setModel(editor.getModel()));
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyS, () => saveRef.current?.());
  };

  useEffect(() => {
    const current = model;
    if (!current) return;
    monaco.editor.setModelMarkers(current, 'sluice', diagnostics.map((d) => ({
      severity: severity[d.severity], message: d.message, code: d.code,
      startLineNumber: d.line, startColumn: d.column, endLineNumber: d.endLine, endColumn: Math.max(d.endColumn, d.line === d.endLine ? d.column + 1 : d.endColumn),
    })));
    quickFixes.set(current.uri.toString(), fixes);
  }, [diagnostics, fixes, model]);

  useEffect(() => {
    const editor = editorRef.current;
    if (!editor || !revealLine) return;
    editor.revealLineInCenter(revealLine);
    editor.setPosition({ lineNumber: revealLine, column: 1 });
    editor.focus();
  }, [revealLine]);

  return (
    <div className="code-editor" data-testid="code-editor" data-path={path} style={{ height }}>
      <Editor
        path={path}
        language={language}
        value={value}
        theme={theme()}
        onChange={(v) => onChange?.(v ?? '')}
        onMount={onMount}
        options={{ readOnly, minimap: { enabled: false }, fontSize: 13, wordWrap: language === 'markdown' ? 'on' : 'off', scrollBeyondLastLine: false, automaticLayout: true, lightbulb: { enabled: 'on' as never }, renderValidationDecorations: 'on' }}
      />
    </div>
  );
}

export function CodeDiff({ original, modified, language, onChange, height = '100%', originalLabel, modifiedLabel }: {
  original: string; modified: string; language: string; onChange?: (value: string) => void; height?: string; originalLabel?: string; modifiedLabel?: string;
}) {
  return (
    <div className="code-editor diff" data-testid="code-diff" style={{ height }}>
      {(originalLabel || modifiedLabel) && <div className="diff-labels"><span>{originalLabel}</span><span>{modifiedLabel}</span></div>}
      <DiffEditor
        original={original}
        modified={modified}
        language={language}
        theme={theme()}
        onMount={(editor) => {
          const modifiedEditor = editor.getModifiedEditor();
          modifiedEditor.onDidChangeModelContent(() => onChange?.(modifiedEditor.getValue()));
        }}
        options={{ readOnly: !onChange, originalEditable: false, renderSideBySide: true, minimap: { enabled: false }, automaticLayout: true, fontSize: 13 }}
      />
    </div>
  );
}
