// ShareGroupDescribe (API 77, v1; KIP-932 share groups), which @platformatic/kafka does not ship.
// Written with the library's own codec primitives; the layout follows Kafka's
// common/message/ShareGroupDescribe{Request,Response}.json (flexible versions, compact encoding).
import { createAPI, ResponseError, Writer, type Reader } from '@platformatic/kafka';

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
    assignment: Array<{ topicId: string; topicName: string; partitions: number[] }>;
  }>;
  authorizedOperations: number;
}

export interface ShareGroupDescribeResponse {
  throttleTimeMs: number;
  groups: ShareGroupDescribeResponseGroup[];
}

function createRequest(groupIds: string[], includeAuthorizedOperations: boolean): Writer {
  return Writer.create()
    .appendArray(groupIds, (w, id) => w.appendString(id), true, false)
    .appendBoolean(includeAuthorizedOperations)
    .appendTaggedFields();
}

function parseResponse(_correlationId: number, apiKey: number, apiVersion: number, reader: Reader): ShareGroupDescribeResponse {
  const errors: Array<[string, [number, string | null]]> = [];
  const response: ShareGroupDescribeResponse = {
    throttleTimeMs: reader.readInt32(),
    groups: reader.readArray((r, i) => {
      const errorCode = r.readInt16();
      const errorMessage = r.readNullableString();
      if (errorCode !== 0) errors.push([`/groups/${i}`, [errorCode, errorMessage]]);
      const group: ShareGroupDescribeResponseGroup = {
        errorCode,
        errorMessage,
        groupId: r.readString(),
        groupState: r.readString(),
        groupEpoch: r.readInt32(),
        assignmentEpoch: r.readInt32(),
        assignorName: r.readString(),
        members: r.readArray((m) => {
          const memberId = m.readString();
          const rackId = m.readNullableString();
          const memberEpoch = m.readInt32();
          const clientId = m.readString();
          const clientHost = m.readString();
          const subscribedTopicNames = m.readArray((s) => s.readString(), true, false);
          const assignment = m.readArray((t) => {
            const topic = { topicId: t.readUUID(), topicName: t.readString(), partitions: t.readArray((p) => p.readInt32(), true, false) };
            t.readTaggedFields();
            return topic;
          }, true, false);
          m.readTaggedFields(); // end of Assignment
          m.readTaggedFields(); // end of Member
          return { memberId, rackId, memberEpoch, clientId, clientHost, subscribedTopicNames, assignment };
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

export const shareGroupDescribeV1 = createAPI<[groupIds: string[], includeAuthorizedOperations: boolean], ShareGroupDescribeResponse>(77, 1, createRequest, parseResponse);
