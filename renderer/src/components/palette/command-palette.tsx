// Ctrl+K (⌘K on macOS): jump to any page, consumer group, schema subject, decision or mismatch by
// typing part of its name. A combobox over a listbox (WAI-ARIA): focus stays in the input, the
// arrow keys move the active option, Enter opens it, Escape closes. Its sources' live data is
// subscribed to only while it is open (their Feeds are mounted here).
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { formatNumber } from '../badges';
import { navigate } from '../../router';
import { NavIcon } from '../navigation/nav-icons';
import { matchedRanges, normalizeQuery } from './match';
import { paletteResults } from './palette-results';
import type { PaletteItem, PaletteSource, SourceSnapshot } from './palette-source';
import { paletteSources } from './sources';

interface Option {
  key: string;
  item: PaletteItem;
  label: string;
  source: PaletteSource;
}

export function CommandPalette({ onClose, sources = paletteSources }: { onClose: () => void; sources?: readonly PaletteSource[] }) {
  const [query, setQuery] = useState('');
  // The active option by identity, so a live update that reorders the list does not move it.
  const [activeKey, setActiveKey] = useState<string | null>(null);
  const [snapshots, setSnapshots] = useState<Record<string, SourceSnapshot>>({});
  const input = useRef<HTMLInputElement>(null);
  const id = useId();

  const reporters = useMemo(() => new Map(sources.map((source) => [
    source.kind,
    (snapshot: SourceSnapshot) => setSnapshots((previous) => ({ ...previous, [source.kind]: snapshot })),
  ])), [sources]);
  const groups = useMemo(() => paletteResults(query, sources, snapshots), [query, sources, snapshots]);
  const options = useMemo(() => groups.flatMap((group) => group.hits.map((hit): Option => ({
    key: `${group.source.kind}:${hit.item.id}`, item: hit.item, label: hit.label, source: group.source,
  }))), [groups]);
  const found = options.findIndex((o) => o.key === activeKey);
  const activeIndex = found >= 0 ? found : options.length > 0 ? 0 : -1;
  const optionId = (index: number) => `${id}-option-${index}`;

  useEffect(() => {
    // Focus moves into the palette and back to where it was when the palette closes.
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    input.current?.focus();
    return () => { if (previous?.isConnected) previous.focus(); };
  }, []);

  useEffect(() => {
    if (activeIndex >= 0) document.getElementById(`${id}-option-${activeIndex}`)?.scrollIntoView?.({ block: 'nearest' });
  }, [activeIndex, id]);

  const open = (option: Option | undefined) => {
    if (!option) return;
    onClose();
    navigate(option.item.route);
  };
  const moveTo = (index: number) => {
    if (options.length === 0) return;
    setActiveKey(options[(index + options.length) % options.length]!.key);
  };
  // First option of each kind, for Page Up / Page Down.
  const groupStarts = groups.reduce<number[]>((starts, group, i) => [...starts, i === 0 ? 0 : starts[i - 1]! + groups[i - 1]!.hits.length], []);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      moveTo(activeIndex + (e.key === 'ArrowDown' ? 1 : -1));
    } else if (e.key === 'PageDown' || e.key === 'PageUp') {
      e.preventDefault();
      const next = e.key === 'PageDown' ? groupStarts.find((s) => s > activeIndex) : [...groupStarts].reverse().find((s) => s < activeIndex);
      if (next !== undefined) moveTo(next);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      open(options[activeIndex]);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onClose();
    } else if (e.key === 'Tab') {
      // The input is the palette's one stop: Tab must not wander to the page behind it.
      e.preventDefault();
    }
  };

  const normalized = normalizeQuery(query);
  const waiting = sources.filter((s) => snapshots[s.kind]?.loading);
  const failed = sources.filter((s) => snapshots[s.kind]?.problem);
  return (
    <div className="palette-backdrop" role="presentation" onMouseDown={(e) => { if (e.target === e.currentTarget) onClose(); }}>
      {sources.map((source) => <source.Feed key={source.kind} onChange={reporters.get(source.kind)!} />)}
      <div className="palette" role="dialog" aria-modal="true" aria-label="Command palette" data-testid="command-palette" onKeyDown={onKeyDown}>
        <div className="palette-search">
          <NavIcon name="search" className="palette-search-icon" />
          <input
            ref={input}
            role="combobox"
            aria-label="Go to"
            aria-expanded="true"
            aria-controls={`${id}-results`}
            aria-autocomplete="list"
            aria-activedescendant={activeIndex >= 0 ? optionId(activeIndex) : undefined}
            placeholder="Go to a page, group, subject, decision or mismatch…"
            autoComplete="off"
            spellCheck={false}
            value={query}
            onChange={(e) => { setQuery(e.target.value); setActiveKey(null); }}
          />
          <kbd className="palette-esc">Esc</kbd>
        </div>
        <div className="palette-results" role="listbox" id={`${id}-results`} aria-label="Results">
          {groups.map((group, groupIndex) => (
            <div key={group.source.kind} role="group" aria-labelledby={`${id}-${group.source.kind}`} className="palette-group" data-kind={group.source.kind}>
              <div className="palette-group-title" id={`${id}-${group.source.kind}`}>
                <span>{group.source.title}</span>
                {group.total > group.hits.length && <span className="palette-count">{formatNumber(group.hits.length)} of {formatNumber(group.total)}</span>}
              </div>
              {group.hits.map((hit, hitIndex) => {
                const optionIndex = groupStarts[groupIndex]! + hitIndex;
                const option = options[optionIndex]!;
                return (
                  <div
                    key={option.key}
                    id={optionId(optionIndex)}
                    role="option"
                    aria-selected={optionIndex === activeIndex}
                    className="palette-option"
                    data-testid="palette-option"
                    data-kind={group.source.kind}
                    onMouseMove={() => { if (optionIndex !== activeIndex) setActiveKey(option.key); }}
                    onMouseDown={(e) => e.preventDefault()}
                    onClick={() => open(option)}
                  >
                    <NavIcon name={hit.item.icon} className="palette-option-icon" />
                    <span className="palette-label"><Marked label={hit.label} query={normalized} /></span>
                    {hit.item.detail && <span className="palette-detail">{hit.item.detail}</span>}
                  </div>
                );
              })}
            </div>
          ))}
          {groups.length === 0 && (
            <div className="palette-empty" role="status">
              {normalized === '' ? 'Loading…' : <>Nothing matches <q>{query.trim()}</q>{waiting.length > 0 ? ' so far' : ''}.</>}
            </div>
          )}
        </div>
        <div className="palette-footer">
          <span><kbd>↑</kbd><kbd>↓</kbd> move</span>
          <span><kbd>Enter</kbd> open</span>
          <span><kbd>Esc</kbd> close</span>
          <span className="palette-status" data-testid="palette-status">
            {waiting.length > 0 && `Loading ${waiting.map((s) => s.title.toLowerCase()).join(', ')}…`}
            {waiting.length > 0 && failed.length > 0 && ' · '}
            {failed.length > 0 && (
              // Quiet: a service this connection does not have (no verification API) is not an alarm here;
              // the reason is one hover away and on the service's own page.
              <span title={failed.map((s) => `${s.title}: ${snapshots[s.kind]!.problem}`).join('\n')}>
                Not searched: {failed.map((s) => s.title.toLowerCase()).join(', ')}
              </span>
            )}
          </span>
        </div>
      </div>
    </div>
  );
}

/** The label with the parts the query matched marked. */
function Marked({ label, query }: { label: string; query: string }) {
  const ranges = matchedRanges(query, label);
  if (ranges.length === 0) return <>{label}</>;
  const parts = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (start > at) parts.push(label.slice(at, start));
    parts.push(<mark key={start}>{label.slice(start, end)}</mark>);
    at = end;
  }
  if (at < label.length) parts.push(label.slice(at));
  return <>{parts}</>;
}
