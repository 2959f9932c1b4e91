// Every topic of the active cluster: a virtualized table (10,000+ rows scroll like 10) with
// partitions, replication, under-replicated and offline partitions, size on disk, produce rate,
// retention, cleanup policy and the number of groups reading it; filter and sort; Kafka's own
// topics hidden unless asked. Updates arrive by push from main.
import { memo, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { filterAndSortTopics, type TopicSortKey } from '../../../../shared/topics/topic-filter';
import type { TopicSummary } from '../../../../shared/topics/topics';
import { useTopics } from '../../api/topics';
import { formatNumber } from '../../components/badges';
import { formatRate } from '../../components/format';
import { useVirtualRows } from '../../components/use-virtual-rows';
import { Empty, ErrorView, Loading, StaleBanner } from '../../components/state-views';
import { hrefFor, navigate } from '../../router';
import { useTopicsView } from '../../stores/topics-view';
import { CreateTopicDialog } from './create-topic-dialog';
import { formatBytes, formatRetention } from './topic-format';
import './topics.css';

const columns: Array<{ key: TopicSortKey; label: string; numeric?: boolean; title?: string }> = [
  { key: 'name', label: 'Topic' },
  { key: 'partitions', label: 'Partitions', numeric: true },
  { key: 'replicationFactor', label: 'RF', numeric: true, title: 'Replication factor' },
  { key: 'underReplicated', label: 'Under-repl.', numeric: true, title: 'Partitions with fewer in-sync replicas than replicas' },
  { key: 'offline', label: 'Offline', numeric: true, title: 'Partitions with no leader' },
  { key: 'sizeBytes', label: 'Size', numeric: true, title: 'On disk, every replica (DescribeLogDirs)' },
  { key: 'produceRate', label: 'Produce', numeric: true, title: 'Records per second, from log-end offsets sampled every 10 s over the last minute' },
  { key: 'retentionMs', label: 'Retention', numeric: true, title: 'retention.ms' },
  { key: 'cleanupPolicy', label: 'Cleanup', title: 'cleanup.policy' },
  { key: 'groupsReading', label: 'Groups', numeric: true, title: 'Groups with committed offsets on it (share groups: subscribed)' },
];
const ROW_HEIGHT = 36;

const TopicRow = memo(function TopicRow({ t, top }: { t: TopicSummary; top: number }) {
  const unhealthy = t.underReplicated > 0 || t.offline > 0;
  return (
    <a role="row" className={`tr topics-grid topic-row ${unhealthy ? 'unhealthy' : ''}`} href={hrefFor({ page: 'topic', topic: t.name })} data-testid="topic-row" data-topic={t.name}
      style={{ transform: `translateY(${top}px)` }}>
      <span role="cell" className="mono ellipsis" title={t.name}>{t.name}{t.internal && <span className="badge topic-internal" title="One of Kafka's own topics">internal</span>}</span>
      <span role="cell" className="num" data-testid="partitions">{formatNumber(t.partitions)}</span>
      <span role="cell" className="num">{t.replicationFactor}</span>
      <span role="cell" className={`num ${t.underReplicated ? 'error-text' : ''}`} data-testid="under-replicated">{formatNumber(t.underReplicated)}</span>
      <span role="cell" className={`num ${t.offline ? 'error-text' : ''}`} data-testid="offline">{formatNumber(t.offline)}</span>
      <span role="cell" className="num" data-testid="size">{formatBytes(t.sizeBytes)}</span>
      <span role="cell" className="num" data-testid="produce-rate">{t.produceRate === null ? <span className="muted" title="Measuring: a rate needs two samples">…</span> : formatRate(t.produceRate)}</span>
      <span role="cell" className="num">{formatRetention(t.retentionMs)}</span>
      <span role="cell" className="ellipsis">{t.cleanupPolicy ?? '—'}</span>
      <span role="cell" className="num" data-testid="groups-reading">{formatNumber(t.groupsReading)}</span>
    </a>
  );
});

function TopicRows({ rows }: { rows: TopicSummary[] }) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtual = useVirtualRows({ count: rows.length, scroller, rowHeight: ROW_HEIGHT, overscan: 8 });
  return (
    <div className="tbody" ref={scroller} data-testid="topics-scroller">
      {rows.length === 0 && <Empty title="No topic matches the filter." />}
      <div style={{ height: virtual.totalSize, position: 'relative' }}>
        {virtual.items.map((item) => <TopicRow key={rows[item.index]!.name} t={rows[item.index]!} top={item.start} />)}
      </div>
    </div>
  );
}

