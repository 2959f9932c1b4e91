// The active triage session of this main process (every window of it shares one: the desktop app's
// windows and the browser tabs of web mode alike) and what writes to it: the person (notes, pins,
// captures, the watch list), the audit log (every control action, as it is recorded), the watcher
// (changes of what is watched) and the write grants. A session survives restarts: at start the
// newest session without an end is resumed, and its grants that ran out meanwhile are recorded as
// expired.
import os from 'node:os';
import { randomUUID } from 'node:crypto';
import type { AuditRecord } from '../../shared/audit/audit-record';
import { AppFailure } from '../../shared/common/result';
import { actionLink, targetPhrase, triageLink, watchLink } from '../../shared/triage/links';
import { triageLimits, type Entry, type EntryOf, type NewEntry, type ProfileRef, type Thresholds, type WatchTarget } from '../../shared/triage/session';
import { orderEntries, sessionState, type SessionState, type WatchItem } from '../../shared/triage/timeline';
import type { AuditLog } from '../audit/audit-log';
import { auditProfileOf } from '../audit/audited-action';
import { createLogger } from '../platform/logger';
import type { StaleFeed } from '../platform/stale-feed';
import type { ProfileStore } from '../settings/profile-store';
import { newSessionId, type SessionStore, type StoredSession } from './session-store';
import type { ParsedInput } from '../../shared/contract';

const log = createLogger('triage');

/** "Sluice" is the actor of what Sluice observed by itself (watched changes). */
export const SLUICE_ACTOR = 'Sluice';

export interface TriageServiceOptions {
  store: SessionStore;
  audit: AuditLog;
  profiles: ProfileStore;
  stale?: StaleFeed;
  /** Who this machine writes as when a session does not say: the OS user name. */
  defaultWho?: string;
  machine?: string;
  now?: () => number;
}

export type EntryListener = (sessionId: string, entries: readonly Entry[]) => void;

export function osUserName(): string {
  try {
    return os.userInfo().username || process.env.USER || 'unknown';
  } catch {
    return process.env.USER || process.env.USERNAME || 'unknown';
  }
}

export class TriageService {
  readonly store: SessionStore;
  readonly audit: AuditLog;
  readonly machine: string;
  readonly #profiles: ProfileStore;
  readonly #stale: StaleFeed | undefined;
  readonly #now: () => number;
  readonly #defaultWho: string;
  #active: StoredSession | null = null;
  #who: string;
  #state: SessionState | null = null;
  #stateValidUntil = Infinity;
  readonly #listeners = new Set<EntryListener>();
  #staleTimer: NodeJS.Timeout | null = null;
  readonly #unfollowAudit: () => void;

  constructor(options: TriageServiceOptions) {
    this.store = options.store;
    this.audit = options.audit;
    this.#profiles = options.profiles;
    this.#stale = options.stale;
    this.#now = options.now ?? Date.now;
    this.#defaultWho = options.defaultWho ?? process.env.SLUICE_USER ?? osUserName();
    this.#who = this.#defaultWho;
    this.machine = options.machine ?? os.hostname();
    this.#unfollowAudit = this.audit.onAppend((record) => this.#mirrorAudit(record));
    this.#resume();
  }

  now(): number {
    return this.#now();
  }

  get who(): string {
    return this.#who;
  }

