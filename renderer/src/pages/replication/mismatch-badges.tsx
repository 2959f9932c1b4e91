// Badges for a mismatch's kind, rung of the recovery ladder, and status; colour follows meaning.
import type { Mismatch } from '../../../../shared/replication/verification';

const kindLabels: Record<Mismatch['kind'], string> = { missing: 'Missing in target', extra: 'Extra in target', differs: 'Values differ' };
const stageLabels: Record<Mismatch['stage'], string> = { retry: 'Auto retry', batch: 'Long-term batch', manual: 'Manual' };
const statusTone: Record<Mismatch['status'], string> = { pending: 'state-moving', divergent: 'state-bad', resolved: 'state-ok' };
const statusTitles: Record<Mismatch['status'], string> = {
  pending: 'Its event lies beyond the replicator’s committed offset: replication lag, not divergence',
  divergent: 'The replicator has applied its event, yet source and target differ',
  resolved: 'Source and target agree',
};

export const KindBadge = ({ kind }: { kind: Mismatch['kind'] }) => <span className="badge state-idle" data-testid="kind-badge">{kindLabels[kind]}</span>;
export const StageBadge = ({ stage }: { stage: Mismatch['stage'] }) => <span className={`badge ${stage === 'manual' ? 'state-bad' : 'state-idle'}`} data-testid="stage-badge">{stageLabels[stage]}</span>;
export const StatusBadge = ({ status }: { status: Mismatch['status'] }) => (
  <span className={`badge ${statusTone[status]}`} title={statusTitles[status]} data-testid="status-badge">{status}</span>
);

export const keyText = (key: Record<string, string>) => Object.entries(key).map(([column, value]) => `${column}=${value}`).join(', ');
export const stageLabel = (stage: Mismatch['stage']) => stageLabels[stage];
export const kindLabel = (kind: Mismatch['kind']) => kindLabels[kind];
