// Whether a group the monitor knows is still there. A broker that has just restarted answers
// ListGroups with the groups its coordinator has loaded so far (at first none) and no error;
// taking that as the truth made every group vanish and deleted its history. So absence has to
// persist: a group leaves the list only after it was missing from several consecutive sweeps over
// a grace period, and its history is deleted only after a long retention, or when Sluice itself
// deleted the group (forget). No I/O and no clock of its own: the sweep says when it happened.

export interface PresenceSettings {
  /** A missing group stays listed, marked missing, for at least this long… */
  graceMs: number;
  /** …and for at least this many consecutive complete sweeps. */
  graceSweeps: number;
  /** A group not listed for this long (since it was last seen) loses its history. */
  retentionMs: number;
}

export const defaultPresenceSettings: PresenceSettings = { graceMs: 60_000, graceSweeps: 3, retentionMs: 24 * 3_600_000 };

export interface PresenceVerdict {
  /** Known groups this sweep did not list, still within their grace: shown, marked, with when they went missing. */
  missing: Map<string, number>;
  /** Known groups absent past the retention: their history is to be deleted. */
  expired: string[];
}

export class GroupPresence {
  readonly #absences = new Map<string, { since: number; sweeps: number }>();

  constructor(private readonly settings: PresenceSettings = defaultPresenceSettings) {}

  /**
   * After a complete sweep that listed `listed`: `known` is every group with a history and when it
   * was last seen listed. Groups past their grace are neither missing nor expired: not shown, but
   * their history is kept in case they come back.
   */
  afterSweep(listed: ReadonlySet<string>, known: Iterable<readonly [string, number]>, at: number): PresenceVerdict {
    const verdict: PresenceVerdict = { missing: new Map(), expired: [] };
    for (const id of this.#absences.keys()) if (listed.has(id)) this.#absences.delete(id);
    for (const [id, lastSeen] of known) {
      if (listed.has(id)) continue;
      if (at - lastSeen >= this.settings.retentionMs) {
        verdict.expired.push(id);
        this.#absences.delete(id);
        continue;
      }
      let absence = this.#absences.get(id);
      if (!absence) this.#absences.set(id, (absence = { since: at, sweeps: 0 }));
      absence.sweeps++;
      if (absence.sweeps < this.settings.graceSweeps || at - absence.since < this.settings.graceMs) verdict.missing.set(id, absence.since);
    }
    return verdict;
  }

  /** When the group went missing; null while it is listed (or unknown). */
  missingSince(groupId: string): number | null {
    return this.#absences.get(groupId)?.since ?? null;
  }

  /** The group was deleted (by Sluice): nothing to wait for. */
  forget(groupId: string): void {
    this.#absences.delete(groupId);
  }
}
