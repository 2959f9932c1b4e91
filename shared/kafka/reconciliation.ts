// KIP-848 reconciliation: a member is still reconciling when its epoch is behind the group epoch
// or its current assignment differs from its target. What it must give up and take on are the
// set differences between the two assignments.
import { partitionKey as key, type Assignment, type GroupMember } from './groups';

function toKeys(assignment: Assignment): Set<string> {
  const keys = new Set<string>();
  for (const { topic, partitions } of assignment) for (const p of partitions) keys.add(key(topic, p));
  return keys;
}

/** Partitions in `from` that are not in `minus`, grouped by topic and sorted. */
export function assignmentDifference(from: Assignment, minus: Assignment): Assignment {
  const excluded = toKeys(minus);
  const byTopic = new Map<string, number[]>();
  for (const { topic, partitions } of from) {
    for (const p of partitions) {
      if (excluded.has(key(topic, p))) continue;
      const list = byTopic.get(topic) ?? [];
      list.push(p);
      byTopic.set(topic, list);
    }
  }
  return [...byTopic.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([topic, partitions]) => ({ topic, partitions: partitions.sort((a, b) => a - b) }));
}

export interface Reconciliation {
  reconciling: boolean;
  epochBehind: boolean;
  toRevoke: Assignment;
  toAssign: Assignment;
}

export function memberReconciliation(member: Pick<GroupMember, 'memberEpoch' | 'assignment' | 'targetAssignment'>, groupEpoch: number | null): Reconciliation {
  if (member.targetAssignment === null) return { reconciling: false, epochBehind: false, toRevoke: [], toAssign: [] };
  const toRevoke = assignmentDifference(member.assignment, member.targetAssignment);
  const toAssign = assignmentDifference(member.targetAssignment, member.assignment);
  const epochBehind = groupEpoch !== null && member.memberEpoch !== null && member.memberEpoch < groupEpoch;
  return { reconciling: epochBehind || toRevoke.length > 0 || toAssign.length > 0, epochBehind, toRevoke, toAssign };
}

export function partitionCount(assignment: Assignment): number {
  return assignment.reduce((n, t) => n + t.partitions.length, 0);
}

export function formatAssignment(assignment: Assignment): string {
  return assignment.map(({ topic, partitions }) => `${topic}[${partitions.join(',')}]`).join(' ');
}
