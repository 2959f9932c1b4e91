// Pieces shared by the describe codecs Sluice adds to @platformatic/kafka (ShareGroupDescribe,
// ConsumerGroupDescribe v1): the same request layout and the same assignment encoding.
import { ResponseError, Writer, type Reader } from '@platformatic/kafka';

export interface WireTopicPartitions { topicId: string; topicName: string; partitions: number[] }

/** [group_ids] include_authorized_operations TAG_BUFFER (compact encoding). */
export function describeGroupsRequest(groupIds: string[], includeAuthorizedOperations: boolean): Writer {
  return Writer.create()
    .appendArray(groupIds, (w, id) => w.appendString(id), true, false)
    .appendBoolean(includeAuthorizedOperations)
    .appendTaggedFields();
}

/** An Assignment struct: [topic_partitions] TAG_BUFFER, each topic_id topic_name [partitions] TAG_BUFFER. */
export function readAssignment(r: Reader): WireTopicPartitions[] {
  const topics = r.readArray((t) => {
    const topic = { topicId: t.readUUID(), topicName: t.readString(), partitions: t.readArray((p) => p.readInt32(), true, false) };
    t.readTaggedFields();
    return topic;
  }, true, false);
  r.readTaggedFields();
  return topics;
}

/** Reads the response's groups, collecting per-group errors the way the library's own codecs do. */
export function readDescribedGroups<G>(reader: Reader, apiKey: number, apiVersion: number, readGroup: (r: Reader) => G & { errorCode: number; errorMessage: string | null }): { throttleTimeMs: number; groups: G[] } {
  const errors: Array<[string, [number, string | null]]> = [];
  const response = {
    throttleTimeMs: reader.readInt32(),
    groups: reader.readArray((r, i) => {
      const group = readGroup(r);
      if (group.errorCode !== 0) errors.push([`/groups/${i}`, [group.errorCode, group.errorMessage]]);
      r.readTaggedFields();
      return group;
    }, true, false),
  };
  reader.readTaggedFields();
  if (errors.length > 0) throw new ResponseError(apiKey, apiVersion, Object.fromEntries(errors), response);
  return response;
}
