// The workspace: a folder of the user's git repository with decisions, dictionary, ontology and
// table definitions. Files are read with diagnostics, saved atomically, and drafts are kept in main.
import { z } from 'zod';
import { method, noInput } from '../common/contract-method';
import {
  createAdrInputSchema, dictionaryViewSchema, ontologyViewSchema, pathInputSchema, saveInputSchema, workspaceFileSchema, workspaceStateSchema,
} from './workspace-api';

/** A folder to open (main also requires it to be absolute for its platform); no control characters. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
const folderPath = z.string().trim().min(1).max(4096).refine((p) => !/[\u0000-\u001f\u007f]/.test(p), 'a folder path has no control characters');

/** Everything read from the workspace's files: stale once a file changes (here or on disk). */
export const workspaceReaders = ['workspace.state', 'workspace.file', 'workspace.dictionary', 'workspace.ontology', 'governance.overview'] as const;

export const workspaceContract = {
  'workspace.state': method({ input: noInput, output: workspaceStateSchema, live: 2_000 }),
  // By path: any folder in web mode; in the desktop app only a recent one (a new one is chosen
  // in main's folder dialog through workspace.chooseFolder, never named by the page).
  'workspace.open': method({ input: z.object({ path: folderPath }).strict(), output: workspaceStateSchema, invalidates: workspaceReaders }),
  'workspace.chooseFolder': method({ input: noInput, output: workspaceStateSchema.extend({ chosen: z.string().nullable() }), invalidates: workspaceReaders }),
  'workspace.file': method({ input: pathInputSchema, output: workspaceFileSchema, live: 1_500 }),
  'workspace.save': method({ input: saveInputSchema, output: z.object({ path: z.string(), version: z.string() }), invalidates: workspaceReaders }),
  // Drafts are listed in the workspace state and restored into a file's editor.
  'workspace.saveDraft': method({ input: saveInputSchema, output: z.object({ savedAt: z.string() }), invalidates: ['workspace.state', 'workspace.file'] }),
  'workspace.discardDraft': method({ input: pathInputSchema, output: z.object({ discarded: z.boolean() }), invalidates: ['workspace.state', 'workspace.file'] }),
  'workspace.createAdr': method({ input: createAdrInputSchema, output: z.object({ path: z.string(), number: z.number() }), invalidates: workspaceReaders }),
  'workspace.dictionary': method({ input: noInput, output: dictionaryViewSchema, live: 3_000 }),
  'workspace.ontology': method({ input: noInput, output: ontologyViewSchema, live: 3_000 }),
};
