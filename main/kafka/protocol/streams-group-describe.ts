// StreamsGroupDescribe (API 89, v0; KIP-1071 streams groups), which @platformatic/kafka does not
// ship. Layout per Kafka's common/message/StreamsGroupDescribeResponse.json: a nullable topology of
// subtopologies, and members whose assignments are tasks (subtopology id + partitions).
import { createAPI, type Reader } from '@platformatic/kafka';
import { describeGroupsRequest, readDescribedGroups } from './group-describe-codec';

export interface StreamsTasks { subtopologyId: string; partitions: number[] }
export interface StreamsAssignment { active: StreamsTasks[]; standby: StreamsTasks[]; warmup: StreamsTasks[] }

export interface StreamsGroupDescribeResponseGroup {
  errorCode: number;
  errorMessage: string | null;
  groupId: string;
  groupState: string;
  groupEpoch: number;
  assignmentEpoch: number;
  topology: { epoch: number; subtopologies: Array<{ subtopologyId: string; sourceTopics: string[]; repartitionSourceTopics: string[] }> | null } | null;
  members: Array<{
    memberId: string;
    memberEpoch: number;
    instanceId: string | null;
    rackId: string | null;
    clientId: string;
    clientHost: string;
    topologyEpoch: number;
    processId: string;
    userEndpoint: { host: string; port: number } | null;
    assignment: StreamsAssignment;
    targetAssignment: StreamsAssignment;
    isClassic: boolean;
  }>;
  authorizedOperations: number;
}

export interface StreamsGroupDescribeResponse {
  throttleTimeMs: number;
  groups: StreamsGroupDescribeResponseGroup[];
}

// Arrays below use the reader's default: each element is followed by its tagged fields.
const readStrings = (r: Reader) => r.readArray((s) => s.readString(), true, false);
const readKeyValues = (r: Reader) => r.readArray((kv) => ({ key: kv.readString(), value: kv.readString() }));
const readTopicInfoNames = (r: Reader) => r.readArray((t) => {
  const name = t.readString();
  t.readInt32(); // partitions
  t.readInt16(); // replication factor
  readKeyValues(t); // topic configs
  return name;
});
const readTasks = (r: Reader): StreamsTasks[] => r.readArray((t) => ({ subtopologyId: t.readString(), partitions: t.readArray((p) => p.readInt32(), true, false) }));
const readTaskOffsets = (r: Reader) => r.readArray((o) => ({ subtopologyId: o.readString(), partition: o.readInt32(), offset: o.readInt64() }));

function readAssignment(r: Reader): StreamsAssignment {
  const assignment = { active: readTasks(r), standby: readTasks(r), warmup: readTasks(r) };
  r.readTaggedFields();
  return assignment;
}

function parseResponse(_correlationId: number, apiKey: number, apiVersion: number, reader: Reader): StreamsGroupDescribeResponse {
  return readDescribedGroups(reader, apiKey, apiVersion, (r) => ({
    errorCode: r.readInt16(),
    errorMessage: r.readNullableString(),
    groupId: r.readString(),
    groupState: r.readString(),
    groupEpoch: r.readInt32(),
    assignmentEpoch: r.readInt32(),
    topology: r.readNullableStruct(() => {
      const topology = {
        epoch: r.readInt32(),
        subtopologies: r.readNullableArray((s) => {
          const subtopologyId = s.readString();
          const sourceTopics = readStrings(s);
          readStrings(s); // repartition sink topics
          readTopicInfoNames(s); // state changelog topics
          const repartitionSourceTopics = readTopicInfoNames(s);
          return { subtopologyId, sourceTopics, repartitionSourceTopics };
        }),
      };
      r.readTaggedFields();
      return topology;
    }),
    members: r.readArray((m) => {
      const member = {
        memberId: m.readString(),
        memberEpoch: m.readInt32(),
        instanceId: m.readNullableString(),
        rackId: m.readNullableString(),
        clientId: m.readString(),
        clientHost: m.readString(),
        topologyEpoch: m.readInt32(),
        processId: m.readString(),
        userEndpoint: m.readNullableStruct(() => {
          const endpoint = { host: m.readString(), port: m.readUnsignedInt16() };
          m.readTaggedFields();
          return endpoint;
        }),
        clientTags: readKeyValues(m),
        taskOffsets: readTaskOffsets(m),
        taskEndOffsets: readTaskOffsets(m),
        assignment: readAssignment(m),
        targetAssignment: readAssignment(m),
        isClassic: m.readBoolean(),
      };
      m.readTaggedFields();
      const { clientTags: _tags, taskOffsets: _offsets, taskEndOffsets: _ends, ...kept } = member;
      return kept;
    }, true, false),
    authorizedOperations: r.readInt32(),
  }));
}

export const streamsGroupDescribeV0 = createAPI<[groupIds: string[], includeAuthorizedOperations: boolean], StreamsGroupDescribeResponse>(89, 0, describeGroupsRequest, parseResponse);
