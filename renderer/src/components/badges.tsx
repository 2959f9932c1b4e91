import type { GroupType } from '../../../shared/kafka/groups';

const typeLabels: Record<GroupType, string> = { classic: 'Classic', consumer: 'Consumer (KIP-848)', share: 'Share', streams: 'Streams' };

export function TypeBadge({ type }: { type: GroupType }) {
  return <span className={`badge type-${type}`} data-testid="type-badge">{typeLabels[type]}</span>;
}

/** Colour follows meaning: settled, moving, empty, or gone. */
export function stateTone(state: string): 'ok' | 'moving' | 'idle' | 'bad' {
  const s = state.toLowerCase();
  if (s === 'stable') return 'ok';
  if (['reconciling', 'assigning', 'preparingrebalance', 'completingrebalance', 'preparing_rebalance', 'completing_rebalance', 'not_ready', 'notready'].includes(s)) return 'moving';
  if (s === 'empty') return 'idle';
  return 'bad';
}

export function StateBadge({ state }: { state: string }) {
  return <span className={`badge state-${stateTone(state)}`} data-testid="state-badge">{state}</span>;
}

export const formatNumber = (n: number | null | undefined) => (n === null || n === undefined ? '—' : n.toLocaleString('en-US'));
