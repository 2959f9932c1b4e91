// One read of a topic, running in main: fetch from each partition's leader, decode, filter, keep
// the matches. Forward reads stop at the end each partition had when the read started, or at the
// limit; a live tail keeps reading and keeps the newest `limit` matches. Progress (scanned,
// matched, bytes, position per partition) is read by `records.scan` every 250 ms; the results are
// read page by page. Decoding runs in slices with a yield between them, so one scan of a million
// records never holds main's event loop for long.
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { CompiledFilter } from '../../shared/records/record-filter';
import { filterInputOf, type FilterInput } from '../../shared/records/record-filter';
import type { RecordView, ScanProgress } from '../../shared/records/records';
import { recordLimits } from '../../shared/records/records';
import { createLogger } from '../platform/logger';
import type { RecordDecoder } from './record-decoder';
import type { FetchedPartition, RecordsKafka, TopicLayout } from './records-kafka';

const log = createLogger('records-scan');

/** Kafka error codes a fetch answers per partition. */
const OFFSET_OUT_OF_RANGE = 1;
const leadershipMoved = new Set([3, 5, 6, 74, 75, 100]); // unknown partition, leader not available, not leader, fenced/unknown epoch, unknown topic id

/** Records decoded between two yields to the event loop. */
const SLICE = 1_000;
/** Bytes asked per partition and per fetch: large enough for throughput, small enough for memory. */
const PARTITION_FETCH_BYTES = 1024 * 1024;
const FETCH_BYTES = 2 * 1024 * 1024;
/** A forward read whose fetches return nothing at all this many times in a row stops (the rest is beyond reach). */
const MAX_EMPTY_FETCHES = 20;

interface Position {
  partition: number;
  start: number;
  position: number;
  end: number | null;
  done: boolean;
}

interface Kept {
  record: RecordView;
  bytes: number;
}

export interface ScanSetup {
  id: string;
  topic: string;
  layout: TopicLayout;
  starts: Map<number, number>;
  /** The log end of each partition at the start; absent for a live tail. */
  ends: Map<number, number> | null;
  limit: number;
  filterText: string | null;
  filter: CompiledFilter | null;
  /** The record as the filter may see it (classified fields masked), or null for the record as read. */
  filterSees: ((record: RecordView) => RecordView) | null;
}

export class Scan {
  readonly id: string;
  readonly topic: string;
  readonly live: boolean;
  state: ScanProgress['state'] = 'running';
  reason: string | null = null;
  readonly startedAt = Date.now();
  #finishedAt: number | null = null;
  lastSeen = Date.now();
  #scanned = 0;
  #matched = 0;
  #bytes = 0;
  #undecodable = 0;
  #filterErrors = 0;
  #firstFilterError: string | null = null;
  readonly #positions = new Map<number, Position>();
  #layout: TopicLayout;
  readonly #kept: Kept[] = [];
  /** The sequence number of #kept[0]. */
  #firstSeq = 0;
  #keptBytes = 0;
  #stopped = false;
  readonly #notes: string[] = [];
  #emptyRounds = 0;
  /** The filter's view of the record being evaluated, filled again for each one. */
  readonly #filterInput = {} as FilterInput;

  constructor(private readonly setup: ScanSetup, private readonly kafka: RecordsKafka, private readonly decoder: RecordDecoder) {
    this.id = setup.id;
    this.topic = setup.topic;
    this.live = setup.ends === null;
    this.#layout = setup.layout;
    for (const [partition, start] of setup.starts) {
      const end = setup.ends?.get(partition) ?? null;
      this.#positions.set(partition, { partition, start, position: start, end, done: end !== null && start >= end });
    }
  }

