import type { AdrStatusKind } from '../../../../shared/workspace/adr';

const tone: Record<AdrStatusKind, string> = { accepted: 'state-ok', proposed: 'state-moving', rejected: 'state-bad', deprecated: 'state-idle', superseded: 'state-idle', unknown: 'state-bad' };

export function AdrStatus({ kind, status }: { kind: AdrStatusKind; status: string }) {
  return <span className={`badge ${tone[kind]}`} data-testid="adr-status">{status || kind}</span>;
}

export const adrLabel = (number: number) => `ADR-${String(number).padStart(4, '0')}`;
