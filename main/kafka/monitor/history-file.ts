// The history survives restarts: a snapshot per cluster, written atomically every minute and on
// close. Health windows are not saved (they refill within a minute); everything a chart shows is.
// The snapshot is JSON Lines — a header, then one line per partition's log-end samples and one per
// group — written and read a line at a time: at 10,000 groups it is over 30 MB, and building it (or
// parsing it) as one JSON text took the monitor's worker past its 192 MB heap limit (found by the
// 90-minute restart soak).
import fs from 'node:fs';
import path from 'node:path';
import type { OffsetSample } from '../../../shared/kafka/lag-time';
import { writePiecesAtomic } from '../../platform/atomic-write';
import { createLogger } from '../../platform/logger';
import { limits, newGroupTrack, type GroupTrack } from './group-track';
import { PointRing } from './point-ring';

const log = createLogger('history');
/** 1: one JSON text (still read); 2: JSON Lines. */
const VERSION = 2;
/** How much of the file is read at a time. */
const READ_CHUNK = 1 << 20;

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
  writePiecesAtomic(file, historyLines(clusterId, groups, logEnds));
}

function* historyLines(clusterId: string, groups: Map<string, GroupTrack>, logEnds: Map<string, OffsetSample[]>): Generator<string> {
  yield `${JSON.stringify({ version: VERSION, clusterId, savedAt: Date.now() })}\n`;
  for (const [key, samples] of logEnds) yield `${JSON.stringify({ logEnd: key, samples })}\n`;
  for (const [groupId, t] of groups) yield `${JSON.stringify({ group: groupId, ...savedGroup(t) })}\n`;
}

function savedGroup(t: GroupTrack): SavedGroup {
  const partitions: SavedGroup['partitions'] = {};
  for (const [key, p] of t.partitions) partitions[key] = { lastOffset: p.lastOffset, lastOffsetChangeAt: p.lastOffsetChangeAt, committed: p.committed, points: p.points.toArray() };
  return { type: t.type, state: t.state, stateSince: t.stateSince, lastSeen: t.lastSeen, groupEpoch: t.groupEpoch, assignmentEpoch: t.assignmentEpoch, points: t.points.toArray(), events: t.events, spans: t.spans, partitions };
}

function trackOf(g: SavedGroup, savedAt: number): GroupTrack {
  const track = newGroupTrack(g.type, g.state, g.stateSince);
  Object.assign(track, { lastSeen: g.lastSeen ?? savedAt, groupEpoch: g.groupEpoch, assignmentEpoch: g.assignmentEpoch, points: PointRing.from(3, limits.groupPoints, g.points), events: g.events, spans: g.spans });
  for (const [key, p] of Object.entries(g.partitions)) track.partitions.set(key, { ...p, points: PointRing.from(2, limits.partitionPoints, p.points), window: [], status: null });
  return track;
}

/** The file's lines, read a chunk at a time (never the whole file as one string). */
function* fileLines(file: string): Generator<string> {
  const fd = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(READ_CHUNK);
    const decoder = new TextDecoder();
    let carry = '';
    for (;;) {
      const read = fs.readSync(fd, buffer, 0, buffer.length, null);
      const text = carry + decoder.decode(buffer.subarray(0, read), { stream: read > 0 });
      const lines = text.split('\n');
      carry = lines.pop()!;
      yield* lines;
      if (read === 0) break;
    }
    if (carry) yield carry;
  } finally {
    fs.closeSync(fd);
  }
}

type HistoryLine = { version: number; clusterId: string; savedAt: number } | { logEnd: string; samples: OffsetSample[] } | ({ group: string } & SavedGroup);

export function loadHistory(file: string): { groups: Map<string, GroupTrack>; logEnds: Map<string, OffsetSample[]> } | null {
  if (!fs.existsSync(file)) return null;
  try {
    const groups = new Map<string, GroupTrack>();
    const logEnds = new Map<string, OffsetSample[]>();
    let savedAt: number | null = null;
    for (const line of fileLines(file)) {
      if (!line) continue;
      if (savedAt === null) {
        // The first line says what the file is; a version 1 file is one JSON text.
        if (line.startsWith('{"version":1,')) return loadVersion1(file);
        const header = JSON.parse(line) as HistoryLine;
        if (!('version' in header) || header.version !== VERSION) return null;
        savedAt = header.savedAt;
        continue;
      }
      const entry = JSON.parse(line) as HistoryLine;
      if ('logEnd' in entry) logEnds.set(entry.logEnd, entry.samples);
      else if ('group' in entry) groups.set(entry.group, trackOf(entry, savedAt));
    }
    return savedAt === null ? null : { groups, logEnds };
  } catch (error) {
    // A damaged history file costs the charts their past, never the app its start.
    log.warn(`Could not read ${file}; starting a new history`, error);
    return null;
  }
}

/** The history as the first versions wrote it: one JSON text. */
function loadVersion1(file: string): { groups: Map<string, GroupTrack>; logEnds: Map<string, OffsetSample[]> } {
  const saved = JSON.parse(fs.readFileSync(file, 'utf8')) as Saved;
  const groups = new Map<string, GroupTrack>();
  for (const [groupId, g] of Object.entries(saved.groups)) groups.set(groupId, trackOf(g, saved.savedAt));
  return { groups, logEnds: new Map(Object.entries(saved.logEnds)) };
}
