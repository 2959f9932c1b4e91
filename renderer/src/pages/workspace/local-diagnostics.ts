// While a file is being edited, its own problems are found in the renderer on every change (the
// parsers are environment-neutral), so markers follow the typing; rules across files come from
// main once the file is saved.
import { parseWorkspaceFile } from '../../../../shared/workspace/analysis';
import { defaultConfig } from '../../../../shared/workspace/config';
import type { Diagnostic } from '../../../../shared/common/diagnostics';
import type { WorkspaceView } from '../../../../shared/workspace/workspace-api';

export function diagnosticsWhileEditing(path: string, text: string, folders: WorkspaceView['folders']): Diagnostic[] {
  const parse = parseWorkspaceFile(path, text, { ...defaultConfig(), folders });
  switch (parse.kind) {
    case 'decision': return parse.diagnostics;
    case 'dictionary': return parse.model.diagnostics;
    case 'ontology': return parse.parsed.diagnostics;
    case 'table': return parse.diagnostics;
    default: return [];
  }
}
