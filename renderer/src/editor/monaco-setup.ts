// Monaco, bundled with the app (no CDN: the CSP allows only 'self'). Workers come from Vite's
// ?worker imports; @monaco-editor/react is pointed at this copy with loader.config({ monaco }).
// Loaded lazily, with the first editor, so pages without one never pay for it.
import * as monaco from 'monaco-editor';
import { loader } from '@monaco-editor/react';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import JsonWorker from 'monaco-editor/language/json/json.worker?worker';
import { registerTurtle } from './turtle-language';

self.MonacoEnvironment = {
  getWorker: (_workerId: string, label: string) => (label === 'json' ? new JsonWorker() : new EditorWorker()),
};
loader.config({ monaco });
registerTurtle(monaco);

/** Quick fixes per model, offered as code actions on the markers they fix. */
export interface QuickFix { start: number; end: number; text: string; title: string }
export const quickFixes = new Map<string, QuickFix[]>();

const languagesWithFixes = ['json', 'protobuf', 'sql', 'yaml', 'markdown', 'turtle'];
for (const language of languagesWithFixes) {
  monaco.languages.registerCodeActionProvider(language, {
    provideCodeActions(model, range) {
      const fixes = quickFixes.get(model.uri.toString()) ?? [];
      const actions = fixes.flatMap((fix) => {
        const start = model.getPositionAt(fix.start);
        const end = model.getPositionAt(fix.end);
        const fixRange = new monaco.Range(start.lineNumber, start.column, end.lineNumber, end.column);
        if (!monaco.Range.areIntersectingOrTouching(fixRange, range)) return [];
        return [{
          title: fix.title,
          kind: 'quickfix',
          isPreferred: true,
          diagnostics: monaco.editor.getModelMarkers({ resource: model.uri }).filter((m) => monaco.Range.areIntersectingOrTouching(fixRange, m)),
          edit: { edits: [{ resource: model.uri, versionId: model.getVersionId(), textEdit: { range: fixRange, text: fix.text } }] },
        }];
      });
      return { actions, dispose: () => undefined };
    },
  }, { providedCodeActionKinds: ['quickfix'] });
}

export { monaco };
