// ListOffsets to one partition leader, as every part of Sluice asks it: without a current leader
// epoch (-1), as Kafka's own group coordinator asks for log ends (NetworkPartitionMetadataClient).
// Sent with the epoch from metadata, a broker that has just restarted refuses it with
// UNKNOWN_LEADER_EPOCH ("newer than the epoch on the broker") for seconds after it can answer: the
// restart soak lost the first sweep after every restart to it. A lag or size reading needs no fencing.
import { type Connection, listOffsetsV9 } from '@platformatic/kafka';

export type LogOffsetsAnswer = Awaited<ReturnType<typeof listOffsetsV9.api.async>>;

/** The offsets at `timestamp` (-1 latest, -2 earliest, or a time) of these partitions, all led by the connection's broker. */
export function askLogOffsets(connection: Connection, topics: ReadonlyArray<{ name: string; partitions: readonly number[] }>, timestamp: bigint): Promise<LogOffsetsAnswer> {
  const request = topics.map((t) => ({ name: t.name, partitions: t.partitions.map((partitionIndex) => ({ partitionIndex, currentLeaderEpoch: -1, timestamp })) }));
  return listOffsetsV9.api.async(connection, -1, 0, request);
}
