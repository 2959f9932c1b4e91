// Incident triage sessions: the active session (live, for the shell's session bar and the capture
// buttons), a session's timeline (live), the list of sessions, and the writes: start, end, notes,
// pins, captures, the watch list, write grants to production, joining a teammate's session, export.
import type { EntryKind } from '../../../shared/triage/session';
import { useContractMutation, useFetchQuery, useLiveQuery } from './query-core';

export const useActiveSession = () => useLiveQuery('triage.active', {});
export const useTriageSessions = (text: string) => useLiveQuery('triage.list', text ? { text } : {});
/** Timeline items a page shows (the newest); filters reach older ones. Bounds every push of a busy session. */
export const TIMELINE_PAGE = 300;

/** A session's timeline; the active session's when `id` is absent. */
export const useTriageSession = (id: string | undefined, filter: { kinds?: EntryKind[]; text?: string } = {}) =>
  useLiveQuery('triage.session', { ...(id ? { id } : {}), ...(filter.kinds?.length ? { kinds: filter.kinds } : {}), ...(filter.text ? { text: filter.text } : {}), limit: TIMELINE_PAGE });
/** A captured chart: fetched once, when shown. */
export const useTriageAttachment = (sessionId: string, file: string | null) =>
  useFetchQuery('triage.attachment', { sessionId, file: file ?? 'none.png' }, { enabled: file !== null, staleTime: Infinity });

export const useStartSession = () => useContractMutation('triage.start');
export const useEndSession = () => useContractMutation('triage.end');
export const useAddNote = () => useContractMutation('triage.note');
export const usePin = () => useContractMutation('triage.pin');
export const useCapture = () => useContractMutation('triage.capture');
export const useWatch = () => useContractMutation('triage.watch');
export const useGrantWrite = () => useContractMutation('triage.grantWrite');
export const useRevokeWrite = () => useContractMutation('triage.revokeWrite');
export const useJoinSession = () => useContractMutation('triage.join');
export const useExportSession = () => useContractMutation('triage.export');
