// The records browser in main: reads (scans) of the active profile's cluster, decoded with its
// registry's schemas, results masked by the workspace dictionary's classifications; one record at
// an offset for the incident path; reveal and unmasked export as audited actions.
import { randomUUID } from 'node:crypto';
import { AppFailure } from '../../shared/common/result';
import { asCsv, asJsonLines } from '../../shared/records/export-format';
import { cachedClassifier, maskedCount, maskRecord, type Classifier } from '../../shared/records/masking';
import { compileFilter, namesInFilter } from '../../shared/records/record-filter';
import type { ReadInput, RecordAt, RecordView, RecordsExport, ResultsPage, ScanProgress, TopicPartitions } from '../../shared/records/records';
import { recordLimits } from '../../shared/records/records';
import type { AuditLog } from '../audit/audit-log';
import { audited, type AuditProfile } from '../audit/audited-action';
import type { KafkaConnectionSettings } from '../kafka/kafka-port';
import { createLogger } from '../platform/logger';
import { RecordDecoder } from './record-decoder';
import { RecordsKafka } from './records-kafka';
import { Scan } from './scan';
import { startsFor } from './scan-starts';
import type { SchemaCatalog } from './schema-catalog';
import type { ParsedInput } from '../../shared/contract';

const log = createLogger('records');

/** A running read nobody has looked at for this long is stopped (a closed window, say). */
const UNWATCHED_RUNNING_MS = 60_000;
/** A finished read is kept this long after it was last looked at, for paging and export. */
const UNWATCHED_FINISHED_MS = 15 * 60_000;

export interface RecordsSession {
  profileId: string;
  settings: KafkaConnectionSettings;
}

export interface RecordsDependencies {
  /** The active profile's connection settings (throws NO_PROFILE without one). */
  session: () => RecordsSession;
  schemas: SchemaCatalog;
  /** The classification of a field name by the open workspace's dictionary, or null. */
  classify: Classifier;
  audit: AuditLog;
  auditProfile: () => AuditProfile;
}

export class RecordsService {
  #client: { key: string; kafka: RecordsKafka } | null = null;
  readonly #scans = new Map<string, Scan>();
  readonly decoder: RecordDecoder;
  readonly #sweeper: NodeJS.Timeout;

  constructor(private readonly deps: RecordsDependencies) {
    this.decoder = new RecordDecoder(deps.schemas);
    this.#sweeper = setInterval(() => this.#sweep(), 10_000);
    this.#sweeper.unref();
  }

