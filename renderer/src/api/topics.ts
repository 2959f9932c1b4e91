// Topics: the list and one topic (live, pushed by main), and the five actions, each previewed with
// dryRun first (a dry run makes nothing stale; an apply refreshes what the contract declares).
import { useContractMutation, useLiveQuery } from './query-core';

export const useTopics = () => useLiveQuery('topics.list', {});
export const useTopic = (topic: string, options: { enabled?: boolean } = {}) => useLiveQuery('topics.describe', { topic }, options);

export const useCreateTopic = () => useContractMutation('topics.create');
export const useCreatePartitions = () => useContractMutation('topics.createPartitions');
export const useAlterTopicConfigs = () => useContractMutation('topics.alterConfigs');
export const useDeleteRecords = () => useContractMutation('topics.deleteRecords');
export const useDeleteTopic = () => useContractMutation('topics.delete');
