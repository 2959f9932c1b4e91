// The standard dictionary: words, domains and terms as tables (filter with /, click to edit in a
// form), the problems the dictionary has, and a name checker.
import { useMemo, useRef, useState } from 'react';
import type { DictionaryKind } from '../../../../shared/workspace/dictionary-files';
import type { DictionaryView } from '../../../../shared/workspace/workspace-api';
import { useDictionary } from '../../api/workspace';
import { ErrorView, Loading } from '../../components/state-views';
import { useVirtualRows } from '../../components/use-virtual-rows';
import { navigate } from '../../router';
import { ProblemsPanel } from '../workspace/problems-panel';
import { EntryForm, type Selection } from './entry-form';
import { NameCheck } from './name-check';

type Row = { index: number; cells: string[]; value: Record<string, unknown>; file: string; sourceIndex: number; line: number };
const columns: Record<DictionaryKind, string[]> = {
  words: ['Name', 'Abbreviation', 'English', 'Classifier', 'Description'],
  domains: ['Name', 'Data type', 'Length', 'Scale', 'Description'],
  terms: ['Term', 'Physical name', 'Words', 'Domain', 'Concept', 'Classification'],
};

function rowsOf(view: DictionaryView, kind: DictionaryKind): Row[] {
  const at = (i: number, e: { source: { file: string; index: number; span: { line: number } } }) => ({ index: i, file: e.source.file, sourceIndex: e.source.index, line: e.source.span.line });
  if (kind === 'words') return view.words.map((e, i) => ({ ...at(i, e), value: e.value, cells: [e.value.name, e.value.abbreviation, e.value.english ?? '', e.value.classifier ? `yes → ${e.value.domain ?? '?'}` : e.value.standardWord ? `non-standard → ${e.value.standardWord}` : '', e.value.description ?? ''] }));
  if (kind === 'domains') return view.domains.map((e, i) => ({ ...at(i, e), value: e.value, cells: [e.value.name, e.value.dataType, String(e.value.length ?? ''), String(e.value.scale ?? ''), e.value.description ?? ''] }));
  const domainOf = new Map(view.words.map((w) => [w.value.name, w.value.domain]));
  return view.terms.map((e, i) => ({ ...at(i, e), value: e.value, cells: [e.value.name, e.value.physicalName ?? '?', e.value.words.join(' + '), e.value.domain ?? domainOf.get(e.value.words[e.value.words.length - 1] ?? '') ?? '', e.value.concept ?? '', e.value.classification ?? ''] }));
}

export function DictionaryPage({ tab = 'terms', entry }: { tab?: DictionaryKind; entry?: string }) {
  const view = useDictionary();
  const [filter, setFilter] = useState('');
  const [selection, setSelection] = useState<Selection | null>(null);
  const filterRef = useRef<HTMLInputElement>(null);
  const parent = useRef<HTMLDivElement>(null);
  const rows = useMemo(() => {
    if (!view.data) return [];
    const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
    return rowsOf(view.data, tab).filter((r) => words.every((w) => r.cells.join(' ').toLowerCase().includes(w)));
  }, [view.data, tab, filter]);
  const problemLines = useMemo(() => new Set((view.data?.diagnostics ?? []).map((d) => `${d.file}:${d.line}`)), [view.data?.diagnostics]);
  const virtual = useVirtualRows({ count: rows.length, scroller: parent, rowHeight: 34, overscan: 10 });
  const focused = entry ? rows.find((r) => r.cells[0] === entry) : undefined;
  const open = (row: Row) => setSelection({ kind: tab, index: row.index, file: row.file, sourceIndex: row.sourceIndex });
  if (view.isPending && !view.isError) return <Loading what="the dictionary" />;
  if (view.isError && !view.data) return <ErrorView error={view.error} />;
  const data = view.data!;
  const active = selection ?? (focused ? { kind: tab, index: focused.index, file: focused.file, sourceIndex: focused.sourceIndex } : null);
  const defaultFile = data.files.find((f) => f.includes(tab)) ?? data.files[0] ?? '';

  return (
    <section className="page" onKeyDown={(e) => { if (e.key === '/' && document.activeElement?.tagName !== 'INPUT' && document.activeElement?.tagName !== 'TEXTAREA') { e.preventDefault(); filterRef.current?.focus(); } }}>
      <header className="page-header">
        <h1>Standard dictionary</h1>
        <span className="muted">{data.words.length} words · {data.domains.length} domains · {data.terms.length} terms</span>
        <div className="toolbar">
          <input ref={filterRef} type="search" className="filter" aria-label="Filter the dictionary" placeholder="Filter (press /)" value={filter} onChange={(e) => setFilter(e.target.value)} />
          <span className="muted small">{rows.length} shown</span>
          <span className="spacer" />
          <button type="button" className="primary" disabled={!defaultFile} onClick={() => setSelection({ kind: tab, index: null, file: defaultFile, sourceIndex: null })} data-testid="add-entry">Add {tab.slice(0, -1)}</button>
        </div>
      </header>
      <div className="tabs" role="tablist">
        {(['words', 'domains', 'terms'] as const).map((k) => (
          <button key={k} type="button" role="tab" aria-selected={tab === k} className={tab === k ? 'on' : ''} onClick={() => { setSelection(null); navigate({ page: 'dictionary', tab: k }); }}>{k} ({data[k].length})</button>
        ))}
      </div>
      <div className="dictionary-layout">
        <div className="table dictionary-table">
          <div className={`thead dictionary-grid ${tab === 'terms' ? 'six' : ''}`} role="row">{columns[tab].map((c) => <span key={c} className="th">{c}</span>)}</div>
          <div className="tbody" ref={parent}>
            <div style={{ height: virtual.totalSize, position: 'relative' }}>
              {virtual.items.map((item) => {
                const row = rows[item.index]!;
                const hasProblem = problemLines.has(`${row.file}:${row.line}`);
                return (
                  <button type="button" key={item.key} className={`tr dictionary-grid ${tab === 'terms' ? 'six' : ''} ${active?.index === row.index ? 'selected' : ''}`} data-testid="dictionary-row" data-name={row.cells[0]}
                    style={{ transform: `translateY(${item.start}px)` }} onClick={() => open(row)}>
                    {row.cells.map((cell, i) => <span key={i} className={`ellipsis ${i === 1 ? 'mono' : ''}`}>{i === 0 && hasProblem ? '⚠️ ' : ''}{cell}</span>)}
                  </button>
                );
              })}
            </div>
          </div>
        </div>
        {active && <EntryForm key={`${active.kind}:${active.index}:${active.file}`} view={data} selection={active} onDone={() => { setSelection(null); if (entry) navigate({ page: 'dictionary', tab }); }} />}
      </div>
      <ProblemsPanel diagnostics={data.diagnostics} title="Dictionary problems" />
      <NameCheck />
    </section>
  );
}