  /** The Kafka client of the active profile; a changed profile stops the reads of the old one. */
  kafka(): RecordsKafka {
    const { profileId, settings } = this.deps.session();
    const key = JSON.stringify([profileId, settings]);
    if (this.#client?.key !== key) {
      const old = this.#client;
      this.#client = { key, kafka: new RecordsKafka(settings) };
      if (old) {
        for (const scan of this.#scans.values()) scan.cancel('Stopped: the connection profile changed.');
        void old.kafka.close();
      }
    }
    return this.#client.kafka;
  }

  endpoint(): string {
    return this.deps.session().settings.bootstrapBrokers.join(',');
  }

  async partitions(topic: string): Promise<TopicPartitions> {
    const kafka = this.kafka();
    const layout = await kafka.layout(topic);
    const numbers = layout.partitions.map((p) => p.partition);
    const [starts, ends] = await Promise.all([kafka.offsets(topic, numbers, -2), kafka.offsets(topic, numbers, -1)]);
    return { topic, partitions: layout.partitions.map((p) => ({ ...p, logStartOffset: starts.get(p.partition) ?? 0, logEndOffset: ends.get(p.partition) ?? 0 })) };
  }

  async read(input: ReadInput): Promise<ScanProgress> {
    const text = input.filter?.trim() ? input.filter.trim() : null;
    const compiled = text ? compileFilter(text) : null;
    if (compiled && !compiled.ok) throw new AppFailure('INVALID_INPUT', compiled.message, { field: 'filter' });
    const classify = cachedClassifier(this.deps.classify);
    const reason = input.filterReason?.trim() ?? '';
    if (input.filterReason !== undefined && reason.length < 5) {
      throw new AppFailure('INVALID_INPUT', 'Say why the filter needs classified values unmasked (at least 5 characters): it goes into the audit log.', { field: 'filterReason' });
    }
    // A filter that compares a classified field would tell its value record by record (does
    // custNm == "Kim" match?), so it reads it unmasked only with a reason, which is audited.
    const classified = text ? namesInFilter(text).flatMap((name) => { const c = classify(name); return c === null ? [] : [`${name} (${c})`]; }) : [];
    if (classified.length > 0 && !reason) {
      throw new AppFailure('INVALID_INPUT', `The filter reads ${classified.join(', ')}: classified by the dictionary, so a filter sees ${classified.length === 1 ? 'it' : 'them'} masked. To filter on the real values, give a reason: it goes into the audit log.`, { field: 'filterReason', classified });
    }
    this.#makeRoom();
    const kafka = this.kafka();
    const layout = await kafka.layout(input.topic);
    const all = layout.partitions.map((p) => p.partition);
    const partitions = input.partitions ? [...new Set(input.partitions)].sort((a, b) => a - b) : all;
    const missing = partitions.filter((p) => !all.includes(p));
    if (missing.length > 0) throw new AppFailure('INVALID_INPUT', `${input.topic} has partitions 0–${all.length - 1}; there is no partition ${missing.join(', ')}.`, { field: 'partitions' });
    const start = async () => {
      const { starts, logEnds } = await startsFor(kafka, input.topic, partitions, input.seek, input.limit, input.live);
      const scan = new Scan({
        id: randomUUID(), topic: input.topic, layout, starts, ends: input.live ? null : logEnds, limit: input.limit,
        filterText: text, filter: compiled?.ok ? compiled.evaluate : null,
        // Without a reason the filter sees what the page shows: classified fields masked.
        filterSees: reason ? null : (record) => maskRecord(record, classify),
      }, kafka, this.decoder);
      this.#scans.set(scan.id, scan);
      void scan.run();
      return scan.progress();
    };
    if (!reason || !text) return start();
    return audited(this.deps.audit, {
      profile: this.deps.auditProfile(), action: 'records.read', endpoint: this.endpoint(), readsOnly: true,
      target: { topic: input.topic, filter: text }, after: { reason, fields: classified },
    }, start, { after: (progress) => ({ reason, fields: classified, scanId: progress.scanId }) });
  }

  #scan(scanId: string): Scan {
    const scan = this.#scans.get(scanId);
    if (!scan) throw new AppFailure('NOT_FOUND', 'That read is no longer kept: reads stop when nobody watches them, and finished ones are dropped after 15 minutes. Start it again.');
    scan.lastSeen = Date.now();
    return scan;
  }

  progress(scanId: string): ScanProgress {
    return this.#scan(scanId).progress();
  }

  cancel(scanId: string): ScanProgress {
    const scan = this.#scan(scanId);
    scan.cancel();
    return scan.progress();
  }

  /** A page of results, masked. */
  results(scanId: string, from: number, count: number): ResultsPage {
    const page = this.#scan(scanId).page(from, count);
    const classify = cachedClassifier(this.deps.classify);
    return { scanId, first: page.first, kept: page.kept, records: page.records.map((r) => maskRecord(r, classify)) };
  }

