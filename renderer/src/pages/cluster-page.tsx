import { useCluster } from '../api/kafka';
import { formatNumber } from '../components/badges';
import { ErrorView, Loading } from '../components/state-views';

export function ClusterPage() {
  const cluster = useCluster();
  return (
    <section className="page">
      <header className="page-header"><h1>Cluster</h1></header>
      {cluster.isPending && !cluster.isError && <Loading what="the cluster" />}
      {cluster.isError && !cluster.data && <ErrorView error={cluster.error} />}
      {cluster.data && (
        <>
          <div className="facts">
            <div className="fact"><div className="fact-label">Cluster id</div><div className="fact-value mono" data-testid="cluster-id">{cluster.data.clusterId}</div></div>
            <div className="fact"><div className="fact-label">Controller</div><div className="fact-value">{cluster.data.controllerId}</div></div>
            <div className="fact"><div className="fact-label">Topics</div><div className="fact-value">{formatNumber(cluster.data.topicCount)}</div></div>
            <div className="fact"><div className="fact-label">Partitions</div><div className="fact-value">{formatNumber(cluster.data.partitionCount)}</div></div>
          </div>
          <h2>Brokers</h2>
          <table className="grid">
            <thead><tr><th className="num">Node</th><th>Host</th><th className="num">Port</th><th>Rack</th></tr></thead>
            <tbody>
              {cluster.data.brokers.map((b) => (
                <tr key={b.nodeId}><td className="num">{b.nodeId}{b.nodeId === cluster.data.controllerId ? ' (controller)' : ''}</td><td className="mono">{b.host}</td><td className="num">{b.port}</td><td>{b.rack ?? '—'}</td></tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
