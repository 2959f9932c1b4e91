// DescribeShareGroupOffsets (API 90; KIP-932 share groups, v1 adds Lag per KIP-1226), which
// @platformatic/kafka does not ship. Written with the library's codec primitives; the layout
// follows Kafka's common/message/DescribeShareGroupOffsets{Request,Response}.json (flexible
// versions, compact encoding). Sent to the group's coordinator.
import { createAPI, ResponseError, Writer, type Reader } from '@platformatic/kafka';

export interface DescribeShareGroupOffsetsRequestGroup {
  groupId: string;
  /** null: every topic-partition the group has state for. */
  topics: Array<{ topicName: string; partitions: number[] }> | null;
}

export interface DescribeShareGroupOffsetsPartition {
  partitionIndex: number;
  startOffset: bigint;
  leaderEpoch: number;
  /** -1 where the broker does not know it; absent (also -1) before v1. */
  lag: bigint;
  errorCode: number;
  errorMessage: string | null;
}

export interface DescribeShareGroupOffsetsResponseGroup {
  groupId: string;
  topics: Array<{ topicName: string; topicId: string; partitions: DescribeShareGroupOffsetsPartition[] }>;
  errorCode: number;
  errorMessage: string | null;
}

export interface DescribeShareGroupOffsetsResponse {
  throttleTimeMs: number;
  groups: DescribeShareGroupOffsetsResponseGroup[];
}

function createRequest(groups: DescribeShareGroupOffsetsRequestGroup[]): Writer {
  return Writer.create()
    .appendArray(groups, (w, g) => {
      // A null topic list (compact: length 0) asks for every topic-partition.
      w.appendString(g.groupId).appendArray(g.topics, (tw, t) => {
        tw.appendString(t.topicName).appendArray(t.partitions, (pw, p) => pw.appendInt32(p), true, false);
      }, true, true);
    }, true, true)
    .appendTaggedFields();
}

function parser(version: number) {
  return (_correlationId: number, apiKey: number, apiVersion: number, reader: Reader): DescribeShareGroupOffsetsResponse => {
    const errors: Array<[string, [number, string | null]]> = [];
    const response: DescribeShareGroupOffsetsResponse = {
      throttleTimeMs: reader.readInt32(),
      groups: reader.readArray((g, gi) => {
        const groupId = g.readString();
        const topics = g.readArray((t) => {
          const topic = {
            topicName: t.readString(),
            topicId: t.readUUID(),
            partitions: t.readArray((p) => {
              const partition: DescribeShareGroupOffsetsPartition = {
                partitionIndex: p.readInt32(),
                startOffset: p.readInt64(),
                leaderEpoch: p.readInt32(),
                lag: version >= 1 ? p.readInt64() : -1n,
                errorCode: p.readInt16(),
                errorMessage: p.readNullableString(),
              };
              p.readTaggedFields();
              return partition;
            }, true, false),
          };
          t.readTaggedFields();
          return topic;
        }, true, false);
        const group = { groupId, topics, errorCode: g.readInt16(), errorMessage: g.readNullableString() };
        if (group.errorCode !== 0) errors.push([`/groups/${gi}`, [group.errorCode, group.errorMessage]]);
        g.readTaggedFields();
        return group;
      }, true, false),
    };
    reader.readTaggedFields();
    if (errors.length > 0) throw new ResponseError(apiKey, apiVersion, Object.fromEntries(errors), response);
    return response;
  };
}

export const describeShareGroupOffsetsV0 = createAPI<[groups: DescribeShareGroupOffsetsRequestGroup[]], DescribeShareGroupOffsetsResponse>(90, 0, createRequest, parser(0));
export const describeShareGroupOffsetsV1 = createAPI<[groups: DescribeShareGroupOffsetsRequestGroup[]], DescribeShareGroupOffsetsResponse>(90, 1, createRequest, parser(1));
