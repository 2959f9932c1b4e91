// What the rest of main needs from the cluster monitor, whether it runs in this thread (tests with
// a substitute Kafka port) or in a worker thread (the app); and the part of it that crosses to the
// worker, with the schemas its answers are parsed with on arrival.
import { z } from 'zod';
import { freshnessSchema, type Freshness } from '../../../shared/kafka/freshness';
import { groupListSchema, groupSummarySchema, groupTypes, type GroupSummary, type GroupType } from '../../../shared/kafka/groups';
import { groupHealthSchema, groupHistorySchema, type GroupHealth, type GroupHistory } from '../../../shared/kafka/monitoring';

export const sweepInfoSchema = z.object({ at: z.number(), durationMs: z.number(), groups: z.number(), complete: z.boolean() });
export type SweepInfo = z.infer<typeof sweepInfoSchema>;

export interface MemberObservation {
  memberId: string;
  clientId: string;
  memberEpoch: number | null;
}

/** The groups list as the monitor answers it: always with its freshness. */
export const monitoredGroupsSchema = groupListSchema.extend({ freshness: freshnessSchema });
export type MonitoredGroups = z.infer<typeof monitoredGroupsSchema>;

/** The methods that cross to the monitor's worker: every one answers asynchronously. */
export interface MonitorCalls {
  summaries(): Promise<GroupSummary[]>;
  /** The summaries with how old they are. */
  groupList(): Promise<MonitoredGroups>;
  /** How old the last complete sweep is, and whether the cluster keeps up. */
  freshness(): Promise<Freshness>;
  health(groupId: string, withRecordTimestamps?: boolean): Promise<GroupHealth>;
  history(groupId: string, stuckAfterMs: number): Promise<GroupHistory>;
  /** Lets a group page feed the history with its faster describe polling; returns each member's behind-since time. */
  observeDetail(groupId: string, state: string, groupEpoch: number | null, assignmentEpoch: number | null, members: MemberObservation[]): Promise<Map<string, number | null>>;
  refresh(): void;
  /** Sluice deleted the group: its history goes too. */
  forget(groupId: string): Promise<void>;
  /** Stops sampling and resolves once the history is saved. */
  close(): Promise<void>;
}

export interface MonitorApi extends MonitorCalls {
  readonly lastSweep: SweepInfo | null;
  /** Since when the cluster has not answered the monitor's probe (a hung broker); null while it answers. */
  readonly silentSince: number | null;
  onChange(listener: () => void): () => void;
  typeOf(groupId: string): GroupType | undefined;
}

/** What the worker tells the host after each change: the sweep, and the group types when they changed. */
export const monitorEventSchemas = {
  changed: z.object({ lastSweep: sweepInfoSchema.nullable(), silentSince: z.number().nullable(), types: z.array(z.tuple([z.string(), z.enum(groupTypes)])).nullable() }),
};
export type MonitorEvents = { [K in keyof typeof monitorEventSchemas]: z.infer<(typeof monitorEventSchemas)[K]> };

/** Worker answers are checked against the contract's own schemas before anyone uses them. */
export const monitorReplySchemas = {
  summaries: z.array(groupSummarySchema),
  groupList: monitoredGroupsSchema,
  freshness: freshnessSchema,
  health: groupHealthSchema,
  history: groupHistorySchema,
  observeDetail: z.map(z.string(), z.number().nullable()),
};
