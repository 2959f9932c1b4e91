// The workspace: its state and files (live; main watches the folder), opening a folder, saving a
// file or its draft, and a new decision record.
import { useCall, useContractMutation, useLiveQuery } from './query-core';

export const useWorkspaceState = () => useLiveQuery('workspace.state', {});
export const useWorkspaceFile = (path: string, options: { enabled?: boolean } = {}) => useLiveQuery('workspace.file', { path }, options);
/** The file as it is now, read once (a form edit saves against exactly this version). */
export const useReadWorkspaceFile = () => useCall('workspace.file');
export const useDictionary = () => useLiveQuery('workspace.dictionary', {});
export const useOntology = () => useLiveQuery('workspace.ontology', {});

export const useOpenWorkspace = () => useContractMutation('workspace.open');
/** The desktop app's folder dialog, shown by main: the page never names a new folder itself. */
export const useChooseFolder = () => useContractMutation('workspace.chooseFolder');
export const useSaveFile = () => useContractMutation('workspace.save');
export const useSaveDraft = () => useContractMutation('workspace.saveDraft');
export const useDiscardDraft = () => useContractMutation('workspace.discardDraft');
export const useCreateAdr = () => useContractMutation('workspace.createAdr');
