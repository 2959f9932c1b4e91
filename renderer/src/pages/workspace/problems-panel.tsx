// Every problem in the workspace (file, line, column, message), worst first within each file;
// a click opens the file at the line. Virtualized: a broken dictionary can have thousands.
import { useMemo, useRef, useState } from 'react';
import type { Diagnostic } from '../../../../shared/common/diagnostics';
import { useVirtualRows } from '../../components/use-virtual-rows';
import { hrefFor } from '../../router';

const icon = { error: '⛔', warning: '⚠️', info: 'ℹ️' } as const;

export function ProblemsPanel({ diagnostics, title = 'Problems' }: { diagnostics: Diagnostic[]; title?: string }) {
  const [severity, setSeverity] = useState<'all' | 'error' | 'warning'>('all');
  const [text, setText] = useState('');
  const rows = useMemo(() => {
    const words = text.toLowerCase().split(/\s+/).filter(Boolean);
    return diagnostics.filter((d) => (severity === 'all' || d.severity === severity) && words.every((w) => `${d.file} ${d.message} ${d.code}`.toLowerCase().includes(w)));
  }, [diagnostics, severity, text]);
  const parent = useRef<HTMLDivElement>(null);
  const virtual = useVirtualRows({ count: rows.length, scroller: parent, rowHeight: 30, overscan: 12 });
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  return (
    <section className="problems-panel" aria-label={title}>
      <div className="toolbar">
        <h2>{title}</h2>
        <span className="muted small" data-testid="problem-counts">{errors} errors, {warnings} warnings</span>
        <select aria-label="Severity" value={severity} onChange={(e) => setSeverity(e.target.value as typeof severity)}>
          <option value="all">all</option><option value="error">errors</option><option value="warning">warnings</option>
        </select>
        <input type="search" aria-label="Filter problems" placeholder="Filter problems" value={text} onChange={(e) => setText(e.target.value)} />
      </div>
      {rows.length === 0 ? <p className="muted small">{diagnostics.length === 0 ? 'No problems: every file parses and the rules across files hold.' : 'No problem matches the filter.'}</p> : (
        <div className="problems-list" ref={parent}>
          <div style={{ height: virtual.totalSize, position: 'relative' }}>
            {virtual.items.map((item) => {
              const d = rows[item.index]!;
              return (
                <a key={item.key} className={`problem severity-${d.severity}`} data-testid="problem" data-code={d.code} href={hrefFor({ page: 'workspace', file: d.file, line: d.line })}
                  style={{ transform: `translateY(${item.start}px)` }}>
                  <span aria-label={d.severity}>{icon[d.severity]}</span>
                  <span className="mono small ellipsis">{d.file}:{d.line}:{d.column}</span>
                  <span className="ellipsis">{d.message}</span>
                  <span className="muted small mono">{d.code}</span>
                </a>
              );
            })}
          </div>
        </div>
      )}
    </section>
  );
}
