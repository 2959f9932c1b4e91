// Produce rates per topic from log-end offsets sampled in main each time the topic list is read
// (its live poll, every 10 s while a page shows it). Bounded: a few samples per topic, and topics
// that left the cluster are dropped with the next list.
import { ratePerSecond, recordSample, type OffsetSample } from '../../shared/kafka/lag-time';

/** Samples kept per topic: a minute and a half at the list's 10 s poll. */
const SAMPLES_PER_TOPIC = 10;
/** The rate is read over the last minute. */
const HORIZON_MS = 60_000;

export class ProduceRates {
  readonly #samples = new Map<string, OffsetSample[]>();

  /** Records the sum of a topic's log-end offsets at `at`. */
  observe(topic: string, logEndSum: number, at: number): void {
    let samples = this.#samples.get(topic);
    if (!samples) this.#samples.set(topic, (samples = []));
    // A topic deleted and created again starts over: its log ends went back.
    if (samples.length > 0 && logEndSum < samples[samples.length - 1]!.offset) samples.length = 0;
    recordSample(samples, logEndSum, at, SAMPLES_PER_TOPIC);
  }

  /** Records per second over the last minute; null until a second sample exists. */
  rate(topic: string, now: number): number | null {
    const samples = this.#samples.get(topic);
    if (!samples || samples.length === 0) return null;
    return ratePerSecond(samples, now, HORIZON_MS);
  }

  /** Forgets topics not in `present` (deleted since). */
  keepOnly(present: ReadonlySet<string>): void {
    for (const topic of this.#samples.keys()) if (!present.has(topic)) this.#samples.delete(topic);
  }

  get size(): number {
    return this.#samples.size;
  }
}
