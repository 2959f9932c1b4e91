import { describe, expect, it } from 'vitest';
import type { KafkaHandlerDependencies } from '../../../../main/kafka/handlers';
import { kafkaHandlers } from '../../../../main/kafka/handlers';
import type { MonitorApi } from '../../../../main/kafka/monitor/monitor-api';
import { StaleFeed } from '../../../../main/platform/stale-feed';

// What the Kafka slice says is stale when its monitor has news: every sweep makes the list stale;
// the cluster falling silent or answering again makes every open group page stale too, so its
// banner appears (or goes) at once rather than at the page's next poll.
describe('kafka handlers: freshness after the monitor changes', () => {
  it('marks the list stale after a sweep, and describe and health too when the silence changes', () => {
    let news: ((monitor: MonitorApi) => void) | null = null;
    const stale = new StaleFeed();
    const marked: string[][] = [];
    stale.onStale((methods) => marked.push([...methods]));
    const connections = { onMonitorChange: (listener: (monitor: MonitorApi) => void) => { news = listener; return () => undefined; } };
    kafkaHandlers({ connections, stale } as unknown as KafkaHandlerDependencies);
    const monitor = (silentSince: number | null) => ({ silentSince }) as MonitorApi;
    news!(monitor(null));
    news!(monitor(1_000));
    news!(monitor(1_000));
    news!(monitor(null));
    expect(marked).toEqual([
      ['groups.list'],
      ['groups.list', 'groups.describe', 'groups.health'],
      ['groups.list'],
      ['groups.list', 'groups.describe', 'groups.health'],
    ]);
  });
});
