// ConsumerGroupDescribe v1 (API 69, KIP-1099): v0 plus each member's MemberType, which tells a
// classic-protocol member inside a KIP-848 group (an online migration in progress) from a
// consumer-protocol one. @platformatic/kafka ships only v0. Layout per Kafka's
// common/message/ConsumerGroupDescribeResponse.json.
import { createAPI, ResponseError, Writer, type Reader } from '@platformatic/kafka';

interface TopicPartitions { topicId: string; topicName: string; partitions: number[] }

export interface ConsumerGroupDescribeV1Group {
  errorCode: number;
  errorMessage: string | null;
  groupId: string;
  groupState: string;
  groupEpoch: number;
  assignmentEpoch: number;
  assignorName: string;
  members: Array<{
    memberId: string;
    instanceId: string | null;
    rackId: string | null;
    memberEpoch: number;
    clientId: string;
    clientHost: string;
    subscribedTopicNames: string[];
    subscribedTopicRegex: string | null;
    assignment: TopicPartitions[];
    targetAssignment: TopicPartitions[];
    /** -1 unknown, 0 classic protocol, 1 consumer protocol. */
    memberType: number;
  }>;
  authorizedOperations: number;
}

export interface ConsumerGroupDescribeV1Response {
  throttleTimeMs: number;
  groups: ConsumerGroupDescribeV1Group[];
}

function createRequest(groupIds: string[], includeAuthorizedOperations: boolean): Writer {
  return Writer.create()
    .appendArray(groupIds, (w, id) => w.appendString(id), true, false)
    .appendBoolean(includeAuthorizedOperations)
    .appendTaggedFields();
}

function readAssignment(r: Reader): TopicPartitions[] {
  const topics = r.readArray((t) => {
    const topic = { topicId: t.readUUID(), topicName: t.readString(), partitions: t.readArray((p) => p.readInt32(), true, false) };
    t.readTaggedFields();
    return topic;
  }, true, false);
  r.readTaggedFields();
  return topics;
}

function parseResponse(_correlationId: number, apiKey: number, apiVersion: number, reader: Reader): ConsumerGroupDescribeV1Response {
  const errors: Array<[string, [number, string | null]]> = [];
  const response: ConsumerGroupDescribeV1Response = {
    throttleTimeMs: reader.readInt32(),
    groups: reader.readArray((r, i) => {
      const errorCode = r.readInt16();
      const errorMessage = r.readNullableString();
      if (errorCode !== 0) errors.push([`/groups/${i}`, [errorCode, errorMessage]]);
      const group: ConsumerGroupDescribeV1Group = {
        errorCode, errorMessage,
        groupId: r.readString(),
        groupState: r.readString(),
        groupEpoch: r.readInt32(),
        assignmentEpoch: r.readInt32(),
        assignorName: r.readString(),
        members: r.readArray((m) => {
          const member = {
            memberId: m.readString(),
            instanceId: m.readNullableString(),
            rackId: m.readNullableString(),
            memberEpoch: m.readInt32(),
            clientId: m.readString(),
            clientHost: m.readString(),
            subscribedTopicNames: m.readArray((s) => s.readString(), true, false),
            subscribedTopicRegex: m.readNullableString(),
            assignment: readAssignment(m),
            targetAssignment: readAssignment(m),
            memberType: m.readInt8(),
          };
          m.readTaggedFields();
          return member;
        }, true, false),
        authorizedOperations: r.readInt32(),
      };
      r.readTaggedFields();
      return group;
    }, true, false),
  };
  reader.readTaggedFields();
  if (errors.length > 0) throw new ResponseError(apiKey, apiVersion, Object.fromEntries(errors), response);
  return response;
}

export const consumerGroupDescribeV1 = createAPI<[groupIds: string[], includeAuthorizedOperations: boolean], ConsumerGroupDescribeV1Response>(69, 1, createRequest, parseResponse);
