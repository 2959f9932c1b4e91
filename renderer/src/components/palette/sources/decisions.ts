// The open workspace's decision records (ADRs), by title, number ("adr-0003", "3") or status.
import { useMemo } from 'react';
import { useWorkspaceState } from '../../../api/workspace';
import { adrLabel } from '../../../pages/decisions/adr-status';
import { prepare } from '../match';
import { useReportItems, type FeedProps, type PaletteItem, type PaletteSource } from '../palette-source';

function DecisionsFeed({ onChange }: FeedProps) {
  const state = useWorkspaceState();
  const items = useMemo(() => (state.data?.workspace?.adrs ?? []).map((adr) => prepare<PaletteItem>({
    id: String(adr.number),
    label: adr.title,
    detail: `${adrLabel(adr.number)} · ${adr.status}`,
    route: { page: 'decision', number: adr.number },
    icon: 'decisions',
  }, adr.title, `${adrLabel(adr.number)} adr ${adr.number} ${adr.status}`)), [state.data]);
  useReportItems(state, items, onChange);
  return null;
}

export const decisionsSource: PaletteSource = { kind: 'decision', title: 'Decisions', Feed: DecisionsFeed };
