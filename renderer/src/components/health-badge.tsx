const tones: Record<string, string> = { OK: 'ok', WARN: 'moving', ERR: 'bad', STALL: 'bad', STOP: 'bad', REWIND: 'bad' };

export function HealthBadge({ status, title }: { status: string | null; title?: string }) {
  if (status === null) return <span className="muted" title="Not evaluated yet: no committed offset observed">—</span>;
  return <span className={`badge state-${tones[status] ?? 'idle'}`} data-testid="health-badge" title={title}>{status}</span>;
}
