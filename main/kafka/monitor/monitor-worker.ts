// Worker thread entry: the cluster monitor runs here, off the thread that answers the windows, and
// with a heap limit of its own, so sweeping 10,000 groups every few seconds neither stalls IPC nor
// lets the heap grow unbounded between collections. It answers the host over the MessagePort the
// host handed over (main/platform/proxy-channel.ts), with the MonitorCalls interface.
import { workerData, type MessagePort } from 'node:worker_threads';
import { exposeOverPort } from '../../platform/proxy-channel';
import type { KafkaConnectionSettings } from '../kafka-port';
import { PlatformaticKafka } from '../platformatic-kafka';
import { GroupMonitor, type MonitorOptions } from './group-monitor';
import type { MonitorCalls, MonitorEvents } from './monitor-api';

export interface WorkerStart {
  settings: KafkaConnectionSettings;
  options: MonitorOptions;
  port: MessagePort;
}

const { settings, options, port } = workerData as WorkerStart;
const kafka = new PlatformaticKafka(settings);
const monitor = new GroupMonitor(kafka, options);

const calls: MonitorCalls = {
  summaries: () => monitor.summaries(),
  groupList: () => monitor.groupList(),
  freshness: () => monitor.freshness(),
  health: (groupId, withRecordTimestamps) => monitor.health(groupId, withRecordTimestamps),
  history: (groupId, stuckAfterMs) => monitor.history(groupId, stuckAfterMs),
  observeDetail: (...args) => monitor.observeDetail(...args),
  refresh: () => monitor.refresh(),
  forget: (groupId) => monitor.forget(groupId),
  close: async () => {
    await monitor.close();
    await kafka.close();
  },
};
const exposed = exposeOverPort<MonitorCalls, MonitorEvents>(port, calls);

let sentTypesFor = 0;
let sentTypes = new Map<string, string>();

/** Group types travel only when they changed, so the host answers typeOf() without a round trip. */
function changedTypes(): MonitorEvents['changed']['types'] {
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
  exposed.emit('changed', { lastSweep: sweep, silentSince: monitor.silentSince, types: fresh ? changedTypes() : null });
});
