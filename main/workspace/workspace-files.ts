// Reading a workspace folder from disk: every file under it (hidden folders such as .git and
// node_modules left out), text only, with a content hash as its version. The version is what a
// save compares with the disk, so an edit made elsewhere is never overwritten silently.
//
// The folder is a boundary: every path is resolved to its real path (symbolic links followed) and
// refused when that leaves the folder, so a link such as `ext -> /etc` neither reads nor writes
// outside. Listing does not descend into linked folders; a linked file is listed when it stays in.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { lineIndex, type Span } from '../../shared/common/diagnostics';
import { runToEnd } from '../../shared/workspace/steps';

export const MAX_FILES = 20_000;
/** Larger files are listed but not read, parsed or sent to a page (a 4.9 MB ADR froze the tab for 92 s). */
export const MAX_TEXT_BYTES = 2 * 1024 * 1024;

export const versionOf = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 16);

/** Workspace-relative, with forward slashes, whatever the platform. */
export const relativePath = (root: string, file: string): string => path.relative(root, file).split(path.sep).join('/');

const skippedFolder = (name: string) => name.startsWith('.') || name === 'node_modules';
export const isTemporary = (name: string) => name.endsWith('.sluice-tmp') || name.endsWith('~') || name.endsWith('.swp');

export const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
export const tooLargeReason = (bytes: number) => `${megabytes(bytes)}, more than the ${MAX_TEXT_BYTES / 1024 / 1024} MB Sluice reads`;

export class OutsideWorkspace extends Error {}

/** The open folder: its path as given, and its real path, against which every path is checked. */
export class WorkspaceFolder {
  readonly realRoot: string;

  constructor(readonly root: string) {
    this.realRoot = fs.realpathSync(root);
  }

  #inside(real: string) {
    return real === this.realRoot || real.startsWith(this.realRoot + path.sep);
  }

  /**
   * The real path of a workspace file (which may not exist yet): the deepest part of the path that
   * exists is resolved through its links, the rest appended. Throws OutsideWorkspace when it
   * leaves the folder.
   */
  resolve(relative: string): string {
    const lexical = path.resolve(this.root, relative);
    if (lexical !== this.root && !lexical.startsWith(this.root + path.sep)) throw new OutsideWorkspace(`${relative} is outside the workspace`);
    const missing: string[] = [];
    let existing = lexical;
    for (;;) {
      let real: string | null = null;
      try {
        real = fs.realpathSync(existing);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        // A link whose target is missing is refused too: writing through it would create the target.
        if (isLink(existing)) throw new OutsideWorkspace(`${relative} is a link to a file that does not exist`);
      }
      if (real !== null) {
        const resolved = path.join(real, ...missing.reverse());
        if (!this.#inside(resolved)) throw new OutsideWorkspace(`${relative} leads outside the workspace (through a symbolic link)`);
        return resolved;
      }
      const parent = path.dirname(existing);
      if (parent === existing) throw new OutsideWorkspace(`${relative} is outside the workspace`);
      missing.push(path.basename(existing));
      existing = parent;
    }
  }

  /** Every file under the folder, a folder at a time, so a caller can pause between folders. */
  *listInSteps(under = ''): Generator<void, string[]> {
    const found: string[] = [];
    const pending = [path.join(this.root, under)];
    while (pending.length > 0 && found.length < MAX_FILES) {
      const dir = pending.pop()!;
      let entries: fs.Dirent[];
      try { entries = fs.readdirSync(dir, { withFileTypes: true }); } catch { continue; }
      for (const entry of entries) {
        if (found.length >= MAX_FILES) break;
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) { if (!skippedFolder(entry.name)) pending.push(full); }
        else if (entry.isFile()) { if (!isTemporary(entry.name)) found.push(relativePath(this.root, full)); }
        else if (entry.isSymbolicLink() && !isTemporary(entry.name) && this.#linkedFileInside(full)) found.push(relativePath(this.root, full));
      }
      yield;
    }
    return found.sort();
  }

  list(under = ''): string[] {
    return runToEnd(this.listInSteps(under));
  }

  #linkedFileInside(full: string): boolean {
    try {
      const real = fs.realpathSync(full);
      return this.#inside(real) && fs.statSync(real).isFile();
    } catch {
      return false;
    }
  }

  /** A file's text, or why it has none (outside, too large, binary, gone). */
  read(relative: string): ReadResult {
    let file: string;
    try {
      file = this.resolve(relative);
    } catch (error) {
      if (error instanceof OutsideWorkspace) return { text: null, size: 0, reason: 'outside the workspace', tooLarge: false, gone: true };
      return { text: null, size: 0, reason: String(error), tooLarge: false, gone: false };
    }
    return readFileText(file);
  }
}

const isLink = (file: string) => {
  try { return fs.lstatSync(file).isSymbolicLink(); } catch { return false; }
};

export interface TextRead {
  text: string;
  version: string;
  size: number;
  /** Where the first byte that is not UTF-8 is; the text then shows U+FFFD there and is read-only. */
  notUtf8: Span | null;
}
export type ReadResult = TextRead | {
  text: null;
  size: number;
  reason: string;
  tooLarge: boolean;
  /** Deleted, a folder, or outside the workspace: not a file of it (any more). */
  gone: boolean;
};

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** A file's bytes as text: strict UTF-8, or the text with U+FFFD and where the first bad byte is. */
export function readFileText(file: string): ReadResult {
  let buffer: Buffer;
  try {
    const stat = fs.statSync(file);
    if (stat.isDirectory()) return { text: null, size: 0, tooLarge: false, gone: true, reason: 'a folder' };
    if (stat.size > MAX_TEXT_BYTES) return { text: null, size: stat.size, tooLarge: true, gone: false, reason: tooLargeReason(stat.size) };
    buffer = fs.readFileSync(file);
  } catch (error) {
    const deleted = (error as NodeJS.ErrnoException).code === 'ENOENT';
    return { text: null, size: 0, tooLarge: false, gone: deleted, reason: deleted ? 'deleted' : String(error) };
  }
  if (buffer.subarray(0, 8192).includes(0)) return { text: null, size: buffer.length, tooLarge: false, gone: false, reason: 'binary' };
  try {
    const text = strictUtf8.decode(buffer);
    return { text, version: versionOf(text), size: buffer.length, notUtf8: null };
  } catch {
    const text = buffer.toString('utf8');
    // The version hashes the bytes: two files that differ only in their bad bytes differ.
    return { text, version: createHash('sha256').update(buffer).digest('hex').slice(0, 16), size: buffer.length, notUtf8: firstBadByte(buffer) };
  }
}

/** The line and column (in characters) of the first byte sequence that is not UTF-8. */
function firstBadByte(buffer: Buffer): Span {
  let low = 0;
  let high = buffer.length;
  // The longest prefix that decodes: found by bisection, each step one strict decode.
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (decodesAsUtf8(buffer.subarray(0, mid))) low = mid; else high = mid - 1;
  }
  const before = buffer.subarray(0, low).toString('utf8');
  const { line, column } = lineIndex(before).at(before.length);
  return { line, column, endLine: line, endColumn: column + 1 };
}

const streamingUtf8 = () => new TextDecoder('utf-8', { fatal: true });
function decodesAsUtf8(bytes: Buffer): boolean {
  try {
    // `stream: true` lets a prefix end inside a character; only a byte that can never be UTF-8 fails.
    streamingUtf8().decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}
