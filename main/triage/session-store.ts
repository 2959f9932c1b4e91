// Triage sessions on disk: one append-only JSON-lines file per session under <data>/triage/sessions,
// written through the same safe append as the audit log (fsynced before the caller is answered, a
// failed write cut back, a torn tail never glued onto). Captured charts are PNG files in a folder
// beside the session's file. A small index caches each session's summary so the list does not read
// every file; it is only a cache: a file whose size changed is read again.
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { AppFailure } from '../../shared/common/result';
import { entrySchema, type Entry } from '../../shared/triage/session';
import { buildTimeline, orderEntries, sessionState, type SessionSummary } from '../../shared/triage/timeline';
import { AppendOnlyFile } from '../platform/append-only-file';
import { writeFileAtomic } from '../platform/atomic-write';
import { createLogger } from '../platform/logger';

const log = createLogger('triage-store');

export interface StoredSession {
  id: string;
  /** Every readable entry in file order (the timeline builder orders them by time). */
  entries: Entry[];
  ids: Set<string>;
  damagedLines: number;
  file: AppendOnlyFile;
}

interface IndexRow { size: number; summary: SessionSummary | null }

const slug = (text: string) => text.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'session';

export function newSessionId(title: string, now = new Date()): string {
  const stamp = now.toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
  return `${stamp}-${slug(title)}-${randomBytes(2).toString('hex')}`;
}

const unavailable = (file: string, error: unknown) =>
  new AppFailure('AUDIT_UNAVAILABLE', `The triage session could not be written (${(error as NodeJS.ErrnoException).code ?? 'error'}: ${(error as Error).message}); nothing was recorded. Free disk space in ${path.dirname(file)} and try again.`, { file: path.basename(file) });

export class SessionStore {
  readonly dir: string;
  readonly #indexFile: string;
  #index: Map<string, IndexRow> | null = null;
  /** Sessions read into memory: the active one, and any opened since (bounded). */
  readonly #open = new Map<string, StoredSession>();
  /** Sessions that stay in memory (the active one): an evicted copy read again would fork it. */
  readonly #held = new Set<string>();

  constructor(dataDir: string) {
    this.dir = path.join(dataDir, 'triage', 'sessions');
    fs.mkdirSync(this.dir, { recursive: true });
    this.#indexFile = path.join(dataDir, 'triage', 'index.json');
  }

  fileOf(id: string): string {
    return path.join(this.dir, `${id}.jsonl`);
  }

  attachmentsOf(id: string): string {
    return path.join(this.dir, id);
  }

  exists(id: string): boolean {
    return fs.existsSync(this.fileOf(id));
  }

  /** The session's entries, read once and then kept up to date by append(). */
  open(id: string): StoredSession {
    const cached = this.#open.get(id);
    if (cached) return cached;
    const file = new AppendOnlyFile(this.fileOf(id));
    if (!fs.existsSync(file.file)) throw new AppFailure('NOT_FOUND', `There is no triage session "${id}" on this machine.`, { id });
    // A tail that no append finished was never acknowledged to anyone: cut it, so no torn line stays.
    const cut = file.cutTornTail();
    if (cut > 0) log.warn(`Cut an unfinished write (${cut} bytes) off the end of session ${id}`);
    const { values, damagedLines } = file.readJson();
    const entries: Entry[] = [];
    let damaged = damagedLines;
    for (const value of values) {
      const parsed = entrySchema.safeParse(value);
      if (parsed.success && parsed.data.sessionId === id) entries.push(parsed.data);
      else damaged++;
    }
    const session: StoredSession = { id, entries, ids: new Set(entries.map((e) => e.id)), damagedLines: damaged, file };
    this.#open.set(id, session);
    this.#trimOpen();
    return session;
  }

  /** Keeps a session in memory until released (the active one). */
  hold(id: string): void {
    this.#held.add(id);
  }

  release(id: string): void {
    this.#held.delete(id);
    this.#trimOpen();
  }

  /** Keeps the held sessions and a few recently opened ones in memory. */
  #trimOpen() {
    while (this.#open.size > 8 + this.#held.size) {
      const oldest = [...this.#open.keys()].find((k) => !this.#held.has(k));
      if (!oldest) break;
      this.#open.delete(oldest);
    }
  }

  /** Creates the session's file with its first entries. */
  create(id: string, entries: Entry[]): StoredSession {
    const file = new AppendOnlyFile(this.fileOf(id));
    if (fs.existsSync(file.file)) throw new AppFailure('CONFLICT', `A triage session "${id}" already exists.`, { id });
    const session: StoredSession = { id, entries: [], ids: new Set(), damagedLines: 0, file };
    this.#open.set(id, session);
    this.append(session, entries);
    return session;
  }