export function TopicsPage() {
  const topics = useTopics();
  const view = useTopicsView();
  const [creating, setCreating] = useState(false);
  const deferredFilter = useDeferredValue(view.filter);
  const rows = useMemo(
    () => filterAndSortTopics(topics.data?.topics ?? [], { text: deferredFilter, includeInternal: view.includeInternal, onlyUnhealthy: view.onlyUnhealthy, sort: view.sort }),
    [topics.data, deferredFilter, view.includeInternal, view.onlyUnhealthy, view.sort],
  );
  const filterInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    // Marks the frame after the table committed (see `npm run bench -- --only=topics`).
    const frame = requestAnimationFrame(() => performance.mark('sluice:topics-painted'));
    return () => cancelAnimationFrame(frame);
  }, [rows]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === '/' && document.activeElement?.tagName !== 'INPUT') {
        e.preventDefault();
        filterInput.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const all = topics.data?.topics ?? [];
  const visibleTotal = view.includeInternal ? all.length : all.filter((t) => !t.internal).length;
  const unhealthy = all.filter((t) => t.underReplicated > 0 || t.offline > 0).length;
  return (
    <section className="page">
      <header className="page-header">
        <h1>Topics</h1>
        <div className="toolbar">
          <input ref={filterInput} className="filter" type="search" placeholder="Filter topics  ( / )" aria-label="Filter topics" value={view.filter}
            onChange={(e) => view.setFilter(e.target.value)}
            onKeyDown={(e) => { if (e.key === 'Enter' && rows[0]) navigate({ page: 'topic', topic: rows[0].name }); }} />
          <label className="inline-field small"><input type="checkbox" checked={view.includeInternal} onChange={view.toggleInternal} data-testid="show-internal" /> Kafka&apos;s own topics</label>
          <button type="button" className={`chip ${view.onlyUnhealthy ? 'on' : ''}`} aria-pressed={view.onlyUnhealthy} onClick={view.toggleUnhealthy} title="Topics with under-replicated or offline partitions">
            unhealthy{unhealthy ? ` (${unhealthy})` : ''}
          </button>
          <span className="muted count" data-testid="topic-count">{!topics.data ? '' : rows.length === visibleTotal ? `${formatNumber(visibleTotal)} topics` : `${formatNumber(rows.length)} of ${formatNumber(visibleTotal)} topics`}</span>
          <button type="button" className="primary" onClick={() => setCreating(true)} data-testid="create-topic">Create topic…</button>
        </div>
      </header>
      <StaleBanner error={topics.data ? topics.error : null} />
      {topics.data && topics.data.problems.length > 0 && (
        <div className="stale-banner" role="status" data-testid="topic-list-problems">{topics.data.problems.map((p) => <div key={p}>{p}</div>)}</div>
      )}
      {topics.isPending && !topics.isError && <Loading what="topics" />}
      {topics.isError && !topics.data && <ErrorView error={topics.error} />}
      {topics.data && visibleTotal === 0 && <Empty title="This cluster has no topics yet.">Create one here, or let a producer create it.</Empty>}
      {topics.data && visibleTotal > 0 && (
        <div className="table" role="table" aria-label="Topics" aria-rowcount={rows.length}>
          <div className="thead topics-grid" role="row">
            {columns.map((c) => (
              <button key={c.key} role="columnheader" type="button" className={`th ${c.numeric ? 'num' : ''}`} onClick={() => view.sortBy(c.key)} title={c.title}
                aria-sort={view.sort.key === c.key ? (view.sort.descending ? 'descending' : 'ascending') : 'none'}>
                {c.label}{view.sort.key === c.key ? (view.sort.descending ? ' ▼' : ' ▲') : ''}
              </button>
            ))}
          </div>
          <TopicRows rows={rows} />
        </div>
      )}
      {creating && <CreateTopicDialog onClose={() => setCreating(false)} />}
    </section>
  );
}
