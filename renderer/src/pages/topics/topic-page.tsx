// One topic: partitions (leader, replicas, ISR, low and high watermark, size), configs (value and
// source; changed through a preview), every group reading it with its lag on THIS topic, its key
// and value subjects, the decisions linked to it, and the actions on it. Live by push from main.
import { useState } from 'react';
import type { TopicDetail } from '../../../../shared/topics/topics';
import { useAlterTopicConfigs, useTopic } from '../../api/topics';
import { formatNumber, StateBadge, TypeBadge } from '../../components/badges';
import { DecisionLinks } from '../../components/decision-links';
import { formatRate } from '../../components/format';
import { Empty, ErrorView, Loading, StaleBanner } from '../../components/state-views';
import { hrefFor, navigate } from '../../router';
import { ConfigEditDialog, type RunConfigChange } from './config-edit-dialog';
import { ConfigTable } from './config-table';
import { DeleteRecordsDialog } from './delete-records-dialog';
import { DeleteTopicDialog } from './delete-topic-dialog';
import { PartitionsDialog } from './partitions-dialog';
import { formatBytes, formatRetention } from './topic-format';
import './topics.css';

type Tab = 'partitions' | 'configs' | 'readers';
const tabLabels: Record<Tab, string> = { partitions: 'Partitions', configs: 'Configs', readers: 'Groups reading it' };

function Fact({ label, value, testId }: { label: string; value: React.ReactNode; testId?: string }) {
  return <div className="fact"><div className="fact-label">{label}</div><div className="fact-value" data-testid={testId}>{value}</div></div>;
}

function Facts({ topic }: { topic: TopicDetail }) {
  const config = (name: string) => topic.configs.find((c) => c.name === name)?.value ?? null;
  const retention = config('retention.ms');
  return (
    <div className="facts">
      <Fact label="Partitions" value={topic.partitions.length} testId="partition-count" />
      <Fact label="Replication factor" value={topic.replicationFactor} testId="replication-factor" />
      <Fact label="Under-replicated / offline" value={<span className={topic.underReplicated || topic.offline ? 'error-text' : ''}>{topic.underReplicated} / {topic.offline}</span>} testId="partition-health" />
      <Fact label="Records" value={formatNumber(topic.records)} testId="records" />
      <Fact label="Size on disk" value={formatBytes(topic.sizeBytes)} testId="size" />
      <Fact label="Produce rate" value={topic.produceRate === null ? <span className="muted" title="Sampled from log-end offsets with the topic list; needs two samples">measuring…</span> : formatRate(topic.produceRate)} />
      <Fact label="Retention" value={formatRetention(retention === null ? null : Number(retention))} />
      <Fact label="Cleanup policy" value={config('cleanup.policy') ?? '—'} />
    </div>
  );
}

function Subjects({ topic }: { topic: TopicDetail }) {
  const { key, value, problem } = topic.subjects;
  return (
    <div className="topic-links small" data-testid="topic-subjects">
      <span className="muted">Schemas:</span>
      {key && <a className="link-chip" href={hrefFor({ page: 'subject', subject: key.subject })} data-testid="key-subject">{key.subject} (v{key.latestVersion})</a>}
      {value && <a className="link-chip" href={hrefFor({ page: 'subject', subject: value.subject })} data-testid="value-subject">{value.subject} (v{value.latestVersion})</a>}
      {!key && !value && !problem && <span className="muted">no <span className="mono">{topic.name}-key</span> or <span className="mono">{topic.name}-value</span> subject</span>}
      {problem && <span className="muted" title={problem}>registry not available</span>}
    </div>
  );
}

