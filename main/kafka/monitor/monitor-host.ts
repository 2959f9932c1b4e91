// The main-thread side of the monitor worker: the same MonitorApi, answered by messages. A worker
// that dies (out of its heap limit, or a bug) is restarted, and callers get a clear error meanwhile.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { GroupSummary, GroupType } from '../../../shared/kafka/groups';
import type { GroupHealth, GroupHistory } from '../../../shared/kafka/monitoring';
import { AppFailure, errorCodes, type ErrorCode } from '../../../shared/common/result';
import { createLogger } from '../../platform/logger';
import type { KafkaConnectionSettings } from '../kafka-port';
import type { MonitorOptions } from './group-monitor';
import type { MemberObservation, MonitorApi, SweepInfo } from './monitor-api';
import type { WorkerMessage, WorkerRequest, WorkerStart } from './monitor-worker';

const log = createLogger('monitor-host');

/**
 * Heap limits of the monitor worker. 10,000 groups over 100,000 committed partitions keep about
 * 130 MB live; without a limit V8 lets garbage from the sweeps pile up to well over 1 GB before it
 * collects (measured with `npm run bench`). Raise SLUICE_MONITOR_HEAP_MB for larger clusters.
 */
export const MONITOR_HEAP_MB = Number(process.env.SLUICE_MONITOR_HEAP_MB ?? 192);
const MONITOR_YOUNG_MB = 16;

// Source runs (tsx, vitest) load the TypeScript file; built entries point at their bundle.
let workerFile = fileURLToPath(new URL('./monitor-worker.ts', import.meta.url));
export function useMonitorWorkerFile(file: string): void {
  workerFile = file;
}

type Pending = { resolve: (value: unknown) => void; reject: (error: unknown) => void };
type Request = WorkerRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

export class MonitorHost implements MonitorApi {
  #worker: Worker | null = null;
  #serial = 0;
  readonly #pending = new Map<number, Pending>();
  readonly #listeners = new Set<() => void>();
  readonly #types = new Map<string, GroupType>();
  #lastSweep: SweepInfo | null = null;
  #closed = false;

  constructor(private readonly settings: KafkaConnectionSettings, private readonly options: MonitorOptions) {
    this.#start();
  }

  #start() {
    const execArgv = workerFile.endsWith('.ts') ? ['--import', 'tsx'] : [];
    const worker = new Worker(workerFile, {
      workerData: { settings: this.settings, options: this.options } satisfies WorkerStart,
      execArgv,
      resourceLimits: { maxOldGenerationSizeMb: MONITOR_HEAP_MB, maxYoungGenerationSizeMb: MONITOR_YOUNG_MB },
    });
    worker.on('message', (message: WorkerMessage) => this.#onMessage(message));
    worker.on('error', (error) => log.error('monitor worker failed', error));
    worker.on('exit', (code) => {
      if (this.#worker !== worker) return;
      this.#worker = null;
      for (const [, p] of this.#pending) p.reject(new AppFailure('INTERNAL', 'The cluster monitor stopped; it is restarting.'));
      this.#pending.clear();
      if (this.#closed) return;
      log.warn(`monitor worker exited with ${code}; restarting`);
      setTimeout(() => { if (!this.#closed) this.#start(); }, 1_000).unref();
    });
    this.#worker = worker;
  }

  #onMessage(message: WorkerMessage) {
    if (message.kind === 'changed') {
      this.#lastSweep = message.lastSweep;
      if (message.types) {
        this.#types.clear();
        for (const [id, type] of message.types) this.#types.set(id, type as GroupType);
      }
      for (const listener of this.#listeners) listener();
      return;
    }
    const pending = this.#pending.get(message.id);
    if (!pending) return;
    this.#pending.delete(message.id);
    if (message.ok) pending.resolve(message.value);
    else {
      const code = (errorCodes as readonly string[]).includes(message.error.code) ? (message.error.code as ErrorCode) : 'INTERNAL';
      pending.reject(new AppFailure(code, message.error.message, message.error.details));
    }
  }

  #call<T>(request: Request): Promise<T> {
    const worker = this.#worker;
    if (!worker) return Promise.reject(new AppFailure('INTERNAL', 'The cluster monitor is restarting; try again in a moment.'));
    const id = ++this.#serial;
    return new Promise<T>((resolve, reject) => {
      this.#pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      worker.postMessage({ ...request, id });
    });
  }

  get lastSweep(): SweepInfo | null { return this.#lastSweep; }

  onChange(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  typeOf(groupId: string): GroupType | undefined { return this.#types.get(groupId); }

  summaries(): Promise<GroupSummary[]> { return this.#call({ method: 'summaries' }); }

  health(groupId: string, withRecordTimestamps = true): Promise<GroupHealth> {
    return this.#call({ method: 'health', groupId, withRecordTimestamps });
  }

  history(groupId: string, stuckAfterMs: number): Promise<GroupHistory> {
    return this.#call({ method: 'history', groupId, stuckAfterMs });
  }

  async observeDetail(groupId: string, state: string, groupEpoch: number | null, assignmentEpoch: number | null, members: MemberObservation[]): Promise<Map<string, number | null>> {
    return new Map(await this.#call<Array<[string, number | null]>>({ method: 'observeDetail', args: [groupId, state, groupEpoch, assignmentEpoch, members] }));
  }

  refresh(): void { void this.#call({ method: 'refresh' }).catch(() => undefined); }

  async close(): Promise<void> {
    if (this.#closed) return;
    const worker = this.#worker;
    if (!worker) {
      this.#closed = true;
      return;
    }
    // Let the worker save its history (at most 5 s), then make sure it is gone.
    const saved = this.#call({ method: 'close' }).catch(() => undefined);
    this.#closed = true;
    await Promise.race([saved, new Promise((resolve) => setTimeout(resolve, 5_000).unref())]);
    await worker.terminate();
  }
}

export const monitorWorkerBundle = (entryDir: string) => path.join(entryDir, 'monitor-worker.js');
