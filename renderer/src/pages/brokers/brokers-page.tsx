// The cluster's machinery, read-only: brokers (rack, listeners, log-dir usage, replicas and leaders),
// one broker's configs (dynamic vs static), the KRaft quorum (leader, voters, observers and how far
// behind each is), ACLs (or the fact that there is no authorizer) and client quotas.
import type { BrokerList, QuorumReplicaView } from '../../../../shared/brokers/brokers';
import { useAcls, useBroker, useBrokers, useQuorum, useQuotas } from '../../api/brokers';
import { formatNumber } from '../../components/badges';
import { formatSeconds } from '../../components/format';
import { Empty, ErrorView, Loading, StaleBanner } from '../../components/state-views';
import { hrefFor } from '../../router';
import { ConfigTable } from '../topics/config-table';
import { formatBytes } from '../topics/topic-format';
import '../topics/topics.css';

function Usage({ used, total }: { used: number | null; total: number | null }) {
  if (used === null || total === null || total <= 0) return <span className="muted">—</span>;
  const share = Math.min(1, used / total);
  return (
    <span title={`${formatBytes(used)} used of ${formatBytes(total)}`}>
      <span className="usage-bar" style={{ display: 'inline-block', width: 120, verticalAlign: 'middle' }}><span style={{ width: `${Math.round(share * 100)}%` }} /></span>
      {' '}{Math.round(share * 100)} %
    </span>
  );
}