  /** Told of every entry appended to any session through this service (the team mirror follows it). */
  onEntries(listener: EntryListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** The newest session on this machine that has not ended becomes active again. */
  #resume() {
    const open = this.store.list().find((s) => s.endedAt === null);
    if (!open) return;
    try {
      this.#activate(this.store.open(open.id));
      const mine = [...this.#active!.entries].reverse().find((e) => e.machine === this.machine && e.kind === 'session' && (e.data.event === 'started' || e.data.event === 'joined'));
      if (mine && mine.kind === 'session' && (mine.data.event === 'started' || mine.data.event === 'joined')) this.#who = mine.data.who;
      this.append([{ kind: 'session', link: triageLink(open.id), title: 'Sluice started again; the session goes on', data: { event: 'resumed' } }], SLUICE_ACTOR);
      log.info(`Resumed triage session ${open.id}`);
    } catch (error) {
      log.warn(`Could not resume triage session ${open.id}`, error);
      this.#active = null;
    }
  }

  #activate(session: StoredSession | null) {
    if (this.#active) this.store.release(this.#active.id);
    this.#active = session;
    this.#state = null;
    if (session) this.store.hold(session.id);
  }

  active(): StoredSession | null {
    return this.#active;
  }

  /** The active session's state (folded from its entries; cached until the next append). */
  activeState(): SessionState | null {
    if (!this.#active) return null;
    const now = this.#now();
    // A grant's state changes with the clock: the cache holds until the next expiry.
    if (this.#state === null || now >= this.#stateValidUntil) {
      const state = sessionState(orderEntries(this.#active.entries), now);
      this.#stateValidUntil = Math.min(Infinity, ...(state?.grants ?? []).filter((g) => g.state === 'active').map((g) => Date.parse(g.expiresAt)));
      this.#state = state;
    }
    return this.#state;
  }

  requireActive(what: string): StoredSession {
    if (!this.#active) throw new AppFailure('NOT_FOUND', `No triage session is active: start one to ${what}.`);
    return this.#active;
  }

  #entry(sessionId: string, draft: NewEntry, actor: string, id: string = randomUUID()): Entry {
    return { ...draft, id, sessionId, at: draft.at ?? new Date(this.#now()).toISOString(), actor: draft.actor ?? actor, machine: this.machine } as Entry;
  }

  /** Appends to the active session (fsynced before it returns). Throws when none is active. */
  append(drafts: readonly NewEntry[], actor = this.#who): Entry[] {
    const session = this.requireActive('record this');
    return this.appendTo(session, drafts.map((d) => this.#entry(session.id, d, actor)));
  }

  /** Appends whole entries (with their ids) to a session: ours, or a teammate's pulled from the team store. */
  appendTo(session: StoredSession, entries: readonly Entry[], options: { fromTeam?: boolean } = {}): Entry[] {
    const written = this.store.append(session, entries);
    if (written.length === 0) return written;
    if (session === this.#active) {
      this.#state = null;
      // A teammate ended the session this machine had joined: it is no longer active here either.
      if (options.fromTeam && written.some((e) => e.kind === 'session' && e.data.event === 'ended')) {
        this.#activate(null);
        this.#who = this.#defaultWho;
      }
    }
    if (!options.fromTeam) for (const listener of this.#listeners) {
      try {
        listener(session.id, written);
      } catch (error) {
        log.warn('A triage listener failed', error);
      }
    }
    this.#markStale();
    return written;
  }

  /** Many appends in a burst (a watcher's sweep) refresh the pushed views once. */
  #markStale() {
    if (!this.#stale || this.#staleTimer) return;
    this.#staleTimer = setTimeout(() => {
      this.#staleTimer = null;
      this.#stale?.markStale(['triage.session', 'triage.active', 'triage.list']);
    }, 100);
    this.#staleTimer.unref();
  }

  #profileRef(id: string): ProfileRef {
    return auditProfileOf(this.#profiles.get(id));
  }

  start(input: ParsedInput<'triage.start'>): SessionState {
    if (this.#active) {
      const state = this.activeState();
      throw new AppFailure('CONFLICT', `The triage session “${state?.title ?? this.#active.id}” is still active: end it before starting another.`, { active: this.#active.id });
    }
    const activeProfile = this.#profiles.activeProfileId();
    const ids = input.profileIds && input.profileIds.length > 0 ? [...new Set(input.profileIds)] : activeProfile ? [activeProfile] : [];
    const profiles = ids.map((id) => this.#profileRef(id));
    const who = input.who ?? this.#defaultWho;
    const id = newSessionId(input.title, new Date(this.#now()));
    const draft: NewEntry = { kind: 'session', link: triageLink(id), title: `Session started: ${input.title}`, data: { event: 'started', title: input.title, severity: input.severity, profiles, who } };
    const session = this.store.create(id, [this.#entry(id, draft, who)]);
    this.#who = who;
    this.#activate(session);
    for (const listener of this.#listeners) listener(id, session.entries);
    this.#markStale();
    return this.activeState()!;
  }

  end(input: { summary: string; findings: string[]; followUps: string[] }, onEnding?: (session: StoredSession) => void): SessionState {
    const session = this.requireActive('end it');
    onEnding?.(session);
    this.append([{ kind: 'session', link: triageLink(session.id), title: 'Session ended', data: { event: 'ended', summary: input.summary, findings: input.findings, followUps: input.followUps } }]);
    const state = sessionState(orderEntries(session.entries), this.#now())!;
    this.#activate(null);
    this.#who = this.#defaultWho;
    return state;
  }

  /** Makes a session (pulled from the team store) this machine's active one, as `who`. */
  join(session: StoredSession, who?: string): SessionState {
    if (this.#active && this.#active.id !== session.id) throw new AppFailure('CONFLICT', 'Another triage session is active here: end it before joining one.', { active: this.#active.id });
    const state = sessionState(orderEntries(session.entries), this.#now());
    if (!state) throw new AppFailure('NOT_FOUND', `Session ${session.id} has no start yet; try again in a moment.`);
    if (state.endedAt) throw new AppFailure('CONFLICT', `Session “${state.title}” has ended; open it to read or export it.`);
    this.#activate(session);
    this.#who = who ?? this.#defaultWho;
    this.append([{ kind: 'session', link: triageLink(session.id), title: `${this.#who} joined from ${this.machine}`, data: { event: 'joined', who: this.#who } }]);
    return this.activeState()!;
  }

  note(markdown: string, link: string | null): Entry {
    const firstLine = markdown.split('\n').find((l) => l.trim())?.replace(/^#+\s*/, '').trim() ?? 'Note';
    return this.append([{ kind: 'note', link, title: firstLine.length > 120 ? `${firstLine.slice(0, 119)}…` : firstLine, data: { markdown } }])[0]!;
  }

  pin(input: { entryId?: string; title?: string; pinned: boolean; link: string | null }): Entry {
    const session = this.requireActive('pin an event');
    if (input.entryId) {
      const target = session.entries.find((e) => e.id === input.entryId);
      if (!target) throw new AppFailure('NOT_FOUND', `There is no entry "${input.entryId}" in this session.`);
      return this.append([{ kind: 'pin', link: target.link, title: `${input.pinned ? 'Pinned' : 'Unpinned'}: ${target.title}`, data: { entryId: target.id, pinned: input.pinned } }])[0]!;
    }
    if (!input.title) throw new AppFailure('INVALID_INPUT', 'Name the moment to pin (title), or the entry to pin (entryId).');
    return this.append([{ kind: 'pin', link: input.link, title: input.title, data: { entryId: null, pinned: true } }])[0]!;
  }

  capture(input: { view: string; title: string; link: string; subject: WatchTarget | null; data: unknown; image: { pngBase64: string; width: number; height: number } | null }): { entry: Entry; image: boolean } {
    const session = this.requireActive('capture this page');
    let dataText: string;
    try {
      dataText = JSON.stringify(input.data ?? null);
    } catch {
      throw new AppFailure('INVALID_INPUT', 'The captured data cannot be written as JSON.');
    }
    if (dataText.length > triageLimits.captureData) {
      throw new AppFailure('INVALID_INPUT', `The captured data is ${Math.round(dataText.length / 1024)} KB; a capture keeps at most ${triageLimits.captureData / 1000} KB. Narrow the view and capture again.`);
    }
    const entryId = randomUUID();
    let image: EntryOf<'capture'>['data']['image'] = null;
    if (input.image) {
      const bytes = Buffer.from(input.image.pngBase64, 'base64');
      const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      if (bytes.length < 8 || !bytes.subarray(0, 8).equals(signature)) throw new AppFailure('INVALID_INPUT', 'The captured chart is not a PNG image.');
      const file = `${entryId}.png`;
      // The image first: an entry never names a file that is not there (an orphan image is harmless).
      this.store.saveAttachment(session.id, file, bytes);
      image = { file, width: input.image.width, height: input.image.height, bytes: bytes.length };
    }
    const entry = this.#entry(session.id, { kind: 'capture', link: input.link, title: input.title, data: { view: input.view, subject: input.subject, data: JSON.parse(dataText) as unknown, image } }, this.#who, entryId);
    this.appendTo(session, [entry]);
    return { entry, image: image !== null };
  }

  watch(target: WatchTarget, on: boolean, thresholds: Thresholds | null): WatchItem[] {
    this.requireActive('watch something');
    const current = this.activeState()!.watches;
    const existing = current.find((w) => w.target.kind === target.kind && w.target.id === target.id);
    if (on && !existing && current.length >= triageLimits.watches) throw new AppFailure('INVALID_INPUT', `A session watches at most ${triageLimits.watches} things; stop watching some first.`);
    if (!on && !existing) return current;
    const what = `${target.kind} ${target.id}`;
    const limits = thresholds && (thresholds.lag !== null || thresholds.lagSeconds !== null)
      ? ` (alert above ${[thresholds.lag !== null ? `${thresholds.lag} records` : null, thresholds.lagSeconds !== null ? `${thresholds.lagSeconds} s` : null].filter(Boolean).join(' or ')})` : '';
    this.append([{ kind: 'watch', link: watchLink(target), title: on ? `${existing ? 'Watch changed:' : 'Watching'} ${what}${limits}` : `Stopped watching ${what}`, data: { target, on, thresholds: on ? thresholds : null } }]);
    return this.activeState()!.watches;
  }

  /** Every audit record written while a session is active becomes an action entry (not triage's own). */
  #mirrorAudit(record: AuditRecord) {
    if (!this.#active || record.action.startsWith('triage.')) return;
    const phase = record.phase === 'outcome' ? 'outcome' : 'intent';
    const where = targetPhrase(record.target);
    const title = phase === 'intent'
      ? `${record.action} on ${where} (${record.profile.name})`
      : `${record.action} on ${where}: ${record.result ?? 'done'}`;
    try {
      this.append([{
        kind: 'action', link: actionLink(record.target), title,
        data: {
          auditId: record.id, intentId: record.intentId ?? null, phase, action: record.action, profile: record.profile, target: record.target,
          ...(record.before === undefined ? {} : { before: record.before }), ...(record.after === undefined ? {} : { after: record.after }),
          command: record.command ?? null, result: record.result ?? null, error: record.error ?? null, note: record.note ?? null,
        },
      }]);
    } catch (error) {
      // The action is recorded in the audit log; the session can be told later from there.
      log.error(`Could not add audit record ${record.id} to the triage session`, error);
    }
  }

  close(): void {
    this.#unfollowAudit();
    if (this.#staleTimer) clearTimeout(this.#staleTimer);
  }
}
