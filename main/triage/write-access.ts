// Break-glass access to production: a production profile is read-only unless the active triage
// session holds a write grant for it, given for a time box with a reason. The check is a guard on
// the audit log, so it runs inside audited() — the one path every mutating action takes — before
// the intent is written: nothing on a production profile can change without a grant, and there is
// no second place to forget. Grants, revocations and expiries are written to the audit log and the
// session's timeline; the check compares the expiry with the clock, so an apply a moment after
// expiry is refused even before the expiry is recorded.
import { randomUUID } from 'node:crypto';
import { AppFailure } from '../../shared/common/result';
import { triageLink } from '../../shared/triage/links';
import type { EntryOf } from '../../shared/triage/session';
import type { GrantView } from '../../shared/triage/timeline';
import type { GuardedAction } from '../audit/audit-log';
import { audited, auditProfileOf } from '../audit/audited-action';
import { createLogger } from '../platform/logger';
import type { ProfileStore } from '../settings/profile-store';
import { SLUICE_ACTOR, type TriageService } from './triage-service';
import type { ParsedInput } from '../../shared/contract';

const log = createLogger('write-access');

const clock = (iso: string) => new Date(iso).toISOString().slice(11, 19);
const howToGrant = 'Grant write access for a time box, with a reason, from the production bar or the Triage page (a triage session must be active), then apply again.';

export class WriteAccess {
  readonly #timers = new Map<string, NodeJS.Timeout>();
  readonly #unguard: () => void;

  constructor(private readonly triage: TriageService, private readonly profiles: ProfileStore) {
    this.#unguard = triage.audit.addGuard((action) => this.check(action));
    this.recordOverdue();
    this.#schedule();
  }

  /** Grants running now in the active session. */
  activeGrants(): GrantView[] {
    const now = this.triage.now();
    return (this.triage.activeState()?.grants ?? []).filter((g) => g.state === 'active' && Date.parse(g.expiresAt) > now);
  }

  /** The guard: throws PRODUCTION_READ_ONLY for a change to a production profile without a running grant. */
  check(action: GuardedAction): void {
    // Revealing masked values changes nothing on the cluster: it is audited, not break-glass.
    if (!action.profile.production || action.readsOnly || action.action.startsWith('triage.')) return;
    const now = this.triage.now();
    const state = this.triage.activeState();
    const grants = (state?.grants ?? []).filter((g) => g.profile.id === action.profile.id);
    if (grants.some((g) => g.state === 'active' && Date.parse(g.expiresAt) > now)) return;
    const name = action.profile.name;
    const last = [...grants].sort((a, b) => (a.grantedAt < b.grantedAt ? -1 : 1)).at(-1);
    let why: string;
    if (!state) why = `“${name}” is a production profile and read-only: no triage session is active. Start a triage session, then ${howToGrant.charAt(0).toLowerCase()}${howToGrant.slice(1)}`;
    else if (last && last.state === 'revoked') why = `Write access to “${name}” was revoked at ${clock(last.endedAt ?? last.expiresAt)}; the profile is read-only again. ${howToGrant}`;
    else if (last) why = `Write access to “${name}” expired at ${clock(last.expiresAt)} (it was granted for ${last.minutes} minutes: “${last.reason}”); the profile is read-only again. ${howToGrant}`;
    else why = `“${name}” is a production profile and read-only. ${howToGrant}`;
    if (state) {
      try {
        this.triage.append([{
          kind: 'action', link: null, title: `Refused ${action.action} on ${name}: read-only without a write grant`,
          data: { auditId: null, intentId: null, phase: 'refused', action: action.action, profile: action.profile, target: action.target, command: action.command ?? null, result: 'refused', error: why, note: null },
        }]);
      } catch (error) {
        log.warn('Could not record a refused action in the triage session', error);
      }
    }
    throw new AppFailure('PRODUCTION_READ_ONLY', why, { profile: action.profile.name, action: action.action, ...(last ? { grant: { state: last.state, expiresAt: last.expiresAt } } : {}) });
  }

  async grant(input: ParsedInput<'triage.grantWrite'>): Promise<GrantView> {
    const session = this.triage.requireActive('grant write access to production');
    const profileId = input.profileId ?? this.profiles.activeProfileId();
    if (!profileId) throw new AppFailure('NO_PROFILE', 'No connection profile is active: choose the production profile to grant write access to.');
    const profile = this.profiles.get(profileId);
    if (!profile.production) throw new AppFailure('INVALID_INPUT', `“${profile.name}” is not a production profile: it can be changed without a grant.`);
    const grantId = randomUUID();
    const grantedAt = this.triage.now();
    const expiresAt = new Date(grantedAt + input.minutes * 60_000).toISOString();
    const ref = auditProfileOf(profile);
    const data: EntryOf<'access'>['data'] = { event: 'granted', grantId, profile: ref, minutes: input.minutes, reason: input.reason, expiresAt };
    await audited(this.triage.audit, {
      profile: ref, action: 'triage.grantWrite', endpoint: `triage session ${session.id}`,
      target: { sessionId: session.id, grantId, minutes: input.minutes, reason: input.reason }, after: { writableUntil: expiresAt },
    }, async () => {
      this.triage.append([{ kind: 'access', link: triageLink(session.id), title: `Write access to ${profile.name} for ${input.minutes} min: ${input.reason}`, data, at: new Date(grantedAt).toISOString() }]);
    }, { classify: () => 'failed' });
    this.#schedule();
    return this.activeGrants().find((g) => g.grantId === grantId) ?? { grantId, profile: ref, reason: input.reason, minutes: input.minutes, by: this.triage.who, grantedAt: new Date(grantedAt).toISOString(), expiresAt, state: 'active', endedAt: null };
  }