  progress(): ScanProgress {
    return {
      scanId: this.id, topic: this.topic, live: this.live, filter: this.setup.filterText, state: this.state, reason: this.reason,
      startedAt: this.startedAt, elapsedMs: (this.#finishedAt ?? Date.now()) - this.startedAt,
      scanned: this.#scanned, matched: this.#matched, bytes: this.#bytes, undecodable: this.#undecodable,
      filterErrors: this.#filterErrors, firstFilterError: this.#firstFilterError, notes: [...this.#notes],
      partitions: [...this.#positions.values()].sort((a, b) => a.partition - b.partition).map((p) => ({ ...p })),
      results: { first: this.#firstSeq, next: this.#firstSeq + this.#kept.length },
    };
  }

  /** Kept results from sequence number `from`, at most `count`. */
  page(from: number, count: number): { first: number; records: RecordView[]; kept: number } {
    const start = Math.max(from, this.#firstSeq);
    const records = this.#kept.slice(start - this.#firstSeq, start - this.#firstSeq + count).map((k) => k.record);
    return { first: start, records, kept: this.#firstSeq };
  }

  /** Every kept result, oldest first (for an export). */
  results(): RecordView[] {
    return this.#kept.map((k) => k.record);
  }

  #note(text: string) {
    if (this.#notes.length < 20) this.#notes.push(text);
  }

  cancel(reason = 'Stopped.'): void {
    this.#finish('cancelled', reason);
  }

  get finishedAt(): number | null {
    return this.#finishedAt;
  }

  #finish(state: ScanProgress['state'], reason: string) {
    if (this.#stopped) return;
    this.#stopped = true;
    this.state = state;
    this.reason = reason;
    this.#finishedAt = Date.now();
  }

  #keep(record: RecordView) {
    const bytes = record.size * 2 + 400;
    this.#kept.push({ record, bytes });
    this.#keptBytes += bytes;
    this.#matched++;
    if (this.live) {
      // A live tail keeps the newest: the oldest go once the limit or the byte bound is passed.
      while (this.#kept.length > this.setup.limit || this.#keptBytes > recordLimits.maxResultBytes) {
        this.#keptBytes -= this.#kept.shift()!.bytes;
        this.#firstSeq++;
      }
      return;
    }
    if (this.#matched >= this.setup.limit) this.#finish('done', `Found ${this.#matched.toLocaleString('en')} record${this.#matched === 1 ? '' : 's'}: the limit of this read.`);
    else if (this.#keptBytes > recordLimits.maxResultBytes) this.#finish('done', `Stopped at ${this.#matched.toLocaleString('en')} records: the results reached ${recordLimits.maxResultBytes / 1024 / 1024} MB. Narrow the filter or read from a later offset.`);
  }

  async run(): Promise<void> {
    try {
      while (!this.#stopped) {
        const active = [...this.#positions.values()].filter((p) => !p.done);
        if (active.length === 0) {
          this.#finish('done', 'Read to the end of every partition.');
          break;
        }
        const byLeader = new Map<number, Position[]>();
        for (const p of active) {
          const leader = this.#layout.partitions[p.partition]?.leader ?? -1;
          byLeader.set(leader, [...(byLeader.get(leader) ?? []), p]);
        }
        let answers: FetchedPartition[][] | null = await Promise.all([...byLeader].map(([leader, positions]) => this.kafka.fetch(this.#layout, leader, positions.map((p) => ({ partition: p.partition, offset: p.position, maxBytes: PARTITION_FETCH_BYTES })), { maxWaitMs: this.live ? 500 : 50, maxBytes: FETCH_BYTES })));
        let refresh = false;
        const flat = answers.flat();
        answers = null;
        let empty = true;
        for (let i = 0; i < flat.length; i++) {
          if (this.#stopped) break;
          const answer = flat[i]!;
          if (answer.records.length > 0 || answer.nextOffset !== null || answer.errorCode !== 0) empty = false;
          refresh = (await this.#take(answer)) || refresh;
          // Let each partition's records go as soon as they are taken, not when the whole answer is.
          (flat as Array<FetchedPartition | null>)[i] = null;
        }
        // A partition may get nothing when others filled the answer; only a forward read that gets
        // nothing at all, round after round, below its ends gives the rest up.
        if (!this.live && !refresh && empty) {
          if (++this.#emptyRounds >= MAX_EMPTY_FETCHES) this.#giveUpRest();
        } else {
          this.#emptyRounds = 0;
        }
        if (refresh && !this.#stopped) this.#layout = await this.kafka.layout(this.topic, true);
      }
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      log.warn(`scan ${this.id} of ${this.topic} failed`, message);
      this.#finish('failed', `The read stopped: ${message}`);
    }
  }

  /** Takes one partition's answer; true when leadership moved and the layout must be read again. */
  async #take(answer: FetchedPartition): Promise<boolean> {
    const p = this.#positions.get(answer.partition);
    if (!p || p.done) return false;
    if (answer.errorCode === OFFSET_OUT_OF_RANGE) {
      // Retention removed what was asked for (or the log was truncated): go on from what is there.
      p.position = p.position < answer.logStartOffset ? answer.logStartOffset : answer.highWatermark;
      if (p.end !== null && p.position >= p.end) p.done = true;
      return false;
    }
    if (leadershipMoved.has(answer.errorCode)) return true;
    if (answer.errorCode !== 0) {
      p.done = true;
      this.#note(`Partition ${p.partition} answered Kafka error ${answer.errorCode}; it was skipped.`);
      return false;
    }
    if (answer.records.length === 0) {
      if (answer.nextOffset !== null) p.position = answer.nextOffset;
      // The log was truncated below where this read meant to stop: there is nothing more to read.
      else if (p.end !== null && answer.highWatermark <= p.position) {
        p.done = true;
        this.#note(`Partition ${p.partition} ends at ${answer.highWatermark}, before ${p.end} where this read meant to stop.`);
      }
      if (p.end !== null && p.position >= p.end) p.done = true;
      return false;
    }
    const raws = answer.records;
    await this.decoder.prepare(raws);
    const filter = this.setup.filter;
    const filterSees = this.setup.filterSees;
    for (let i = 0; i < raws.length; i++) {
      if (this.#stopped) return false;
      const raw = raws[i]!;
      if (p.end !== null && raw.offset >= p.end) { p.position = p.end; p.done = true; return false; }
      const record = this.decoder.decode(raw, this.topic, p.partition);
      this.#scanned++;
      this.#bytes += record.size;
      if (record.key.error !== null || record.value.error !== null) this.#undecodable++;
      p.position = raw.offset + 1;
      let matched = true;
      if (filter) {
        try {
          matched = filter(filterInputOf(filterSees ? filterSees(record) : record, this.#filterInput));
        } catch (error) {
          matched = false;
          this.#filterErrors++;
          this.#firstFilterError ??= `At ${p.partition}@${raw.offset}: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}`;
        }
      }
      if (matched) this.#keep(record);
      if ((i + 1) % SLICE === 0) await yieldToEventLoop();
    }
    if (answer.nextOffset !== null) p.position = Math.max(p.position, answer.nextOffset);
    if (p.end !== null && p.position >= p.end) { p.position = Math.min(p.position, p.end); p.done = true; }
    await yieldToEventLoop();
    return false;
  }

  #giveUpRest() {
    for (const p of this.#positions.values()) {
      if (p.done) continue;
      p.done = true;
      this.#note(`Partition ${p.partition} returned nothing between ${p.position} and ${p.end}; it was left there.`);
    }
  }
}
