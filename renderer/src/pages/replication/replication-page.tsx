// Replication: the pipelines (replicator and verifier groups, their lag, open mismatches by rung and
// status) and the mismatches the verifier raised, filtered, with bulk reconcile.
import { mismatchKinds, mismatchStatusFilters, recoveryStages, replicatedTables, type MismatchFilter } from '../../../../shared/replication/verification';
import { useMismatches, usePipelines } from '../../api/replication';
import { formatNumber } from '../../components/badges';
import { ErrorView, Loading, StaleBanner } from '../../components/state-views';
import { useUiStore } from '../../stores/ui-store';
import { DecisionLinks } from '../../components/decision-links';
import { CaptureButton } from '../../components/capture-button';
import { pipelinesCapture } from '../../../../shared/triage/captures';
import { BulkReconcile } from './bulk-reconcile';
import { kindLabel, stageLabel } from './mismatch-badges';
import { MismatchList } from './mismatch-list';
import { PipelineCards } from './pipeline-cards';

function Choice<T extends string>({ label, value, options, render, onChange }: { label: string; value: T | undefined; options: readonly T[]; render?: (v: T) => string; onChange: (v: T | undefined) => void }) {
  return (
    <label className="inline-field">{label}
      <select aria-label={label} value={value ?? ''} onChange={(e) => onChange((e.target.value || undefined) as T | undefined)}>
        <option value="">any</option>
        {options.map((o) => <option key={o} value={o}>{render ? render(o) : o}</option>)}
      </select>
    </label>
  );
}

export function ReplicationPage() {
  const pipelines = usePipelines();
  const { mismatchFilter: filter, setMismatchFilter } = useUiStore();
  // The first page is live; older pages load on demand; a new filter starts the list over.
  const mismatches = useMismatches(filter);
  const firstPage = mismatches.head;
  const rows = mismatches.items;
  const set = (change: Partial<MismatchFilter>) => setMismatchFilter({ ...filter, ...change });
  const pipeline = pipelines.data?.items.find((p) => !filter.pipelineId || p.id === filter.pipelineId);
  const openCount = pipeline && !filter.table && !filter.kind ? (filter.stage ? pipeline.openByStage[filter.stage] : pipeline.openByStage.retry + pipeline.openByStage.batch + pipeline.openByStage.manual) : null;

  return (
    <section className="page">
      <header className="page-header">
        <h1>Replication</h1>
        {pipelines.data && <CaptureButton view="pipelines" title="Replication pipelines and mismatches" data={() => pipelinesCapture(pipelines.data!.items, Date.now(), rows)} />}
        <DecisionLinks links={[...replicatedTables.map((name) => ({ kind: 'tables' as const, name })), ...(pipelines.data?.items ?? []).flatMap((p) => [{ kind: 'groups' as const, name: p.replicatorGroupId }, { kind: 'groups' as const, name: p.verifierGroupId }, { kind: 'topics' as const, name: p.topic }])]} />
      </header>
      <StaleBanner error={pipelines.data ? pipelines.error : null} />
      {pipelines.isPending && !pipelines.isError && <Loading what="pipelines" />}
      {pipelines.isError && !pipelines.data && <ErrorView error={pipelines.error} />}
      {pipelines.data && <PipelineCards pipelines={pipelines.data.items} />}
      {pipelines.data && (
        <>
          <div className="toolbar mismatch-toolbar">
            <h2>Mismatches</h2>
            {pipelines.data.items.length > 1 && <Choice label="Pipeline" value={filter.pipelineId} options={pipelines.data.items.map((p) => p.id)} onChange={(pipelineId) => set({ pipelineId })} />}
            <Choice label="Table" value={filter.table} options={replicatedTables} onChange={(table) => set({ table })} />
            <Choice label="Kind" value={filter.kind} options={mismatchKinds} render={kindLabel} onChange={(kind) => set({ kind })} />
            <Choice label="Rung" value={filter.stage} options={recoveryStages} render={stageLabel} onChange={(stage) => set({ stage })} />
            <Choice label="Status" value={filter.status} options={mismatchStatusFilters} onChange={(status) => set({ status })} />
            <span className="muted count" data-testid="mismatch-count">{firstPage.data ? `${formatNumber(rows.length)}${mismatches.hasMore ? '+' : ''} shown` : ''}</span>
            <span className="spacer" />
            <BulkReconcile filter={filter} openCount={openCount} />
          </div>
          <StaleBanner error={firstPage.data ? firstPage.error ?? mismatches.olderError : mismatches.olderError} />
          {firstPage.isPending && !firstPage.isError && <Loading what="mismatches" />}
          {firstPage.isError && !firstPage.data && <ErrorView error={firstPage.error} />}
          {firstPage.data && <MismatchList rows={rows} more={mismatches.hasMore} loadingMore={mismatches.loadingMore} onLoadMore={mismatches.loadMore} />}
        </>
      )}
    </section>
  );
}
