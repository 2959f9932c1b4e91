// ConsumerGroupDescribe v1 (API 69, KIP-1099): v0 plus each member's MemberType, which tells a
// classic-protocol member inside a KIP-848 group (an online migration in progress) from a
// consumer-protocol one. @platformatic/kafka ships only v0. Layout per Kafka's
// common/message/ConsumerGroupDescribeResponse.json.
import { createAPI, type Reader } from '@platformatic/kafka';
import { describeGroupsRequest, readAssignment, readDescribedGroups, type WireTopicPartitions } from './group-describe-codec';

type TopicPartitions = WireTopicPartitions;

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

function parseResponse(_correlationId: number, apiKey: number, apiVersion: number, reader: Reader): ConsumerGroupDescribeV1Response {
  return readDescribedGroups(reader, apiKey, apiVersion, (r) => ({
    errorCode: r.readInt16(),
    errorMessage: r.readNullableString(),
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
  }));
}

export const consumerGroupDescribeV1 = createAPI<[groupIds: string[], includeAuthorizedOperations: boolean], ConsumerGroupDescribeV1Response>(69, 1, describeGroupsRequest, parseResponse);
