// All consumer groups of the active cluster: a virtualized table with filter, type chips and sort.
// Updates arrive by push from main.
import { memo, useDeferredValue, useMemo, useRef, useEffect } from 'react';
import { filterAndSortGroups, type GroupSortKey } from '../../../shared/kafka/group-filter';
import { groupTypes, type GroupSummary } from '../../../shared/kafka/groups';
import { useGroups } from '../api/kafka';
import { formatNumber, StateBadge, TypeBadge } from '../components/badges';
import { formatSeconds } from '../components/format';
import { HealthBadge } from '../components/health-badge';
import { useVirtualRows } from '../components/use-virtual-rows';
import { Empty, ErrorView, Loading, StaleBanner } from '../components/state-views';
import { DataAgeBanner } from '../components/stale-banner';
import { hrefFor, navigate } from '../router';
import { useUiStore } from '../stores/ui-store';

const columns: Array<{ key: GroupSortKey; label: string; numeric?: boolean }> = [
  { key: 'groupId', label: 'Group' },
  { key: 'type', label: 'Type' },
  { key: 'state', label: 'State' },
  { key: 'members', label: 'Members', numeric: true },
  { key: 'totalLag', label: 'Lag (offsets)', numeric: true },
  { key: 'lagSeconds', label: 'Lag (time)', numeric: true },
  { key: 'health', label: 'Health' },
];
const ROW_HEIGHT = 36;

/** One row; memoized so scrolling renders only rows that enter the viewport. */
const GroupRow = memo(function GroupRow({ g, top }: { g: GroupSummary; top: number }) {
  return (
    <a role="row" className="tr groups-grid" href={hrefFor({ page: 'group', groupId: g.groupId })} data-testid="group-row" data-group-id={g.groupId}
      style={{ transform: `translateY(${top}px)` }}>
      <span role="cell" className="mono ellipsis" title={g.groupId}>{g.groupId}</span>
      <span role="cell"><TypeBadge type={g.type} /></span>
      <span role="cell"><StateBadge state={g.state} /></span>
      <span role="cell" className="num" data-testid="members">{formatNumber(g.members)}</span>
      <span role="cell" className="num" data-testid="lag">{g.totalLag !== null ? formatNumber(g.totalLag)
        : g.type === 'share' ? <span className="muted" title="Share groups acknowledge records one by one; they commit no offsets">—</span>
        : <span className="muted" title="No committed offset on any partition">no offset</span>}</span>
      <span role="cell" className="num" data-testid="lag-seconds" title={g.lagSecondsAtLeast ? 'At least: the committed offset is older than every sampled log-end offset' : 'Interpolated from sampled log-end offsets (worst partition)'}>{g.lagSecondsAtLeast ? '≥ ' : ''}{formatSeconds(g.lagSeconds)}</span>
      <span role="cell" data-testid="health"><HealthBadge status={g.health} /></span>
    </a>
  );
});

/** The scrolling body, apart from the toolbar, so a scroll re-renders nothing else. */
function GroupRows({ rows }: { rows: GroupSummary[] }) {
  const scroller = useRef<HTMLDivElement>(null);
  // Virtualization keeps the DOM to the visible rows, so 10,000 groups scroll like 10.
  const virtual = useVirtualRows({ count: rows.length, scroller, rowHeight: ROW_HEIGHT, overscan: 8 });
  return (
    <div className="tbody" ref={scroller} data-testid="groups-scroller">
      {rows.length === 0 && <Empty title="No group matches the filter." />}
      <div style={{ height: virtual.totalSize, position: 'relative' }}>
        {virtual.items.map((item) => <GroupRow key={rows[item.index]!.groupId} g={rows[item.index]!} top={item.start} />)}
      </div>
    </div>
  );
}

export function GroupsPage() {
  const groups = useGroups();
  const { groupFilter, groupTypes: chosenTypes, sort, setGroupFilter, toggleGroupType, sortBy } = useUiStore();
  const deferredFilter = useDeferredValue(groupFilter);
  const rows = useMemo(
    () => filterAndSortGroups(groups.data?.groups ?? [], { text: deferredFilter, types: chosenTypes, sort }),
    [groups.data, deferredFilter, chosenTypes, sort],
  );
  const filterInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    // Marks the frame after the table committed (see `npm run bench`).
    const frame = requestAnimationFrame(() => performance.mark('sluice:groups-painted'));
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

  const total = groups.data?.groups.length ?? 0;
  return (
    <section className="page">
      <header className="page-header">
        <h1>Consumer groups</h1>
        <div className="toolbar">
          <input
            ref={filterInput}
            className="filter"
            type="search"
            placeholder="Filter groups  ( / )"
            aria-label="Filter groups"
            value={groupFilter}
            onChange={(e) => setGroupFilter(e.target.value)}
            onKeyDown={(e) => { if (e.key === 'Enter' && rows[0]) navigate({ page: 'group', groupId: rows[0].groupId }); }}
          />
          <div className="chips" role="group" aria-label="Group types">
            {groupTypes.map((type) => (
              <button key={type} type="button" className={`chip ${chosenTypes.includes(type) ? 'on' : ''}`} aria-pressed={chosenTypes.includes(type)} onClick={() => toggleGroupType(type)}>
                {type}
              </button>
            ))}
          </div>
          <span className="muted count" data-testid="group-count">{!groups.data ? '' : rows.length === total ? `${formatNumber(total)} groups` : `${formatNumber(rows.length)} of ${formatNumber(total)} groups`}</span>
        </div>
      </header>
      <StaleBanner error={groups.data ? groups.error : null} />
      <DataAgeBanner freshness={groups.data?.freshness} />
      {groups.isPending && !groups.isError && <Loading what="consumer groups" />}
      {groups.isError && !groups.data && <ErrorView error={groups.error} />}
      {groups.data && total === 0 && <Empty title="This cluster has no consumer groups yet.">Groups appear here as soon as a consumer joins or commits an offset.</Empty>}
      {groups.data && total > 0 && (
        <div className="table" role="table" aria-label="Consumer groups" aria-rowcount={rows.length}>
          <div className="thead groups-grid" role="row">
            {columns.map((c) => (
              <button key={c.key} role="columnheader" type="button" className={`th ${c.numeric ? 'num' : ''}`} onClick={() => sortBy(c.key)}
                aria-sort={sort.key === c.key ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
                {c.label}{sort.key === c.key ? (sort.descending ? ' ▼' : ' ▲') : ''}
              </button>
            ))}
          </div>
          <GroupRows rows={rows} />
        </div>
      )}
    </section>
  );
}