  async revoke(grantId: string, why = 'Revoked by hand'): Promise<GrantView> {
    const session = this.triage.requireActive('revoke write access');
    const grant = this.activeGrants().find((g) => g.grantId === grantId);
    if (!grant) throw new AppFailure('NOT_FOUND', 'That write grant is not running (it expired, was revoked, or belongs to another session).', { grantId });
    await audited(this.triage.audit, {
      profile: grant.profile, action: 'triage.revokeWrite', endpoint: `triage session ${session.id}`,
      target: { sessionId: session.id, grantId }, before: { writableUntil: grant.expiresAt }, after: null,
    }, async () => {
      this.triage.append([{ kind: 'access', link: triageLink(session.id), title: `Write access to ${grant.profile.name} revoked: ${why}`, data: { event: 'revoked', grantId, profile: grant.profile, minutes: grant.minutes, reason: grant.reason, expiresAt: grant.expiresAt } }]);
    }, { classify: () => 'failed' });
    this.#schedule();
    return { ...grant, state: 'revoked', endedAt: new Date(this.triage.now()).toISOString() };
  }

  /** Ending a session ends its grants, each recorded. */
  async revokeAll(why: string): Promise<void> {
    for (const grant of this.activeGrants()) await this.revoke(grant.grantId, why);
  }

  /**
   * Grants whose time ran out while nobody recorded it (the app was closed) are recorded now, at
   * their expiry. Only the machine that gave a grant records its end, so a shared session gets one.
   */
  recordOverdue(): void {
    const session = this.triage.active();
    const state = this.triage.activeState();
    if (!session || !state) return;
    const recorded = new Set(session.entries.flatMap((e) => (e.kind === 'access' && e.data.event !== 'granted' ? [e.data.grantId] : [])));
    const mine = new Set(session.entries.flatMap((e) => (e.kind === 'access' && e.data.event === 'granted' && e.machine === this.triage.machine ? [e.data.grantId] : [])));
    for (const grant of state.grants) if (grant.state === 'expired' && mine.has(grant.grantId) && !recorded.has(grant.grantId)) this.#expire(grant);
  }

  /** Sets the expiry timers again (after a session starts, resumes or is joined). */
  reschedule(): void {
    this.recordOverdue();
    this.#schedule();
  }

  #schedule() {
    for (const timer of this.#timers.values()) clearTimeout(timer);
    this.#timers.clear();
    for (const grant of this.activeGrants()) {
      const timer = setTimeout(() => {
        this.#timers.delete(grant.grantId);
        this.recordOverdue();
      }, Math.max(0, Date.parse(grant.expiresAt) - this.triage.now()) + 50);
      timer.unref();
      this.#timers.set(grant.grantId, timer);
    }
  }

  #expire(grant: GrantView) {
    const session = this.triage.active();
    if (!session) return;
    const note = `Write access to ${grant.profile.name} ended with its time box (${grant.minutes} min, granted by ${grant.by}: “${grant.reason}”); the profile is read-only again.`;
    try {
      this.triage.append([{
        kind: 'access', link: triageLink(session.id), title: `Write access to ${grant.profile.name} expired`, at: grant.expiresAt, actor: SLUICE_ACTOR,
        data: { event: 'expired', grantId: grant.grantId, profile: grant.profile, minutes: grant.minutes, reason: grant.reason, expiresAt: grant.expiresAt },
      }]);
    } catch (error) {
      log.error('Could not record an expired write grant in the triage session', error);
    }
    try {
      this.triage.audit.append({
        profile: grant.profile, action: 'triage.writeExpired', endpoint: `triage session ${session.id}`,
        target: { sessionId: session.id, grantId: grant.grantId }, before: { writableUntil: grant.expiresAt }, after: null,
        phase: 'outcome', result: 'applied', note,
      });
    } catch (error) {
      // The guard already refuses by the clock; only the record of the expiry is missing.
      log.error('Could not record an expired write grant in the audit log', error);
    }
  }

  close(): void {
    this.#unguard();
    for (const timer of this.#timers.values()) clearTimeout(timer);
    this.#timers.clear();
  }
}
