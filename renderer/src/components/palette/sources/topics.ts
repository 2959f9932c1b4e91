// The active cluster's topics, by name (Kafka's own topics too: an SRE looks for __consumer_offsets);
// the cleanup policy finds them as well.
import { useMemo } from 'react';
import { useTopics } from '../../../api/topics';
import { formatNumber } from '../../badges';
import { prepare } from '../match';
import { useReportItems, type FeedProps, type PaletteItem, type PaletteSource } from '../palette-source';

function TopicsFeed({ onChange }: FeedProps) {
  const topics = useTopics();
  const items = useMemo(() => (topics.data?.topics ?? []).map((t) => prepare<PaletteItem>({
    id: t.name,
    label: t.name,
    detail: `${formatNumber(t.partitions)} partition${t.partitions === 1 ? '' : 's'}${t.groupsReading ? ` · read by ${formatNumber(t.groupsReading)} group${t.groupsReading === 1 ? '' : 's'}` : ''}${t.underReplicated || t.offline ? ` · ${t.underReplicated} under-replicated, ${t.offline} offline` : ''}${t.internal ? ' · internal' : ''}`,
    route: { page: 'topic', topic: t.name },
    icon: 'topics',
  }, t.name, t.cleanupPolicy ?? '')), [topics.data]);
  useReportItems(topics, items, onChange);
  return null;
}

export const topicsSource: PaletteSource = { kind: 'topic', title: 'Topics', Feed: TopicsFeed };
