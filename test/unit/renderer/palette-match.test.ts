// The command palette's matching and ranking: what the user typed finds the name they meant first,
// in tiers (whole name, start, word start, anywhere, letters in order), across kinds, capped.
import { describe, expect, it } from 'vitest';
import { matchedRanges, normalizeQuery, prepare, rank, scoreItem, scoreText } from '../../../renderer/src/components/palette/match';
import { paletteResults } from '../../../renderer/src/components/palette/palette-results';
import type { PaletteItem, PaletteSource, SourceSnapshot } from '../../../renderer/src/components/palette/palette-source';

const names = (hits: Array<{ label: string }>) => hits.map((h) => h.label);
const rankNames = (query: string, labels: string[], limit = 10) => names(rank(normalizeQuery(query), labels.map((l) => prepare(l, l)), limit).hits);

describe('scoreText', () => {
  it('ranks the whole name over its start over a word start over inside over letters in order', () => {
    const scores = ['orders', 'orders-fulfilment', 'eu-orders', 'reorders', 'o-r-d-e-r-s'].map((text) => scoreText('orders', text));
    expect(scores.every((s) => s > 0)).toBe(true);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('does not match when a letter is missing or out of order', () => {
    expect(scoreText('orders', 'payments')).toBe(0);
    expect(scoreText('sredro', 'orders')).toBe(0);
  });

  it('finds an abbreviation by the words’ initials and ignores letters scattered over a long name', () => {
    expect(scoreText('pw', 'payments-writer')).toBeGreaterThan(0);
    expect(scoreText('pmtwr', 'payments-ledger-writer')).toBeGreaterThan(0);
    expect(scoreText('ab', `a${'x'.repeat(40)}b`)).toBe(0);
  });

  it('starts letters in order where a word starts, so a word is not found in the letters of others', () => {
    expect(scoreText('orders', 'record architecture decisions')).toBe(0);
    expect(scoreText('wrt', 'payments-ledger-writer')).toBeGreaterThan(0);
    expect(scoreText('rtr', 'payments-ledger-writer')).toBe(0);
  });

  it('matches a single letter only where a word starts', () => {
    expect(scoreText('w', 'payments-writer')).toBeGreaterThan(0);
    expect(scoreText('y', 'payments-writer')).toBe(0);
  });

  it('needs every word of a query of several words, in any order', () => {
    expect(scoreText('writer pay', 'payments-ledger-writer')).toBeGreaterThan(0);
    expect(scoreText('writer audit', 'payments-ledger-writer')).toBe(0);
  });

  it('ranks an earlier occurrence higher', () => {
    expect(scoreText('lag', 'lag-checker')).toBeGreaterThan(scoreText('lag', 'consumer-lag'));
    expect(scoreText('lag', 'consumer-lag')).toBeGreaterThan(scoreText('lag', 'very-long-consumer-name-lag'));
  });
});

describe('keywords', () => {
  it('find an item by another word for it, below a match on a name', () => {
    const overview = prepare('Overview', 'Overview', 'cluster controller');
    const group = prepare('cluster-sync', 'cluster-sync');
    expect(scoreItem('cluster', overview)).toBeGreaterThan(0);
    expect(scoreItem('cluster', group)).toBeGreaterThan(scoreItem('cluster', overview));
    // No letters-in-order guessing on keywords.
    expect(scoreItem('clr', prepare('Overview', 'Overview', 'cluster'))).toBe(0);
  });

  it('let the words of a query match name and keywords together', () => {
    const mismatch = prepare('17', '#17 payments pay_1', 'differs open payments-cdc');
    expect(scoreItem('pay_1 open', mismatch)).toBeGreaterThan(0);
    expect(scoreItem('pay_1 resolved', mismatch)).toBe(0);
  });
});

describe('rank', () => {
  it('puts the best first, then the shorter name, then alphabetical', () => {
    expect(rankNames('orders', ['eu-orders', 'orders-fulfilment', 'orders', 'orders-audit', 'reorders'])).toEqual(
      ['orders', 'orders-audit', 'orders-fulfilment', 'eu-orders', 'reorders'],
    );
  });

  it('keeps only the best few, whatever the input order, and counts every match', () => {
    const labels = Array.from({ length: 500 }, (_, i) => `group-${String(i).padStart(3, '0')}`).reverse();
    const result = rank('group-4', labels.map((l) => prepare(l, l)), 3);
    // 100 contain "group-4"; more have its letters in order (group-014) and are counted too.
    expect(result.total).toBe(labels.filter((l) => scoreText('group-4', l) > 0).length);
    expect(result.total).toBeGreaterThan(100);
    expect(names(result.hits)).toEqual(['group-400', 'group-401', 'group-402']);
  });

  it('lists everything in its own order when nothing is typed', () => {
    expect(rankNames('', ['b', 'a', 'c'])).toEqual(['b', 'a', 'c']);
  });

  it('matches case-insensitively and trims the query', () => {
    expect(rankNames('  Payments   Writer ', ['payments-writer', 'PAYMENTS WRITER'])).toEqual(['PAYMENTS WRITER', 'payments-writer']);
  });
});

describe('matchedRanges', () => {
  it('marks the occurrence that was scored: a word start before an earlier inside occurrence', () => {
    expect(matchedRanges('lag', 'flag-lag')).toEqual([[5, 8]]);
  });

  it('marks each word of a query of several words, and the letters of an abbreviation', () => {
    expect(matchedRanges('writer pay', 'payments-writer')).toEqual([[0, 3], [9, 15]]);
    expect(matchedRanges('pw', 'payments-writer')).toEqual([[0, 1], [9, 10]]);
  });

  it('marks nothing for an item found by its keywords', () => {
    expect(matchedRanges('cluster', 'Overview')).toEqual([]);
  });
});

describe('paletteResults', () => {
  const item = (kind: string, label: string): PaletteItem => ({ id: label, label, route: { page: 'groups' }, icon: 'groups' });
  const source = (kind: string, showWhenEmpty = false): PaletteSource => ({ kind, title: kind, showWhenEmpty, Feed: () => null });
  const snapshot = (kind: string, labels: string[]): SourceSnapshot => ({ items: labels.map((l) => prepare(item(kind, l), l)), loading: false, problem: null });
  const sources = [source('page', true), source('group'), source('subject')];
  const snapshots = {
    page: snapshot('page', ['Overview', 'Consumer groups', 'Schemas']),
    group: snapshot('group', ['payments-writer', 'orders', 'schemas-sync']),
    subject: snapshot('subject', ['payments-value', 'orders-value']),
  };

  it('shows only the pages before anything is typed', () => {
    const groups = paletteResults('', sources, snapshots);
    expect(groups.map((g) => g.source.kind)).toEqual(['page']);
    expect(names(groups[0]!.hits)).toEqual(['Overview', 'Consumer groups', 'Schemas']);
  });

  it('groups by kind, the kind with the best match first, and drops kinds without one', () => {
    expect(paletteResults('orders-v', sources, snapshots).map((g) => g.source.kind)).toEqual(['subject']);
    // The subject's name is exactly what was typed; the group only contains it.
    const both = { ...snapshots, group: snapshot('group', ['eu-orders-value']) };
    const groups = paletteResults('orders-value', sources, both);
    expect(groups.map((g) => g.source.kind)).toEqual(['subject', 'group']);
    expect(names(groups[0]!.hits)).toEqual(['orders-value']);
  });

  it('keeps the sources’ order between kinds that match equally well', () => {
    expect(paletteResults('schemas', sources, snapshots).map((g) => g.source.kind)).toEqual(['page', 'group']);
  });

  it('caps each kind and says how many matched', () => {
    const many = { ...snapshots, group: snapshot('group', Array.from({ length: 40 }, (_, i) => `orders-${i}`)) };
    const [groups] = paletteResults('orders-', sources, many, 5);
    expect(groups!.hits).toHaveLength(5);
    expect(groups!.total).toBe(40);
  });

  it('leaves out a source that has reported nothing yet', () => {
    expect(paletteResults('orders', sources, { page: snapshots.page }).map((g) => g.source.kind)).toEqual([]);
  });
});
