// The command palette's work per keystroke at 10,000 consumer groups (with the pages, 2,000 schema
// subjects, 50 decisions and 1,000 mismatches beside them): the pure ranking the palette runs on
// every change of the query, timed over a user typing a group id letter by letter, an
// abbreviation, two words and a miss; and the preparation a groups push costs. Numbers, not
// assertions. Standalone: npx tsx test/bench/palette.ts; also part of `npm run bench`.
import { pathToFileURL } from 'node:url';
import { prepare } from '../../renderer/src/components/palette/match';
import { paletteResults } from '../../renderer/src/components/palette/palette-results';
import type { PaletteItem, PaletteSource, SourceSnapshot } from '../../renderer/src/components/palette/palette-source';
import { navLinks } from '../../renderer/src/components/navigation/nav-entries';

export interface PaletteBenchResult { groups: number; keystrokes: number; medianMs: number; p95Ms: number; maxMs: number; prepareGroupsMs: number }

const domains = ['payments', 'orders', 'inventory', 'ledger', 'customers', 'shipping', 'fraud', 'notifications', 'audit', 'pricing'];
const roles = ['writer', 'reader', 'sync', 'projector', 'enricher', 'archiver', 'indexer', 'router'];

const source = (kind: string, showWhenEmpty = false): PaletteSource => ({ kind, title: kind, showWhenEmpty, Feed: () => null });
const item = (id: string, label: string): PaletteItem => ({ id, label, route: { page: 'groups' }, icon: 'groups' });
const snapshot = (items: SourceSnapshot['items']): SourceSnapshot => ({ items, loading: false, problem: null });
const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))]!;

export function paletteBench(groupCount = 10_000): PaletteBenchResult {
  const groupIds = Array.from({ length: groupCount }, (_, i) => `${domains[i % domains.length]}-${roles[Math.floor(i / domains.length) % roles.length]}-${i}`);
  // What the groups source does when a push arrives.
  const t0 = performance.now();
  const groups = groupIds.map((id) => prepare(item(id, id), id, 'Stable consumer'));
  const prepareGroupsMs = performance.now() - t0;
  const sources = [source('page', true), source('group'), source('subject'), source('decision'), source('mismatch')];
  const snapshots: Record<string, SourceSnapshot> = {
    page: snapshot(navLinks().map((l) => prepare(item(l.page, l.label), l.label, l.keywords))),
    group: snapshot(groups),
    subject: snapshot(Array.from({ length: 2_000 }, (_, i) => { const s = `${domains[i % domains.length]}-event-${i}-value`; return prepare(item(s, s), s, 'AVRO'); })),
    decision: snapshot(Array.from({ length: 50 }, (_, i) => { const t = `Decision about ${domains[i % domains.length]} number ${i}`; return prepare(item(String(i), t), t, `adr-${i} accepted`); })),
    mismatch: snapshot(Array.from({ length: 1_000 }, (_, i) => { const l = `#${i} payments pay_${i * 7}`; return prepare(item(String(i), l), l, 'differs open payments-cdc'); })),
  };
  const typed = 'payments-writer-4800';
  const queries = [...Array.from({ length: typed.length }, (_, i) => typed.slice(0, i + 1)), 'pmtwr', 'orders 17', 'sync 99', 'zzzz'];
  // One untimed round first, so the numbers are not the JIT warming up.
  for (const q of queries) paletteResults(q, sources, snapshots);
  const times: number[] = [];
  for (let round = 0; round < 5; round++) {
    for (const q of queries) {
      const start = performance.now();
      paletteResults(q, sources, snapshots);
      times.push(performance.now() - start);
    }
  }
  return { groups: groupCount, keystrokes: times.length, medianMs: percentile(times, 0.5), p95Ms: percentile(times, 0.95), maxMs: Math.max(...times), prepareGroupsMs };
}

export const describePaletteBench = (r: PaletteBenchResult): string =>
  `   ${r.keystrokes} keystrokes over ${r.groups.toLocaleString('en-US')} groups + 2,000 subjects + 1,000 mismatches: median ${r.medianMs.toFixed(2)} ms, p95 ${r.p95Ms.toFixed(2)} ms, max ${r.maxMs.toFixed(2)} ms per keystroke; a groups push prepared in ${r.prepareGroupsMs.toFixed(1)} ms (frame budget 16.7 ms)`;

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log('== Command palette: ranking per keystroke (pure function, as the palette runs it)');
  console.log(describePaletteBench(paletteBench()));
}
