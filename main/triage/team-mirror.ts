// The team store (optional; SLUICE_TEAM_DB_URL): sessions and the audit log mirrored into a
// PostgreSQL database the team shares, so teammates see each other's sessions live and can join one
// from another machine. The local files stay the source of truth: every write lands on disk first,
// and a sync loop sends what the database has not got yet and brings in what teammates added to the
// sessions open here. Inserts are idempotent by entry (or record) id, so a lost cursor, a retry or
// two machines sending the same entry never make a duplicate. When the database is unreachable
// nothing else waits for it: Sluice keeps working and catches up when it answers again.
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { AppFailure } from '../../shared/common/result';
import type { TeamStatus } from '../../shared/triage/contract';
import { entrySchema, type Entry, type EntryKind } from '../../shared/triage/session';
import { buildTimeline, sessionSummarySchema, type SessionSummary, type Timeline } from '../../shared/triage/timeline';
import type { AuditRecord } from '../../shared/audit/audit-record';
import type { AuditLog } from '../audit/audit-log';
import { writeFileAtomic } from '../platform/atomic-write';
import { createLogger } from '../platform/logger';
import type { StoredSession } from './session-store';
import type { TriageService } from './triage-service';

const log = createLogger('team-store');

export interface TeamMirror {
  status(): TeamStatus;
  sessions(): Promise<SessionSummary[]>;
  view(id: string, options: { kinds?: EntryKind[]; text?: string; limit: number; now: number }): Promise<Timeline | null>;
  pull(id: string): Promise<StoredSession>;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS sluice_triage_sessions (
  id text PRIMARY KEY,
  summary jsonb NOT NULL,
  started_at timestamptz NOT NULL,
  ended_at timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE IF NOT EXISTS sluice_triage_entries (
  serial bigserial PRIMARY KEY,
  id text NOT NULL UNIQUE,
  session_id text NOT NULL,
  machine text NOT NULL,
  at timestamptz NOT NULL,
  entry jsonb NOT NULL
);
CREATE INDEX IF NOT EXISTS sluice_triage_entries_by_session ON sluice_triage_entries (session_id, serial);
CREATE TABLE IF NOT EXISTS sluice_audit_records (
  serial bigserial PRIMARY KEY,
  id text NOT NULL UNIQUE,
  machine text NOT NULL,
  seq bigint,
  time timestamptz,
  record jsonb NOT NULL
);`;

/** What has been sent and brought in, per session and for the audit log (a cache: losing it only re-sends). */
interface SyncState {
  sessions: Record<string, { sent: number; sentSize: number; pulledSerial: number }>;
  audit: { firstId: string | null; sent: number };
}

const BATCH = 500;
/** Teammates' machines are told of new entries on this channel (the payload: the writing machine). */
const CHANNEL = 'sluice_triage';
/** While the LISTEN connection is up, a poll only catches what a lost notification missed. */
const LISTENING_POLL_MS = 30_000;
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export interface TeamStoreOptions {
  url: string;
  triage: TriageService;
  audit: AuditLog;
  dataDir: string;
  /**
   * Between syncs while nothing happens and no LISTEN connection is up; a local write syncs within a
   * moment, and a teammate's within a moment of its NOTIFY while one is.
   */
  intervalMs?: number;
}

export class PostgresTeamStore implements TeamMirror {
  readonly #triage: TriageService;
  readonly #audit: AuditLog;
  readonly #stateFile: string;
  readonly #url: string;
  readonly #intervalMs: number;
  #pool: pg.Pool | null = null;
  /** The connection that LISTENs for teammates' writes; null while the database is away. */
  #listener: pg.Client | null = null;
  /** Something this round sent that teammates' open sessions show. */
  #sentEntries = false;
  #schemaReady = false;
  #state: SyncState;
  #status: TeamStatus = { configured: true, reachable: false, lastSyncAt: null, pending: 0, problem: null };
  #remote: SessionSummary[] = [];
  #timer: NodeJS.Timeout | null = null;
  #soon: NodeJS.Timeout | null = null;
  #running: Promise<void> | null = null;
  #again = false;
  #closed = false;
  readonly #unfollow: () => void;

  constructor(options: TeamStoreOptions) {
    this.#triage = options.triage;
    this.#audit = options.audit;
    this.#url = options.url;
    this.#intervalMs = options.intervalMs ?? 2_000;
    this.#stateFile = path.join(options.dataDir, 'triage', 'team-sync.json');
    this.#state = this.#loadState();
    this.#unfollow = this.#triage.onEntries(() => this.#syncSoon());
  }

  status(): TeamStatus {
    return { ...this.#status };
  }

  start(): void {
    if (this.#timer || this.#closed) return;
    const loop = () => {
      this.#timer = setTimeout(() => { void this.sync().finally(() => { if (!this.#closed) loop(); }); }, this.#listener ? LISTENING_POLL_MS : this.#intervalMs);
      this.#timer.unref();
    };
    void this.sync();
    loop();
  }

  #syncSoon() {
    if (this.#soon || this.#closed || !this.#timer) return;
    this.#soon = setTimeout(() => { this.#soon = null; void this.sync(); }, 200);
    this.#soon.unref();
  }

  /** One round: send what is missing, bring in teammates' entries, refresh the team's sessions. Never throws. */
  sync(): Promise<void> {
    if (this.#running) {
      this.#again = true;
      return this.#running;
    }
    this.#running = this.#sync().finally(() => {
      this.#running = null;
      if (this.#again && !this.#closed) {
        this.#again = false;
        void this.sync();
      }
    });
    return this.#running;
  }

  async #sync(): Promise<void> {
    try {
      const pool = this.#poolNow();
      if (!this.#schemaReady) await this.#createSchema(pool);
      this.#sentEntries = false;
      await this.#sendSessions(pool);
      await this.#sendAudit(pool);
      if (this.#sentEntries) await pool.query('SELECT pg_notify($1, $2)', [CHANNEL, this.#triage.machine]);
      // Without LISTEN the team store still works, by polling.
      await this.#listen().catch((error: unknown) => log.warn(`Could not LISTEN for teammates' entries; polling instead (${messageOf(error)})`));
      await this.#pullOpenSessions(pool);
      await this.#refreshRemote(pool);
      this.#status = { configured: true, reachable: true, lastSyncAt: new Date().toISOString(), pending: this.#pending(), problem: null };
    } catch (error) {
      if (this.#status.reachable || this.#status.problem === null) log.warn(`The team database is unreachable; working locally and catching up later (${messageOf(error)})`);
      this.#status = { ...this.#status, reachable: false, pending: this.#pending(), problem: messageOf(error) };
      await this.#dropPool();
    } finally {
      this.#saveState();
    }
  }

