// The workspace slice: the open folder's state, files, drafts, decisions, dictionary and ontology.
// A file changed on disk (or a draft) makes every reader of the workspace stale.
import path from 'node:path';
import { AppFailure } from '../../shared/common/result';
import { workspaceReaders, type workspaceContract } from '../../shared/workspace/contract';
import type { HandlerSlice } from '../platform/handler-types';
import type { StaleFeed } from '../platform/stale-feed';
import type { WorkspaceService } from './workspace-service';

export function workspaceHandlers(workspace: WorkspaceService, stale: StaleFeed): HandlerSlice<typeof workspaceContract> {
  workspace.onChange(() => stale.markStale(workspaceReaders));
  return {
    'workspace.state': () => workspace.state(),
    'workspace.open': ({ path: folder }) => {
      // A relative folder would be resolved against wherever main runs, and the answer would name that install folder.
      if (!path.isAbsolute(folder)) throw new AppFailure('INVALID_INPUT', 'Give the workspace folder as an absolute path, for example /home/me/data-architecture.');
      return workspace.openRequested(folder);
    },
    'workspace.chooseFolder': () => workspace.chooseFolder(),
    'workspace.file': ({ path }) => workspace.file(path),
    'workspace.save': (input) => workspace.save(input),
    'workspace.saveDraft': (input) => workspace.saveDraft(input),
    'workspace.discardDraft': ({ path }) => workspace.discardDraft(path),
    'workspace.createAdr': (input) => workspace.createAdr(input),
    'workspace.dictionary': () => workspace.dictionaryView(),
    'workspace.ontology': () => workspace.ontologyView(),
  };
}
