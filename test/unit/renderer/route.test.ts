// Routes from the address bar: a hand-typed or truncated %-escape still gives a page (it once threw
// in decodeURIComponent and left the app blank).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { hrefFor, parseRoute, type Route } from '../../../renderer/src/route';

describe('parseRoute', () => {
  it('gives a page for malformed %-escapes, keeping the text as typed', () => {
    expect(parseRoute('#/groups/%E0%A4%A')).toEqual({ page: 'group', groupId: '%E0%A4%A' });
    expect(parseRoute('#/schemas/%')).toEqual({ page: 'subject', subject: '%' });
    expect(parseRoute('#/workspace/file/%ZZ')).toEqual({ page: 'workspace', file: '%ZZ' });
    for (const hash of ['#/ledger/%', '#/ontology/%C3', '#/dictionary/words/%', '#/replication/mismatches/%']) expect(() => parseRoute(hash)).not.toThrow();
  });

  it('never throws, whatever the address says', () => {
    const page = fc.constantFrom('groups', 'replication/mismatches', 'ledger', 'workspace/file', 'dictionary/words', 'ontology', 'schemas', 'decisions', '');
    const part = fc.string({ unit: fc.oneof(fc.constantFrom('%', '%E0', '%A4', '%A', '%ZZ', '/', '#L', '1'), fc.string({ unit: 'binary', maxLength: 2 })) });
    fc.assert(fc.property(page, part, (first, rest) => {
      parseRoute(`#/${first}/${rest}`);
    }), { seed: 10, numRuns: 500 });
  });

  it('reads back what hrefFor wrote', () => {
    const routes: Route[] = [
      { page: 'group', groupId: 'payments/ledger writer %' },
      { page: 'subject', subject: 'orders-value' },
      { page: 'workspace', file: 'decisions/0001-x.md', line: 12 },
      { page: 'dictionary', tab: 'words', entry: 'Zahlung' },
      { page: 'records', topic: 'payments.v1' },
      { page: 'records', topic: 'payments', partition: 3 },
      { page: 'records', topic: 'payments', partition: 3, offset: 1_234_567 },
      { page: 'triage' },
      { page: 'triage', sessionId: '20261202-1015-payments-lag-ab12' },
    ];
    for (const route of routes) expect(parseRoute(hrefFor(route))).toEqual(route);
  });
});
