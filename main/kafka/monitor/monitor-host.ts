// The main-thread side of the monitor worker: the same MonitorApi, its calls carried by a typed
// proxy over a MessagePort (main/platform/proxy-channel.ts). A worker that dies (out of its heap
// limit, or a bug) is restarted, and callers get a clear error meanwhile.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MessageChannel, Worker } from 'node:worker_threads';
import type { Freshness } from '../../../shared/kafka/freshness';
import type { GroupSummary, GroupType } from '../../../shared/kafka/groups';
import type { GroupHealth, GroupHistory } from '../../../shared/kafka/monitoring';
import { AppFailure } from '../../../shared/common/result';
import { createLogger } from '../../platform/logger';
import { proxyOverPort, type ProxiedService, type Remote } from '../../platform/proxy-channel';
import type { KafkaConnectionSettings } from '../kafka-port';
import type { MonitorOptions } from './group-monitor';
import { monitorEventSchemas, monitorReplySchemas, type MemberObservation, type MonitorApi, type MonitorCalls, type MonitorEvents, type MonitoredGroups, type SweepInfo } from './monitor-api';
import type { WorkerStart } from './monitor-worker';

const log = createLogger('monitor-host');

/**
 * Heap limits of the monitor worker. 10,000 groups over 100,000 committed partitions keep about
 * 130 MB live; without a limit V8 lets garbage from the sweeps pile up to well over 1 GB before it
 * collects (measured with `npm run bench`). Raise SLUICE_MONITOR_HEAP_MB for larger clusters.
 */
export const MONITOR_HEAP_MB = Number(process.env.SLUICE_MONITOR_HEAP_MB ?? 192);
const MONITOR_YOUNG_MB = 16;

/** Source runs (tsx, vitest) load the TypeScript file; built entries pass their bundle's path. */
export const sourceMonitorWorkerFile = fileURLToPath(new URL('./monitor-worker.ts', import.meta.url));
/** Where a built entry finds the worker: bundled beside it. */
export const monitorWorkerBundle = (entryDir: string, extension = '.js') => path.join(entryDir, `monitor-worker${extension}`);

/** A call answers from the monitor's memory; one that takes this long means the worker is stuck. */
const CALL_TIMEOUT_MS = 20_000;

export interface MonitorHostOptions extends MonitorOptions {
  /** The worker's entry file: the TypeScript source by default, the bundle in a built app. */
  workerFile?: string;
}

export class MonitorHost implements MonitorApi {
  #worker: Worker | null = null;
  #channel: ProxiedService<MonitorCalls, MonitorEvents> | null = null;
  readonly #listeners = new Set<() => void>();
  readonly #types = new Map<string, GroupType>();
  readonly #workerFile: string;
  readonly #options: MonitorOptions;
  #lastSweep: SweepInfo | null = null;
  #silentSince: number | null = null;
  /** Bumped by every change the worker reports: the list it answered before may be out of date. */
  #version = 0;
  /**
   * The list as of a version: 10,000 summaries cross the thread boundary (cloned, then parsed) once
   * per change, not once per caller; several windows and the governance overview ask every few seconds.
   */
  #summaries: { version: number; list: Promise<GroupSummary[]> } | null = null;
  #closed = false;

  constructor(private readonly settings: KafkaConnectionSettings, options: MonitorHostOptions = {}) {
    const { workerFile, ...monitorOptions } = options;
    this.#workerFile = workerFile ?? sourceMonitorWorkerFile;
    this.#options = monitorOptions;
    this.#start();
  }