  /** The record at an offset (or the first after it), decoded and unmasked. */
  async #recordAt(topic: string, partition: number, offset: number): Promise<Omit<RecordAt, 'record'> & { record: RecordView | null }> {
    const kafka = this.kafka();
    const layout = await kafka.layout(topic);
    const leader = layout.partitions[partition]?.leader;
    if (leader === undefined) throw new AppFailure('NOT_FOUND', `${topic} has no partition ${partition}.`);
    const [starts, ends] = await Promise.all([kafka.offsets(topic, [partition], -2), kafka.offsets(topic, [partition], -1)]);
    const logStartOffset = starts.get(partition) ?? 0;
    const logEndOffset = ends.get(partition) ?? 0;
    const base = { topic, partition, offset, logStartOffset, logEndOffset };
    if (offset >= logEndOffset) return { ...base, record: null };
    const [answer] = await kafka.fetch(layout, leader, [{ partition, offset: Math.max(offset, logStartOffset), maxBytes: 1_048_576 }], { maxWaitMs: 0, maxBytes: 1_048_576 });
    const raw = answer?.records[0];
    if (!raw) return { ...base, record: null };
    await this.decoder.prepare([raw]);
    return { ...base, record: this.decoder.decode(raw, topic, partition) };
  }

  async at(topic: string, partition: number, offset: number): Promise<RecordAt> {
    const found = await this.#recordAt(topic, partition, offset);
    return { ...found, record: found.record ? maskRecord(found.record, cachedClassifier(this.deps.classify)) : null };
  }

  /** One record with its masked fields shown: an audited action, whose record names the fields and the reason. */
  async reveal(input: ParsedInput<'records.reveal'>): Promise<RecordView> {
    const target = { topic: input.topic, partition: input.partition, offset: input.offset };
    return audited(this.deps.audit, {
      profile: this.deps.auditProfile(), action: 'records.reveal', endpoint: this.endpoint(), target, readsOnly: true, after: { reason: input.reason },
    }, async () => {
      const found = await this.#recordAt(input.topic, input.partition, input.offset);
      if (!found.record || found.record.offset !== input.offset) throw new AppFailure('NOT_FOUND', `There is no record at ${input.topic}-${input.partition}@${input.offset} (the partition holds ${found.logStartOffset}–${found.logEndOffset - 1}).`);
      return found.record;
    }, {
      // The record says which fields were shown, never their values.
      after: (record) => ({ reason: input.reason, revealed: maskRecord(record, cachedClassifier(this.deps.classify)).value.masked.map((m) => m.path) }),
    });
  }

  async export(input: { scanId: string; format: 'jsonl' | 'csv'; unmasked: boolean; reason?: string }): Promise<RecordsExport> {
    const scan = this.#scan(input.scanId);
    const records = scan.results();
    const classify = cachedClassifier(this.deps.classify);
    const masked = records.map((r) => maskRecord(r, classify));
    const maskedFields = masked.reduce((n, r) => n + maskedCount(r), 0);
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const file = (chosen: RecordView[], isMasked: boolean): RecordsExport => ({
      fileName: `${scan.topic}-${stamp}${isMasked ? '' : '-unmasked'}.${input.format}`,
      mediaType: input.format === 'csv' ? 'text/csv' : 'application/x-ndjson',
      content: input.format === 'csv' ? asCsv(chosen) : asJsonLines(chosen),
      records: chosen.length, masked: isMasked, maskedFields,
    });
    if (!input.unmasked) return file(masked, true);
    const reason = input.reason?.trim() ?? '';
    if (reason.length < 5) throw new AppFailure('INVALID_INPUT', 'Say why you need the records unmasked (at least 5 characters): it goes into the audit log.', { field: 'reason' });
    return audited(this.deps.audit, {
      profile: this.deps.auditProfile(), action: 'records.export', endpoint: this.endpoint(), readsOnly: true,
      target: { topic: scan.topic, scanId: scan.id, filter: scan.progress().filter, format: input.format }, after: { reason, records: records.length, maskedFields },
    }, async () => file(records, false), { after: (result) => ({ reason, records: result.records, maskedFields, unmasked: true }) });
  }

  /** Keeps at most recordLimits.maxScans reads: the oldest finished go first; all running refuses. */
  #makeRoom() {
    if (this.#scans.size < recordLimits.maxScans) return;
    const finished = [...this.#scans.values()].filter((s) => s.state !== 'running').sort((a, b) => a.lastSeen - b.lastSeen);
    if (finished.length === 0) throw new AppFailure('INVALID_INPUT', `${recordLimits.maxScans} reads are running; stop one before starting another.`);
    this.#scans.delete(finished[0]!.id);
  }

  #sweep() {
    const now = Date.now();
    for (const scan of this.#scans.values()) {
      if (scan.state === 'running' && now - scan.lastSeen > UNWATCHED_RUNNING_MS) {
        log.info(`stopping unwatched read ${scan.id} of ${scan.topic}`);
        scan.cancel('Stopped: nobody was watching it.');
      } else if (scan.state !== 'running' && now - scan.lastSeen > UNWATCHED_FINISHED_MS) {
        this.#scans.delete(scan.id);
      }
    }
  }

  async close(): Promise<void> {
    clearInterval(this.#sweeper);
    for (const scan of this.#scans.values()) scan.cancel('Stopped: Sluice is closing.');
    await this.#client?.kafka.close();
  }
}
