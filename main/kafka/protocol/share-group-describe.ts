// ShareGroupDescribe (API 77, v1; KIP-932 share groups), which @platformatic/kafka does not ship.
// Written with the library's own codec primitives; the layout follows Kafka's
// common/message/ShareGroupDescribe{Request,Response}.json (flexible versions, compact encoding).
import { createAPI, type Reader } from '@platformatic/kafka';
import { describeGroupsRequest, readAssignment, readDescribedGroups, type WireTopicPartitions } from './group-describe-codec';

export interface ShareGroupDescribeResponseGroup {
  errorCode: number;
  errorMessage: string | null;
  groupId: string;
  groupState: string;
  groupEpoch: number;
  assignmentEpoch: number;
  assignorName: string;
  members: Array<{
    memberId: string;
    rackId: string | null;
    memberEpoch: number;
    clientId: string;
    clientHost: string;
    subscribedTopicNames: string[];
    assignment: WireTopicPartitions[];
  }>;
  authorizedOperations: number;
}

export interface ShareGroupDescribeResponse {
  throttleTimeMs: number;
  groups: ShareGroupDescribeResponseGroup[];
}

function parseResponse(_correlationId: number, apiKey: number, apiVersion: number, reader: Reader): ShareGroupDescribeResponse {
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
        rackId: m.readNullableString(),
        memberEpoch: m.readInt32(),
        clientId: m.readString(),
        clientHost: m.readString(),
        subscribedTopicNames: m.readArray((s) => s.readString(), true, false),
        assignment: readAssignment(m),
      };
      m.readTaggedFields();
      return member;
    }, true, false),
    authorizedOperations: r.readInt32(),
  }));
}

export const shareGroupDescribeV1 = createAPI<[groupIds: string[], includeAuthorizedOperations: boolean], ShareGroupDescribeResponse>(77, 1, describeGroupsRequest, parseResponse);
