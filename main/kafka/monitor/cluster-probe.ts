// A light, frequent question to the cluster, so that a hung broker shows within seconds. A sweep
// every 5 s can only be called late once it has run several seconds more than usual; a question
// the broker answers in a millisecond (DescribeCluster) asked every second and not answered in two
// says the same thing sooner. An SRE watching a frozen list must see "this is old" in ≤ 5 s.
import { createLogger } from '../../platform/logger';

const log = createLogger('cluster-probe');

export interface ProbeSettings {
  /** How often the cluster is asked, counted from its last answer. */
  everyMs?: number;
  /** An answer this late means the cluster is not answering. */
  lateMs?: number;
}

export const PROBE_EVERY_MS = 1_000;
export const PROBE_LATE_MS = 2_000;
/** How often the probe looks at the clock: a fraction of the late limit. */
const CHECK_MS = 250;

export class ClusterProbe {
  #sentAt: number | null = null;
  #lastAnswerAt = 0;
  #silentSince: number | null = null;
  #timer: NodeJS.Timeout | null = null;
  readonly #everyMs: number;
  readonly #lateMs: number;

  /**
   * `ask` is one cheap request; `changed` is called when the cluster falls silent and when it
   * answers again, not on every answer.
   */
  constructor(private readonly ask: () => Promise<unknown>, private readonly changed: () => void, settings: ProbeSettings = {}) {
    this.#everyMs = settings.everyMs ?? PROBE_EVERY_MS;
    this.#lateMs = settings.lateMs ?? PROBE_LATE_MS;
  }

  start(): void {
    if (this.#timer) return;
    this.#timer = setInterval(() => this.#check(), CHECK_MS);
    this.#timer.unref();
    this.#check();
  }

  stop(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
  }

  /** Since when the cluster has not answered (the send time of the unanswered question); null while it answers. */
  get silentSince(): number | null { return this.#silentSince; }

  #check(): void {
    const now = Date.now();
    if (this.#sentAt === null) {
      if (now - this.#lastAnswerAt >= this.#everyMs) this.#send(now);
      return;
    }
    if (this.#silentSince === null && now - this.#sentAt >= this.#lateMs) this.#fallSilent(this.#sentAt);
  }

  #send(now: number): void {
    this.#sentAt = now;
    this.ask().then(
      () => this.#answered(true),
      (error: unknown) => {
        log.debug('probe failed', error instanceof Error ? error.message : error);
        this.#answered(false);
      },
    );
  }

  #answered(ok: boolean): void {
    const sentAt = this.#sentAt;
    this.#sentAt = null;
    this.#lastAnswerAt = Date.now();
    if (!this.#timer) return;
    if (ok && this.#silentSince !== null) {
      this.#silentSince = null;
      this.changed();
    } else if (!ok && this.#silentSince === null && sentAt !== null) {
      // A refused connection is silence too; the sweep's own error says why.
      this.#fallSilent(sentAt);
    }
  }

  #fallSilent(since: number): void {
    this.#silentSince = since;
    this.changed();
  }
}
