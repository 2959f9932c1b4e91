import { useBrokers } from '../api/brokers';
import { useCluster } from '../api/kafka';
import { formatNumber } from '../components/badges';
import { ErrorView, Loading } from '../components/state-views';
import { hrefFor } from '../router';

/** The cluster's under-replicated and offline partitions (every topic, Kafka's own included). */
function PartitionHealth() {
  const brokers = useBrokers();
  const health = brokers.data?.partitions;
  const tone = (n: number | undefined) => (n ? 'error-text' : '');
  return (
    <>
      <div className="fact"><div className="fact-label">Under-replicated partitions</div>
        <div className={`fact-value ${tone(health?.underReplicated)}`} data-testid="under-replicated-partitions">{health ? formatNumber(health.underReplicated) : brokers.isError ? '?' : '…'}</div></div>
      <div className="fact"><div className="fact-label">Offline partitions</div>
        <div className={`fact-value ${tone(health?.offline)}`} data-testid="offline-partitions">{health ? formatNumber(health.offline) : brokers.isError ? '?' : '…'}</div></div>
    </>
  );
}

export function ClusterPage() {
  const cluster = useCluster();
  return (
    <section className="page">
      <header className="page-header">
        {/* The sidebar and the palette call this page Overview: the heading says the same. */}
        <h1>Overview</h1>
        <div className="toolbar">
          <a href={hrefFor({ page: 'topics' })} data-testid="overview-topics">Topics →</a>
          <a href={hrefFor({ page: 'brokers' })} data-testid="overview-brokers">Brokers, quorum, ACLs →</a>
        </div>
      </header>
      {cluster.isPending && !cluster.isError && <Loading what="the cluster" />}
      {cluster.isError && !cluster.data && <ErrorView error={cluster.error} />}
      {cluster.data && (
        <>
          <div className="facts">
            <div className="fact"><div className="fact-label">Cluster id</div><div className="fact-value mono" data-testid="cluster-id">{cluster.data.clusterId}</div></div>
            <div className="fact"><div className="fact-label">Controller</div><div className="fact-value">{cluster.data.controllerId}</div></div>
            <div className="fact"><div className="fact-label">Topics</div><div className="fact-value"><a href={hrefFor({ page: 'topics' })}>{formatNumber(cluster.data.topicCount)}</a></div></div>
            <div className="fact"><div className="fact-label">Partitions</div><div className="fact-value">{formatNumber(cluster.data.partitionCount)}</div></div>
            <PartitionHealth />
          </div>
          <h2>Brokers</h2>
          <table className="grid">
            <thead><tr><th className="num">Node</th><th>Host</th><th className="num">Port</th><th>Rack</th></tr></thead>
            <tbody>
              {cluster.data.brokers.map((b) => (
                <tr key={b.nodeId}><td className="num"><a href={hrefFor({ page: 'brokers', nodeId: b.nodeId })}>{b.nodeId}</a>{b.nodeId === cluster.data.controllerId ? ' (controller)' : ''}</td><td className="mono">{b.host}</td><td className="num">{b.port}</td><td>{b.rack ?? '—'}</td></tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
