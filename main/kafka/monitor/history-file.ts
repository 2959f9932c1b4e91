// The history survives restarts: a JSON snapshot per cluster, written atomically every minute and
// on close. Health windows are not saved (they refill within a minute); everything a chart shows is.
import fs from 'node:fs';
import path from 'node:path';
import type { OffsetSample } from '../../../shared/kafka/lag-time';
import { writeFileAtomic } from '../../platform/atomic-write';
import { createLogger } from '../../platform/logger';
import { limits, newGroupTrack, type GroupTrack } from './group-track';
import { PointRing } from './point-ring';

const log = createLogger('history');
const VERSION = 1;

interface SavedGroup {
  type: GroupTrack['type'];
  state: string;
  stateSince: number;
  /** Absent in files written before it was kept: the time of the save stands in. */
  lastSeen?: number;
  groupEpoch: number | null;
  assignmentEpoch: number | null;
  points: Array<Array<number | null>>;
  events: GroupTrack['events'];
  spans: GroupTrack['spans'];
  partitions: Record<string, { lastOffset: number | null; lastOffsetChangeAt: number; committed: OffsetSample[]; points: Array<Array<number | null>> }>;
}

interface Saved {
  version: number;
  clusterId: string;
  savedAt: number;
  groups: Record<string, SavedGroup>;
  logEnds: Record<string, OffsetSample[]>;
}

export const historyFile = (dir: string, clusterId: string) => path.join(dir, `${clusterId.replace(/[^A-Za-z0-9_-]/g, '_')}.json`);

export function saveHistory(file: string, clusterId: string, groups: Map<string, GroupTrack>, logEnds: Map<string, OffsetSample[]>): void {
  const saved: Saved = { version: VERSION, clusterId, savedAt: Date.now(), groups: {}, logEnds: Object.fromEntries(logEnds) };
  for (const [groupId, t] of groups) {
    const partitions: SavedGroup['partitions'] = {};
    for (const [key, p] of t.partitions) partitions[key] = { lastOffset: p.lastOffset, lastOffsetChangeAt: p.lastOffsetChangeAt, committed: p.committed, points: p.points.toArray() };
    saved.groups[groupId] = { type: t.type, state: t.state, stateSince: t.stateSince, lastSeen: t.lastSeen, groupEpoch: t.groupEpoch, assignmentEpoch: t.assignmentEpoch, points: t.points.toArray(), events: t.events, spans: t.spans, partitions };
  }
  writeFileAtomic(file, JSON.stringify(saved));
}

export function loadHistory(file: string): { groups: Map<string, GroupTrack>; logEnds: Map<string, OffsetSample[]> } | null {
  if (!fs.existsSync(file)) return null;
  try {
    const saved = JSON.parse(fs.readFileSync(file, 'utf8')) as Saved;
    if (saved.version !== VERSION) return null;
    const groups = new Map<string, GroupTrack>();
    for (const [groupId, g] of Object.entries(saved.groups)) {
      const track = newGroupTrack(g.type, g.state, g.stateSince);
      Object.assign(track, { lastSeen: g.lastSeen ?? saved.savedAt, groupEpoch: g.groupEpoch, assignmentEpoch: g.assignmentEpoch, points: PointRing.from(3, limits.groupPoints, g.points), events: g.events, spans: g.spans });
      for (const [key, p] of Object.entries(g.partitions)) track.partitions.set(key, { ...p, points: PointRing.from(2, limits.partitionPoints, p.points), window: [], status: null });
      groups.set(groupId, track);
    }
    return { groups, logEnds: new Map(Object.entries(saved.logEnds)) };
  } catch (error) {
    // A damaged history file costs the charts their past, never the app its start.
    log.warn(`Could not read ${file}; starting a new history`, error);
    return null;
  }
}
