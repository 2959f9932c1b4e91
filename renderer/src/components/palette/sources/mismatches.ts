// Replication mismatches, newest first (the first page the verifier returns, live while the palette
// is open): by id ("#17"), table and key, and by kind, status, pipeline or event position.
import { useMemo } from 'react';
import { useMismatches } from '../../../api/replication';
import type { MismatchFilter } from '../../../../../shared/replication/verification';
import { prepare } from '../match';
import { useReportItems, type FeedProps, type PaletteItem, type PaletteSource } from '../palette-source';

/** Every status: a user jumping to a mismatch may mean one already resolved. */
const everyMismatch: MismatchFilter = {};

function MismatchesFeed({ onChange }: FeedProps) {
  const { head } = useMismatches(everyMismatch);
  const items = useMemo(() => (head.data?.items ?? []).map((m) => {
    const key = Object.values(m.key).join(', ');
    const event = m.event ? `${m.event.topic} ${m.event.partition}@${m.event.offset}` : 'scan';
    return prepare<PaletteItem>({
      id: m.id,
      label: `#${m.id} ${m.table} ${key}`,
      detail: `${m.kind} · ${m.status} · ${event}`,
      route: { page: 'mismatch', mismatchId: m.id },
      icon: 'mismatch',
    }, `#${m.id} ${m.table} ${key}`, `${m.kind} ${m.status} ${m.pipelineId} ${event} ${m.columns.map((c) => c.name).join(' ')}`);
  }), [head.data]);
  useReportItems(head, items, onChange);
  return null;
}

export const mismatchesSource: PaletteSource = { kind: 'mismatch', title: 'Mismatches', Feed: MismatchesFeed };
