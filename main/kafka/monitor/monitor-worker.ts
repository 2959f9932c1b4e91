// Worker thread entry: the cluster monitor runs here, off the thread that answers the windows, and
// with a heap limit of its own, so sweeping 10,000 groups every few seconds neither stalls IPC nor
// lets the heap grow unbounded between collections.
import { parentPort, workerData } from 'node:worker_threads';
import { AppFailure } from '../../../shared/common/result';
import type { KafkaConnectionSettings } from '../kafka-port';
import { PlatformaticKafka } from '../platformatic-kafka';
import { GroupMonitor, type MonitorOptions } from './group-monitor';

export interface WorkerStart {
  settings: KafkaConnectionSettings;
  options: MonitorOptions;
}

export type WorkerRequest =
  | { id: number; method: 'summaries' }
  | { id: number; method: 'health'; groupId: string; withRecordTimestamps: boolean }
  | { id: number; method: 'history'; groupId: string; stuckAfterMs: number }
  | { id: number; method: 'observeDetail'; args: Parameters<GroupMonitor['observeDetail']> }
  | { id: number; method: 'refresh' }
  | { id: number; method: 'close' };

export type WorkerMessage =
  | { kind: 'reply'; id: number; ok: true; value: unknown }
  | { kind: 'reply'; id: number; ok: false; error: { code: string; message: string; details?: unknown } }
  | { kind: 'changed'; lastSweep: GroupMonitor['lastSweep']; types: Array<[string, string]> | null };

const port = parentPort!;
const { settings, options } = workerData as WorkerStart;
const kafka = new PlatformaticKafka(settings);
const monitor = new GroupMonitor(kafka, options);
let sentTypesFor = 0;
let sentTypes = new Map<string, string>();

/** Group types travel only when they changed, so the host answers typeOf() without a round trip. */
function changedTypes(): Array<[string, string]> | null {
  const types = monitor.types();
  const same = types.length === sentTypes.size && types.every(([id, type]) => sentTypes.get(id) === type);
  if (same) return null;
  sentTypes = new Map(types);
  return types;
}

monitor.onChange(() => {
  const sweep = monitor.lastSweep;
  const fresh = sweep !== null && sweep.at !== sentTypesFor;
  if (fresh) sentTypesFor = sweep.at;
  port.postMessage({ kind: 'changed', lastSweep: sweep, types: fresh ? changedTypes() : null } satisfies WorkerMessage);
});

async function answer(request: WorkerRequest): Promise<unknown> {
  switch (request.method) {
    case 'summaries': return monitor.summaries();
    case 'health': return monitor.health(request.groupId, request.withRecordTimestamps);
    case 'history': return monitor.history(request.groupId, request.stuckAfterMs);
    case 'observeDetail': return [...(await monitor.observeDetail(...request.args))];
    case 'refresh': return monitor.refresh();
    case 'close':
      await monitor.close();
      await kafka.close();
      return null;
  }
}

port.on('message', (request: WorkerRequest) => {
  answer(request).then(
    (value) => port.postMessage({ kind: 'reply', id: request.id, ok: true, value } satisfies WorkerMessage),
    (error: unknown) => {
      const failure = error instanceof AppFailure ? error : null;
      port.postMessage({ kind: 'reply', id: request.id, ok: false, error: {
        code: failure?.code ?? 'INTERNAL',
        message: error instanceof Error ? error.message : String(error),
        ...(failure?.details === undefined ? {} : { details: failure.details }),
      } } satisfies WorkerMessage);
    },
  );
});
