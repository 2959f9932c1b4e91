// Topics: the list (live, 10,000+ rows), one topic (live), and five actions, each previewed by a
// dry run first with the equivalent Kafka command, confirmed on production profiles and audited.
import { z } from 'zod';
import { method, noInput } from '../common/contract-method';
import { alterConfigsResultSchema } from '../kafka/configs';
import {
  alterTopicConfigsInputSchema, createPartitionsInputSchema, createPartitionsResultSchema, createTopicInputSchema,
  createTopicResultSchema, deleteRecordsInputSchema, deleteRecordsResultSchema, deleteTopicInputSchema, deleteTopicResultSchema,
} from './topic-actions';
import { topicDetailSchema, topicListSchema, topicNameSchema } from './topics';

/** What any topic change makes stale: the lists and counts that show topics; the audit log gained a record. */
const topicReaders = ['topics.list', 'topics.describe', 'cluster.describe', 'brokers.list', 'audit.list'] as const;
/** Records gone, or a topic gone, change the lag of the groups that read it. */
const groupLag = ['groups.list', 'groups.describe', 'groups.health'] as const;

export const topicsContract = {
  'topics.list': method({ input: noInput, output: topicListSchema, live: 10_000 }),
  'topics.describe': method({ input: z.object({ topic: topicNameSchema }).strict(), output: topicDetailSchema, live: 5_000 }),
  'topics.create': method({ input: createTopicInputSchema, output: createTopicResultSchema, invalidates: topicReaders }),
  'topics.createPartitions': method({ input: createPartitionsInputSchema, output: createPartitionsResultSchema, invalidates: [...topicReaders, ...groupLag] }),
  'topics.alterConfigs': method({ input: alterTopicConfigsInputSchema, output: alterConfigsResultSchema, invalidates: topicReaders }),
  'topics.deleteRecords': method({ input: deleteRecordsInputSchema, output: deleteRecordsResultSchema, invalidates: [...topicReaders, ...groupLag] }),
  'topics.delete': method({ input: deleteTopicInputSchema, output: deleteTopicResultSchema, invalidates: [...topicReaders, ...groupLag] }),
};
