// One admin client per active profile, built from the same connection settings as the groups
// session (main/kafka/connections.ts hands them over through `settingsOf`). A changed profile
// (switched, edited brokers, new password) closes the old client, so clusters never mix answers.
import { AppFailure } from '../../shared/common/result';
import type { AdminConnectionSettings, AdminPort } from './admin-port';
import { PlatformaticAdmin } from './platformatic-admin';

export type AdminFactory = (settings: AdminConnectionSettings) => AdminPort;
export const defaultAdminFactory: AdminFactory = (settings) => new PlatformaticAdmin(settings);

/** The active profile and its settings, or null when no profile is set up. */
export type ActiveSettings = () => { profileId: string; settings: AdminConnectionSettings } | null;

export interface AdminSession {
  profileId: string;
  admin: AdminPort;
}

export class AdminSessions {
  #current: (AdminSession & { fingerprint: string }) | null = null;
  readonly #listeners = new Set<(profileId: string) => void>();

  constructor(private readonly settingsOf: ActiveSettings, private readonly factory: AdminFactory = defaultAdminFactory) {}

  active(): AdminSession {
    const active = this.settingsOf();
    if (!active) throw new AppFailure('NO_PROFILE', 'No connection profile is set up. Add one with the bootstrap brokers of your cluster.');
    const fingerprint = JSON.stringify(active.settings);
    if (this.#current?.profileId === active.profileId && this.#current.fingerprint === fingerprint) return this.#current;
    const previous = this.#current;
    this.#current = { profileId: active.profileId, fingerprint, admin: this.factory(active.settings) };
    if (previous) void previous.admin.close();
    for (const listener of this.#listeners) listener(active.profileId);
    return this.#current;
  }

  /**
   * Connects the active profile's admin client in the background (as the groups session starts at
   * start-up), so the first Topics or Brokers page does not wait for connections and API versions.
   */
  startActive(): void {
    try {
      void this.active().admin.metadata([]).catch(() => undefined);
    } catch {
      // No profile yet: the first page that needs one says so.
    }
  }

  /** Called when a new session starts: what was sampled from the old cluster must go. */
  onNewSession(listener: (profileId: string) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  async close(): Promise<void> {
    const current = this.#current;
    this.#current = null;
    await current?.admin.close();
  }
}