  #start() {
    const { port1, port2 } = new MessageChannel();
    const worker = new Worker(this.#workerFile, {
      workerData: { settings: this.settings, options: this.#options, port: port2 } satisfies WorkerStart,
      transferList: [port2],
      execArgv: this.#workerFile.endsWith('.ts') ? ['--import', 'tsx'] : [],
      resourceLimits: { maxOldGenerationSizeMb: MONITOR_HEAP_MB, maxYoungGenerationSizeMb: MONITOR_YOUNG_MB },
    });
    const channel = proxyOverPort<MonitorCalls, MonitorEvents>(port1, {
      name: 'The cluster monitor', timeoutMs: CALL_TIMEOUT_MS, replies: monitorReplySchemas, events: monitorEventSchemas,
    });
    channel.on('changed', ({ lastSweep, silentSince, types }) => {
      this.#version++;
      this.#lastSweep = lastSweep;
      this.#silentSince = silentSince;
      if (types) {
        this.#types.clear();
        for (const [id, type] of types) this.#types.set(id, type);
      }
      for (const listener of this.#listeners) listener();
    });
    worker.on('error', (error) => log.error('monitor worker failed', error));
    worker.on('exit', (code) => {
      if (this.#worker !== worker) return;
      this.#worker = null;
      this.#channel = null;
      this.#summaries = null;
      channel.close(new AppFailure('INTERNAL', 'The cluster monitor stopped; it is restarting.'));
      port1.close();
      if (this.#closed) return;
      log.warn(`monitor worker exited with ${code}; restarting`);
      setTimeout(() => { if (!this.#closed) this.#start(); }, 1_000).unref();
    });
    this.#worker = worker;
    this.#channel = channel;
  }

  #remote(): Remote<MonitorCalls> | null {
    return this.#channel?.remote ?? null;
  }

  #restarting(): Promise<never> {
    return Promise.reject(new AppFailure('INTERNAL', 'The cluster monitor is restarting; try again in a moment.'));
  }

  get lastSweep(): SweepInfo | null { return this.#lastSweep; }

  get silentSince(): number | null { return this.#silentSince; }

  /** The worker's own heap in use, in bytes (its RSS share is counted in the process's), for benches; null while it restarts. */
  async workerHeapUsed(): Promise<number | null> {
    const stats = await this.#worker?.getHeapStatistics().catch(() => null);
    return stats?.used_heap_size ?? null;
  }

  onChange(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  typeOf(groupId: string): GroupType | undefined { return this.#types.get(groupId); }

  summaries(): Promise<GroupSummary[]> {
    const remote = this.#remote();
    if (!remote) return this.#restarting();
    if (this.#summaries?.version !== this.#version) {
      const list = remote.summaries();
      const entry = { version: this.#version, list };
      this.#summaries = entry;
      // A failed answer is not kept: the next caller asks again.
      list.catch(() => { if (this.#summaries === entry) this.#summaries = null; });
    }
    return this.#summaries!.list;
  }

  freshness(): Promise<Freshness> { return this.#remote()?.freshness() ?? this.#restarting(); }

  async groupList(): Promise<MonitoredGroups> {
    const remote = this.#remote();
    if (!remote) return this.#restarting();
    // Freshness is asked each time (it changes while nothing else does: a hung broker).
    const [groups, freshness] = await Promise.all([this.summaries(), remote.freshness()]);
    return { groups, freshness };
  }

  health(groupId: string, withRecordTimestamps = true): Promise<GroupHealth> {
    return this.#remote()?.health(groupId, withRecordTimestamps) ?? this.#restarting();
  }

  history(groupId: string, stuckAfterMs: number): Promise<GroupHistory> {
    return this.#remote()?.history(groupId, stuckAfterMs) ?? this.#restarting();
  }

  observeDetail(groupId: string, state: string, groupEpoch: number | null, assignmentEpoch: number | null, members: MemberObservation[]): Promise<Map<string, number | null>> {
    return this.#remote()?.observeDetail(groupId, state, groupEpoch, assignmentEpoch, members) ?? this.#restarting();
  }

  forget(groupId: string): Promise<void> { return this.#remote()?.forget(groupId) ?? this.#restarting(); }

  refresh(): void { void this.#remote()?.refresh().catch(() => undefined); }

  async close(): Promise<void> {
    if (this.#closed) return;
    const worker = this.#worker;
    const remote = this.#remote();
    this.#closed = true;
    if (!worker || !remote) return;
    // Let the worker save its history (at most 5 s), then make sure it is gone.
    const saved = remote.close().catch(() => undefined);
    await Promise.race([saved, new Promise((resolve) => setTimeout(resolve, 5_000).unref())]);
    await worker.terminate();
  }
}
