// An append-only file of JSON lines that a crash, `kill -9` or a full disk cannot corrupt: the one
// safe append under the audit log and the triage sessions (ADR 0011). A write loops until every
// byte is written and is fsynced before the caller goes on, so what a caller was told is written
// survives a crash. A write the disk cannot take fails as a whole: the file is cut back to where it
// was (no half line for the next record to be glued onto). A torn tail left by a crash (a write
// that was never acknowledged) never swallows the next line: it keeps its own line, or, for files
// that ask for it, is cut off when the file is opened. Readers skip and count lines that are not
// JSON instead of failing.
import fs from 'node:fs';
import path from 'node:path';
import { createLogger } from './logger';

const log = createLogger('append-only-file');

export interface AppendOnlyFileOptions {
  mode?: number;
}

export interface JsonLines<T> {
  values: T[];
  /** Lines that are not JSON (a torn tail after a crash, or damage), skipped. */
  damagedLines: number;
}

/** Writes all of `buffer` or throws; never returns having written part of it. */
function writeAll(fd: number, buffer: Buffer): void {
  let offset = 0;
  while (offset < buffer.length) offset += fs.writeSync(fd, buffer, offset, buffer.length - offset);
}

function endsWithNewline(fd: number, size: number): boolean {
  const last = Buffer.alloc(1);
  fs.readSync(fd, last, 0, 1, size - 1);
  return last[0] === 0x0a;
}

/** A failed write must not leave half a line for the next record to be glued onto. */
function cutBack(fd: number, size: number, file: string) {
  try {
    fs.ftruncateSync(fd, size);
    fs.fsyncSync(fd);
  } catch (error) {
    log.error(`Could not cut a failed write off ${file}; readers will skip the torn line`, error);
  }
}

export class AppendOnlyFile {
  readonly #mode: number;

  constructor(readonly file: string, options: AppendOnlyFileOptions = {}) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    this.#mode = options.mode ?? 0o600;
  }

  /**
   * Appends each text as one line, all in one write, fsynced. Throws the file system's error when
   * the lines could not all be written; the file is then as it was before the call.
   */
  appendLines(texts: readonly string[]): void {
    if (texts.length === 0) return;
    const lines = Buffer.from(texts.map((t) => `${t}\n`).join(''), 'utf8');
    let fd: number | null = null;
    let sizeBefore = 0;
    try {
      fd = fs.openSync(this.file, 'a+', this.#mode);
      sizeBefore = fs.fstatSync(fd).size;
      // A torn tail (a write cut short by a crash) keeps its own line: the new one is never glued onto it.
      writeAll(fd, sizeBefore > 0 && !endsWithNewline(fd, sizeBefore) ? Buffer.concat([Buffer.from('\n'), lines]) : lines);
      fs.fsyncSync(fd);
    } catch (error) {
      if (fd !== null) cutBack(fd, sizeBefore, this.file);
      throw error;
    } finally {
      if (fd !== null) fs.closeSync(fd);
    }
  }

  appendJson(values: readonly unknown[]): void {
    this.appendLines(values.map((v) => JSON.stringify(v)));
  }

  /**
   * Cuts off a torn tail: bytes after the last newline, which no caller was ever told were written
   * (an append returns only after its newline is on disk). Returns how many bytes were cut.
   */
  cutTornTail(): number {
    let fd: number | null = null;
    try {
      fd = fs.openSync(this.file, 'r+');
      const size = fs.fstatSync(fd).size;
      if (size === 0 || endsWithNewline(fd, size)) return 0;
      // Read back from the end in chunks until the last newline.
      const chunk = Buffer.alloc(64 * 1024);
      let end = size;
      while (end > 0) {
        const start = Math.max(0, end - chunk.length);
        const read = fs.readSync(fd, chunk, 0, end - start, start);
        const at = chunk.subarray(0, read).lastIndexOf(0x0a);
        if (at >= 0) {
          const keep = start + at + 1;
          fs.ftruncateSync(fd, keep);
          fs.fsyncSync(fd);
          return size - keep;
        }
        end = start;
      }
      fs.ftruncateSync(fd, 0);
      fs.fsyncSync(fd);
      return size;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') log.warn(`Could not check ${this.file} for a torn tail`, error);
      return 0;
    } finally {
      if (fd !== null) fs.closeSync(fd);
    }
  }

  /** Every line parsed as JSON, in file order; damaged lines are counted and skipped, never fatal. */
  readJson<T = unknown>(): JsonLines<T> {
    return readJsonLines<T>(this.file);
  }

  size(): number {
    try {
      return fs.statSync(this.file).size;
    } catch {
      return 0;
    }
  }
}

/** The JSON lines of `file` (none when it does not exist); lines that are not JSON are counted. */
export function readJsonLines<T = unknown>(file: string): JsonLines<T> {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return { values: [], damagedLines: 0 };
  }
  const values: T[] = [];
  let damagedLines = 0;
  for (const line of text.split('\n')) {
    if (!line) continue;
    try {
      values.push(JSON.parse(line) as T);
    } catch {
      damagedLines++;
    }
  }
  return { values, damagedLines };
}
