// Append-only audit log of every control action: one JSON record per line, hash-chained, written
// and fsynced before the caller goes on. A write that the disk cannot take fails as a whole: the
// file is cut back to where it was (no torn line, nothing glued onto the next record) and the
// caller is told, so an action whose intent cannot be recorded is not applied. The log rotates at
// a size limit; the new file's first record links to the old file's last hash. The safe append
// itself is main/platform/append-only-file.ts, shared with the triage sessions.
//
// Two hooks for other domains, which the audit layer must not import: guards, asked before an
// action's intent is written (break-glass production access refuses there), and listeners, told
// of every record once it is on disk (a triage session's timeline writes itself from them).
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { AuditRecord, ChainReport } from '../../shared/audit/audit-record';
import { AppFailure } from '../../shared/common/result';
import { AppendOnlyFile, readJsonLines } from '../platform/append-only-file';
import { writeFileAtomic } from '../platform/atomic-write';
import { createLogger } from '../platform/logger';
import { GENESIS_HASH, recordHash, verifyChain, type ChainHead } from './audit-chain';

const log = createLogger('audit');

export type AuditEntry = Omit<AuditRecord, 'id' | 'time' | 'seq' | 'prevHash' | 'hash'>;

export interface AuditLogOptions {
  /** Rotate once the file would grow past this many bytes. */
  maxBytes?: number;
}

/** What a guard is shown of an action before its intent is written. */
export interface GuardedAction {
  profile: AuditRecord['profile'];
  action: string;
  endpoint: string;
  target: unknown;
  command?: string;
  /** Shows what is hidden (masked values) and changes nothing: audited, but not a write. */
  readsOnly?: boolean;
}

/** Refuses an action by throwing an AppFailure (nothing is written, nothing applied); returns to allow it. */
export type ActionGuard = (action: GuardedAction) => void;
export type AuditListener = (record: AuditRecord) => void;

interface HeadFile extends ChainHead { file: string; previousFile: string | null; previousHead: ChainHead | null }

export interface AuditRead {
  records: AuditRecord[];
  /** Lines that are not records (a torn tail after a failed write, or damage). */
  damagedLines: number;
}

export class AuditLog {
  readonly #headFile: string;
  readonly #maxBytes: number;
  #head: HeadFile | null | undefined = undefined;
  readonly #appender: AppendOnlyFile;
  readonly #guards = new Set<ActionGuard>();
  readonly #listeners = new Set<AuditListener>();

  constructor(readonly file: string, options: AuditLogOptions = {}) {
    this.#appender = new AppendOnlyFile(file);
    this.#headFile = `${file}.head.json`;
    this.#maxBytes = options.maxBytes ?? 16 * 1024 * 1024;
  }

  /** The chain's last record: from the head file, else from the log itself. */
  #loadHead(): HeadFile | null {
    if (this.#head !== undefined) return this.#head;
    let head = this.#readHeadFile();
    const last = this.#lastChained();
    // The log wins when it is ahead (the head file's own write may have failed on a full disk).
    if (last && (!head || last.seq >= head.seq)) head = { seq: last.seq, hash: last.hash, file: path.basename(this.file), previousFile: head?.previousFile ?? null, previousHead: head?.previousHead ?? null };
    this.#head = head;
    return head;
  }

  #lastChained(): ChainHead | null {
    const { records } = this.read();
    for (let i = records.length - 1; i >= 0; i--) {
      const r = records[i]!;
      if (typeof r.seq === 'number' && r.hash) return { seq: r.seq, hash: r.hash };
    }
    return null;
  }

  /**
   * Appends one record, fsynced, and returns it. Throws AppFailure('AUDIT_UNAVAILABLE') when the
   * record could not be written whole; the file is then as it was before the call.
   */
  append(entry: AuditEntry): AuditRecord {
    const head = this.#loadHead();
    const unsigned = { id: randomUUID(), seq: head ? head.seq + 1 : 0, time: new Date().toISOString(), ...entry, prevHash: head?.hash ?? GENESIS_HASH };
    const record: AuditRecord = { ...unsigned, hash: recordHash(unsigned) };
    const line = JSON.stringify(record);
    this.#rotateIfFull(Buffer.byteLength(line) + 1, head);
    try {
      this.#appender.appendLines([line]);
    } catch (error) {
      throw new AppFailure('AUDIT_UNAVAILABLE', `The audit log could not be written (${(error as NodeJS.ErrnoException).code ?? 'error'}: ${(error as Error).message}); nothing was changed. Free disk space in ${path.dirname(this.file)} and try again.`, { file: this.file });
    }
    this.#head = { seq: record.seq!, hash: record.hash!, file: path.basename(this.file), previousFile: head?.previousFile ?? null, previousHead: head?.previousHead ?? null };
    this.#saveHead();
    for (const listener of this.#listeners) {
      try {
        listener(record);
      } catch (error) {
        // A listener's trouble never turns a written record into a failed action.
        log.warn(`An audit listener failed on record ${record.seq}`, error);
      }
    }
    return record;
  }

  /** Adds a guard asked before every audited action's intent; returns how to remove it. */
  addGuard(guard: ActionGuard): () => void {
    this.#guards.add(guard);
    return () => this.#guards.delete(guard);
  }

  /** Throws the first guard's refusal (an AppFailure); nothing is written either way. */
  checkGuards(action: GuardedAction): void {
    for (const guard of this.#guards) guard(action);
  }

  /** Tells `listener` of every record appended from now on, once it is on disk. */
  onAppend(listener: AuditListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #saveHead() {
    try {
      writeFileAtomic(this.#headFile, JSON.stringify(this.#head));
    } catch (error) {
      // The record itself is on disk; only truncation detection is weaker until the next append.
      log.warn(`Could not update ${this.#headFile}`, error);
    }
  }

  #rotateIfFull(adding: number, head: HeadFile | null) {
    let size: number;
    try {
      size = fs.statSync(this.file).size;
    } catch {
      return;
    }
    if (size === 0 || size + adding <= this.#maxBytes) return;
    const rotated = this.file.replace(/\.jsonl$/, '') + `-${new Date().toISOString().replace(/[:.]/g, '-')}.jsonl`;
    fs.renameSync(this.file, rotated);
    this.#head = head ? { ...head, previousFile: path.basename(rotated), previousHead: { seq: head.seq, hash: head.hash } } : null;
    log.info(`Rotated the audit log to ${rotated}; the new file continues its chain`);
  }

  /** Every record in file order; damaged lines are counted and skipped, never fatal. */
  read(file = this.file): AuditRead {
    const { values, damagedLines } = readJsonLines<AuditRecord>(file);
    return { records: values, damagedLines };
  }

  /** The newest records first. */
  recent(limit: number): AuditRecord[] {
    return this.read().records.slice(-limit).reverse();
  }

  /** Checks the chain of `file` (default: the current log) and names its first problem. */
  verify(file = this.file): ChainReport {
    const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
    const lines = text.split('\n').map((t, i) => ({ line: i + 1, text: t })).filter((l) => l.text.length > 0);
    const current = path.resolve(file) === path.resolve(this.file);
    const head = current ? this.#readHeadFile() : null;
    return verifyChain(file, lines, { head: head ? { seq: head.seq, hash: head.hash } : null, ...(head?.previousHead ? { startsAfter: head.previousHead } : {}) });
  }

  #readHeadFile(): HeadFile | null {
    try {
      return JSON.parse(fs.readFileSync(this.#headFile, 'utf8')) as HeadFile;
    } catch {
      return null;
    }
  }
}
