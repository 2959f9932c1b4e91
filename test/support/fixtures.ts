// Groups of both protocols that consume a fixed number of records and then hold still, so tests
// and Kafka's CLI look at the same settled state.
export interface SettledGroups {
  k848: string;
  classic: string;
  noCommit: string;
}

export function settledGroupsSpec({ k848, classic, noCommit }: SettledGroups): string {
  return `
    topic name=${k848} partitions=6
    topic name=${classic} partitions=4
    topic name=${noCommit} partitions=2
    produceOnce topic=${k848} count=600
    produceOnce topic=${classic} count=400
    produceOnce topic=${noCommit} count=50
    group id=${k848} protocol=consumer topic=${k848} members=3 stopAfter=40 maxPollRecords=20
    group id=${classic} protocol=classic topic=${classic} members=2 stopAfter=30 maxPollRecords=15
    group id=${noCommit} protocol=consumer topic=${noCommit} members=1 commit=none
  `;
}