function BrokersTable({ list, selected }: { list: BrokerList; selected: number | undefined }) {
  return (
    <table className="grid" data-testid="brokers-table">
      <thead><tr><th className="num">Node</th><th>Host</th><th>Rack</th><th>Listeners</th><th>Log dirs</th><th>Disk used</th><th className="num">Replicas</th><th className="num">Leaders</th></tr></thead>
      <tbody>
        {list.brokers.map((b) => (
          <tr key={b.nodeId} data-testid="broker-row" className={selected === b.nodeId ? 'selected' : ''}>
            <td className="num"><a href={hrefFor({ page: 'brokers', nodeId: b.nodeId })} data-testid="broker-link">{b.nodeId}</a></td>
            <td className="mono">{b.host}:{b.port}</td>
            <td>{b.rack ?? <span className="muted">—</span>}</td>
            <td className="mono small" data-testid="broker-listeners">{b.listeners.join(', ') || '—'}</td>
            <td className="mono small">{b.logDirs.map((d) => (
              <div key={d.path} title={`${d.replicas} replicas, ${formatBytes(d.replicaBytes)}`}>{d.path}{d.error && <span className="error-text"> {d.error}</span>} <span className="muted">({formatBytes(d.replicaBytes)})</span></div>
            ))}{b.problem && <div className="error-text">{b.problem}</div>}</td>
            <td>{b.logDirs.map((d) => <div key={d.path}><Usage used={d.totalBytes !== null && d.usableBytes !== null ? d.totalBytes - d.usableBytes : null} total={d.totalBytes} /></div>)}</td>
            <td className="num">{formatNumber(b.replicas)}</td>
            <td className="num">{formatNumber(b.leaders)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function BrokerConfigs({ nodeId }: { nodeId: number }) {
  const broker = useBroker(nodeId);
  if (broker.isPending && !broker.isError) return <Loading what={`broker ${nodeId}'s configs`} />;
  if (!broker.data) return broker.error ? <ErrorView error={broker.error} /> : null;
  const dynamic = broker.data.configs.filter((c) => c.source === 'dynamic').length;
  const fromFile = broker.data.configs.filter((c) => c.source === 'static').length;
  return (
    <section className="card broker-card" data-testid="broker-configs">
      <h2>Broker {nodeId}: configs <span className="muted small">({dynamic} dynamic, {fromFile} from server.properties, the rest defaults)</span></h2>
      <ConfigTable configs={broker.data.configs} testId="broker-config-table" notDefaultFirst />
    </section>
  );
}

function ReplicaRows({ replicas, role, leaderId }: { replicas: QuorumReplicaView[]; role: string; leaderId: number }) {
  return (
    <>
      {replicas.map((r) => (
        <tr key={`${role}-${r.replicaId}`} data-testid="quorum-row">
          <td className="num">{r.replicaId}</td>
          <td>{role}{r.replicaId === leaderId ? ' (leader)' : ''}</td>
          <td className="num">{formatNumber(r.logEndOffset)}</td>
          <td className={`num ${r.lag > 0 ? 'error-text' : ''}`} data-testid="quorum-lag">{formatNumber(r.lag)}</td>
          <td className="num">{r.caughtUpAgoMs === null ? '—' : `${formatSeconds(r.caughtUpAgoMs / 1000)} ago`}</td>
        </tr>
      ))}
    </>
  );
}

function Quorum() {
  const quorum = useQuorum();
  if (quorum.isPending && !quorum.isError) return <Loading what="the KRaft quorum" />;
  if (!quorum.data) return quorum.error ? <ErrorView error={quorum.error} /> : null;
  const q = quorum.data;
  return (
    <>
      <div className="facts">
        <div className="fact"><div className="fact-label">Active controller (leader)</div><div className="fact-value" data-testid="quorum-leader">{q.leaderId}</div></div>
        <div className="fact"><div className="fact-label">Leader epoch</div><div className="fact-value">{q.leaderEpoch}</div></div>
        <div className="fact"><div className="fact-label">High watermark</div><div className="fact-value">{formatNumber(q.highWatermark)}</div></div>
        <div className="fact"><div className="fact-label">Voters / observers</div><div className="fact-value">{q.voters.length} / {q.observers.length}</div></div>
      </div>
      <table className="grid" data-testid="quorum-table">
        <thead><tr><th className="num">Replica</th><th>Role</th><th className="num">Log-end offset</th><th className="num" title="Records behind the high watermark">Lag</th><th className="num">Last caught up</th></tr></thead>
        <tbody>
          <ReplicaRows replicas={q.voters} role="voter" leaderId={q.leaderId} />
          <ReplicaRows replicas={q.observers} role="observer" leaderId={q.leaderId} />
        </tbody>
      </table>
      {q.nodes.length > 0 && <p className="muted small">Controllers: {q.nodes.map((n) => `${n.nodeId} (${n.listeners.join(', ')})`).join('; ')}</p>}
    </>
  );
}

function Acls() {
  const acls = useAcls();
  if (acls.isPending && !acls.isError) return <Loading what="ACLs" />;
  if (!acls.data) return acls.error ? <ErrorView error={acls.error} /> : null;
  if (!acls.data.authorizer) return <p className="stale-banner" data-testid="no-authorizer">{acls.data.message}</p>;
  if (acls.data.acls.length === 0) return <Empty title="The authorizer has no ACL bindings." />;
  return (
    <table className="grid" data-testid="acls-table">
      <thead><tr><th>Principal</th><th>Host</th><th>Operation</th><th>Permission</th><th>Resource</th><th>Pattern</th></tr></thead>
      <tbody>{acls.data.acls.map((a, i) => (
        <tr key={i}><td className="mono">{a.principal}</td><td className="mono">{a.host}</td><td>{a.operation}</td><td className={a.permission === 'DENY' ? 'error-text' : ''}>{a.permission}</td><td className="mono">{a.resourceType}:{a.resourceName}</td><td>{a.patternType}</td></tr>
      ))}</tbody>
    </table>
  );
}

function Quotas() {
  const quotas = useQuotas();
  if (quotas.isPending && !quotas.isError) return <Loading what="client quotas" />;
  if (!quotas.data) return quotas.error ? <ErrorView error={quotas.error} /> : null;
  if (quotas.data.quotas.length === 0) return <Empty title="No client quotas are set." >Clients are limited only by the brokers themselves.</Empty>;
  return (
    <table className="grid" data-testid="quotas-table">
      <thead><tr><th>Entity</th><th>Quotas</th></tr></thead>
      <tbody>{quotas.data.quotas.map((q) => (
        <tr key={JSON.stringify(q.entity)}>
          <td className="mono">{q.entity.map((e) => `${e.type}=${e.name ?? '<default>'}`).join(', ')}</td>
          <td className="mono small">{Object.entries(q.values).map(([k, v]) => `${k}=${v}`).join(', ')}</td>
        </tr>
      ))}</tbody>
    </table>
  );
}

export function BrokersPage({ nodeId }: { nodeId?: number }) {
  const brokers = useBrokers();
  return (
    <section className="page">
      <header className="page-header">
        <a href="#/cluster" className="back">← Overview</a>
        <h1>Brokers</h1>
        {brokers.data && <span className="muted" data-testid="cluster-partition-health">{formatNumber(brokers.data.partitions.partitions)} partitions: {brokers.data.partitions.underReplicated} under-replicated, {brokers.data.partitions.offline} offline</span>}
      </header>
      <StaleBanner error={brokers.data ? brokers.error : null} />
      {brokers.isPending && !brokers.isError && <Loading what="brokers" />}
      {brokers.isError && !brokers.data && <ErrorView error={brokers.error} />}
      {brokers.data && (
        <>
          {brokers.data.problems.length > 0 && <div className="stale-banner" role="status">{brokers.data.problems.map((p) => <div key={p}>{p}</div>)}</div>}
          <BrokersTable list={brokers.data} selected={nodeId} />
          {nodeId !== undefined ? <BrokerConfigs key={nodeId} nodeId={nodeId} /> : <p className="muted small">Open a broker to see its configs.</p>}
        </>
      )}
      <h2>KRaft quorum</h2>
      <Quorum />
      <h2>ACLs <span className="muted small">(read-only)</span></h2>
      <Acls />
      <h2>Client quotas <span className="muted small">(read-only)</span></h2>
      <Quotas />
    </section>
  );
}
