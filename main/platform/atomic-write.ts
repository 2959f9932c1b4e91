// Write to a temporary file and rename, so a crash mid-write never leaves half a file behind.
import fs from 'node:fs';
import path from 'node:path';

/** `mode` defaults to owner-only, for Sluice's own files; user files pass their existing mode. */
export function writeFileAtomic(file: string, content: string, mode = 0o600): void {
  writeThroughTemporary(file, mode, (fd) => writeAll(fd, Buffer.from(content)));
}

/** How much of a piecewise write is held before it goes to the file. */
const PIECES_BUFFER = 1 << 20;

/**
 * Like writeFileAtomic, for content produced piece by piece (a large snapshot as JSON Lines): the
 * pieces go to the file a megabyte at a time, so the whole text never sits in memory at once.
 */
export function writePiecesAtomic(file: string, pieces: Iterable<string>, mode = 0o600): void {
  writeThroughTemporary(file, mode, (fd) => {
    let held: string[] = [];
    let size = 0;
    const flush = () => {
      if (held.length === 0) return;
      writeAll(fd, Buffer.from(held.join('')));
      held = [];
      size = 0;
    };
    for (const piece of pieces) {
      held.push(piece);
      size += piece.length;
      if (size >= PIECES_BUFFER) flush();
    }
    flush();
  });
}

/** Writes a temporary file beside `file`, fsyncs it and renames it over; on failure the old file stays and the temporary goes. */
function writeThroughTemporary(file: string, mode: number, write: (fd: number) => void): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Date.now()}.sluice-tmp`);
  const fd = fs.openSync(temporary, 'w', mode);
  try {
    write(fd);
    fs.fsyncSync(fd);
  } catch (error) {
    fs.closeSync(fd);
    fs.rmSync(temporary, { force: true });
    throw error;
  }
  fs.closeSync(fd);
  fs.renameSync(temporary, file);
}

/** writeSync may write less than it was given: write until every byte is in. */
function writeAll(fd: number, data: Buffer): void {
  let offset = 0;
  while (offset < data.length) offset += fs.writeSync(fd, data, offset, data.length - offset);
}
