// Replication: the pipelines (replicator and verifier groups, their lag, open mismatches by rung and
// status) and the mismatches the verifier raised, filtered, with bulk reconcile.
import { useEffect, useMemo, useState } from 'react';
import { mismatchKinds, mismatchStatusFilters, recoveryStages, replicatedTables, type Mismatch, type MismatchFilter } from '../../../../shared/replication/verification';
import { useCall, useLive, type CallError } from '../../api/hooks';
import { formatNumber } from '../../components/badges';
import { ErrorView, Loading, StaleBanner } from '../../components/state-views';
import { useUiStore } from '../../stores/ui-store';
import { DecisionLinks } from '../../components/decision-links';
import { BulkReconcile } from './bulk-reconcile';
import { kindLabel, stageLabel } from './mismatch-badges';
import { MismatchList } from './mismatch-list';
import { PipelineCards } from './pipeline-cards';

const PAGE = 1000;

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
  const pipelines = useLive('replication.pipelines', {});
  const { mismatchFilter: filter, setMismatchFilter } = useUiStore();
  const firstPage = useLive('replication.mismatches', { ...filter, limit: PAGE });
  const fetchPage = useCall('replication.mismatches');
  const [older, setOlder] = useState<{ items: Mismatch[]; cursor: string | null; error: CallError | null; loading: boolean }>({ items: [], cursor: null, error: null, loading: false });
  const filterKey = JSON.stringify(filter);
  // A new filter starts the list over.
  useEffect(() => setOlder({ items: [], cursor: null, error: null, loading: false }), [filterKey]);

  const rows = useMemo(() => {
    const seen = new Set((firstPage.data?.items ?? []).map((m) => m.id));
    return [...(firstPage.data?.items ?? []), ...older.items.filter((m) => !seen.has(m.id))];
  }, [firstPage.data, older.items]);
  const nextCursor = older.cursor ?? (older.items.length === 0 ? firstPage.data?.nextCursor ?? null : null);
  const loadMore = () => {
    if (!nextCursor) return;
    setOlder((o) => ({ ...o, loading: true }));
    fetchPage({ ...filter, limit: PAGE, cursor: nextCursor })
      .then((page) => setOlder((o) => ({ items: [...o.items, ...page.items], cursor: page.nextCursor, error: null, loading: false })))
      .catch((error: CallError) => setOlder((o) => ({ ...o, error, loading: false })));
  };
  const set = (change: Partial<MismatchFilter>) => setMismatchFilter({ ...filter, ...change });
  const pipeline = pipelines.data?.items.find((p) => !filter.pipelineId || p.id === filter.pipelineId);
  const openCount = pipeline && !filter.table && !filter.kind ? (filter.stage ? pipeline.openByStage[filter.stage] : pipeline.openByStage.retry + pipeline.openByStage.batch + pipeline.openByStage.manual) : null;

  return (
    <section className="page">
      <header className="page-header">
        <h1>Replication</h1>
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
            <span className="muted count" data-testid="mismatch-count">{firstPage.data ? `${formatNumber(rows.length)}${nextCursor ? '+' : ''} shown` : ''}</span>
            <span className="spacer" />
            <BulkReconcile filter={filter} openCount={openCount} />
          </div>
          <StaleBanner error={firstPage.data ? firstPage.error : older.error} />
          {firstPage.isPending && !firstPage.isError && <Loading what="mismatches" />}
          {firstPage.isError && !firstPage.data && <ErrorView error={firstPage.error} />}
          {firstPage.data && <MismatchList rows={rows} more={nextCursor !== null} loadingMore={older.loading} onLoadMore={loadMore} />}
        </>
      )}
    </section>
  );
}
