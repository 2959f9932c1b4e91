// What a Capture button keeps of the views the postmortem knows how to measure. Each keeps what the
// page shows, bounded (a group's history without its per-partition series); the postmortem reads
// impact figures (peak lag, time not Stable, mismatches) back from these shapes. Pages with views
// of their own (topics, records) capture whatever data they show, and the postmortem lists them.
import type { GroupDetail } from '../kafka/groups';
import type { GroupHealth, GroupHistory } from '../kafka/monitoring';
import type { MismatchDetail, Pipeline } from '../replication/verification';

const MAX_POINTS = 2_000;
const MAX_EVENTS = 500;

export interface GroupHistoryCapture {
  kind: 'group-history';
  groupId: string;
  state: string;
  lag: GroupHistory['lag'];
  states: GroupHistory['states'];
  events: GroupHistory['events'];
  epochs: GroupHistory['epochs'];
  timeInStateMs: GroupHistory['timeInStateMs'];
  since: number | null;
  generatedAt: number;
}

export const groupHistoryCapture = (h: GroupHistory): GroupHistoryCapture => ({
  kind: 'group-history', groupId: h.groupId, state: h.state, lag: h.lag.slice(-MAX_POINTS), states: h.states.slice(-MAX_EVENTS), events: h.events.slice(-MAX_EVENTS),
  epochs: h.epochs, timeInStateMs: h.timeInStateMs, since: h.since, generatedAt: h.generatedAt,
});

export const groupHealthCapture = (h: GroupHealth) => ({
  kind: 'group-health' as const, groupId: h.groupId, status: h.status, evaluatedAt: h.evaluatedAt, lag: h.lag, lagSeconds: h.lagSeconds.interpolated,
  consumeRate: h.consumeRate, produceRate: h.produceRate, partitions: h.partitions.slice(0, 500).map((p) => ({ topic: p.topic, partition: p.partition, status: p.status, rule: p.rule, lag: p.lag, lagSeconds: p.lagSeconds.interpolated })),
});

export const groupDetailCapture = (g: GroupDetail, at: number) => ({
  kind: 'group' as const, at, groupId: g.groupId, type: g.type, state: g.state, groupEpoch: g.groupEpoch, assignmentEpoch: g.assignmentEpoch,
  members: g.members.slice(0, 500).map((m) => ({ memberId: m.memberId, clientId: m.clientId, host: m.host, memberEpoch: m.memberEpoch })),
  lag: g.offsets.reduce<number | null>((sum, o) => (o.lag === null ? sum : (sum ?? 0) + o.lag), null),
  offsets: g.offsets.slice(0, 1_000),
});

export const pipelinesCapture = (pipelines: Pipeline[], at: number, mismatches: unknown[] = []) => ({ kind: 'pipelines' as const, at, pipelines, mismatches: mismatches.slice(0, 200) });

export const mismatchCapture = (detail: MismatchDetail, at: number) => ({ kind: 'mismatch' as const, at, ...detail });
