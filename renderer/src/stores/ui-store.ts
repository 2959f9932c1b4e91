// UI state only (view settings, not server data): zustand, persisted per user.
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { GroupType } from '../../../shared/kafka/groups';

import type { GroupSortKey } from '../../../shared/kafka/group-filter';
import type { MismatchFilter } from '../../../shared/replication/verification';

interface UiState {
  groupFilter: string;
  groupTypes: GroupType[];
  sort: { key: GroupSortKey; descending: boolean };
  setGroupFilter(filter: string): void;
  toggleGroupType(type: GroupType): void;
  sortBy(key: GroupSortKey): void;
  mismatchFilter: MismatchFilter;
  setMismatchFilter(filter: MismatchFilter): void;
  /** The sidebar shows icons only, leaving the page more room; remembered across restarts. */
  sidebarCollapsed: boolean;
  toggleSidebar(): void;
}

export const useUiStore = create<UiState>()(persist((set) => ({
  groupFilter: '',
  groupTypes: [],
  sort: { key: 'groupId', descending: false },
  setGroupFilter: (groupFilter) => set({ groupFilter }),
  toggleGroupType: (type) => set((s) => ({ groupTypes: s.groupTypes.includes(type) ? s.groupTypes.filter((t) => t !== type) : [...s.groupTypes, type] })),
  mismatchFilter: { status: 'open' },
  setMismatchFilter: (mismatchFilter) => set({ mismatchFilter }),
  sortBy: (key) => set((s) => ({ sort: { key, descending: s.sort.key === key ? !s.sort.descending : key === 'totalLag' } })),
  sidebarCollapsed: false,
  toggleSidebar: () => set((s) => ({ sidebarCollapsed: !s.sidebarCollapsed })),
}), { name: 'sluice.ui' }));

interface PaletteState {
  paletteOpen: boolean;
  openPalette(): void;
  closePalette(): void;
  togglePalette(): void;
}

/** Whether the command palette is open: shared by its shortcut, its button and itself; never persisted. */
export const usePaletteStore = create<PaletteState>()((set) => ({
  paletteOpen: false,
  openPalette: () => set({ paletteOpen: true }),
  closePalette: () => set({ paletteOpen: false }),
  togglePalette: () => set((s) => ({ paletteOpen: !s.paletteOpen })),
}));
