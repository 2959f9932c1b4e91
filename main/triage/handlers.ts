// The triage slice: the active session and its timeline (live), starting and ending it, notes,
// pins, captures, the watch list, write grants to production, joining a teammate's session, and
// the export. A session's own changes (the watcher's entries, an expiry) make its views stale from
// the service; writes declare theirs in the contract.
import { AppFailure } from '../../shared/common/result';
import type { triageContract } from '../../shared/triage/contract';
import type { ListedSession, TeamStatus } from '../../shared/triage/contract';
import type { HandlerSlice } from '../platform/handler-types';
import type { SessionExporter } from './exporter';
import type { TeamMirror } from './team-mirror';
import type { TriageService } from './triage-service';
import type { Watcher } from './watcher';
import type { WriteAccess } from './write-access';

export interface TriageHandlerDependencies {
  triage: TriageService;
  access: WriteAccess;
  exporter: SessionExporter;
  watcher: Watcher;
  team: TeamMirror | null;
}

const noTeam: TeamStatus = { configured: false, reachable: false, lastSyncAt: null, pending: 0, problem: null };

export function triageHandlers({ triage, access, exporter, watcher, team }: TriageHandlerDependencies): HandlerSlice<typeof triageContract> {
  const matches = (s: ListedSession, text: string | undefined) => {
    const words = (text ?? '').toLowerCase().split(/\s+/).filter(Boolean);
    const haystack = `${s.title} ${s.summary ?? ''} ${s.who} ${s.participants.join(' ')} ${s.profiles.map((p) => p.name).join(' ')} ${s.severity} ${s.id}`.toLowerCase();
    return words.every((w) => haystack.includes(w));
  };
  return {
    'triage.start': (input) => {
      const state = triage.start(input);
      access.reschedule();
      return state;
    },
    'triage.end': async (input) => {
      triage.requireActive('end it');
      await access.revokeAll('the session ended');
      return triage.end(input);
    },
    'triage.list': async ({ text, limit }) => {
      const activeId = triage.active()?.id ?? null;
      const local: ListedSession[] = triage.store.list().map((s) => ({ ...s, active: s.id === activeId, origin: 'local' as const }));
      const known = new Set(local.map((s) => s.id));
      const remote: ListedSession[] = team ? (await team.sessions()).filter((s) => !known.has(s.id)).map((s) => ({ ...s, active: false, origin: 'team' as const })) : [];
      const sessions = [...local, ...remote].filter((s) => matches(s, text)).sort((a, b) => (a.startedAt < b.startedAt ? 1 : -1));
      return { sessions: sessions.slice(0, limit ?? 200), team: team?.status() ?? noTeam };
    },
    'triage.session': async ({ id, kinds, text, limit }) => {
      const now = triage.now();
      const active = triage.active();
      const sessionId = id ?? active?.id ?? null;
      if (!sessionId) return { state: null, active: false, items: [], matching: 0, damagedLines: 0 };
      if (!triage.store.exists(sessionId)) {
        // A teammate's session that this machine has not joined: read from the team store.
        const view = team ? await team.view(sessionId, { kinds, text, limit: limit ?? 1_000, now }) : null;
        if (!view) throw new AppFailure('NOT_FOUND', `There is no triage session "${sessionId}".`, { id: sessionId });
        return { ...view, active: false, damagedLines: 0 };
      }
      const timeline = triage.store.timeline(sessionId, { kinds, text, limit: limit ?? 1_000, now });
      return { ...timeline, active: sessionId === active?.id };
    },
    'triage.active': () => {
      const state = triage.activeState();
      const summary = state ? (({ findings: _f, followUps: _u, watches: _w, grants: _g, counts: _c, ...rest }) => rest)(state) : null;
      return { session: summary, grants: access.activeGrants(), watches: state?.watches.length ?? 0, who: triage.who, now: new Date(triage.now()).toISOString() };
    },
    'triage.note': ({ markdown, link }) => ({ entryId: triage.note(markdown, link).id }),
    'triage.pin': (input) => ({ entryId: triage.pin(input).id }),
    'triage.capture': (input) => {
      const { entry, image } = triage.capture(input);
      return { entryId: entry.id, image };
    },
    'triage.watch': ({ target, on, thresholds }) => {
      const watches = triage.watch(target, on, thresholds);
      // A first look now, not at the next tick: the baseline (and anything already above a threshold) shows at once.
      void watcher.look();
      return { watches };
    },
    'triage.grantWrite': (input) => access.grant(input),
    'triage.revokeWrite': ({ grantId }) => access.revoke(grantId),
    'triage.join': async ({ id, who }) => {
      if (!team) throw new AppFailure('SERVICE_NOT_CONFIGURED', 'Joining a session from another machine needs the team store: set SLUICE_TEAM_DB_URL to a PostgreSQL database your team shares.');
      const session = await team.pull(id);
      const state = triage.join(session, who);
      access.reschedule();
      return state;
    },
    'triage.attachment': ({ sessionId, file }) => {
      const bytes = triage.store.readAttachment(sessionId, file);
      if (!bytes) throw new AppFailure('NOT_FOUND', `Session ${sessionId} has no image ${file}.`);
      return { mediaType: 'image/png' as const, base64: bytes.toString('base64') };
    },
    'triage.export': ({ id, adr }) => exporter.export(id ?? triage.active()?.id ?? triage.store.list()[0]?.id ?? null, { adr }),
  };
}
