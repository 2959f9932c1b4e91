// The hash router: every page has one address, and reading an address gives the page back.
import { describe, expect, it } from 'vitest';
import { hrefFor, parseRoute, type Route } from '../../../renderer/src/router';

const routes: Route[] = [
  { page: 'groups' },
  { page: 'group', groupId: 'orders-consumer' },
  { page: 'group', groupId: 'team/a b#c?d%e' },
  { page: 'cluster' },
  { page: 'profiles' },
  { page: 'audit' },
  { page: 'replication' },
  { page: 'mismatch', mismatchId: '42' },
  { page: 'ledger' },
  { page: 'ledger', paymentId: 'pay_01/ä' },
  { page: 'workspace' },
  { page: 'workspace', file: 'decisions/0001-use kafka.md' },
  { page: 'workspace', file: 'dictionary/terms.yaml', line: 17 },
  { page: 'decisions' },
  { page: 'decision', number: 12 },
  { page: 'dictionary' },
  { page: 'dictionary', tab: 'words' },
  { page: 'dictionary', tab: 'terms', entry: '결제 금액' },
  { page: 'ontology' },
  { page: 'ontology', node: 'https://example.com/payments#Merchant' },
  { page: 'schemas' },
  { page: 'subject', subject: 'payments.events-value' },
  { page: 'subject', subject: 'a/b value', tab: 'draft' },
  { page: 'governance' },
];

describe('hash router', () => {
  it.each(routes.map((route) => [hrefFor(route), route] as const))('reads %s back as the page it names', (href, route) => {
    expect(parseRoute(href)).toEqual(route);
  });

  it('gives each page its own address', () => {
    expect(new Set(routes.map(hrefFor)).size).toBe(routes.length);
  });

  it('writes readable addresses for the main pages', () => {
    expect(hrefFor({ page: 'group', groupId: 'orders' })).toBe('#/groups/orders');
    expect(hrefFor({ page: 'mismatch', mismatchId: '7' })).toBe('#/replication/mismatches/7');
    expect(hrefFor({ page: 'decision', number: 3 })).toBe('#/decisions/3');
    expect(hrefFor({ page: 'subject', subject: 'x-value', tab: 'diff' })).toBe('#/schemas/x-value/diff');
    expect(hrefFor({ page: 'dictionary', tab: 'terms', entry: 'amount' })).toBe('#/dictionary/terms/amount');
  });

  it('reads addresses typed by hand', () => {
    expect(parseRoute('')).toEqual({ page: 'groups' });
    expect(parseRoute('#/')).toEqual({ page: 'groups' });
    expect(parseRoute('#/groups')).toEqual({ page: 'groups' });
    expect(parseRoute('#/groups/')).toEqual({ page: 'groups' });
    // A group id with a slash, not encoded, still names that group.
    expect(parseRoute('#/groups/team/orders')).toEqual({ page: 'group', groupId: 'team/orders' });
    expect(parseRoute('#/replication/mismatches')).toEqual({ page: 'replication' });
    expect(parseRoute('#/decisions/not-a-number')).toEqual({ page: 'decisions' });
    expect(parseRoute('#/dictionary/nonsense/x')).toEqual({ page: 'dictionary' });
    expect(parseRoute('#/dictionary/words')).toEqual({ page: 'dictionary', tab: 'words' });
    expect(parseRoute('#/workspace/file')).toEqual({ page: 'workspace' });
  });

  it('sends an unknown address to the consumer groups', () => {
    expect(parseRoute('#/no-such-page/1')).toEqual({ page: 'groups' });
    expect(parseRoute('#token=abc')).toEqual({ page: 'groups' });
  });
});