  /**
   * Appends entries (those whose id the session already has are skipped: a teammate's copy, a
   * replay), fsynced, in one write. Throws AUDIT_UNAVAILABLE when the disk cannot take them; the
   * session is then as it was.
   */
  append(session: StoredSession, entries: readonly Entry[]): Entry[] {
    const batch = new Set<string>();
    const fresh = entries.filter((e) => !session.ids.has(e.id) && !batch.has(e.id) && batch.add(e.id));
    if (fresh.length === 0) return [];
    try {
      session.file.appendJson(fresh);
    } catch (error) {
      throw unavailable(session.file.file, error);
    }
    for (const entry of fresh) {
      session.entries.push(entry);
      session.ids.add(entry.id);
    }
    return fresh;
  }

  /** Saves a captured chart beside the session's file; returns its file name. */
  saveAttachment(id: string, name: string, bytes: Buffer): void {
    const dir = this.attachmentsOf(id);
    const target = path.join(dir, path.basename(name));
    const temporary = `${target}.${process.pid}.sluice-tmp`;
    try {
      fs.mkdirSync(dir, { recursive: true });
      const fd = fs.openSync(temporary, 'w', 0o600);
      try {
        fs.writeFileSync(fd, bytes);
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
      fs.renameSync(temporary, target);
    } catch (error) {
      fs.rmSync(temporary, { force: true });
      throw unavailable(target, error);
    }
  }

  readAttachment(id: string, name: string): Buffer | null {
    try {
      return fs.readFileSync(path.join(this.attachmentsOf(id), path.basename(name)));
    } catch {
      return null;
    }
  }

  /** Every session on this machine, newest first, from the index where a file has not changed. */
  list(): SessionSummary[] {
    const index = this.#loadIndex();
    let changed = false;
    const seen = new Set<string>();
    const summaries: SessionSummary[] = [];
    let names: string[];
    try {
      names = fs.readdirSync(this.dir).filter((n) => n.endsWith('.jsonl'));
    } catch {
      names = [];
    }
    for (const name of names) {
      const id = name.slice(0, -'.jsonl'.length);
      seen.add(id);
      let size: number;
      try {
        size = fs.statSync(path.join(this.dir, name)).size;
      } catch {
        continue;
      }
      let row = index.get(id);
      if (!row || row.size !== size) {
        row = { size, summary: this.#summarize(id) };
        index.set(id, row);
        changed = true;
      }
      if (row.summary) summaries.push(row.summary);
    }
    for (const id of [...index.keys()]) if (!seen.has(id)) { index.delete(id); changed = true; }
    if (changed) this.#saveIndex(index);
    return summaries.sort((a, b) => (a.startedAt < b.startedAt ? 1 : a.startedAt > b.startedAt ? -1 : 0));
  }

  #summarize(id: string): SessionSummary | null {
    const open = this.#open.get(id);
    const entries = open ? open.entries : this.#readEntries(id);
    const state = sessionState(orderEntries(entries));
    if (!state) return null;
    const { findings: _f, followUps: _u, watches: _w, grants: _g, counts: _c, ...summary } = state;
    return summary;
  }

  #readEntries(id: string): Entry[] {
    const { values } = new AppendOnlyFile(this.fileOf(id)).readJson();
    return values.flatMap((v) => {
      const parsed = entrySchema.safeParse(v);
      return parsed.success ? [parsed.data] : [];
    });
  }

  #loadIndex(): Map<string, IndexRow> {
    if (this.#index) return this.#index;
    let rows: Record<string, IndexRow>;
    try {
      rows = JSON.parse(fs.readFileSync(this.#indexFile, 'utf8')) as Record<string, IndexRow>;
    } catch {
      rows = {};
    }
    this.#index = new Map(Object.entries(rows).filter(([, r]) => r && typeof r.size === 'number'));
    return this.#index;
  }

  #saveIndex(index: Map<string, IndexRow>) {
    try {
      writeFileAtomic(this.#indexFile, JSON.stringify(Object.fromEntries(index)));
    } catch (error) {
      // Only a cache: the next list reads the files again.
      log.warn('Could not save the triage index', error);
    }
  }

  /** The timeline of a session (see shared/triage/timeline.ts). */
  timeline(id: string, options: Parameters<typeof buildTimeline>[1]) {
    const session = this.open(id);
    return { ...buildTimeline(session.entries, options), damagedLines: session.damagedLines };
  }
}
