import { describe, expect, it } from 'vitest';
import { assignmentDifference, formatAssignment, memberReconciliation } from '../../../../shared/kafka/reconciliation';

describe('assignmentDifference', () => {
  it('returns the partitions of the first assignment missing from the second, sorted', () => {
    expect(assignmentDifference(
      [{ topic: 'b', partitions: [3, 1] }, { topic: 'a', partitions: [0, 2] }],
      [{ topic: 'a', partitions: [2] }],
    )).toEqual([{ topic: 'a', partitions: [0] }, { topic: 'b', partitions: [1, 3] }]);
  });
  it('drops topics that end up empty', () => {
    expect(assignmentDifference([{ topic: 'a', partitions: [1] }], [{ topic: 'a', partitions: [1] }])).toEqual([]);
  });
  it('does not confuse the same partition number on different topics', () => {
    expect(assignmentDifference([{ topic: 'a', partitions: [1] }], [{ topic: 'b', partitions: [1] }])).toEqual([{ topic: 'a', partitions: [1] }]);
  });
});

describe('memberReconciliation', () => {
  const owned = [{ topic: 't', partitions: [0, 1, 2] }];
  it('is reconciled when epochs match and current equals target', () => {
    expect(memberReconciliation({ memberEpoch: 5, assignment: owned, targetAssignment: owned }, 5)).toEqual({ reconciling: false, epochBehind: false, toRevoke: [], toAssign: [] });
  });
  it('lists partitions to revoke and to assign as set differences', () => {
    const r = memberReconciliation({ memberEpoch: 5, assignment: owned, targetAssignment: [{ topic: 't', partitions: [2, 3] }] }, 5);
    expect(r.reconciling).toBe(true);
    expect(r.toRevoke).toEqual([{ topic: 't', partitions: [0, 1] }]);
    expect(r.toAssign).toEqual([{ topic: 't', partitions: [3] }]);
  });
  it('is reconciling when the member epoch is behind the group epoch, even with equal assignments', () => {
    const r = memberReconciliation({ memberEpoch: 4, assignment: owned, targetAssignment: owned }, 5);
    expect(r).toMatchObject({ reconciling: true, epochBehind: true, toRevoke: [], toAssign: [] });
  });
  it('never flags classic members, which have no target assignment', () => {
    expect(memberReconciliation({ memberEpoch: null, assignment: owned, targetAssignment: null }, null).reconciling).toBe(false);
  });
  it('formats assignments the way people read them', () => {
    expect(formatAssignment([{ topic: 'a', partitions: [0, 1] }, { topic: 'b', partitions: [4] }])).toBe('a[0,1] b[4]');
  });
});
