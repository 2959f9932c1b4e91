// Configs of a topic, a broker or a group: value, where it comes from (default, dynamic, static —
// Kafka's own source name on hover), read-only and sensitive values masked. A filter, and an
// "overridden only" switch, because a topic has 30+ configs and a broker 300+.
import { useMemo, useState } from 'react';
import type { ConfigEntryView } from '../../../../shared/kafka/configs';
import { Empty } from '../../components/state-views';

const sourceTitle: Record<ConfigEntryView['source'], string> = {
  default: "Kafka's default",
  dynamic: 'Set at runtime (kafka-configs / an admin client)',
  static: "Set in the broker's server.properties",
  unknown: 'Source not reported',
};

export function ConfigTable({ configs, onEdit, testId = 'config-table', notDefaultFirst = false }: { configs: ConfigEntryView[]; onEdit?: (name: string) => void; testId?: string; notDefaultFirst?: boolean }) {
  const [filter, setFilter] = useState('');
  // A broker has 300+ configs: its page opens on the ones someone set.
  const [overriddenOnly, setOverriddenOnly] = useState(notDefaultFirst);
  const rows = useMemo(() => {
    const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
    return configs.filter((c) => (!overriddenOnly || c.source !== 'default') && words.every((w) => `${c.name} ${c.value ?? ''}`.toLowerCase().includes(w)));
  }, [configs, filter, overriddenOnly]);
  if (configs.length === 0) return <Empty title="No configs were reported." />;
  return (
    <>
      <div className="toolbar">
        <input className="filter" type="search" placeholder="Filter configs" aria-label="Filter configs" value={filter} onChange={(e) => setFilter(e.target.value)} />
        <label className="inline-field small"><input type="checkbox" checked={overriddenOnly} onChange={() => setOverriddenOnly(!overriddenOnly)} /> not default only</label>
        <span className="muted small">{rows.length} of {configs.length}</span>
      </div>
      <table className="grid config-table" data-testid={testId}>
        <thead><tr><th>Name</th><th>Value</th><th>Source</th>{onEdit && <th />}</tr></thead>
        <tbody>
          {rows.map((c) => (
            <tr key={c.name} data-testid="config-row" data-config={c.name}>
              <td className="mono">{c.name}</td>
              <td className="mono value" data-testid="config-value">
                {c.sensitive ? <span className="muted" title="Sensitive: Kafka never sends the value">•••••• (sensitive)</span> : c.value ?? <span className="muted">null</span>}
              </td>
              <td>
                <span className={`config-source ${c.source}`} title={`${sourceTitle[c.source]} — ${c.sourceName}${c.synonyms.length > 1 ? `; also: ${c.synonyms.slice(1).map((s) => `${s.sourceName}:${s.name}=${s.value ?? '(null)'}`).join(', ')}` : ''}`} data-testid="config-source">
                  {c.source}
                </span>
                {c.readOnly && <span className="muted small" title="Kafka does not change it at runtime"> read-only</span>}
              </td>
              {onEdit && <td>{!c.readOnly && <button type="button" className="link" onClick={() => onEdit(c.name)} data-testid="edit-config">Edit</button>}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