function PartitionsTable({ topic }: { topic: TopicDetail }) {
  return (
    <table className="grid" data-testid="partitions-table">
      <thead><tr><th className="num">Partition</th><th className="num">Leader</th><th>Replicas</th><th>ISR</th><th className="num">Low watermark</th><th className="num">High watermark</th><th className="num">Records</th><th className="num">Size</th></tr></thead>
      <tbody>
        {topic.partitions.map((p) => (
          <tr key={p.partition} data-testid="partition-row" className={p.underReplicated || p.leader === null ? 'reconciling' : ''}>
            <td className="num">{p.partition}</td>
            <td className="num" data-testid="leader">{p.leader === null ? <span className="error-text">none (offline)</span> : <a href={hrefFor({ page: 'brokers', nodeId: p.leader })}>{p.leader}</a>}</td>
            <td className="mono" data-testid="replicas">{p.replicas.join(',')}{p.offlineReplicas.length > 0 && <span className="error-text" title="Offline replicas"> (offline: {p.offlineReplicas.join(',')})</span>}</td>
            <td className="mono" data-testid="isr">{p.isr.join(',')}{p.underReplicated && <span className="badge state-moving">under-replicated</span>}</td>
            <td className="num" data-testid="low-watermark">{formatNumber(p.lowWatermark)}</td>
            <td className="num" data-testid="high-watermark">{formatNumber(p.highWatermark)}</td>
            <td className="num">{p.lowWatermark === null || p.highWatermark === null ? '—' : formatNumber(p.highWatermark - p.lowWatermark)}</td>
            <td className="num">{formatBytes(p.sizeBytes)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ReadersTable({ topic }: { topic: TopicDetail }) {
  if (topic.readers.length === 0) return <Empty title="No group reads this topic.">Groups appear here once they commit an offset on it (share groups: once a member subscribes).</Empty>;
  return (
    <table className="grid" data-testid="readers-table">
      <thead><tr><th>Group</th><th>Type</th><th>State</th><th className="num">Partitions</th><th className="num" title="Lag on this topic only">Lag on {topic.name}</th></tr></thead>
      <tbody>
        {topic.readers.map((r) => (
          <tr key={r.groupId} data-testid="reader-row" data-group-id={r.groupId}>
            <td className="mono"><a href={hrefFor({ page: 'group', groupId: r.groupId })} data-testid="reader-link">{r.groupId}</a></td>
            <td><TypeBadge type={r.type} /></td>
            <td><StateBadge state={r.state} /></td>
            <td className="num">{r.partitions}</td>
            <td className="num" data-testid="reader-lag" title={r.lagSource === 'share-partition' ? 'Share-partition lag (records not yet acknowledged)' : 'Log end − committed offset, summed over this topic'}>
              {r.lag === null ? <span className="muted">{r.type === 'share' ? '— (not reported)' : 'no offset'}</span> : formatNumber(r.lag)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Actions({ topic }: { topic: TopicDetail }) {
  const [dialog, setDialog] = useState<'partitions' | 'records' | 'delete' | null>(null);
  if (topic.internal) return <span className="muted small">Kafka&apos;s own topic: read-only here.</span>;
  return (
    <div className="actions group-actions">
      <button type="button" onClick={() => setDialog('partitions')} data-testid="add-partitions">Add partitions…</button>
      <button type="button" onClick={() => setDialog('records')} data-testid="delete-records">Delete records…</button>
      <button type="button" className="danger" onClick={() => setDialog('delete')} data-testid="delete-topic">Delete topic…</button>
      {dialog === 'partitions' && <PartitionsDialog topic={topic.name} current={topic.partitions.length} onClose={() => setDialog(null)} />}
      {dialog === 'records' && <DeleteRecordsDialog topic={topic.name} partitions={topic.partitions} onClose={() => setDialog(null)} />}
      {dialog === 'delete' && <DeleteTopicDialog topic={topic.name} onClose={() => setDialog(null)} />}
    </div>
  );
}

function Configs({ topic }: { topic: TopicDetail }) {
  const [editing, setEditing] = useState<{ name: string | null } | null>(null);
  const alter = useAlterTopicConfigs();
  const { mutate } = alter;
  const run: RunConfigChange = (request, callbacks) => mutate({ topic: topic.name, ...request }, callbacks);
  return (
    <>
      {!topic.internal && <div className="toolbar"><button type="button" onClick={() => { alter.reset(); setEditing({ name: null }); }} data-testid="change-configs">Change configs…</button></div>}
      <ConfigTable configs={topic.configs} onEdit={topic.internal ? undefined : (name) => { alter.reset(); setEditing({ name }); }} />
      {editing && (
        <ConfigEditDialog title={<>Change configs of <span className="mono">{topic.name}</span></>} configs={topic.configs} initialName={editing.name}
          run={run} pending={alter.isPending} error={alter.error} onClose={() => setEditing(null)} />
      )}
    </>
  );
}

export function TopicPage({ topic: name, tab }: { topic: string; tab?: Tab }) {
  const topic = useTopic(name);
  const active: Tab = tab ?? 'partitions';
  return (
    <section className="page">
      <header className="page-header">
        <a href="#/topics" className="back">← Topics</a>
        <h1 className="mono" data-testid="topic-title">{name}</h1>
        {topic.data?.internal && <span className="badge">internal</span>}
        {topic.data && <Actions topic={topic.data} />}
        <DecisionLinks links={[{ kind: 'topics', name }]} />
      </header>
      <StaleBanner error={topic.data ? topic.error : null} />
      {topic.isPending && !topic.isError && <Loading what="the topic" />}
      {topic.isError && !topic.data && <ErrorView error={topic.error} />}
      {topic.data && (
        <>
          <Facts topic={topic.data} />
          <Subjects topic={topic.data} />
          {topic.data.problems.length > 0 && <div className="stale-banner" role="status">{topic.data.problems.map((p) => <div key={p}>{p}</div>)}</div>}
          <div className="tabs" role="tablist">
            {(['partitions', 'configs', 'readers'] as const).map((t) => (
              <button key={t} type="button" role="tab" aria-selected={active === t} className={active === t ? 'on' : ''} onClick={() => navigate({ page: 'topic', topic: name, tab: t })} data-testid={`tab-${t}`}>
                {tabLabels[t]}{t === 'readers' ? ` (${topic.data!.readers.length})` : ''}
              </button>
            ))}
          </div>
          {active === 'partitions' && <PartitionsTable topic={topic.data} />}
          {active === 'configs' && <Configs topic={topic.data} />}
          {active === 'readers' && <ReadersTable topic={topic.data} />}
        </>
      )}
    </section>
  );
}