  /**
   * Keeps one connection LISTENing, so a teammate's entry arrives within a moment of its NOTIFY
   * rather than at the next poll. It is opened again by the first sync after it is lost.
   */
  async #listen(): Promise<void> {
    if (this.#listener || this.#closed) return;
    const client = new pg.Client({ connectionString: this.#url, connectionTimeoutMillis: 3_000, application_name: 'sluice-listen' });
    const lost = () => {
      if (this.#listener !== client) return;
      this.#listener = null;
      void client.end().catch(() => undefined);
    };
    client.on('error', (error) => { log.warn(`The team database's LISTEN connection failed: ${messageOf(error)}`); lost(); });
    client.on('end', lost);
    client.on('notification', (message) => { if (message.payload !== this.#triage.machine) this.#syncSoon(); });
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    if (this.#closed) { await client.end().catch(() => undefined); return; }
    this.#listener = client;
  }

  /** Whether teammates' writes arrive as they happen (a LISTEN connection is up), or by polling. */
  get listening(): boolean { return this.#listener !== null; }

  #poolNow(): pg.Pool {
    if (this.#pool) return this.#pool;
    const pool = new pg.Pool({ connectionString: this.#url, max: 2, connectionTimeoutMillis: 3_000, idleTimeoutMillis: 10_000, statement_timeout: 15_000, query_timeout: 20_000, application_name: 'sluice' });
    // An idle connection that the server drops must not become an unhandled error in main.
    pool.on('error', (error) => log.warn(`The team database dropped a connection: ${messageOf(error)}`));
    this.#pool = pool;
    return pool;
  }

  async #dropPool() {
    const pool = this.#pool;
    const listener = this.#listener;
    this.#pool = null;
    this.#listener = null;
    this.#schemaReady = false;
    await Promise.all([pool?.end().catch(() => undefined), listener?.end().catch(() => undefined)]);
  }

  async #createSchema(pool: pg.Pool) {
    try {
      await pool.query(SCHEMA);
    } catch (error) {
      // Two machines creating the tables at the same moment: one wins, the other finds them there.
      if ((error as { code?: string }).code !== '23505') throw error;
      await pool.query(SCHEMA);
    }
    this.#schemaReady = true;
  }

  #cursor(id: string) {
    return (this.#state.sessions[id] ??= { sent: 0, sentSize: 0, pulledSerial: 0 });
  }

  /** This machine's entries of each local session that the database has not got yet, in batches. */
  async #sendSessions(pool: pg.Pool) {
    const store = this.#triage.store;
    for (const summary of store.list()) {
      const cursor = this.#cursor(summary.id);
      const size = fs.statSync(store.fileOf(summary.id), { throwIfNoEntry: false })?.size ?? 0;
      if (size === cursor.sentSize && cursor.sent > 0) continue;
      const own = store.open(summary.id).entries.filter((e) => e.machine === this.#triage.machine);
      for (let i = cursor.sent; i < own.length; i += BATCH) {
        const batch = own.slice(i, i + BATCH);
        await pool.query(
          `INSERT INTO sluice_triage_entries (id, session_id, machine, at, entry)
           SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::jsonb[]) ON CONFLICT (id) DO NOTHING`,
          [batch.map((e) => e.id), batch.map((e) => e.sessionId), batch.map((e) => e.machine), batch.map((e) => e.at), batch.map((e) => JSON.stringify(e))],
        );
        cursor.sent = i + batch.length;
        this.#sentEntries = true;
      }
      await pool.query(
        `INSERT INTO sluice_triage_sessions (id, summary, started_at, ended_at, updated_at) VALUES ($1, $2, $3, $4, now())
         ON CONFLICT (id) DO UPDATE SET summary = EXCLUDED.summary, ended_at = EXCLUDED.ended_at, updated_at = now()`,
        [summary.id, JSON.stringify(summary), summary.startedAt, summary.endedAt],
      );
      this.#sentEntries = true;
      cursor.sent = own.length;
      cursor.sentSize = size;
    }
  }

  /** Audit records not yet sent, from the current log file (a rotation starts its count over; inserts are idempotent). */
  async #sendAudit(pool: pg.Pool) {
    const { records } = this.#audit.read();
    const firstId = records[0]?.id ?? null;
    if (firstId !== this.#state.audit.firstId) this.#state.audit = { firstId, sent: 0 };
    for (let i = this.#state.audit.sent; i < records.length; i += BATCH) {
      const batch = records.slice(i, i + BATCH).filter((r): r is AuditRecord => typeof r?.id === 'string');
      await pool.query(
        `INSERT INTO sluice_audit_records (id, machine, seq, time, record)
         SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[], $4::timestamptz[], $5::jsonb[]) ON CONFLICT (id) DO NOTHING`,
        [batch.map((r) => r.id), batch.map(() => this.#triage.machine), batch.map((r) => r.seq ?? null), batch.map((r) => (Number.isNaN(Date.parse(r.time)) ? null : r.time)), batch.map((r) => JSON.stringify(r))],
      );
      this.#state.audit.sent = Math.min(records.length, i + BATCH);
    }
  }

  /** Teammates' entries of the sessions open here (the active one, and any not ended). */
  async #pullOpenSessions(pool: pg.Pool) {
    const store = this.#triage.store;
    const activeId = this.#triage.active()?.id;
    const open = store.list().filter((s) => s.endedAt === null || s.id === activeId);
    for (const summary of open) {
      const session = store.open(summary.id);
      const cursor = this.#cursor(summary.id);
      for (;;) {
        const { rows } = await pool.query<{ serial: string; entry: unknown }>(
          'SELECT serial, entry FROM sluice_triage_entries WHERE session_id = $1 AND serial > $2 AND machine <> $3 ORDER BY serial LIMIT $4',
          [summary.id, cursor.pulledSerial, this.#triage.machine, BATCH],
        );
        if (rows.length === 0) break;
        const entries = rows.flatMap((r) => this.#parseEntry(r.entry, summary.id));
        this.#triage.appendTo(session, entries, { fromTeam: true });
        cursor.pulledSerial = Number(rows.at(-1)!.serial);
        if (rows.length < BATCH) break;
      }
    }
  }

  #parseEntry(value: unknown, sessionId: string): Entry[] {
    const parsed = entrySchema.safeParse(value);
    if (!parsed.success || parsed.data.sessionId !== sessionId) {
      log.warn(`Skipped an entry of session ${sessionId} from the team database that is not a valid entry`);
      return [];
    }
    return [parsed.data];
  }

  async #refreshRemote(pool: pg.Pool) {
    const { rows } = await pool.query<{ summary: unknown }>('SELECT summary FROM sluice_triage_sessions ORDER BY started_at DESC LIMIT 500');
    this.#remote = rows.flatMap((r) => {
      const parsed = sessionSummarySchema.safeParse(r.summary);
      return parsed.success ? [parsed.data] : [];
    });
  }

  #pending(): number {
    let pending = 0;
    const store = this.#triage.store;
    for (const summary of store.list()) {
      const cursor = this.#state.sessions[summary.id];
      const size = fs.statSync(store.fileOf(summary.id), { throwIfNoEntry: false })?.size ?? 0;
      if (cursor && size === cursor.sentSize) continue;
      pending += store.open(summary.id).entries.filter((e) => e.machine === this.#triage.machine).length - (cursor?.sent ?? 0);
    }
    const records = this.#audit.read().records;
    pending += records[0]?.id === this.#state.audit.firstId ? records.length - this.#state.audit.sent : records.length;
    return Math.max(0, pending);
  }

  /** The team's sessions as of the last sync (the list does not wait for the database). */
  async sessions(): Promise<SessionSummary[]> {
    return this.#remote;
  }

  async #entriesOf(id: string): Promise<Entry[]> {
    const pool = this.#poolNow();
    try {
      const { rows } = await pool.query<{ entry: unknown }>('SELECT entry FROM sluice_triage_entries WHERE session_id = $1 ORDER BY serial', [id]);
      return rows.flatMap((r) => this.#parseEntry(r.entry, id));
    } catch (error) {
      throw new AppFailure('SERVICE_UNREACHABLE', `The team database did not answer (${messageOf(error)}); a teammate's session can be read once it is back.`);
    }
  }

  async view(id: string, options: { kinds?: EntryKind[]; text?: string; limit: number; now: number }): Promise<Timeline | null> {
    const entries = await this.#entriesOf(id);
    return entries.length ? buildTimeline(entries, options) : null;
  }

  /** A teammate's session brought onto this machine (a local file from then on), to join it. */
  async pull(id: string): Promise<StoredSession> {
    const entries = await this.#entriesOf(id);
    if (entries.length === 0) throw new AppFailure('NOT_FOUND', `The team database has no session "${id}".`, { id });
    const store = this.#triage.store;
    const session = store.exists(id) ? store.open(id) : store.create(id, entries.slice(0, 1));
    this.#triage.appendTo(session, entries, { fromTeam: true });
    return session;
  }

  #loadState(): SyncState {
    try {
      const state = JSON.parse(fs.readFileSync(this.#stateFile, 'utf8')) as SyncState;
      if (state && typeof state.sessions === 'object' && state.audit) return state;
    } catch {
      // First run, or a damaged cache: everything is sent again, idempotently.
    }
    return { sessions: {}, audit: { firstId: null, sent: 0 } };
  }

  #saveState() {
    try {
      writeFileAtomic(this.#stateFile, JSON.stringify(this.#state));
    } catch (error) {
      log.warn('Could not save the team sync state', error);
    }
  }

  async close(): Promise<void> {
    this.#closed = true;
    this.#unfollow();
    if (this.#timer) clearTimeout(this.#timer);
    if (this.#soon) clearTimeout(this.#soon);
    await this.#running;
    await this.#dropPool();
  }
}
