// The topics, topic and brokers routes: written by hrefFor, read back by parseRoute.
import { describe, expect, it } from 'vitest';
import { hrefFor, parseRoute, type Route } from '../../../renderer/src/route';

describe('topic and broker routes', () => {
  it('read back what hrefFor wrote', () => {
    const routes: Route[] = [
      { page: 'topics' },
      { page: 'topic', topic: 'orders.v1_x-y' },
      { page: 'topic', topic: 'orders', tab: 'configs' },
      { page: 'brokers' },
      { page: 'brokers', nodeId: 3 },
    ];
    for (const route of routes) expect(parseRoute(hrefFor(route))).toEqual(route);
  });
  it('keep a malformed topic name as typed and ignore an unknown tab', () => {
    expect(parseRoute('#/topics/%E0%A4%A')).toEqual({ page: 'topic', topic: '%E0%A4%A' });
    expect(parseRoute('#/topics/orders/nope')).toEqual({ page: 'topic', topic: 'orders' });
    expect(parseRoute('#/brokers/x')).toEqual({ page: 'brokers' });
  });
});
