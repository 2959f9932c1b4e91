// One card per pipeline: where data flows, the two consumer groups with their lag (linked to their
// group pages), the verifier's settings, and open mismatches by rung and by status.
import type { Pipeline } from '../../../../shared/replication/verification';
import { formatNumber } from '../../components/badges';
import { formatSeconds } from '../../components/format';
import { hrefFor } from '../../router';

export function PipelineCards({ pipelines }: { pipelines: Pipeline[] }) {
  return (
    <div className="pipelines">
      {pipelines.map((p) => (
        <article key={p.id} className="card pipeline" data-testid="pipeline" aria-label={`Pipeline ${p.name}`}>
          <header>
            <h2>{p.name}</h2>
            <span className="muted small">{p.source} → <span className="mono">{p.topic}</span> → {p.target}</span>
          </header>
          <div className="facts">
            <div className="fact">
              <div className="fact-label">Replicator</div>
              <a className="mono" href={hrefFor({ page: 'group', groupId: p.replicatorGroupId })} data-testid="replicator-group">{p.replicatorGroupId}</a>
              <div className="fact-value" data-testid="replicator-lag">{formatNumber(p.replicatorLag)} <span className="muted small">records behind</span></div>
            </div>
            <div className="fact">
              <div className="fact-label">Verifier ({formatSeconds(p.verifyDelayMs / 1000)} behind by design){p.verifierState === 'stopped' && <span className="badge state-bad">stopped</span>}</div>
              <a className="mono" href={hrefFor({ page: 'group', groupId: p.verifierGroupId })} data-testid="verifier-group">{p.verifierGroupId}</a>
              <div className="fact-value" data-testid="verifier-lag">{formatNumber(p.verifierLag)} <span className="muted small">records behind</span></div>
            </div>
            <div className="fact">
              <div className="fact-label">Open mismatches by rung</div>
              <div className="fact-value" data-testid="open-by-stage">
                {formatNumber(p.openByStage.retry)} <span className="muted small">auto retry</span> · {formatNumber(p.openByStage.batch)} <span className="muted small">batch</span> · {formatNumber(p.openByStage.manual)} <span className="muted small">manual</span>
              </div>
              <div className="muted small">retry after {formatSeconds(p.retryAfterMs / 1000)}, batch after {formatSeconds(p.batchAfterMs / 1000)}</div>
            </div>
            <div className="fact">
              <div className="fact-label">Open by status</div>
              <div className="fact-value" data-testid="open-by-status">
                <span title="Replication lag, not divergence">{formatNumber(p.openByStatus.pending)} <span className="muted small">pending</span></span> · {formatNumber(p.openByStatus.divergent)} <span className="muted small">divergent</span>
              </div>
            </div>
          </div>
        </article>
      ))}
    </div>
  );
}
