// A stand-in for the monitor worker (main/kafka/monitor/monitor-worker.ts) for unit tests of the
// host: the same channel and interface, with answers made up in memory. Its summaries name how many
// times they were asked for, so a test can see what crossed the thread boundary.
import { workerData, type MessagePort } from 'node:worker_threads';
import { exposeOverPort } from '../../main/platform/proxy-channel';
import type { MonitorCalls, MonitorEvents } from '../../main/kafka/monitor/monitor-api';
import { AppFailure } from '../../shared/common/result';

const { port } = workerData as { port: MessagePort };
let asked = 0;
const summary = (groupId: string) => ({ groupId, type: 'classic' as const, state: 'Stable', members: 1, coordinator: null, totalLag: 0, health: null, lagSeconds: null, lagSecondsAtLeast: false, missingSince: null });

const calls: MonitorCalls = {
  summaries: async () => [summary(`asked-${++asked}`)],
  groupList: async () => ({ groups: [summary(`asked-${++asked}`)], freshness: { asOf: 1, status: 'current', reason: null } }),
  freshness: async () => ({ asOf: 1, status: 'current', reason: null }),
  health: async (groupId) => { throw new AppFailure('NOT_FOUND', `No group "${groupId}".`, { groupId }); },
  // Breaks the contract on purpose: the host must refuse it.
  history: async () => ({ groupId: 'g', type: 'classic' }) as never,
  observeDetail: async (_groupId, _state, _groupEpoch, _assignmentEpoch, members) => new Map(members.map((m) => [m.memberId, null])),
  refresh: () => {
    exposed.emit('changed', { lastSweep: { at: 2, durationMs: 1, groups: 1, complete: true }, silentSince: null, types: [['asked', 'classic']] });
  },
  forget: async () => { process.exit(3); },
  close: async () => undefined,
};
const exposed = exposeOverPort<MonitorCalls, MonitorEvents>(port, calls);
