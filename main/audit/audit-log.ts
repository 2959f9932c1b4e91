// Append-only audit log of every control action: one JSON record per line, hash-chained, written
// and fsynced before the caller goes on. A write that the disk cannot take fails as a whole: the
// file is cut back to where it was (no torn line, nothing glued onto the next record) and the
// caller is told, so an action whose intent cannot be recorded is not applied. The log rotates at
// a size limit; the new file's first record links to the old file's last hash.
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { AuditRecord, ChainReport } from '../../shared/audit/audit-record';
import { AppFailure } from '../../shared/common/result';
import { writeFileAtomic } from '../platform/atomic-write';
import { createLogger } from '../platform/logger';
import { GENESIS_HASH, recordHash, verifyChain, type ChainHead } from './audit-chain';

const log = createLogger('audit');

export type AuditEntry = Omit<AuditRecord, 'id' | 'time' | 'seq' | 'prevHash' | 'hash'>;

export interface AuditLogOptions {
  /** Rotate once the file would grow past this many bytes. */
  maxBytes?: number;
}

interface HeadFile extends ChainHead { file: string; previousFile: string | null; previousHead: ChainHead | null }

export interface AuditRead {
  records: AuditRecord[];
  /** Lines that are not records (a torn tail after a failed write, or damage). */
  damagedLines: number;
}

/** Writes all of `buffer` or throws; never returns having written part of it. */
function writeAll(fd: number, buffer: Buffer): void {
  let offset = 0;
  while (offset < buffer.length) offset += fs.writeSync(fd, buffer, offset, buffer.length - offset);
}

export class AuditLog {
  readonly #headFile: string;
  readonly #maxBytes: number;
  #head: HeadFile | null | undefined = undefined;

  constructor(readonly file: string, options: AuditLogOptions = {}) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
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
    const line = Buffer.from(`${JSON.stringify(record)}\n`, 'utf8');
    this.#rotateIfFull(line.length, head);
    let fd: number | null = null;
    let sizeBefore = 0;
    try {
      fd = fs.openSync(this.file, 'a+', 0o600);
      sizeBefore = fs.fstatSync(fd).size;
      // A torn tail (a write cut short by a crash) keeps its own line: the new record is never glued onto it.
      writeAll(fd, sizeBefore > 0 && !this.#endsWithNewline(fd, sizeBefore) ? Buffer.concat([Buffer.from('\n'), line]) : line);
      fs.fsyncSync(fd);
    } catch (error) {
      if (fd !== null) this.#cutBack(fd, sizeBefore);
      throw new AppFailure('AUDIT_UNAVAILABLE', `The audit log could not be written (${(error as NodeJS.ErrnoException).code ?? 'error'}: ${(error as Error).message}); nothing was changed. Free disk space in ${path.dirname(this.file)} and try again.`, { file: this.file });
    } finally {
      if (fd !== null) fs.closeSync(fd);
    }
    this.#head = { seq: record.seq!, hash: record.hash!, file: path.basename(this.file), previousFile: head?.previousFile ?? null, previousHead: head?.previousHead ?? null };
    this.#saveHead();
    return record;
  }

  #endsWithNewline(fd: number, size: number): boolean {
    const last = Buffer.alloc(1);
    fs.readSync(fd, last, 0, 1, size - 1);
    return last[0] === 0x0a;
  }

  /** A failed write must not leave half a line for the next record to be glued onto. */
  #cutBack(fd: number, size: number) {
    try {
      fs.ftruncateSync(fd, size);
      fs.fsyncSync(fd);
    } catch (error) {
      log.error(`Could not cut a failed write off ${this.file}; readers will skip the torn line`, error);
    }
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
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      return { records: [], damagedLines: 0 };
    }
    const records: AuditRecord[] = [];
    let damagedLines = 0;
    for (const line of text.split('\n')) {
      if (!line) continue;
      try {
        records.push(JSON.parse(line) as AuditRecord);
      } catch {
        damagedLines++;
      }
    }
    return { records, damagedLines };
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
