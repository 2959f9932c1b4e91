// The topics table's view settings (UI state, not server data): filter, internal topics, sort.
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { TopicSortKey } from '../../../shared/topics/topic-filter';

interface TopicsView {
  filter: string;
  includeInternal: boolean;
  onlyUnhealthy: boolean;
  sort: { key: TopicSortKey; descending: boolean };
  setFilter(filter: string): void;
  toggleInternal(): void;
  toggleUnhealthy(): void;
  sortBy(key: TopicSortKey): void;
}

/** Numbers people look for the largest of sort descending first. */
const descendingFirst = new Set<TopicSortKey>(['partitions', 'underReplicated', 'offline', 'sizeBytes', 'produceRate', 'groupsReading']);

export const useTopicsView = create<TopicsView>()(persist((set) => ({
  filter: '',
  includeInternal: false,
  onlyUnhealthy: false,
  sort: { key: 'name', descending: false },
  setFilter: (filter) => set({ filter }),
  toggleInternal: () => set((s) => ({ includeInternal: !s.includeInternal })),
  toggleUnhealthy: () => set((s) => ({ onlyUnhealthy: !s.onlyUnhealthy })),
  sortBy: (key) => set((s) => ({ sort: { key, descending: s.sort.key === key ? !s.sort.descending : descendingFirst.has(key) } })),
}), { name: 'sluice.topics-view' }));
