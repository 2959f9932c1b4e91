import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { limits, newGroupTrack, type GroupTrack, type PartitionTrack } from '../../../../../main/kafka/monitor/group-track';
import { loadHistory, saveHistory } from '../../../../../main/kafka/monitor/history-file';
import { PointRing } from '../../../../../main/kafka/monitor/point-ring';
import type { OffsetSample } from '../../../../../shared/kafka/lag-time';

const dir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'sluice-history-file-'));

function track(i: number): GroupTrack {
  const t = newGroupTrack(i % 2 ? 'classic' : 'consumer', 'Stable', 1_000 + i);
  t.groupEpoch = i;
  t.assignmentEpoch = i;
  for (let k = 0; k < 5; k++) t.points.push([2_000 + k * 5_000, i * 10 + k, k % 2 ? null : k]);
  t.events.push({ at: 3_000, kind: 'join', memberId: `m${i}`, clientId: 'c' });
  t.spans.push({ state: 'Stable', from: 1_000, to: 2_000 });
  for (let p = 0; p < 3; p++) {
    const points = new PointRing(2, limits.partitionPoints);
    for (let k = 0; k < 4; k++) points.push([2_000 + k * 5_000, p + k]);
    const partition: PartitionTrack = { lastOffset: 40 + p, lastOffsetChangeAt: 2_500, committed: [{ offset: 40 + p, firstAt: 2_000, lastAt: 2_100 }], points, window: [], status: null };
    t.partitions.set(`t\u0000${p}`, partition);
  }
  return t;
}

const comparable = (t: GroupTrack) => ({
  type: t.type, state: t.state, stateSince: t.stateSince, lastSeen: t.lastSeen, groupEpoch: t.groupEpoch, assignmentEpoch: t.assignmentEpoch,
  points: t.points.toArray(), events: t.events, spans: t.spans,
  partitions: [...t.partitions].map(([k, p]) => [k, p.lastOffset, p.lastOffsetChangeAt, p.committed, p.points.toArray()]),
});

describe('the history file', () => {
  it('gives back what was saved: groups, their points, events, spans and partitions, and the log-end samples', () => {
    const file = path.join(dir(), 'c.json');
    const groups = new Map(Array.from({ length: 50 }, (_, i) => [`g${i}`, track(i)] as const));
    const logEnds = new Map<string, OffsetSample[]>([['t\u00000', [{ offset: 10, firstAt: 1, lastAt: 1 }, { offset: 20, firstAt: 2, lastAt: 3 }]], ['t\u00001', [{ offset: 5, firstAt: 1, lastAt: 1 }]]]);
    saveHistory(file, 'c', groups, logEnds);
    const loaded = loadHistory(file)!;
    expect([...loaded.groups.keys()]).toEqual([...groups.keys()]);
    for (const [id, t] of groups) expect(comparable(loaded.groups.get(id)!)).toEqual(comparable(t));
    expect(loaded.logEnds).toEqual(logEnds);
  });

  it('is written a line per group, so no single text holds the whole history', () => {
    const file = path.join(dir(), 'c.json');
    saveHistory(file, 'c', new Map([['a', track(1)], ['b', track(2)]]), new Map([['t\u00000', [{ offset: 1, firstAt: 1, lastAt: 1 }]]]));
    const lines = fs.readFileSync(file, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatchObject({ version: 2, clusterId: 'c' });
    expect(lines.slice(1).map((l) => l.logEnd ?? l.group)).toEqual(['t\u00000', 'a', 'b']);
  });

  it('still reads a history written by the first version (one JSON text)', () => {
    const file = path.join(dir(), 'c.json');
    const t = track(3);
    const v1 = {
      version: 1, clusterId: 'c', savedAt: 9_000, logEnds: { 't\u00000': [{ at: 1, offset: 1 }] },
      groups: { old: { type: t.type, state: t.state, stateSince: t.stateSince, groupEpoch: t.groupEpoch, assignmentEpoch: t.assignmentEpoch, points: t.points.toArray(), events: t.events, spans: t.spans, partitions: Object.fromEntries([...t.partitions].map(([k, p]) => [k, { lastOffset: p.lastOffset, lastOffsetChangeAt: p.lastOffsetChangeAt, committed: p.committed, points: p.points.toArray() }])) } },
    };
    fs.writeFileSync(file, JSON.stringify(v1));
    const loaded = loadHistory(file)!;
    expect(comparable(loaded.groups.get('old')!)).toEqual({ ...comparable(t), lastSeen: 9_000 });
    expect(loaded.logEnds.get('t\u00000')).toEqual([{ at: 1, offset: 1 }]);
  });

  it('costs the charts their past, never the start, when the file is damaged or of an unknown version', () => {
    const d = dir();
    fs.writeFileSync(path.join(d, 'torn.json'), '{"version":2,"clusterId":"c","savedAt":1}\n{"group":"a","ty');
    expect(loadHistory(path.join(d, 'torn.json'))).toBeNull();
    fs.writeFileSync(path.join(d, 'future.json'), '{"version":9,"clusterId":"c","savedAt":1}\n');
    expect(loadHistory(path.join(d, 'future.json'))).toBeNull();
    fs.writeFileSync(path.join(d, 'empty.json'), '');
    expect(loadHistory(path.join(d, 'empty.json'))).toBeNull();
    expect(loadHistory(path.join(d, 'missing.json'))).toBeNull();
  });
});
