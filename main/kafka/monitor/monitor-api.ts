// What the rest of main needs from the cluster monitor, whether it runs in this thread (tests with
// a substitute Kafka port) or in a worker thread (the app).
import type { GroupSummary, GroupType } from '../../../shared/kafka/groups';
import type { GroupHealth, GroupHistory } from '../../../shared/kafka/monitoring';

export interface SweepInfo {
  at: number;
  durationMs: number;
  groups: number;
  complete: boolean;
}

export interface MemberObservation {
  memberId: string;
  clientId: string;
  memberEpoch: number | null;
}

export interface MonitorApi {
  readonly lastSweep: SweepInfo | null;
  onChange(listener: () => void): () => void;
  typeOf(groupId: string): GroupType | undefined;
  summaries(): Promise<GroupSummary[]>;
  health(groupId: string, withRecordTimestamps?: boolean): Promise<GroupHealth>;
  history(groupId: string, stuckAfterMs: number): Promise<GroupHistory>;
  /** Lets a group page feed the history with its faster describe polling; returns each member's behind-since time. */
  observeDetail(groupId: string, state: string, groupEpoch: number | null, assignmentEpoch: number | null, members: MemberObservation[]): Promise<Map<string, number | null>>;
  refresh(): void;
  /** Stops sampling and resolves once the history is saved. */
  close(): Promise<void>;
}
