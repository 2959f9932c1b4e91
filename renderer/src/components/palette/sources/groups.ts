// The active cluster's consumer groups (all four types), by group id; state and type find them too.
import { useMemo } from 'react';
import { useGroups } from '../../../api/kafka';
import { formatNumber } from '../../badges';
import { prepare } from '../match';
import { useReportItems, type FeedProps, type PaletteItem, type PaletteSource } from '../palette-source';

const typeNames = { consumer: 'Consumer (KIP-848)', classic: 'Classic', share: 'Share', streams: 'Streams' } as const;

function GroupsFeed({ onChange }: FeedProps) {
  const groups = useGroups();
  const items = useMemo(() => (groups.data?.groups ?? []).map((g) => prepare<PaletteItem>({
    id: g.groupId,
    label: g.groupId,
    detail: `${typeNames[g.type]} · ${g.state}${g.totalLag === null ? '' : ` · lag ${formatNumber(g.totalLag)}`}`,
    route: { page: 'group', groupId: g.groupId },
    icon: 'groups',
  }, g.groupId, `${g.state} ${g.type}`)), [groups.data]);
  useReportItems(groups, items, onChange);
  return null;
}

export const groupsSource: PaletteSource = { kind: 'group', title: 'Consumer groups', Feed: GroupsFeed };
